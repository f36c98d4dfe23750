"""Dashboard panels and the report of study tours: pending bookings, how full sessions are."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from core.editorial.panels import EditorialPanel, ShortDateColumn, share
from core.editorial.reports import EditorialReport
from education.models.seats import OccasionStatus
from education.models.sessions import Booking, StudySession
from education.public_requests.editorial import AwaitingAnswerPanel, reference_column
from education.study_tours.choices import BookingStatus

#: A session is "nearly full" from this share of its seats taken (percent).
NEARLY_FULL_PERCENT = 80


def upcoming_sessions():
    """Sessions from today on that still take place, with `seats_taken` and `waitlisted`."""
    return (
        StudySession.objects.filter(date__gte=timezone.localdate())
        .exclude(status=OccasionStatus.CANCELLED)
        .select_related("base")
        .with_occupancy()
    )


def nearly_full_sessions():
    return (
        upcoming_sessions()
        .filter(status=OccasionStatus.OPEN)
        .alias(taken_share=F("seats_taken") * 100)
        .filter(taken_share__gte=F("capacity") * NEARLY_FULL_PERCENT)
    )


def occupancy(session):
    return share(session.seats_taken, session.capacity)


class SessionsNearlyFullReport(EditorialReport):
    slug = "sessions-nearly-full"
    page_title = _("名额将满的研学场次")
    header_icon = "date"
    menu_order = 2030
    permission = "education.view_studysession"
    model = StudySession
    no_results_message = _("没有名额将满的场次。")
    columns = [
        Column("base", label=_("研学基地"), accessor="base.title"),
        DateColumn("date", label=_("日期")),
        Column("start_time", label=_("开始时间")),
        Column("occupancy", label=_("已占 / 名额"), accessor=occupancy),
        Column("seats_left", label=_("剩余名额")),
        Column("waitlisted", label=_("候补")),
    ]
    list_export = [
        "base.title",
        "date",
        "start_time",
        "capacity",
        "seats_taken",
        "seats_left",
        "waitlisted",
        "booking_deadline",
    ]
    export_headings = {
        "base.title": _("研学基地"),
        "date": _("日期"),
        "start_time": _("开始时间"),
        "capacity": _("学生名额"),
        "seats_taken": _("已占名额"),
        "seats_left": _("剩余名额"),
        "waitlisted": _("候补"),
        "booking_deadline": _("报名截止日期"),
    }

    def get_queryset(self):
        return nearly_full_sessions().order_by("date", "start_time")


class PendingBookingsPanel(AwaitingAnswerPanel):
    """Bookings a school is waiting on: answer them before their session fills."""

    panel_id = "editorial-pending-bookings"
    heading = _("待确认的研学预约")
    columns = [
        reference_column(_("预约号"), "education_bookings"),
        Column("school_name", label=_("学校")),
        Column(
            "session",
            label=_("场次"),
            accessor=lambda booking: (
                f"{booking.session.base.title} · {booking.session.date:%Y-%m-%d}"
            ),
        ),
        Column("pupils", label=_("学生")),
        ShortDateColumn("created_at", label=_("提交时间")),
    ]
    empty_message = _("没有待确认的预约。")
    order = 130
    permission = "education.view_booking"
    model = Booking
    awaiting_status = BookingStatus.REQUESTED
    related = ["session__base"]


class UpcomingSessionsPanel(EditorialPanel):
    panel_id = "editorial-upcoming-sessions"
    heading = _("即将开始的研学场次")
    columns = [
        Column("base", label=_("研学基地"), accessor="base.title"),
        Column(
            "date",
            label=_("日期"),
            accessor=lambda session: f"{session.date:%Y-%m-%d} {session.start_time:%H:%M}",
        ),
        Column("occupancy", label=_("已占 / 名额"), accessor=occupancy),
        Column("waitlisted", label=_("候补")),
    ]
    empty_message = _("没有即将开始的场次。")
    report = SessionsNearlyFullReport
    order = 135
    permission = "education.view_studysession"

    def get_queryset(self):
        return upcoming_sessions().order_by("date", "start_time")
