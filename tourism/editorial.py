"""Editorial admin for tourism: offerings and flights that end soon.

Dashboard panels for what ends within 30 days and the "offerings expiring"
report, on the framework in core.editorial; tourism/wagtail_hooks.py
registers them.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from core.editorial.panels import EditorialPanel, ShortDateColumn
from core.editorial.reports import (
    DateWindowMixin,
    EditorialReport,
    date_window,
    page_edit_url,
)

from .models import Flight, JointOfferingPage


def days_left(item):
    """Days from today to the last day (`valid_to`) of an offering or a flight."""
    return (item.valid_to - timezone.localdate()).days


def expiring_offerings(first, last):
    """Chinese offerings, live, whose last day falls between `first` and `last`."""
    return JointOfferingPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, valid_to__gte=first, valid_to__lte=last
    )


def flights_ending(first, last):
    return Flight.objects.filter(valid_to__gte=first, valid_to__lte=last)


class OfferingsExpiringReport(DateWindowMixin, EditorialReport):
    slug = "offerings-expiring"
    page_title = _("即将到期的合作产品")
    header_icon = "date"
    menu_order = 2020
    model = JointOfferingPage
    no_results_message = _("所选时间范围内没有到期的合作产品。")
    columns = [
        TitleColumn("title", label=_("产品"), get_url=page_edit_url),
        Column("kind", label=_("类型"), accessor="get_kind_display"),
        DateColumn("valid_to", label=_("结束日期")),
        Column("days_left", label=_("剩余天数"), accessor="days_left"),
    ]
    list_export = ["title", "get_kind_display", "valid_from", "valid_to", "days_left", "full_url"]
    export_headings = {
        "title": _("产品"),
        "get_kind_display": _("类型"),
        "valid_from": _("开始日期"),
        "valid_to": _("结束日期"),
        "days_left": _("剩余天数"),
        "full_url": _("网址"),
    }

    def get_queryset(self):
        return expiring_offerings(*self.window).order_by("valid_to", "title")

    def decorate_paginated_queryset(self, object_list):
        for offering in object_list:
            offering.days_left = days_left(offering)
        return object_list


class ExpiringOfferingsPanel(EditorialPanel):
    panel_id = "editorial-offerings-expiring"
    heading = _("30天内到期的合作产品")
    columns = [
        TitleColumn("title", label=_("产品"), get_url=page_edit_url),
        ShortDateColumn("valid_to", label=_("结束日期")),
        Column("days_left", label=_("剩余天数"), accessor=days_left),
    ]
    empty_message = _("30天内没有到期的合作产品。")
    report = OfferingsExpiringReport
    order = 140

    def get_queryset(self):
        return expiring_offerings(*date_window()).order_by("valid_to", "title")


class FlightsEndingPanel(EditorialPanel):
    panel_id = "editorial-flights-ending"
    heading = _("30天内停飞的航班")
    columns = [
        TitleColumn(
            "flight_number", label=_("航班"), url_name="wagtailsnippets_tourism_flight:edit"
        ),
        Column(
            "route",
            label=_("航线"),
            accessor=lambda flight: f"{flight.origin_name} → {flight.destination_name}",
        ),
        ShortDateColumn("valid_to", label=_("有效期止")),
        Column("days_left", label=_("剩余天数"), accessor=days_left),
    ]
    empty_message = _("30天内没有航班到期。")
    order = 145
    permission = "tourism.change_flight"

    def get_queryset(self):
        return flights_ending(*date_window()).order_by("valid_to", "flight_number")
