"""Editorial admin for tourism: offerings and flights that end soon.

Dashboard panels for what ends within 30 days and the "offerings expiring"
report, on the framework in core.editorial; tourism/wagtail_hooks.py
registers them.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from core.editorial.panels import PANEL_ROWS, Cell, EditorialPanel
from core.editorial.reports import (
    DEFAULT_WINDOW,
    DateWindowMixin,
    EditorialReport,
    page_edit_url,
    user_edits_pages,
)

from .models import Flight, JointOfferingPage


def days_left(day):
    return (day - timezone.localdate()).days


def expiring_offerings(first, last):
    """Chinese offerings, live, whose last day falls between `first` and `last`."""
    return JointOfferingPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, valid_to__gte=first, valid_to__lte=last
    )


def flights_ending(first, last):
    return Flight.objects.filter(valid_to__gte=first, valid_to__lte=last)


def flight_edit_url(flight):
    return reverse("wagtailsnippets_tourism_flight:edit", args=[flight.pk])


def window():
    today = timezone.localdate()
    return today, today + datetime.timedelta(days=DEFAULT_WINDOW)


class OfferingsExpiringReport(DateWindowMixin, EditorialReport):
    slug = "offerings-expiring"
    page_title = _("即将到期的合作产品")
    header_icon = "date"
    menu_order = 2020
    model = JointOfferingPage
    window_field = "valid_to"
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

    @classmethod
    def user_can_view(cls, user):
        return user_edits_pages(user)

    def get_queryset(self):
        return expiring_offerings(*self.window).order_by("valid_to", "title")

    def decorate_paginated_queryset(self, object_list):
        for offering in object_list:
            offering.days_left = days_left(offering.valid_to)
        return object_list


class ExpiringOfferingsPanel(EditorialPanel):
    panel_id = "editorial-offerings-expiring"
    heading = _("30天内到期的合作产品")
    headers = (_("产品"), _("结束日期"), _("剩余天数"))
    empty_message = _("30天内没有到期的合作产品。")
    report = OfferingsExpiringReport
    order = 150

    def is_shown_to(self, user):
        return user_edits_pages(user)

    def get_rows(self):
        offerings = expiring_offerings(*window()).order_by("valid_to", "title")
        rows = [
            [
                Cell(offering.title, page_edit_url(offering)),
                Cell(f"{offering.valid_to:%Y-%m-%d}"),
                Cell(days_left(offering.valid_to)),
            ]
            for offering in offerings[:PANEL_ROWS]
        ]
        return offerings.count(), rows


class FlightsEndingPanel(EditorialPanel):
    panel_id = "editorial-flights-ending"
    heading = _("30天内停飞的航班")
    headers = (_("航班"), _("航线"), _("有效期止"), _("剩余天数"))
    empty_message = _("30天内没有航班到期。")
    order = 155

    def is_shown_to(self, user):
        return user.has_perm("tourism.change_flight")

    def get_rows(self):
        flights = flights_ending(*window()).order_by("valid_to", "flight_number")
        rows = [
            [
                Cell(flight.flight_number, flight_edit_url(flight)),
                Cell(f"{flight.origin_name} → {flight.destination_name}"),
                Cell(f"{flight.valid_to:%Y-%m-%d}"),
                Cell(days_left(flight.valid_to)),
            ]
            for flight in flights[:PANEL_ROWS]
        ]
        return flights.count(), rows
