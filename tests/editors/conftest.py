"""Fixtures for the editors' tests: one small bilingual site and a user per role.

The pages are real tourism pages (a route per city, a twin-city route and a red
site with coordinates and an image) under the demo home page; the groups and
the moderation workflow come from the migrations, as on a fresh install.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.editorial import roles
from education.models import (
    StudyBasePage,
    TrainingCohort,
    TrainingProgrammeIndexPage,
    TrainingProgrammePage,
)
from tourism.models import (
    JointOfferingIndexPage,
    Partner,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
)

from .helpers import route_fields, stage, today_plus

PASSWORD = "password"
_counter = itertools.count()

ROUTE_EN = {
    "延安一日游": "A day in Yan'an",
    "无锡一日游": "A day in Wuxi",
    "双城红色之旅": "Twin-city red trail",
    "一天走完延安的主要旧址。": "The main sites of Yan'an in a day.",
    "一天走完无锡的主要旧址。": "The main sites of Wuxi in a day.",
    "从延安到无锡。": "From Yan'an to Wuxi.",
    "红色线路": "Routes",
    "红色景点": "Red sites",
    "宝塔山": "Baota Hill",
    "延安的标志。": "The landmark of Yan'an.",
    "合作产品": "Offerings",
}


@pytest.fixture
def make_user(db):
    def make(group_name=None, username=None, **extra):
        username = username or f"user{next(_counter)}"
        user = get_user_model().objects.create_user(
            username, f"{username}@example.cn", PASSWORD, **extra
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def yanan_editor(make_user):
    return make_user(roles.YANAN_EDITORS, "yanan")


@pytest.fixture
def wuxi_editor(make_user):
    return make_user(roles.WUXI_EDITORS, "wuxi")


@pytest.fixture
def moderator(make_user):
    return make_user(roles.MODERATORS, "moderator")


@pytest.fixture
def translator(make_user):
    return make_user(roles.TRANSLATORS, "translator")


@pytest.fixture
def booking_manager(make_user):
    return make_user(roles.BOOKING_MANAGERS, "booking")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def route_index(demo, home_page):
    return demo.page(home_page, RouteIndexPage, "routes", ROUTE_EN, title="红色线路")


@pytest.fixture
def routes(demo, route_index):
    """Published Chinese routes with English translations: Yan'an, Wuxi and both."""

    def route(slug, title, summary, *cities):
        return demo.page(
            route_index,
            RoutePage,
            slug,
            ROUTE_EN,
            title=title,
            summary=summary,
            **route_fields(*cities),
        )

    return {
        "yanan": route(
            "yanan-day", "延安一日游", "一天走完延安的主要旧址。", "yanan", "yanan", "yanan"
        ),
        "wuxi": route("wuxi-day", "无锡一日游", "一天走完无锡的主要旧址。", "wuxi", "wuxi", "wuxi"),
        "both": route("twin", "双城红色之旅", "从延安到无锡。", "yanan", "wuxi", "both"),
    }


@pytest.fixture
def red_site(demo, home_page):
    index = demo.page(home_page, RedSiteIndexPage, "red-sites", ROUTE_EN, title="红色景点")
    image = demo.image("baota", {"zh": "宝塔山图", "en": "Baota Hill picture"}, size=(320, 180))
    return demo.page(
        index,
        RedSitePage,
        "baota",
        ROUTE_EN,
        title="宝塔山",
        summary="延安的标志。",
        city="yanan",
        image=image,
        latitude="36.594000",
        longitude="109.500000",
    )


@pytest.fixture
def partner(demo):
    return demo.snippet(
        Partner,
        {"slug": "yanan-group"},
        {"延安文旅集团": "Yan'an Culture and Tourism Group", "延安文旅": "Yan'an CT"},
        name="延安文旅集团",
        short_name="延安文旅",
        city="yanan",
        kind="tourism_group",
    )


@pytest.fixture
def offering_index(demo, home_page):
    return demo.page(
        home_page,
        JointOfferingIndexPage,
        "offerings",
        ROUTE_EN,
        title="合作产品",
    )


@pytest.fixture
def study_base(home_page):
    base = StudyBasePage(
        title="梁家河研学基地",
        slug="liangjiahe",
        kind="base",
        intro="知青岁月。",
        city="yanan",
        address="延川县文安驿镇梁家河村",
        latitude="36.870000",
        longitude="110.170000",
        locale=home_page.locale,
    )
    home_page.add_child(instance=base)
    base.save_revision().publish()
    return base


@pytest.fixture
def programme(home_page):
    """A training programme (Yan'an stage, then Wuxi stage) with one cohort in 20 days."""
    index = TrainingProgrammeIndexPage(title="干部培训", slug="training", locale=home_page.locale)
    home_page.add_child(instance=index)
    page = TrainingProgrammePage(
        title="延安精神与无锡实践",
        slug="yanan-wuxi",
        summary="两地联合培训。",
        audiences=["young_cadres"],
        min_group_size=10,
        max_group_size=40,
        total_days=2,
        stages=[stage("yanan", "延安党性锻炼"), stage("wuxi", "无锡能力提升")],
        locale=home_page.locale,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    TrainingCohort.objects.create(
        programme=page,
        yanan_start=today_plus(20),
        yanan_end=today_plus(20),
        wuxi_start=today_plus(21),
        wuxi_end=today_plus(21),
        capacity=30,
        booking_deadline=today_plus(10),
    )
    return page
