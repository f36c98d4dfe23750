"""Red tourism content: spirits, partners, flights, red sites, routes and joint offerings."""

import datetime
import json
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from tourism.models import (
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

from .words import ENGLISH


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def make_spirit(demo, slug, name, description):
    return demo.snippet(Spirit, {"slug": slug}, ENGLISH, name=name, short_description=description)


def make_partner(demo, slug, name, short_name, city, **fields):
    fields.setdefault("kind", "tourism_group")
    return demo.snippet(
        Partner, {"slug": slug}, ENGLISH, name=name, short_name=short_name, city=city, **fields
    )


def make_flight(number="DR6551", origin="WUX", destination="ENY", valid_to=None, **fields):
    return Flight.objects.create(**flight_fields(number, origin, destination, valid_to, **fields))


def flight_fields(number="DR6551", origin="WUX", destination="ENY", valid_to=None, **fields):
    """A weekly Wuxi–Yan'an flight valid from 30 days ago to `valid_to` (30 days from today)."""
    return dict(
        airline="瑞丽航空",
        airline_en="Ruili Airlines",
        flight_number=number,
        origin=origin,
        destination=destination,
        days_of_week=["5"],
        departure_time=datetime.time(11, 20),
        arrival_time=datetime.time(14, 0),
        valid_from=days_from_today(-30),
        valid_to=valid_to or days_from_today(30),
        **fields,
    )


def make_red_site_index(demo, home):
    return demo.page(home, RedSiteIndexPage, "red-sites", ENGLISH, title="红色景点")


def make_red_site(demo, index, slug, title, lat, lon, *, city="yanan", spirits=(), **fields):
    fields.setdefault("summary", "景点简介。")
    fields.setdefault("county", "宝塔区" if city == "yanan" else "滨湖区")
    return demo.page(
        index,
        RedSitePage,
        slug,
        ENGLISH,
        title=title,
        city=city,
        latitude=Decimal(str(lat)),
        longitude=Decimal(str(lon)),
        spirits=list(spirits),
        **fields,
    )


def itinerary(days):
    """StreamField JSON for days of [(site, "09:00", note)] stops."""
    return json.dumps(
        [
            {
                "type": "day",
                "value": {
                    "title": title,
                    "description": "当天安排。",
                    "stops": [
                        {"site": stop.pk, "time": f"{time}:00", "note": note}
                        for stop, time, note in stops
                    ],
                    "meals": ["lunch"],
                    "overnight": "延安市区",
                },
            }
            for title, stops in days
        ],
        ensure_ascii=False,
    )


def make_route_index(demo, home):
    return demo.page(home, RouteIndexPage, "routes", ENGLISH, title="红色线路")


def route_fields(start="yanan", end="yanan", region="yanan", **fields):
    """The fields every route needs: where it starts, ends and runs, who for, when."""
    return {
        "days": 1,
        "start_city": start,
        "end_city": end,
        "region": region,
        "audiences": ["public"],
        "best_seasons": ["spring"],
        **fields,
    }


def make_route(demo, index, slug, title, days=(), summary="线路简介。", **fields):
    """A route; with `days` ([(title, stops)]), its itinerary too."""
    if days:
        fields.update(days=len(days), itinerary=itinerary(days))
    fields = route_fields(**fields)
    return demo.page(index, RoutePage, slug, ENGLISH, title=title, summary=summary, **fields)


def make_offering_index(demo, home):
    return demo.page(home, JointOfferingIndexPage, "offerings", ENGLISH, title="合作产品")


def make_offerings(index, partner, count, days):
    """`count` Chinese ticket bundles of `partner`, valid for another `days` days.

    Untranslated and without wagtail-localize: for listings that only count cards.
    """
    for n in range(count):
        offering = JointOfferingPage(
            title=f"联票{days}-{n}",
            slug=f"ticket-{days}-{n}",
            summary="两地联票。",
            kind="ticket_bundle",
            valid_from=days_from_today(-10),
            valid_to=days_from_today(days),
            locale=index.locale,
        )
        index.add_child(instance=offering)
        offering.partners.set([partner])
        offering.save_revision().publish()


def route_form_data(title, start, end, region, **fields):
    """The route editor's form, as a browser posts it."""
    streams = ("included", "not_included", "itinerary", "related_routes")
    return {
        **route_fields(start, end, region),
        "title": title,
        "slug": slugify(title) or "new-route",
        "summary": "测试线路。",
        "pace": "moderate",
        **{f"{name}-count": 0 for name in streams},
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
        **fields,
    }


def make_tourism(demo, home):
    """A little of everything, in Chinese and English; returns the objects by name."""
    c = {}
    c["yanan_spirit"] = make_spirit(demo, "yanan-spirit", "延安精神", "自力更生，艰苦奋斗。")
    c["nanniwan_spirit"] = make_spirit(demo, "nanniwan-spirit", "南泥湾精神", "开荒屯垦。")
    c["yanlv"] = make_partner(
        demo, "yanlv-group", "延安旅游集团", "延旅集团", "yanan",
        booking_url="https://example.cn/yanlv-group", hotline="0911-0000000",
    )  # fmt: skip
    c["lingshan"] = make_partner(
        demo, "lingshan-group", "灵山集团", "灵山", "wuxi",
        booking_url="https://example.cn/lingshan-group", hotline="0911-0000000",
    )  # fmt: skip
    c["site_index"] = demo.page(
        home, RedSiteIndexPage, "red-sites", ENGLISH, title="红色景点", show_in_menus=True
    )
    c["baota"] = make_red_site(
        demo, c["site_index"], "baota-hill", "宝塔山", 36.594, 109.5,
        spirits=[c["yanan_spirit"]], operator=c["yanlv"],
    )  # fmt: skip
    c["yangjialing"] = make_red_site(
        demo, c["site_index"], "yangjialing", "杨家岭", 36.617, 109.468,
        spirits=[c["yanan_spirit"]],
    )  # fmt: skip
    c["zaoyuan"] = make_red_site(demo, c["site_index"], "zaoyuan", "枣园", 36.620, 109.430)
    c["lingshan_site"] = make_red_site(
        demo, c["site_index"], "lingshan", "灵山胜境", 31.432, 120.091,
        city="wuxi", operator=c["lingshan"],
    )  # fmt: skip
    c["flight"] = make_flight()
    c["route_index"] = demo.page(
        home, RouteIndexPage, "routes", ENGLISH, title="红色线路", show_in_menus=True
    )
    c["day_route"] = make_route(
        demo,
        c["route_index"],
        "yanan-day",
        "延安一日游",
        [("第一天", [(c["baota"], "09:00", "参观约一小时"), (c["yangjialing"], "11:00", ""),
                     (c["zaoyuan"], "14:00", "")])],
        audiences=["families"],
        spirits=[c["yanan_spirit"]],
        operators=[c["yanlv"]],
        price_from=Decimal("168"),
    )  # fmt: skip
    c["twin_route"] = make_route(
        demo,
        c["route_index"],
        "twin-cities",
        "双城五日游",
        [("第一天", [(c["lingshan_site"], "09:00", "")]),
         ("第二天", [(c["baota"], "16:00", ""), (c["zaoyuan"], "17:00", "")])],
        region="both",
        start="wuxi",
        end="wuxi",
        audiences=["cadres", "public"],
        spirits=[c["yanan_spirit"], c["nanniwan_spirit"]],
        operators=[c["yanlv"], c["lingshan"]],
        flights=[c["flight"]],
        related_routes=json.dumps([{"type": "route", "value": c["day_route"].pk}]),
    )  # fmt: skip
    c["offering_index"] = demo.page(
        home, JointOfferingIndexPage, "offerings", ENGLISH, title="合作产品", show_in_menus=True
    )
    c["ticket"] = demo.page(
        c["offering_index"],
        JointOfferingPage,
        "twin-ticket",
        ENGLISH,
        title="联票",
        summary="产品简介。",
        kind="ticket_bundle",
        partners=[c["yanlv"], c["lingshan"]],
        valid_from=days_from_today(-10),
        valid_to=days_from_today(100),
        price_from=Decimal("199"),
        includes=json.dumps([{"type": "item", "value": "景区门票"}], ensure_ascii=False),
        related=json.dumps(
            [
                {"type": "route", "value": c["twin_route"].pk},
                {"type": "site", "value": c["baota"].pk},
            ]
        ),
    )
    c["past_event"] = demo.page(
        c["offering_index"],
        JointOfferingPage,
        "past-event",
        ENGLISH,
        title="已结束的活动",
        summary="产品简介。",
        kind="event",
        partners=[c["lingshan"]],
        valid_from=days_from_today(-60),
        valid_to=days_from_today(-1),
    )
    c["en"] = Locale.objects.get(language_code="en")
    return c
