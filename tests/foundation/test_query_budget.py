"""The query budget: every public page type costs at most BUDGET SQL queries, however much it shows.

Counted on a second visit (the first makes image renditions), with the page
cache off as in every test, in Chinese. Each page type is built twice, once
showing FEW items and once showing MANY (children of a listing, stops of a
route, sessions of a base, modules and cohorts of a programme, cards of five
page types and flights on the home page, search results of every page type),
and both must cost the same: a query per item would show as a difference.

MANY pages of each type are saved in bulk (`tests.builders.add_live_pages`:
live, with revisions and chosen snippets, but no per-page validation or
signals), sessions, cohorts and flights with `bulk_create`: the whole module's
content takes about 8 s of CPU, as 60 pages a type did through `add_child`.
One cost remains that is not queries: only SEARCHED pages of each type are
indexed for search (about 15 ms a page; a page of results holds ten anyway).
"""

import copy
import datetime
import json
import uuid
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from education.models import (
    StudyBaseIndexPage,
    StudyBasePage,
    StudySession,
    TrainingCohort,
    TrainingProgrammeIndexPage,
    TrainingProgrammePage,
)
from tests.builders import (
    COURSE_ID,
    add_live_pages,
    days_from_today,
    flight_fields,
    itinerary,
    make_partner,
    make_spirit,
    make_stage_content,
    module,
    programme_fields,
    stages,
    study_base_fields,
    tiny_image,
)
from tests.utils import second_visit
from tourism.models import (
    Flight,
    JointOfferingIndexPage,
    JointOfferingPage,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
)

pytestmark = pytest.mark.django_db

BUDGET = 12
FEW = 3
MANY = 300
SEARCH_WORDS = {"few": "甲组", "many": "乙组"}
SEARCHED = 20


def child(parent, page):
    """Add a live page without revisions or translations: what a visitor's request reads is the same."""
    parent.add_child(instance=page)
    return page


def index(home, model, slug):
    return child(home, model(title=f"索引{slug}", slug=slug))


