"""The dashboard and the reports show real figures, in a constant number of queries."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from core.editorial.panels import EditorialPanel
from core.models import OutgoingEmail
from education.models import Booking, StudySession, TrainingEnquiry
from tests.builders import days_from_today, make_offerings, submit
from tests.utils import english_of
from tourism.models import Flight

pytestmark = pytest.mark.django_db


def add_flights(count, days):
    for n in range(count):
        Flight.objects.create(
            airline="瑞丽航空",
            airline_en="Ruili Airlines",
            flight_number=f"DR{6000 + n}",
            origin="WUX",
            destination="ENY",
            days_of_week=["5"],
            departure_time=datetime.time(11, 20),
            arrival_time=datetime.time(13, 50),
            valid_from=days_from_today(-30),
            valid_to=days_from_today(days),
        )


def add_sessions(base, count, pupils_booked):
    for n in range(count):
        session = StudySession.objects.create(
            base=base,
            date=days_from_today(5 + n),
            start_time=datetime.time(9, 0),
            end_time=datetime.time(16, 0),
            capacity=50,
            booking_deadline=days_from_today(3),
        )
        Booking.objects.create(
            session=session,
            school_name=f"延安第{n + 1}中学",
            age_band="junior_middle",
            pupils=pupils_booked,
            adults=5,
            contact_name="王老师",
            phone="13800000000",
            email="teacher@example.cn",
            consent=True,
        )


def section(html, panel_id):
    """The HTML of one dashboard panel."""
    start = html.index(f'id="{panel_id}')
    return html[start : html.index("</section>", start)]


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_shows_expiring_offerings_and_flights(client, moderator, offering_index, partner):
    make_offerings(offering_index, partner, 2, days=10)
    make_offerings(offering_index, partner, 1, days=60)
    add_flights(1, days=12)
    html = dashboard(client, moderator)
    assert "30天内到期的合作产品" in html
    # The untranslated offerings are in the translation panel too: look in their own.
    offerings = section(html, "editorial-offerings-expiring")
    assert "联票10-0" in offerings and "联票10-1" in offerings
    assert "联票60-0" not in offerings
    assert "30天内停飞的航班" in html and "DR6000" in html


def test_dashboard_shows_pages_awaiting_moderation(client, moderator, yanan_editor, routes):
    client.force_login(yanan_editor)
    submit(client, routes["yanan"], "延安一日游（待审）")
    html = dashboard(client, moderator)
    assert "等待审核的页面" in html
    assert "延安一日游（待审）" in html


def test_booking_manager_sees_bookings_and_occupancy(client, booking_manager, study_base):
    add_sessions(study_base, 2, pupils_booked=45)
    html = dashboard(client, booking_manager)
    assert "待确认的研学预约" in html and "延安第1中学" in html
    assert "即将开始的研学场次" in html and "45 / 50（90%）" in html
    # Editors' panels are not theirs.
    assert "等待审核的页面" not in html


def test_city_editor_does_not_see_bookings(client, yanan_editor, study_base):
    add_sessions(study_base, 1, pupils_booked=10)
    html = dashboard(client, yanan_editor)
    assert "延安第1中学" not in html
    assert "等待审核的页面" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def count_panel_queries(rf, user):
    """Queries of the editorial panels alone (Wagtail's own panels have per-row queries)."""
    request = rf.get("/admin/")
    request.user = user
    panels = []
    for construct_panels in hooks.get_hooks("construct_homepage_panels"):
        construct_panels(request, panels)
    panels = [panel for panel in panels if isinstance(panel, EditorialPanel)]
    assert len(panels) == 9
    with CaptureQueriesContext(connection) as queries:
        for panel in panels:
            assert panel.render_html({"request": request})
    return len(queries)


def add_enquiries(programme, count):
    for n in range(count):
        TrainingEnquiry.objects.create(
            organisation=f"无锡市第{n + 1}单位",
            participants=20,
            programme=programme,
            cohort=programme.cohorts.first(),
            contact_name="李科长",
            phone="13900000000",
            email="org@example.cn",
            consent=True,
        )


def add_failed_emails(enquiry, count):
    for n in range(count):
        OutgoingEmail.objects.create(
            about=enquiry,
            template="education/training/emails/enquiry_ack",
            to=[f"org{n}@example.cn"],
            subject=f"已收到培训咨询 {n}",
            body="…",
            status=OutgoingEmail.Status.FAILED,
        )


def test_dashboard_queries_do_not_grow_with_content(
    client, rf, admin_user, offering_index, partner, study_base, programme, yanan_editor, routes
):
    def add(count, days):
        make_offerings(offering_index, partner, count, days=days)
        add_flights(count, days=days)
        add_sessions(study_base, count, pupils_booked=45)
        add_enquiries(programme, count)
        add_failed_emails(TrainingEnquiry.objects.first(), count)

    add(3, days=5)
    client.force_login(yanan_editor)
    submit(client, routes["yanan"], "延安一日游（待审）")
    few = count_panel_queries(rf, admin_user)
    add(27, days=6)
    submit(client, routes["both"], "双城红色之旅（待审）")
    assert count_panel_queries(rf, admin_user) == few

    # The whole dashboard renders, with the figures, for a superuser.
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    offerings = section(html, "editorial-offerings-expiring")
    assert "双城红色之旅（待审）" in html and "联票6-26" not in offerings  # eight rows per panel

    report = "/admin/editorial/reports/sessions-nearly-full/"
    client.get(report)
    few = count_queries(client, report)
    add_sessions(study_base, 10, pupils_booked=48)
    assert count_queries(client, report) == few


def test_offerings_report_filters_and_exports(client, moderator, offering_index, partner):
    make_offerings(offering_index, partner, 1, days=5)
    make_offerings(offering_index, partner, 1, days=60)
    client.force_login(moderator)
    url = "/admin/editorial/reports/offerings-expiring/"
    html = client.get(url).content.decode()
    assert "联票5-0" in html and "联票60-0" not in html
    html = client.get(url, {"days": "90"}).content.decode()
    assert "联票60-0" in html
    # Malformed or unknown values fall back to the default window, never a 500.
    for bad in ["abc", "-1", "9" * 400, "365"]:
        response = client.get(url, {"days": bad})
        assert response.status_code == 200
        assert "联票60-0" not in response.content.decode()

    response = client.get(url, {"export": "csv", "days": "90"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "产品"
    assert {row[0] for row in rows[1:]} == {"联票5-0", "联票60-0"}

    response = client.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]][0] == "联票5-0"


def test_sessions_nearly_full_report(client, booking_manager, moderator, yanan_editor, study_base):
    add_sessions(study_base, 1, pupils_booked=45)  # 90 %: nearly full
    StudySession.objects.create(
        base=study_base,
        date=days_from_today(9),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        capacity=50,
        booking_deadline=days_from_today(8),
    )
    url = "/admin/editorial/reports/sessions-nearly-full/"
    client.force_login(booking_manager)
    response = client.get(url)
    html = response.content.decode()
    assert "45 / 50（90%）" in html
    assert html.count("梁家河研学基地") >= 1
    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2 and rows[1][4] == "45"
    client.force_login(yanan_editor)
    refused = client.get(url)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_pages_missing_english_report(client, moderator, demo, home_page, route_index):
    orphan = Page(title="只有中文", slug="only-chinese", locale=home_page.locale)
    route_index.add_child(instance=orphan)
    client.force_login(moderator)
    html = client.get("/admin/editorial/reports/pages-missing-english/").content.decode()
    assert "只有中文" in html
    assert "红色线路" not in html  # translated
    response = client.get("/admin/editorial/reports/pages-missing-english/", {"export": "csv"})
    assert response["Content-Disposition"].startswith(
        'attachment; filename="pages-missing-english-'
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["标题", "页面类型"]
    # Every Chinese page without an English version, and only those: the other
    # pages the module built may be among them.
    english = Locale.objects.get(language_code="en")
    untranslated = [
        page.title
        for page in Page.objects.filter(locale=home_page.locale, depth__gt=2)
        if not page.has_translation(english)
    ]
    assert "只有中文" in untranslated
    assert sorted(row[0] for row in rows[1:]) == sorted(untranslated)
    sidebar = client.get("/admin/").content.decode()
    assert "/admin/editorial/reports/pages-missing-english/" in sidebar
    assert "/admin/editorial/reports/offerings-expiring/" in sidebar
    assert "/admin/editorial/reports/sessions-nearly-full/" in sidebar


def test_anonymous_cannot_see_reports(client):
    response = client.get("/admin/editorial/reports/pages-missing-english/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_translation_progress_shows_untranslated_strings(client, translator, demo, routes):
    route = routes["yanan"]
    route.summary = "一天走完延安的主要旧址和博物馆。"
    route.save_revision(user=demo.user).publish(user=demo.user)
    TranslationSource.objects.get(object_id=route.translation_key).update_from_db()
    html = dashboard(client, translator)
    assert "英文翻译进度" in html
    # Title translated, new summary not: the English page shows as unfinished.
    panel = html[html.index("英文翻译进度") :]
    assert "A day in Yan&#x27;an" in panel
    done, total = map(int, re.search(r"(\d+) / (\d+)（\d+%）", panel).groups())
    assert done == total - 1


def test_booking_manager_sees_enquiries_and_cohorts(client, booking_manager, programme):
    TrainingEnquiry.objects.create(
        organisation="无锡市梁溪区委组织部",
        participants=25,
        programme=programme,
        cohort=programme.cohorts.get(),
        contact_name="李科长",
        phone="13900000000",
        email="org@example.cn",
        consent=True,
    )
    html = dashboard(client, booking_manager)
    assert "待回复的培训咨询" in html and "无锡市梁溪区委组织部" in html
    assert "即将开班的培训班期" in html and "0 / 30（0%）" in html


def test_dashboard_panels_come_in_a_sensible_order(client, admin_user):
    """The whole team's queue first, then requests to answer, then what ends soon."""
    html = dashboard(client, admin_user)
    headings = [
        "等待审核的页面",
        "英文翻译进度",
        "待确认的研学预约",
        "待回复的培训咨询",
        "即将开始的研学场次",
        "即将开班的培训班期",
        "30天内到期的合作产品",
        "30天内停飞的航班",
    ]
    positions = [html.index(f">{heading}<") for heading in headings]
    assert positions == sorted(positions)


def sidebar_menu(rf, user):
    """{label: [its items' labels]} of the admin sidebar's main menu, as `user` sees it."""
    request = rf.get("/admin/")
    request.user = user

    def labels(items):
        return [str(item.label) for item in sorted(items, key=lambda item: item.order)]

    return {
        str(item.label): labels(item.menu.menu_items_for_request(request))
        if isinstance(item, SubmenuMenuItem)
        else []
        for item in admin_menu.menu_items_for_request(request)
    }


def test_booking_managers_menu_names_groups_apart_from_their_items(client, rf, booking_manager):
    dashboard(client, booking_manager)  # loads the admin's URLs, which register the menus
    menu = sidebar_menu(rf, booking_manager)
    assert menu["研学"] == ["研学预约", "场次名额"]
    assert "培训咨询" in menu
    labels = list(menu) + [label for items in menu.values() for label in items]
    assert len(labels) == len(set(labels))


def translation_panel(client, user):
    return section(dashboard(client, user), "editorial-translations")


def test_translation_panel_lists_chinese_pages_without_english(
    client, translator, demo, route_index
):
    orphan = Page(title="只有中文的线路说明", slug="only-chinese-notes", locale=route_index.locale)
    route_index.add_child(instance=orphan)
    orphan.save_revision(user=demo.user)
    panel = translation_panel(client, translator)
    assert "所有英文译文都已完成" not in panel
    assert "只有中文的线路说明" in panel
    assert "缺少英文版" in panel
    # The link starts the English translation, which a translator may do.
    assert f"/admin/localize/submit/page/{orphan.pk}/?select_locale=en" in panel


def test_translation_panel_lists_english_waiting_for_review(client, translator, routes):
    english = english_of(routes["wuxi"])
    assert english.title not in translation_panel(client, translator)
    client.post(f"/admin/editorial/translations/{english.pk}/submit/")
    panel = translation_panel(client, translator)
    assert english.title in panel
    assert f"/admin/pages/{english.pk}/edit/" in panel
