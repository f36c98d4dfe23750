"""Page types: structure, rendering in both languages, JSON-LD, listing filters, query counts."""

import copy
import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education.models import (
    Booking,
    StudyBaseIndexPage,
    StudyBasePage,
    StudySession,
)
from education.models.seats import OccasionStatus
from education.study_tours.choices import RATIO_FIELDS, BookingStatus
from home.models import HomePage
from tests.builders import make_study_base, make_study_session
from tests.utils import json_ld
from tourism.models import Spirit

pytestmark = pytest.mark.django_db


def base_form_data(page):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "intro": page.intro,
        "body": rich_text("<p>正文</p>"),
        "city": page.city,
        "latitude": "36.606",
        "longitude": "109.477",
        "courses": streamfield([]),
        "gallery": streamfield([]),
        "safety_notes": rich_text(""),
        "cancellation_notice_days": "3",
        "sessions": inline_formset([]),
        "comments": inline_formset([]),
    }
    for name in RATIO_FIELDS.values():
        fields[name] = "8"
    return nested_form_data(fields)


@pytest.fixture
def session(tours):
    return make_study_session(tours.base)


def test_tree_rules(page_checks):
    page_checks.assertCanCreateAt(HomePage, StudyBaseIndexPage)
    page_checks.assertCanCreateAt(StudyBaseIndexPage, StudyBasePage)
    page_checks.assertCanNotCreateAt(HomePage, StudyBasePage)
    page_checks.assertCanNotCreateAt(Page, StudyBaseIndexPage)
    page_checks.assertAllowedSubpageTypes(StudyBaseIndexPage, {StudyBasePage})
    page_checks.assertAllowedSubpageTypes(StudyBasePage, set())
    page_checks.assertAllowedParentPageTypes(StudyBaseIndexPage, {HomePage})
    page_checks.assertAllowedParentPageTypes(StudyBasePage, {StudyBaseIndexPage})


def test_pages_route_render_and_preview(page_checks, subtests, tours, session):
    for page in [tours.index, tours.base, tours.english_base, tours.index.get_translations()[0]]:
        with subtests.test(page=page.url), translation.override(page.locale.language_code):
            page_checks.assertPageIsRoutable(page)
            page_checks.assertPageIsRenderable(page)
    with translation.override("zh-hans"):
        page_checks.assertPageIsRoutable(tours.base, f"book/{session.pk}/")
    page_checks.assertPageIsRenderable(tours.base, f"book/{session.pk}/")
    page_checks.assertPageIsPreviewable(tours.index)
    # The editor builds StreamField and inline data in JavaScript; give it ready-made.
    page_checks.assertPageIsPreviewable(tours.base, post_data=base_form_data(tours.base))


def test_editor_sees_sessions_tab_with_course_choices(client, tours, session):
    client.force_login(tours.admin)
    response = client.get(f"/admin/pages/{tours.base.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "场次" in html
    assert (
        '<option value="0f6d1c2e-0000-4000-8000-000000000001" selected>延安精神课</option>' in html
    )


def test_sessions_are_not_copied_to_the_translation(tours, session):
    assert not StudySession.objects.filter(base=tours.english_base).exists()
    assert [s.pk for s in tours.english_base.listed_sessions()] == [session.pk]
    # Re-syncing the translation does not copy them either.
    tours.base.save_revision().publish()
    tours.demo.translate(tours.base, {})
    assert not StudySession.objects.filter(base=tours.english_base).exists()


def test_sessions_with_seats_full_and_past_clearly_marked(client, tours, session):
    today = timezone.localdate()
    open_session = make_study_session(tours.base, capacity=40)
    full = make_study_session(tours.base, days=30, capacity=16)
    past = make_study_session(tours.base, days=-3, deadline_days=-5, capacity=20)
    cancelled = make_study_session(tours.base, days=40, status=OccasionStatus.CANCELLED)
    Booking.objects.create(
        session=full,
        school_name="甲校",
        contact_name="王",
        phone="13912345678",
        email="a@example.cn",
        age_band="junior_middle",
        pupils=16,
        adults=2,
        consent=True,
    )
    html = client.get(tours.base.url).content.decode()
    rows = {
        session: re.search(rf'<time datetime="{session.date:%Y-%m-%d}">.*?</tr>', html, re.S).group(
            0
        )
        for session in [open_session, full, past, cancelled]
    }
    assert "40 个" in rows[open_session] and "预约" in rows[open_session]
    assert "已满" in rows[full] and "加入候补" in rows[full]
    assert "已结束" in rows[past] and "book/" not in rows[past]
    assert "已取消" in rows[cancelled] and "book/" not in rows[cancelled]
    assert past.date < today


def test_english_page_shows_the_same_sessions_and_seats(client, tours):
    session = make_study_session(tours.base, capacity=25)
    html = client.get(tours.english_base.url).content.decode()
    assert f"/en/study-bases/base-1/book/{session.pk}/" in html
    assert "25 seats" in html
    assert "The Yan&#x27;an Spirit course" in html


def test_json_ld_describes_base_and_sessions(client, tours):
    session = make_study_session(tours.base, capacity=30)
    Booking.objects.create(
        session=session,
        school_name="甲校",
        contact_name="王",
        phone="13912345678",
        email="a@example.cn",
        age_band="junior_middle",
        pupils=12,
        adults=2,
        consent=True,
    )
    data = json_ld(client.get(tours.english_base.url))
    assert data["@type"] == ["TouristAttraction", "EducationalOrganization"]
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 36.606, "longitude": 109.477}
    assert data["inLanguage"] == "en"
    (event,) = data["event"]
    assert event["@type"] == "EducationEvent"
    assert event["name"] == "The Yan'an Spirit course"
    assert event["startDate"].startswith(f"{session.date:%Y-%m-%d}T09:00:00+08:00")
    assert event["maximumAttendeeCapacity"] == 30
    assert event["remainingAttendeeCapacity"] == 18
    assert event["location"]["geo"]["latitude"] == 36.606
    assert event["url"].endswith(f"/en/study-bases/base-1/book/{session.pk}/")