@pytest.fixture(scope="module")
def _world(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        return _build_world(module_demo, module_home)


@pytest.fixture
def world(_world):
    """Every page type, once with FEW items and once with MANY; built once per module."""
    return copy.deepcopy(_world)


def _build_world(demo, home):
    images = [tiny_image(n) for n in range(4)]
    spirits = [
        make_spirit(demo, "yanan-spirit", "延安精神", "自力更生，艰苦奋斗。"),
        make_spirit(demo, "nanniwan-spirit", "南泥湾精神", "开荒屯垦。"),
    ]
    partners = [
        make_partner(demo, "yanlv-group", "延安旅游集团", "延旅集团", "yanan"),
        make_partner(demo, "lingshan-group", "灵山集团", "灵山", "wuxi"),
    ]
    content = make_stage_content(demo, home)
    w = {"home": home}
    for size, count in (("few", FEW), ("many", MANY)):
        sites = index(home, RedSiteIndexPage, f"{size}-sites")
        routes = index(home, RouteIndexPage, f"{size}-routes")
        offerings = index(home, JointOfferingIndexPage, f"{size}-offerings")
        bases = index(home, StudyBaseIndexPage, f"{size}-bases")
        programmes = index(home, TrainingProgrammeIndexPage, f"{size}-programmes")
        w[size] = {
            "site_index": sites,
            "route_index": routes,
            "offering_index": offerings,
            "base_index": bases,
            "programme_index": programmes,
        }
        # The first `searched` pages of each type carry the group's word in
        # their title and are in the search index (indexing costs about 15 ms a
        # page), so that a search finds pages of every type: one of each in
        # the FEW group, SEARCHED of each in the MANY group.
        word, searched = SEARCH_WORDS[size], 1 if size == "few" else SEARCHED

        def marked(n, title, word=word, searched=searched):
            return f"{word}{title}" if n < searched else title

        def add(parent, pages, searched=searched):
            return add_live_pages(parent, pages[:searched]) + add_live_pages(
                parent, pages[searched:], searchable=False
            )

        site_pages = add(
            sites,
            [
                RedSitePage(
                    title=marked(n, f"景点{n}"),
                    slug=f"site-{n}",
                    summary="简介",
                    city="yanan" if n % 2 else "wuxi",
                    latitude=Decimal("36.5") + Decimal(n) / 1000,
                    longitude=Decimal("109.4") + Decimal(n) / 1000,
                    image=images[n % 4],
                    operator=partners[n % 2],
                    spirits=spirits,
                )
                for n in range(count)
            ],
        )
        w[size]["sites"] = site_pages
        route_pages = add(
            routes,
            [
                RoutePage(
                    title=marked(n, f"线路{n}"),
                    slug=f"route-{n}",
                    summary="简介",
                    days=1,
                    start_city="yanan",
                    end_city="yanan",
                    region="yanan",
                    audiences=["families"],
                    hero_image=images[n % 4],
                    itinerary=itinerary([("第一天", [(site_pages[0], "09:00", "")])]),
                    spirits=spirits,
                    operators=partners,
                )
                for n in range(count)
            ],
        )
        offering_pages = add(
            offerings,
            [
                JointOfferingPage(
                    title=marked(n, f"产品{n}"),
                    slug=f"offering-{n}",
                    summary="简介",
                    kind="show",
                    image=images[n % 4],
                    partners=partners,
                )
                for n in range(count)
            ],
        )
        base_pages = add(
            bases,
            [
                StudyBasePage(
                    slug=f"base-{n}",
                    **study_base_fields(
                        n,
                        title=marked(n, f"研学基地{n}"),
                        image=images[n % 4],
                        red_site=site_pages[n],
                    )[0],
                )
                for n in range(count)
            ],
        )
        w[size]["offering"], w[size]["base"] = offering_pages[0], base_pages[0]
        # The detail pages: a route through every site (a route lasts 30 days at
        # most), a site related to every other.
        per_day = max(3, -(-count // 30))
        days = [
            (f"第{d + 1}天", [(s, "09:00", "提示") for s in site_pages[d : d + per_day]])
            for d in range(0, count, per_day)
        ]
        route = child(
            routes,
            RoutePage(
                title="长线路",
                slug="long-route",
                summary="简介",
                days=len(days),
                start_city="yanan",
                end_city="wuxi",
                region="both",
                hero_image=images[0],
                itinerary=itinerary(days),
                included=json.dumps([{"type": "item", "value": "门票"}] * count),
                related_routes=json.dumps([]),
            ),
        )
        route.spirits.set(spirits)
        route.operators.set(partners)
        route.save()
        w[size]["route"] = route
        site = site_pages[0]
        site.related_sites = json.dumps([{"type": "site", "value": s.pk} for s in site_pages[1:]])
        site.save()
        w[size]["site"] = site
        StudySession.objects.bulk_create(
            StudySession(
                base=w[size]["base"],
                date=days_from_today(20 + n % 200),
                start_time=datetime.time(9, 0),
                end_time=datetime.time(15, 0),
                course_block_id=COURSE_ID,
                capacity=40,
                booking_deadline=days_from_today(10),
            )
            for n in range(count)
        )
        # A programme of `count` modules, beside count - 1 others.
        modules = [
            module(n, day=1 + n % 5, site=content["baota"], kind="on_site") for n in range(count)
        ]
        fields, _ = programme_fields(content, n=count, title=marked(0, "培训项目"))
        fields["stages"] = stages(content, modules, [module(0, day=1)])
        programme = child(programmes, TrainingProgrammePage(slug="programme", **fields))
        programme_pages = add(
            programmes,
            [
                TrainingProgrammePage(
                    slug=f"programme-{n}",
                    **programme_fields(content, n=1000 + n, title=marked(n, f"培训项目{n}"))[0],
                )
                for n in range(1, count)
            ],
        )
        start = days_from_today(30)
        TrainingCohort.objects.bulk_create(
            TrainingCohort(
                programme=programme,
                yanan_start=start + datetime.timedelta(days=n),
                yanan_end=start + datetime.timedelta(days=n + 4),
                wuxi_start=start + datetime.timedelta(days=n + 5),
                wuxi_end=start + datetime.timedelta(days=n + 6),
                capacity=40,
                booking_deadline=days_from_today(14),
            )
            for n in range(count)
        )
        w[size]["programme"] = programme
        # What the home page features: pages of every type that has cards.
        w[size]["featured"] = [
            *site_pages,
            *route_pages,
            *offering_pages,
            *base_pages,
            programme,
            *programme_pages,
        ]
    return w


def home_featuring(w, featured):
    """The home page featuring these pages."""
    home = w["home"]
    pages = [{"type": "item", "value": p.pk, "id": str(uuid.uuid4())} for p in featured]
    home.sections = json.dumps([{"type": "featured", "value": {"heading": "精选", "pages": pages}}])
    home.save()
    return home.url


def home_showing(w, size):
    """The home page featuring the group's pages of all five types that have cards,
    with as many valid flights as the group has red sites."""
    flights = w.setdefault("flights", [])
    flights += Flight.objects.bulk_create(
        Flight(**flight_fields(number=f"DR{n:04d}"))
        for n in range(len(flights), len(w[size]["sites"]))
    )
    return home_featuring(w, w[size]["featured"])


PAGES = {
    "home": home_showing,
    "red site index": lambda w, size: w[size]["site_index"].url,
    "red site": lambda w, size: w[size]["site"].url,
    "route index": lambda w, size: w[size]["route_index"].url,
    "route": lambda w, size: w[size]["route"].url,
    "offering index": lambda w, size: w[size]["offering_index"].url,
    "offering": lambda w, size: w[size]["offering"].url,
    "study base index": lambda w, size: w[size]["base_index"].url,
    "study base": lambda w, size: w[size]["base"].url,
    "training index": lambda w, size: w[size]["programme_index"].url,
    "training programme": lambda w, size: w[size]["programme"].url,
    "search results": lambda w, size: "/zh-hans/search/?q=" + SEARCH_WORDS[size],
}


@pytest.mark.parametrize("page_type", PAGES)
def test_page_costs_at_most_the_budget_whatever_it_shows(client, world, page_type):
    few, few_html = second_visit(client, PAGES[page_type](world, "few"))
    many, many_html = second_visit(client, PAGES[page_type](world, "many"))
    # What each visit shows differs: the counts are of pages that really hold the items.
    assert few_html != many_html
    assert few == many, f"{page_type}: {few} queries with {FEW} items, {many} with {MANY}"
    assert many <= BUDGET, f"{page_type}: {many} queries, over the budget of {BUDGET}"
    print(f"\n{page_type}: {few} queries with {FEW} items, {many} with {MANY}")


def test_cards_of_five_page_types_cost_what_cards_of_one_type_cost(client, world):
    """Wagtail's `specific()` costs a query per page type: the home page's cards must not."""
    one_type, one_html = second_visit(client, home_featuring(world, world["few"]["sites"]))
    five_types, five_html = second_visit(client, home_featuring(world, world["few"]["featured"]))
    for page in world["few"]["featured"]:
        assert page.title in five_html
    assert world["few"]["featured"][-1].title not in one_html
    assert five_types == one_type


def test_the_search_results_counted_are_of_every_page_type(client, world):
    """Wagtail's `specific()` costs a query per page type in the results: these hold five."""
    html = client.get(PAGES["search results"](world, "few")).content.decode()
    for model in (RedSitePage, RoutePage, JointOfferingPage, StudyBasePage, TrainingProgrammePage):
        assert f"{model._meta.verbose_name} · " in html


def test_a_page_made_private_is_private_at_once(client, world):
    """The budget remembers that no page is private: a new restriction must end that at once."""
    site, listing = world["few"]["site"], world["few"]["site_index"]
    assert site.title in client.get(listing.url).content.decode()
    assert client.get(site.url).status_code == 200

    PageViewRestriction.objects.create(
        page=site, restriction_type=PageViewRestriction.PASSWORD, password="延安1935"
    )

    page = client.get(site.url).content.decode()
    assert 'name="password"' in page and site.summary not in page
    assert site.title not in client.get(listing.url).content.decode()


def test_a_renamed_page_moves_to_its_new_address_at_once(client, world):
    """Routing reads each visit's pages afresh: a changed slug answers at once, the old one 404s."""
    route = world["few"]["route"]
    old_url = route.url
    assert client.get(old_url).status_code == 200
    route.slug = "renamed-route"
    route.save()
    assert client.get(route.url).status_code == 200
    assert client.get(old_url).status_code == 404
