"""Public views of training programmes: the enquiry form and the organisation's own
enquiry page, and the emails an enquiry sends.

The form is a route of each programme page (about that programme) and of the
programme index (any programme, or a custom one), so it lives under the
language prefix of the page and renders in that language.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .requests import PublicRequestHandler, send_notification, staff_recipients
from .training import TrainingEnquiry
from .training_forms import TrainingEnquiryForm


def enquiry_context(enquiry):
    return {
        "enquiry": enquiry,
        "programme": enquiry.localized_programme(),
        "cohort": enquiry.cohort,
        "public_url": enquiry.get_full_public_url(),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("education_training_enquiries:inspect", args=[enquiry.pk]),
    }


def notify_organisation(enquiry):
    """Acknowledge the enquiry in the organisation's language, with its reference."""
    return send_notification(
        "education/training/emails/enquiry_ack",
        enquiry_context(enquiry),
        to=[enquiry.email],
        language=enquiry.language,
        reply_to=staff_recipients(enquiry.programme.enquiry_email if enquiry.programme else ""),
    )


def notify_staff(enquiry):
    return send_notification(
        "education/training/emails/enquiry_staff",
        enquiry_context(enquiry),
        to=staff_recipients(enquiry.programme.enquiry_email if enquiry.programme else ""),
        language=settings.LANGUAGE_CODE,
        reply_to=[enquiry.email],
    )


class TrainingEnquiryHandler(PublicRequestHandler):
    model = TrainingEnquiry
    form_class = TrainingEnquiryForm
    template_name = "education/training/enquiry_form.html"
    rate_limit_group = "education.training_enquiry"

    def create(self, form):
        return form.save()

    def notify(self, enquiry):
        notify_organisation(enquiry)
        notify_staff(enquiry)
        messages.success(self.request, _("培训咨询已提交，确认邮件已发送到您的邮箱。"))


def enquiry_form(request, index_page, programme=None):
    """The enquiry form; `?cohort=<id>` preselects one of the programme's cohorts."""
    form_kwargs = {"programme": programme, "locale": index_page.locale}
    if programme is not None and request.method == "GET":
        cohort = request.GET.get("cohort", "")
        offered = {str(c.pk) for c in programme.offered_cohorts}
        if cohort in offered:
            form_kwargs["initial"] = {"cohort": cohort}
    context = {"page": programme or index_page, "programme": programme, "index_page": index_page}
    return TrainingEnquiryHandler(request, context, form_kwargs=form_kwargs).handle()


def enquiry_detail(request, index_page, token):
    """The organisation's page for its enquiry, reached by the signed link in its email.

    A tampered, expired or foreign link is a plain 404: it says nothing about
    whether an enquiry exists.
    """
    enquiry = TrainingEnquiry.get_by_token(
        token, TrainingEnquiry.objects.select_related("programme", "cohort")
    )
    if enquiry is None:
        raise Http404("No enquiry for this link.")
    response = render(
        request,
        "education/training/enquiry_detail.html",
        {
            "page": index_page,
            "enquiry": enquiry,
            "programme": enquiry.localized_programme(),
            "cohort": enquiry.cohort,
        },
    )
    # A personal page: never cached by a proxy, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
