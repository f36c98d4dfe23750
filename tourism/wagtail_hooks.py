"""Admin: the "红色旅游" menu (spirits, partners, flights), the editors' panels and report."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .editorial import ExpiringOfferingsPanel, FlightsEndingPanel, OfferingsExpiringReport
from .models import Flight, Partner, Spirit


class SpiritViewSet(SnippetViewSet):
    model = Spirit
    icon = "pick"
    list_display = ["name", "slug"]
    search_fields = ["name", "short_description"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "short_name", "city", "kind"]
    list_filter = ["city", "kind"]
    search_fields = ["name", "short_name", "description"]


class FlightViewSet(SnippetViewSet):
    model = Flight
    icon = "calendar-alt"
    list_display = ["flight_number", "airline", "origin", "destination", "valid_from", "valid_to"]
    list_filter = ["origin", "destination"]
    search_fields = ["flight_number", "airline", "airline_en"]


class TourismViewSetGroup(SnippetViewSetGroup):
    items = [SpiritViewSet, PartnerViewSet, FlightViewSet]
    menu_label = _("红色旅游")
    menu_icon = "site"
    # Before the study tours (260) and training enquiries (270) of education.
    menu_order = 250


register_snippet(TourismViewSetGroup)


# Editorial: dashboard panels and reports of this app (see core/wagtail_hooks.py).


@hooks.register("construct_homepage_panels")
def add_tourism_panels(request, panels):
    panels.extend([ExpiringOfferingsPanel(), FlightsEndingPanel()])


@hooks.register("register_editorial_report")
def offerings_expiring_report():
    return OfferingsExpiringReport
