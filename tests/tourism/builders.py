"""Small bilingual tourism content for tests, built the way editors and translators would."""

import datetime
import json
from decimal import Decimal

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

ENGLISH = {
    "延安精神": "The Yan'an Spirit",
    "自力更生，艰苦奋斗。": "Self-reliance and hard struggle.",
    "南泥湾精神": "The Nanniwan Spirit",
    "开荒屯垦。": "Reclaiming the wasteland.",
    "延旅集团": "Yanlv",
    "延安旅游集团": "Yan'an Tourism Group",
    "灵山集团": "Lingshan Group",
    "灵山": "Lingshan",
    "红色景点": "Red sites",
    "红色线路": "Red tourism routes",
    "合作产品": "Joint offerings",
    "宝塔山": "Baota Hill",
    "杨家岭": "Yangjialing",
    "枣园": "Zaoyuan",
    "灵山胜境": "Lingshan scenic area",
    "景点简介。": "About the site.",
    "宝塔区": "Baota District",
    "滨湖区": "Binhu District",
    "延安一日游": "Yan'an in a day",
    "双城五日游": "Twin cities in five days",
    "线路简介。": "About the route.",
    "第一天": "Day one",
    "第二天": "Day two",
    "当天安排。": "The day's plan.",
    "参观约一小时": "About an hour",
    "延安市区": "Central Yan'an",
    "联票": "Twin ticket",
    "已结束的活动": "A past event",
    "产品简介。": "About the offering.",
    "景区门票": "Site admission",
}


def spirit(demo, slug, name, description):
    return demo.snippet(Spirit, {"slug": slug}, ENGLISH, name=name, short_description=description)


def partner(demo, slug, name, short_name, city, **fields):
    fields.setdefault("kind", "tourism_group")
    return demo.snippet(
        Partner,
        {"slug": slug},
        ENGLISH,
        name=name,
        short_name=short_name,
        city=city,
        booking_url=f"https://example.cn/{slug}",
        hotline="0911-0000000",
        **fields,
    )


def site(demo, index, slug, title, lat, lon, *, city="yanan", spirits=(), operator=None, **extra):
    return demo.page(
        index,
        RedSitePage,
        slug,
        ENGLISH,
        title=title,
        summary="景点简介。",
        city=city,
        county="宝塔区" if city == "yanan" else "滨湖区",
        latitude=Decimal(str(lat)),
        longitude=Decimal(str(lon)),
        spirits=list(spirits),
        operator=operator,
        **extra,
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


def route(demo, index, slug, title, days, **fields):
    fields.setdefault("start_city", "yanan")
    fields.setdefault("end_city", "yanan")
    fields.setdefault("region", "yanan")
    fields.setdefault("audiences", ["families"])
    fields.setdefault("best_seasons", ["spring"])
    return demo.page(
        index,
        RoutePage,
        slug,
        ENGLISH,
        title=title,
        summary="线路简介。",
        days=len(days),
        itinerary=itinerary(days),
        **fields,
    )


def flight(number="DR6551", origin="WUX", destination="ENY", valid_to=None, **fields):
    today = datetime.date.today()
    return Flight.objects.create(
        airline="瑞丽航空",
        airline_en="Ruili Airlines",
        flight_number=number,
        origin=origin,
        destination=destination,
        days_of_week=["5"],
        departure_time=datetime.time(11, 20),
        arrival_time=datetime.time(14, 0),
        valid_from=today - datetime.timedelta(days=30),
        valid_to=valid_to or today + datetime.timedelta(days=30),
        **fields,
    )


def build(demo, home):
    """A little of everything, in Chinese and English; returns the objects by name."""
    c = {}
    c["yanan_spirit"] = spirit(demo, "yanan-spirit", "延安精神", "自力更生，艰苦奋斗。")
    c["nanniwan_spirit"] = spirit(demo, "nanniwan-spirit", "南泥湾精神", "开荒屯垦。")
    c["yanlv"] = partner(demo, "yanlv-group", "延安旅游集团", "延旅集团", "yanan")
    c["lingshan"] = partner(demo, "lingshan-group", "灵山集团", "灵山", "wuxi")
    c["site_index"] = demo.page(
        home, RedSiteIndexPage, "red-sites", ENGLISH, title="红色景点", show_in_menus=True
    )
    c["baota"] = site(
        demo, c["site_index"], "baota-hill", "宝塔山", 36.594, 109.5,
        spirits=[c["yanan_spirit"]], operator=c["yanlv"],
    )  # fmt: skip
    c["yangjialing"] = site(
        demo, c["site_index"], "yangjialing", "杨家岭", 36.617, 109.468,
        spirits=[c["yanan_spirit"]],
    )  # fmt: skip
    c["zaoyuan"] = site(demo, c["site_index"], "zaoyuan", "枣园", 36.620, 109.430)
    c["lingshan_site"] = site(
        demo, c["site_index"], "lingshan", "灵山胜境", 31.432, 120.091,
        city="wuxi", operator=c["lingshan"],
    )  # fmt: skip
    c["flight"] = flight()
    c["route_index"] = demo.page(
        home, RouteIndexPage, "routes", ENGLISH, title="红色线路", show_in_menus=True
    )
    c["day_route"] = route(
        demo,
        c["route_index"],
        "yanan-day",
        "延安一日游",
        [("第一天", [(c["baota"], "09:00", "参观约一小时"), (c["yangjialing"], "11:00", ""),
                     (c["zaoyuan"], "14:00", "")])],
        spirits=[c["yanan_spirit"]],
        operators=[c["yanlv"]],
        price_from=Decimal("168"),
    )  # fmt: skip
    c["twin_route"] = route(
        demo,
        c["route_index"],
        "twin-cities",
        "双城五日游",
        [("第一天", [(c["lingshan_site"], "09:00", "")]),
         ("第二天", [(c["baota"], "16:00", ""), (c["zaoyuan"], "17:00", "")])],
        region="both",
        start_city="wuxi",
        end_city="wuxi",
        audiences=["cadres", "public"],
        spirits=[c["yanan_spirit"], c["nanniwan_spirit"]],
        operators=[c["yanlv"], c["lingshan"]],
        flights=[c["flight"]],
        related_routes=json.dumps([{"type": "route", "value": c["day_route"].pk}]),
    )  # fmt: skip
    c["offering_index"] = demo.page(
        home, JointOfferingIndexPage, "offerings", ENGLISH, title="合作产品", show_in_menus=True
    )
    today = datetime.date.today()
    c["ticket"] = demo.page(
        c["offering_index"],
        JointOfferingPage,
        "twin-ticket",
        ENGLISH,
        title="联票",
        summary="产品简介。",
        kind="ticket_bundle",
        partners=[c["yanlv"], c["lingshan"]],
        valid_from=today - datetime.timedelta(days=10),
        valid_to=today + datetime.timedelta(days=100),
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
        valid_from=today - datetime.timedelta(days=60),
        valid_to=today - datetime.timedelta(days=1),
    )
    c["en"] = Locale.objects.get(language_code="en")
    return c


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


class ContentTestCase:
    """Mixin for TestCase classes: the content is built once per class, not per test."""

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        from core.demo import Demo
        from home import demo_content

        user = get_user_model().objects.create_superuser("admin", "admin@example.cn", "pw")
        demo = Demo(user=user)
        cls.home = demo_content.load(demo)
        cls.content = build(demo, cls.home)
