"""Fixtures for the editors' tests: one small bilingual site and a user per role.

The pages are real tourism pages (a route per city, a twin-city route and a red
site with coordinates and an image) under the demo home page; the groups and
the moderation workflow come from the migrations, as on a fresh install.
"""

import copy

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


# The editors' site is built once per test module, piece by piece as tests ask
# for it; each test gets its own copies of the objects and runs in a savepoint.


@pytest.fixture(scope="module")
def _route_index(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        return make_route_index(module_demo, module_home)


@pytest.fixture
def route_index(_route_index):
    return copy.deepcopy(_route_index)


@pytest.fixture(scope="module")
def _routes(module_demo, _route_index, django_db_blocker):
    demo, index = module_demo, _route_index
    with django_db_blocker.unblock():
        return {
            "yanan": make_route(
                demo, index, "yanan-day", "延安一日游", summary="一天走完延安的主要旧址。"
            ),
            "wuxi": make_route(
                demo,
                index,
                "wuxi-day",
                "无锡一日游",
                summary="一天走完无锡的主要旧址。",
                start="wuxi",
                end="wuxi",
                region="wuxi",
            ),  # fmt: skip
            "both": make_route(
                demo,
                index,
                "twin",
                "双城红色之旅",
                summary="从延安到无锡。",
                start="yanan",
                end="wuxi",
                region="both",
            ),  # fmt: skip
        }


@pytest.fixture
def routes(_routes):
    """Published Chinese routes with English translations: Yan'an, Wuxi and both."""
    return copy.deepcopy(_routes)


@pytest.fixture(scope="module")
def _red_site(module_demo, module_home, django_db_blocker):
    demo = module_demo
    with django_db_blocker.unblock():
        index = make_red_site_index(demo, module_home)
        image = demo.image("baota", {"zh": "宝塔山图", "en": "Baota Hill picture"}, size=(320, 180))
        return make_red_site(
            demo, index, "baota", "宝塔山", 36.594, 109.5, summary="延安的标志。", image=image
        )


@pytest.fixture
def red_site(_red_site):
    """Baota Hill, with coordinates and an image, in Chinese and English."""
    return copy.deepcopy(_red_site)


@pytest.fixture(scope="module")
def _partner(module_demo, django_db_blocker):
    with django_db_blocker.unblock():
        return make_partner(module_demo, "yanan-group", "延安文旅集团", "延安文旅", "yanan")


@pytest.fixture
def partner(_partner):
    return copy.deepcopy(_partner)


@pytest.fixture(scope="module")
def _offering_index(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        return make_offering_index(module_demo, module_home)


@pytest.fixture
def offering_index(_offering_index):
    return copy.deepcopy(_offering_index)


@pytest.fixture(scope="module")
def _study_base(module_home, django_db_blocker):
    home = module_home
    with django_db_blocker.unblock():
        base = StudyBasePage(
            title="梁家河研学基地",
            slug="liangjiahe",
            kind="base",
            intro="知青岁月。",
            city="yanan",
            address="延川县文安驿镇梁家河村",
            latitude="36.870000",
            longitude="110.170000",
            locale=home.locale,
        )
        home.add_child(instance=base)
        base.save_revision().publish()
        return base


@pytest.fixture
def study_base(_study_base):
    """A Chinese study base, untranslated, straight under the home page."""
    return copy.deepcopy(_study_base)


@pytest.fixture(scope="module")
def _programme(module_home, django_db_blocker):
    home = module_home
    with django_db_blocker.unblock():
        index = TrainingProgrammeIndexPage(title="干部培训", slug="training", locale=home.locale)
        home.add_child(instance=index)
        page = TrainingProgrammePage(
            title="延安精神与无锡实践",
            slug="yanan-wuxi",
            summary="两地联合培训。",
            audiences=["young_cadres"],
            min_group_size=10,
            max_group_size=40,
            total_days=2,
            stages=[minimal_stage("yanan", "延安党性锻炼"), minimal_stage("wuxi", "无锡能力提升")],
            locale=home.locale,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        TrainingCohort.objects.create(
            programme=page,
            yanan_start=days_from_today(20),
            yanan_end=days_from_today(20),
            wuxi_start=days_from_today(21),
            wuxi_end=days_from_today(21),
            capacity=30,
            booking_deadline=days_from_today(10),
        )
        return page


@pytest.fixture
def programme(_programme):
    """A training programme (Yan'an stage, then Wuxi stage) with one cohort in 20 days."""
    return copy.deepcopy(_programme)
