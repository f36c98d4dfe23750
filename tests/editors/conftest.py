"""Fixtures for the editors' tests: one small bilingual site and a user per role.

The pages are real tourism pages (a route per city, a twin-city route and a red
site with coordinates and an image) under the demo home page; the groups and
the moderation workflow come from the migrations, as on a fresh install.
"""

import pytest

from education.models import (
    StudyBasePage,
    TrainingCohort,
    TrainingProgrammeIndexPage,
    TrainingProgrammePage,
)
from tests.builders import (
    days_from_today,
    make_offering_index,
    make_partner,
    make_red_site,
    make_red_site_index,
    make_route,
    make_route_index,
    minimal_stage,
)


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def route_index(demo, home_page):
    return make_route_index(demo, home_page)


@pytest.fixture
def routes(demo, route_index):
    """Published Chinese routes with English translations: Yan'an, Wuxi and both."""
    return {
        "yanan": make_route(
            demo, route_index, "yanan-day", "延安一日游", summary="一天走完延安的主要旧址。"
        ),
        "wuxi": make_route(
            demo,
            route_index,
            "wuxi-day",
            "无锡一日游",
            summary="一天走完无锡的主要旧址。",
            start="wuxi",
            end="wuxi",
            region="wuxi",
        ),  # fmt: skip
        "both": make_route(
            demo,
            route_index,
            "twin",
            "双城红色之旅",
            summary="从延安到无锡。",
            start="yanan",
            end="wuxi",
            region="both",
        ),  # fmt: skip
    }


@pytest.fixture
def red_site(demo, home_page):
    index = make_red_site_index(demo, home_page)
    image = demo.image("baota", "宝塔山图", "Baota Hill picture", size=(320, 180))
    return make_red_site(
        demo, index, "baota", "宝塔山", 36.594, 109.5, summary="延安的标志。", image=image
    )


@pytest.fixture
def partner(demo):
    return make_partner(demo, "yanan-group", "延安文旅集团", "延安文旅", "yanan")


@pytest.fixture
def offering_index(demo, home_page):
    return make_offering_index(demo, home_page)


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
        stages=[minimal_stage("yanan", "延安党性锻炼"), minimal_stage("wuxi", "无锡能力提升")],
        locale=home_page.locale,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    TrainingCohort.objects.create(
        programme=page,
        yanan_start=days_from_today(20),
        yanan_end=days_from_today(20),
        wuxi_start=days_from_today(21),
        wuxi_end=days_from_today(21),
        seats=30,
        application_deadline=days_from_today(10),
    )
    return page
