"""Public views of a study base: the booking form and the school's own booking page.

Both are routes of StudyBasePage, so they live under the language prefix of
the page (/zh-hans/…, /en/…) and render in that language.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from education.models.sessions import Booking
from education.public_requests.handler import PublicRequestHandler, private_page
from education.seats import SeatsRefused
from education.study_tours import bookings, notifications
from education.study_tours.choices import SEAT_HOLDING_STATUSES
from education.study_tours.forms import BookingForm


class BookingHandler(PublicRequestHandler):
    model = Booking
    form_class = BookingForm
    template_name = "education/booking_form.html"
    rate_limit_group = "education.booking"
    submitted_message = gettext_lazy("预约申请已提交，确认邮件已发送到您的邮箱。")

    def create(self, form):
        return bookings.book(form.session.pk, form)

    def notify(self, booking):
        notifications.notify_school(booking)
        notifications.notify_staff(booking, "new")


def booking_form(request, page, session):
    context = {
        "page": page,
        "session": session,
        "course_title": session.course_title(page),
        "closed_reason": session.closed_reason(),
        "offer_waitlist": session.is_full,
    }
    if context["closed_reason"]:
        status = 200 if request.method == "GET" else 409
        return render(request, "education/booking_form.html", context, status=status)
    handler = BookingHandler(request, context, form_kwargs={"base": page, "session": session})
    return handler.handle()


def booking_detail(request, page, token):
    """The school's page for its booking, reached by the signed link in its emails.

    A tampered, expired or foreign link is a plain 404: it says nothing about
    whether a booking exists. Cancelling takes two steps that work without
    JavaScript: `?cancel` shows what will be given up, and its form POSTs.
    """
    booking = Booking.get_by_token(token, Booking.objects.select_related("session__base__locale"))
    if booking is None or booking.session.base.translation_key != page.translation_key:
        raise Http404("No booking for this link.")
    if request.method == "POST" and request.POST.get("action") == "cancel":
        cancel(request, booking)
        return redirect(request.path)
    can_cancel = booking.can_be_cancelled_by_school()
    return private_page(
        render(
            request,
            "education/booking_detail.html",
            {
                "page": page,
                "booking": booking,
                "session": booking.session,
                "course_title": booking.session.course_title(page),
                "can_cancel": can_cancel,
                "confirming_cancel": can_cancel and "cancel" in request.GET,
            },
        )
    )


def cancel(request, booking):
    """Cancel the school's booking and tell it, in a message, how many seats that freed."""
    if not booking.can_be_cancelled_by_school():
        messages.error(request, _("此预约已无法在线取消，请致电基地。"))
        return
    try:
        cancelled = bookings.transition(booking.pk, "cancel")
    except SeatsRefused as refusal:
        messages.error(request, str(refusal))
        return
    notifications.notify_school(cancelled)
    notifications.notify_staff(cancelled, "cancelled")
    freed = booking.pupils if booking.status in SEAT_HOLDING_STATUSES else 0
    message = ngettext(
        "预约已取消，释放了 %(freed)s 个名额，该场次现剩 %(left)s 个名额。取消确认已发送到您的邮箱。",
        "预约已取消，释放了 %(freed)s 个名额，该场次现剩 %(left)s 个名额。取消确认已发送到您的邮箱。",
        freed,
    )
    messages.success(request, message % {"freed": freed, "left": cancelled.session.seats_left})


class BookingRoutesMixin(RoutablePageMixin):
    """The booking routes of a study base page: the form of a session and the school's page."""

    @path("book/<int:session_id>/", name="book")
    def book(self, request, session_id):
        return booking_form(request, self, self.get_session_or_404(session_id))

    @path("booking/<str:token>/", name="booking")
    def booking(self, request, token):
        return booking_detail(request, self, token)