def test_base_page_query_count_is_constant(client, tours, wuxi_camp):
    def count_queries():
        # The first visit after a change rebuilds what every page shares
        # (menu, language links: core.cache.remember); count the next one.
        client.get(tours.base.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(tours.base.url).status_code == 200
        return len(queries)

    def add_sessions(n):
        for i in range(n):
            session = make_study_session(tours.base, days=5 + i, capacity=50)
            Booking.objects.create(
                session=session,
                school_name=f"学校{i}",
                contact_name="王",
                phone="13912345678",
                email="a@example.cn",
                age_band="junior_middle",
                pupils=10,
                adults=2,
                consent=True,
                status=BookingStatus.CONFIRMED,
            )

    add_sessions(3)
    few = count_queries()
    add_sessions(27)
    many = count_queries()
    print(f"base page queries: 3 sessions {few}, 30 sessions {many}")
    assert few == many


@pytest.fixture(scope="module")
def _wuxi_camp(_tours, django_db_blocker):
    demo = _tours.demo
    with django_db_blocker.unblock():
        spirit = demo.snippet(
            Spirit,
            {"slug": "nanniwan-spirit"},
            {"南泥湾精神": "The Nanniwan Spirit", "自力更生，艰苦奋斗。": "Self-reliance."},
            name="南泥湾精神",
            short_description="自力更生，艰苦奋斗。",
        )
        return make_study_base(
            demo,
            _tours.index,
            n=2,
            city="wuxi",
            kind="camp",
            pupils_per_adult_lower_primary=None,
            pupils_per_adult_upper_primary=None,
            spirits=[spirit],
        )


@pytest.fixture
def wuxi_camp(_wuxi_camp):
    """A second base, in Wuxi, a camp for the Nanniwan Spirit; shared by the listing tests."""
    return copy.deepcopy(_wuxi_camp)


def listed(client, tours, wuxi_camp, query="", page=None):
    page = page or tours.index
    html = client.get(page.url + query).content.decode()
    return {base.slug for base in [tours.base, wuxi_camp] if f"/{base.slug}/" in html}


def test_filters_work_without_javascript(client, tours, wuxi_camp):
    assert listed(client, tours, wuxi_camp) == {"base-1", "base-2"}
    assert listed(client, tours, wuxi_camp, "?city=wuxi") == {"base-2"}
    assert listed(client, tours, wuxi_camp, "?city=yanan") == {"base-1"}
    assert listed(client, tours, wuxi_camp, "?kind=camp") == {"base-2"}
    assert listed(client, tours, wuxi_camp, "?age_band=lower_primary") == {"base-1"}
    assert listed(client, tours, wuxi_camp, "?age_band=junior_middle") == {"base-1", "base-2"}
    assert listed(client, tours, wuxi_camp, "?spirit=nanniwan-spirit") == {"base-2"}
    assert listed(client, tours, wuxi_camp, "?city=yanan&kind=camp") == set()


def test_english_listing_filters_by_the_english_spirit(client, tours, wuxi_camp):
    english_index = tours.index.get_translations()[0]
    assert listed(client, tours, wuxi_camp, "?spirit=nanniwan-spirit", page=english_index) == {
        "base-2"
    }
    html = client.get(english_index.url).content.decode()
    assert "The Nanniwan Spirit" in html
    assert "Test study base 2" in html


def test_bad_parameters_are_ignored(client, subtests, tours, wuxi_camp):
    for query in [
        "?city=paris",
        "?age_band=%00",
        "?spirit=" + "x" * 5000,
        "?page=abc",
        "?page=99999",
        "?kind[]=camp",
    ]:
        with subtests.test(query=query[:30]):
            response = client.get(tours.index.url + query)
            assert response.status_code == 200
    assert listed(client, tours, wuxi_camp, "?city=paris&kind=camp") == {"base-2"}


def test_filter_form_is_labelled_and_keeps_choices(client, tours):
    html = client.get(tours.index.url + "?city=wuxi").content.decode()
    assert '<label for="id_city">城市</label>' in html
    assert '<option value="wuxi" selected>无锡</option>' in html


def test_json_ld(client, tours):
    data = json_ld(client.get(tours.index.url))
    assert data["@type"] == "CollectionPage"
    assert data["name"] == "研学基地"


def test_listing_query_count_is_constant(client, tours):
    def count_queries():
        client.get(tours.index.url)  # rebuilds what every page shares after a change
        with CaptureQueriesContext(connection) as queries:
            assert client.get(tours.index.url).status_code == 200
        return len(queries)

    few = count_queries()  # 2 bases
    for n in range(3, 31):
        make_study_base(tours.demo, tours.index, n=n, translate=False)
    many = count_queries()  # 30 bases, 12 on the page
    print(f"listing queries: 2 bases {few}, 30 bases {many}")
    assert few == many


def test_session_validation():
    session = StudySession(
        date=datetime.date(2030, 5, 1),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(9, 0),
        capacity=10,
        booking_deadline=datetime.date(2030, 5, 2),
    )
    errors = {}
    try:
        session.clean()
    except Exception as error:  # ValidationError
        errors = error.message_dict
    assert set(errors) == {"end_time", "booking_deadline"}
