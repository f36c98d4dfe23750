"""Red sites, routes and joint offerings, as their listing and detail pages show them."""

from ninja import Router
from wagtail.rich_text import expand_db_html

from core.localize import localize_snippets
from tourism.choices import Audience, Season
from tourism.models import (
    JointOfferingIndexPage,
    RedSiteIndexPage,
    RouteIndexPage,
)

from .common import (
    choice,
    choices,
    localized_partner,
    page_endpoints,
    page_summary,
    partner_data,
    spirit_data,
)
from .snippets import flight_data

router = Router(tags=["tourism"])


def stream_items(stream):
    """The texts of a ListItemsBlock stream (included, not included, includes)."""
    return [str(item.value) for item in stream]


def spirits_of(request, page):
    # Listings localised the spirits of a whole page of cards at once (ListingPage.prepare_cards).
    spirits = getattr(page, "spirit_list", None)
    if spirits is None:
        spirits = localize_snippets(page.spirits.all(), page.locale)
    return [spirit_data(request, spirit) for spirit in spirits]


def price(value):
    return int(value) if value is not None else None


# Routes -------------------------------------------------------------------------


def route_summary(request, page):
    return {
        **page_summary(request, page),
        "summary": page.summary,
        "days": page.days,
        "region": choice(page.region, page.get_region_display()),
        "start_city": choice(page.start_city, page.get_start_city_display()),
        "end_city": choice(page.end_city, page.get_end_city_display()),
        "audiences": choices(Audience, page.audiences),
        "spirits": spirits_of(request, page),
        "price_from": price(page.price_from),
    }


def stop_data(request, stop):
    site = stop["site"]
    return {
        "number": stop["number"],
        "time": stop["time"],
        "note": stop["note"],
        "site": {
            "id": site.pk,
            "title": site.title,
            "url": site.get_full_url(request),
            "city": site.city,
            "latitude": float(site.latitude),
            "longitude": float(site.longitude),
        },
    }


@page_endpoints(router, "/routes/", RouteIndexPage, route_summary, "route")
def route_detail(request, page):
    """A route with its day-by-day itinerary."""
    return {
        "pace": choice(page.pace, page.get_pace_display()),
        "best_seasons": choices(Season, page.best_seasons),
        "transport_notes": page.transport_notes,
        "included": stream_items(page.included),
        "not_included": stream_items(page.not_included),
        "operators": [partner_data(request, p) for p in page.localized_operators],
        "flights": [flight_data(f) for f in page.current_flights()],
        "itinerary": [
            {
                **day,
                "meals": [str(meal) for meal in day["meals"]],
                "stops": [stop_data(request, stop) for stop in day["stops"]],
            }
            for day in page.itinerary_days
        ],
    }


# Red sites ----------------------------------------------------------------------


def site_summary(request, page):
    return {
        **page_summary(request, page),
        "summary": page.summary,
        "city": choice(page.city, page.get_city_display()),
        "county": page.county,
        "latitude": float(page.latitude),
        "longitude": float(page.longitude),
        "spirits": spirits_of(request, page),
    }


@page_endpoints(router, "/red-sites/", RedSiteIndexPage, site_summary, "red_site")
def red_site_detail(request, page):
    """A red site."""
    return {
        "address": page.address,
        "opening_hours": page.opening_hours,
        "ticket_notes": page.ticket_notes,
        "accessibility_notes": page.accessibility_notes,
        "operator": localized_partner(request, page.operator, page.locale),
    }


# Joint offerings ----------------------------------------------------------------


def offering_summary(request, page):
    partners = getattr(page, "partner_list", None)
    if partners is None:
        partners = page.localized_partners
    return {
        **page_summary(request, page),
        "summary": page.summary,
        "kind": choice(page.kind, page.get_kind_display()),
        "valid_from": page.valid_from,
        "valid_to": page.valid_to,
        "price_from": price(page.price_from),
        "partners": [partner_data(request, p) for p in partners],
    }


@page_endpoints(router, "/offerings/", JointOfferingIndexPage, offering_summary, "offering")
def offering_detail(request, page):
    """A joint offering."""
    return {
        "description_html": expand_db_html(page.description),
        "includes": stream_items(page.includes),
        "booking_url": page.booking_url,
        "booking_hotline": page.booking_hotline,
    }
