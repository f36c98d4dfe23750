"""Demo content of the tourism app: spirits, partners, flights, red sites, routes, offerings.

The data is in demo_data/: snippets.toml, sites.toml, routes.toml and
offerings.toml. Pages and snippets refer to each other by slug.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from core.demo import Paragraphs, read, stream, take
from home.models import HomePage

from .models import (
    Flight,
    JointOfferingIndexPage,
    JointOfferingPage,
    Partner,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
    Spirit,
)

DATA = Path(__file__).parent / "demo_data"


def load(demo):
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    snippets = read(DATA / "snippets.toml")
    spirits = {data["slug"]: _load_spirit(demo, data) for data in snippets["spirits"]}
    partners = {data["slug"]: _load_partner(demo, data) for data in snippets["partners"]}
    flights = [_load_flight(demo, data) for data in snippets["flights"]]

    data = read(DATA / "sites.toml")
    index = demo.listing(home, RedSiteIndexPage, data["index"])
    sites = {
        site["slug"]: _load_site(demo, index, {**data["defaults"], **site}, spirits, partners)
        for site in data["sites"]
    }

    data = read(DATA / "routes.toml")
    index = demo.listing(home, RouteIndexPage, data["index"])
    routes = {
        route["slug"]: _load_route(demo, index, route, sites, spirits, partners, flights)
        for route in data["routes"]
    }

    data = read(DATA / "offerings.toml")
    index = demo.listing(home, JointOfferingIndexPage, data["index"])
    for offering in data["offerings"]:
        _load_offering(demo, index, offering, {"route": routes, "site": sites}, partners)


def _load_spirit(demo, data):
    return demo.snippet(
        Spirit,
        {"slug": data["slug"]},
        **take(data, "name", "short_description"),
        image=demo.image(f"spirit-{data['slug']}", data["name"]),
    )


def _load_partner(demo, data):
    return demo.snippet(
        Partner,
        {"slug": data["slug"]},
        **take(data, "name", "short_name", "city", "kind", "website", "description"),
        booking_url=data.get("booking_url", ""),
        hotline=data.get("hotline", ""),
    )


def _load_flight(demo, data):
    # Flights are plain records, not translated: the airline's English has a field of its own.
    flight, _created = Flight.objects.get_or_create(
        flight_number=data["flight_number"],
        defaults={
            "airline": data["airline"]["zh"],
            "airline_en": data["airline"]["en"],
            "origin": data["origin"],
            "destination": data["destination"],
            "days_of_week": data["days_of_week"],
            "departure_time": datetime.time.fromisoformat(data["departure_time"]),
            "arrival_time": datetime.time.fromisoformat(data["arrival_time"]),
            "valid_from": demo.date(data["valid_from"]),
            "valid_to": demo.date(data["valid_to"]),
        },
    )
    return flight


def _load_site(demo, parent, data, spirits, partners):
    slug = data["slug"]
    image = demo.image(f"site-{slug}", data["title"])
    body = [("paragraph", Paragraphs(data["paragraphs"]))]
    if "figure" in data:
        image_value = {"image": image.pk, "decorative": False, "alt_text": data["figure"]}
        body.append(("figure", {"image": image_value, "caption": data["figure"]}))
    if "quote" in data:
        body.append(("quote", data["quote"]))
    if "timeline" in data:
        # List items with ids, as the editor saves them: without, each load
        # gives them new ids, and the English no longer finds its segments.
        events = stream((("item", {**e, "text": ""}) for e in data["timeline"]), slug, "events")
        body.append(("timeline", {"title": data["timeline_title"], "events": events}))
    return demo.page(
        parent,
        RedSitePage,
        slug,
        **take(
            data,
            "title",
            "summary",
            "city",
            "county",
            "address",
            "opening_hours",
            "ticket_notes",
            "accessibility_notes",
        ),
        image=image,
        latitude=Decimal(str(data["latitude"])),
        longitude=Decimal(str(data["longitude"])),
        spirits=[spirits[s] for s in data["spirits"]],
        operator=partners.get(data.get("operator")),
        body=stream(body, slug, "body"),
    )


def _load_route(demo, parent, data, sites, spirits, partners, flights):
    slug = data["slug"]
    days = [
        (
            "day",
            {
                "title": day["title"],
                "description": day["description"],
                "stops": stream(
                    (
                        (
                            "item",
                            {
                                "site": sites[stop["site"]].pk,
                                "time": f"{stop['time']}:00",
                                "note": stop.get("note", ""),
                            },
                        )
                        for stop in day["stops"]
                    ),
                    slug,
                    "stops",
                    number,
                ),
                "meals": day["meals"],
                "overnight": day.get("overnight", ""),
            },
        )
        for number, day in enumerate(data["itinerary"])
    ]
    return demo.page(
        parent,
        RoutePage,
        slug,
        **take(
            data,
            "title",
            "summary",
            "days",
            "start_city",
            "end_city",
            "region",
            "audiences",
            "best_seasons",
            "pace",
            "price_from",
        ),
        hero_image=demo.image(f"route-{slug}", data["title"]),
        transport_notes=data.get("transport_notes", ""),
        spirits=[spirits[s] for s in data["spirits"]],
        operators=[partners[p] for p in data["operators"]],
        flights=flights if data.get("flights") else [],
        included=stream((("item", item) for item in data.get("included", [])), slug, "included"),
        not_included=stream(
            (("item", item) for item in data.get("not_included", [])), slug, "not_included"
        ),
        itinerary=stream(days, slug, "itinerary"),
    )


def _load_offering(demo, parent, data, pages, partners):
    slug = data["slug"]
    return demo.page(
        parent,
        JointOfferingPage,
        slug,
        **take(data, "title", "summary", "kind", "price_from"),
        image=demo.image(f"offering-{slug}", data["title"]),
        partners=[partners[p] for p in data["partners"]],
        valid_from=demo.date(data.get("valid_from")),
        valid_to=demo.date(data.get("valid_to")),
        description=Paragraphs(data["description"]),
        includes=stream((("item", item) for item in data["includes"]), slug, "includes"),
        related=stream(
            ((item["type"], pages[item["type"]][item["slug"]].pk) for item in data["related"]),
            slug,
            "related",
        ),
    )
