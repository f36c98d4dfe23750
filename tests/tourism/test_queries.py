"""Pages cost the same number of SQL queries whether they show 3 items or 30."""

import copy
import json
from decimal import Decimal

import pytest
from wagtail.models import Locale

from tests.builders import (
    ENGLISH,
    itinerary,
    make_flight,
    make_partner,
    make_red_site,
    make_spirit,
    tiny_image,
)
from tests.utils import second_visit
from tourism.models import (
    JointOfferingIndexPage,
    JointOfferingPage,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
)


def publish_both(page, en):
    """Give the live `page` an English alias: English pages link Chinese snippets too.

    Revisions and wagtail-localize are left out: they cost time and do not
    change what a visitor's request queries.
    """
    page.copy_for_translation(en, alias=True)


@pytest.fixture(scope="module")
def _world(module_demo, module_home, django_db_blocker):
    demo, home_page = module_demo, module_home
    with django_db_blocker.unblock():
        return _build_world(demo, home_page)


@pytest.fixture
def world(_world):
    """Spirits, partners, a flight, the three listings and one red site; built once per module."""
    return copy.deepcopy(_world)


def _build_world(demo, home_page):
    en = Locale.objects.get(language_code="en")
    w = {"en": en, "home": home_page}
    w["spirits"] = [
        make_spirit(demo, "yanan-spirit", "延安精神", "自力更生，艰苦奋斗。"),
        make_spirit(demo, "nanniwan-spirit", "南泥湾精神", "开荒屯垦。"),
    ]
    w["partners"] = [
        make_partner(demo, "yanlv-group", "延安旅游集团", "延旅集团", "yanan"),
        make_partner(demo, "lingshan-group", "灵山集团", "灵山", "wuxi"),
    ]
    w["flight"] = make_flight()
    w["site_index"] = demo.page(home_page, RedSiteIndexPage, "red-sites", ENGLISH, title="红色景点")
    w["route_index"] = demo.page(home_page, RouteIndexPage, "routes", ENGLISH, title="红色线路")
    w["offering_index"] = demo.page(
        home_page, JointOfferingIndexPage, "offerings", ENGLISH, title="合作产品"
    )
    w["anchor_site"] = make_red_site(demo, w["site_index"], "baota-hill", "宝塔山", 36.594, 109.5)
    w["sites"] = []
    return w


def add_sites(w, count):
    for n in range(len(w["sites"]), count):
        page = RedSitePage(
            title=f"景点{n}",
            slug=f"site-{n}",
            summary="简介",
            city="yanan" if n % 2 else "wuxi",
            latitude=Decimal("36.5") + Decimal(n) / 100,
            longitude=Decimal("109.4") + Decimal(n) / 100,
            image=tiny_image(n),
            operator=w["partners"][n % 2],
        )
        w["site_index"].add_child(instance=page)
        page.spirits.set(w["spirits"])
        publish_both(page, w["en"])
        w["sites"].append(page)


def add_routes(w, count):
    existing = RoutePage.objects.filter(locale__language_code="zh-hans").count()
    for n in range(existing, count):
        page = RoutePage(
            title=f"线路{n}",
            slug=f"route-{n}",
            summary="简介",
            days=1,
            start_city="yanan",
            end_city="yanan",
            region="yanan",
            audiences=["families"],
            hero_image=tiny_image(100 + n),
            itinerary=itinerary([("第一天", [(w["anchor_site"], "09:00", "")])]),
        )
        w["route_index"].add_child(instance=page)
        page.spirits.set(w["spirits"])
        page.operators.set(w["partners"])
        publish_both(page, w["en"])


def add_offerings(w, count):
    for n in range(
        JointOfferingPage.objects.filter(locale__language_code="zh-hans").count(), count
    ):
        page = JointOfferingPage(
            title=f"产品{n}",
            slug=f"offering-{n}",
            summary="简介",
            kind="show",
            image=tiny_image(200 + n),
        )
        w["offering_index"].add_child(instance=page)
        page.partners.set(w["partners"])
        publish_both(page, w["en"])


def urls(index, en):
    return [index.url, index.get_translation(en).url]


@pytest.mark.django_db
def test_route_listing_costs_the_same_for_3_and_30_routes(client, world):
    add_routes(world, 3)
    few = [second_visit(client, url)[0] for url in urls(world["route_index"], world["en"])]
    add_routes(world, 30)
    many = [second_visit(client, url)[0] for url in urls(world["route_index"], world["en"])]
    assert few == many
    print(f"\nroute listing queries (zh, en): {few}")


@pytest.mark.django_db
def test_route_page_costs_the_same_for_3_and_30_stops(client, world):
    add_sites(world, 30)

    def route_with(stop_count, slug):
        stops = world["sites"][:stop_count]
        days = [
            (f"第{d + 1}天", [(s, "09:00", "提示") for s in stops[d * 3 : d * 3 + 3]])
            for d in range(stop_count // 3)
        ]
        page = RoutePage(
            title=f"线路{slug}",
            slug=slug,
            summary="简介",
            days=len(days),
            start_city="yanan",
            end_city="wuxi",
            region="both",
            hero_image=tiny_image(300 + stop_count),
            itinerary=itinerary(days),
            included=json.dumps([{"type": "item", "value": "门票"}] * stop_count),
            related_routes=json.dumps([]),
        )
        world["route_index"].add_child(instance=page)
        page.spirits.set(world["spirits"])
        page.operators.set(world["partners"])
        page.flights.set([world["flight"]])
        publish_both(page, world["en"])
        return urls(page, world["en"])

    few = [second_visit(client, url)[0] for url in route_with(3, "short")]
    many = [second_visit(client, url)[0] for url in route_with(30, "long")]
    assert few == many
    print(f"\nroute page queries (zh, en): {few}")


@pytest.mark.django_db
def test_site_and_offering_listings_cost_the_same_for_3_and_30_items(client, world):
    add_sites(world, 3)
    add_offerings(world, 3)
    indexes = [world["site_index"], world["offering_index"]]
    few = [second_visit(client, url)[0] for index in indexes for url in urls(index, world["en"])]
    add_sites(world, 30)
    add_offerings(world, 30)
    many = [second_visit(client, url)[0] for index in indexes for url in urls(index, world["en"])]
    assert few == many
    print(f"\nsite and offering listing queries (zh, en, zh, en): {few}")


@pytest.mark.django_db
def test_site_page_cost_does_not_depend_on_related_sites(client, world):
    add_sites(world, 9)
    site = world["sites"][0]
    few_site, many_site = world["sites"][1], world["sites"][2]
    few_site.related_sites = json.dumps(
        [{"type": "site", "value": s.pk} for s in world["sites"][3:5]]
    )
    many_site.related_sites = json.dumps(
        [{"type": "site", "value": s.pk} for s in world["sites"][3:9]]
    )
    for page in (few_site, many_site):
        page.save()
    assert second_visit(client, few_site.url)[0] == second_visit(client, many_site.url)[0]
    assert second_visit(client, site.url)[0] <= second_visit(client, few_site.url)[0]
