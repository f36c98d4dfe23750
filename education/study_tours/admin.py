"""Booking managers' admin of study tours: bookings with their actions, sessions with occupancy."""

import django_filters
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from education.models.sessions import Booking, StudySession
from education.models.study_tours import StudyBasePage
from education.public_requests.admin import (
    EXPORT_HEADINGS,
    PublicRequestViewSet,
    export_fields,
    inspect_fields,
    source_pages,
    status_column,
    submitted_column,
)
from education.study_tours import bookings, notifications
from education.study_tours.choices import BookingStatus

source_bases = source_pages(StudyBasePage)


class BookingFilterSet(WagtailFilterSet):
    base = django_filters.ModelChoiceFilter(
        label=_("研学基地"), field_name="session__base", queryset=source_bases
    )
    session_date = django_filters.DateFromToRangeFilter(
        label=_("场次日期"), field_name="session__date", widget=DateRangePickerWidget
    )
    # Reached from the occupancy listing's waitlist link.
    session = django_filters.NumberFilter(label=_("场次编号"), field_name="session")

    class Meta:
        model = Booking
        fields = ["status"]


class BookingViewSet(PublicRequestViewSet):
    model = Booking
    name = "education_bookings"
    url_prefix = "education/bookings"
    icon = "group"
    menu_label = _("研学预约")
    # Listed in the study tours group only, not a second time at the top.
    add_to_admin_menu = False
    list_display = [
        "reference",
        "school_name",
        Column("session", label=_("场次"), accessor="session"),
        "pupils",
        "adults",
        status_column(),
        submitted_column(),
    ]
    filterset_class = BookingFilterSet
    search_fields = ["reference", "school_name", "contact_name"]
    list_export = export_fields(
        ["session.base.title", "session.date", "session.start_time", "school_name"],
        [
            "get_age_band_display",
            "pupils",
            "adults",
            "get_meals_display",
            "get_arrival_mode_display",
            "access_needs",
        ],
    )
    export_headings = {
        **EXPORT_HEADINGS,
        "session.base.title": _("研学基地"),
        "session.date": _("场次日期"),
        "session.start_time": _("开始时间"),
        "get_age_band_display": _("年龄段"),
        "get_meals_display": _("用餐"),
        "get_arrival_mode_display": _("到达方式"),
    }
    export_filename = "study-tour-bookings"
    inspect_view_fields = inspect_fields(
        ["session", "school_name"],
        ["age_band", "pupils", "adults", "meals", "arrival_mode", "access_needs"],
    )
    actions = {
        "confirm": {
            "label": _("确认"),
            "from": {BookingStatus.REQUESTED, BookingStatus.WAITLISTED},
            "confirm": _("确认此预约？学校将收到确认邮件和日历文件。"),
            "icon": "check",
        },
        "decline": {
            "label": _("无法接待"),
            "from": {BookingStatus.REQUESTED, BookingStatus.WAITLISTED},
            "confirm": _("告知学校无法接待此预约？名额将释放。"),
            "icon": "cross",
        },
        "cancel": {
            "label": _("取消"),
            "from": {BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED},
            "confirm": _("取消此预约？学校将收到取消通知，名额将释放。"),
            "icon": "bin",
            "destructive": True,
        },
    }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Booking.objects.select_related("session__base"), **kwargs
        )

    success_message = _("预约 %(reference)s 已更新为“%(status)s”，已通知学校。")

    def change_status(self, booking, action):
        booking = bookings.transition(booking.pk, action)
        notifications.notify_school(booking)
        return booking


class SessionFilterSet(WagtailFilterSet):
    base = django_filters.ModelChoiceFilter(label=_("研学基地"), queryset=source_bases)
    date = django_filters.DateFromToRangeFilter(label=_("日期"), widget=DateRangePickerWidget)

    class Meta:
        model = StudySession
        fields = ["status"]


class OccupancyColumn(Column):
    """Seats taken of capacity, and the waitlist linked in order of arrival."""

    def get_value(self, instance):
        return f"{instance.seats_taken} / {instance.capacity}"


class WaitlistColumn(Column):
    def get_value(self, instance):
        if not instance.waitlisted:
            return "0"
        url = reverse("education_bookings:index")
        return format_html(
            '<a href="{}?status=waitlisted&amp;session={}&amp;ordering=created_at">{}</a>',
            url,
            instance.pk,
            instance.waitlisted,
        )


class StudySessionViewSet(ModelViewSet):
    """Occupancy of every session; sessions themselves are edited on their base page."""

    model = StudySession
    name = "education_sessions"
    url_prefix = "education/sessions"
    icon = "date"
    menu_label = _("场次名额")
    # Below the bookings (250), the booking managers' daily work.
    menu_order = 300
    copy_view_enabled = False
    list_display = [
        Column("base", label=_("研学基地"), accessor="base"),
        DateColumn("date", label=_("日期")),
        Column("start_time", label=_("开始时间")),
        status_column(),
        OccupancyColumn("occupancy", label=_("已占 / 名额")),
        Column("seats_left", label=_("剩余名额")),
        WaitlistColumn("waitlisted", label=_("候补")),
    ]
    filterset_class = SessionFilterSet
    ordering = ["date", "start_time"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=StudySession.objects.select_related("base").with_occupancy(), **kwargs
        )

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name in {"index", "index_results"}]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )


class StudyToursGroup(ModelViewSetGroup):
    # Not "研学预约": that is the first item's label.
    menu_label = _("研学")
    menu_icon = "group"
    # After tourism's menu (250), before training enquiries (270).
    menu_order = 260
    items = (BookingViewSet, StudySessionViewSet)
