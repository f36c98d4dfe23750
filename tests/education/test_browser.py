"""A teacher in a real browser: accessible pages in both languages, a booking end to end."""

import csv
import io
import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from core.editorial import roles
from education.models import Booking
from education.study_tours.choices import BookingStatus
from tests.builders import (
    book_url,
    booking_data,
    make_study_base,
    make_study_base_index,
    make_study_session,
)

BOOKINGS = "/admin/education/bookings/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def study_site(demo, live_home_page):
    base = make_study_base(demo, make_study_base_index(demo, live_home_page))
    session = make_study_session(base, capacity=30)
    make_study_session(base, days=40, capacity=10)
    return base, session


def test_accessible_in_both_languages_and_a_teacher_books(browser_page, axe, study_site):
    """One browser session: transactional tests are slow, so the scans and the booking share it."""
    base, session = study_site
    english = base.get_translations()[0]
    for page in (base, english):
        for url in (page.url, page.url.rsplit("/", 2)[0] + "/", book_url(page, session)):
            response = browser_page.goto(url)
            assert response.status == 200, url
            assert axe(browser_page) == [], url
        # The form showing errors must be just as usable.
        button = "提交预约申请" if page is base else "Send booking request"
        browser_page.get_by_role("button", name=button).click()
        assert browser_page.locator(".form-field__errors").count() > 0
        assert axe(browser_page) == [], "form with errors"

    # A teacher finds the session on the English page and books it.
    browser_page.goto(english.url)
    browser_page.locator(f'a[href$="/book/{session.pk}/"]').click()
    browser_page.get_by_label("School name").fill("Wuxi No. 1 Middle School")
    browser_page.get_by_label("Contact name").fill("Chen Li")
    browser_page.get_by_label("Phone").fill("13912345678")
    browser_page.get_by_label("Email").fill("chen@example.cn")
    browser_page.get_by_label("Age band").select_option("junior_middle")
    browser_page.get_by_label("Number of pupils").fill("24")
    browser_page.get_by_label("Accompanying adults").fill("3")
    browser_page.get_by_label("I agree").check()
    browser_page.get_by_role("button", name="Send booking request").click()
    booking = Booking.objects.get()
    assert browser_page.locator(".reference strong").inner_text() == booking.reference
    assert booking.language == "en"
    assert axe(browser_page) == [], "booking page"
    assert browser_page.outside_requests == []


def _seats_cell(page, session):
    """The seats-left cell of the session's row on the base page."""
    row = page.locator("tr", has=page.locator(f'a[href$="/book/{session.pk}/"]'))
    return row.locator("td").nth(2)


@pytest.mark.parametrize(
    "language, words",
    [
        (
            "zh-hans",
            {
                "book": "提交预约申请",
                "seats": "30 个",
                "cancel": "取消此预约",
                "confirm": "确认取消预约",
                "hello": "陈老师，您好：",
            },
        ),
        (
            "en",
            {
                "book": "Send booking request",
                "seats": "30 seats",
                "cancel": "Cancel this booking",
                "confirm": "Yes, cancel the booking",
                "hello": "Dear 陈老师,",
            },
        ),
    ],
)
def test_a_school_books_on_a_desktop_and_cancels_from_its_email(
    browser_page, study_site, language, words
):
    """Base → session → a booking the ratio refuses, then fixed → reference →
    e-mail → its signed link → cancel, confirmed → the seats are back."""
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    base, session = study_site
    base = base if language == "zh-hans" else base.get_translations()[0]
    page.goto(base.url)
    expect(_seats_cell(page, session)).to_contain_text(words["seats"])
    page.locator(f'a[href$="/book/{session.pk}/"]').click()

    form = page.locator("form.booking-form")
    form.locator("[name=school_name]").fill("无锡市第一中学")
    form.locator("[name=contact_name]").fill("陈老师")
    form.locator("[name=phone]").fill("13912345678")
    form.locator("[name=email]").fill("chen@example.cn")
    form.locator("[name=age_band]").select_option("junior_middle")
    form.locator("[name=pupils]").fill("24")
    form.locator("[name=adults]").fill("1")  # the base asks one adult per 8 pupils
    form.locator("[name=consent]").check()
    page.get_by_role("button", name=words["book"]).click()

    # Refused with the reason, and nothing typed is lost.
    errors = page.locator(".form-field--error .form-field__errors")
    expect(errors).to_contain_text("3")
    expect(form.locator("[name=school_name]")).to_have_value("无锡市第一中学")
    expect(form.locator("[name=pupils]")).to_have_value("24")
    assert not Booking.objects.exists()
    form.locator("[name=adults]").fill("3")
    page.get_by_role("button", name=words["book"]).click()

    booking = Booking.objects.get()
    expect(page.locator(".reference strong")).to_have_text(booking.reference)
    assert booking.language == language
    (email,) = [m for m in mail.outbox if m.to == ["chen@example.cn"]]
    assert booking.reference in email.subject + email.body
    assert words["hello"] in email.body
    link = re.search(r"https?://\S+/booking/[^/\s]+/", email.body).group(0)

    # The link in the e-mail opens the school's page; cancelling asks first.
    page.goto(urlsplit(link).path)
    expect(page.locator(".reference strong")).to_have_text(booking.reference)
    page.get_by_role("link", name=words["cancel"]).click()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    page.get_by_role("button", name=words["confirm"]).click()
    # Chromium's real POST passes the CSRF check (it once sent Origin: null).
    expect(page.locator(".notice--success")).to_contain_text("24")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED

    page.goto(base.url)
    expect(_seats_cell(page, session)).to_contain_text(words["seats"])
    assert page.outside_requests == []


def test_booking_manager_finds_confirms_and_exports(browser_page, study_site, make_user):
    """Journey 3: a booking manager finds a school's booking, confirms it, and
    exports the bookings to CSV and Excel, where the row reads as in the admin."""
    base, session = study_site
    english = base.get_translations()[0]
    Client().post(book_url(english, session), booking_data(school_name="Wuxi No. 1 Middle School"))
    Client().post(
        book_url(base, session), booking_data(key=str(uuid.uuid4()), school_name="延安实验小学")
    )
    booking = Booking.objects.get(school_name="Wuxi No. 1 Middle School")
    make_user(roles.BOOKING_MANAGERS, "manager")

    browser_page.goto("/admin/login/")
    browser_page.fill("#id_username", "manager")
    browser_page.fill("#id_password", "password")
    browser_page.click("form button[type=submit]")
    browser_page.wait_for_url("**/admin/")

    browser_page.goto(BOOKINGS)
    browser_page.get_by_placeholder("搜索…").fill(booking.reference)
    row = browser_page.locator("#listing-results tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Wuxi No. 1 Middle School")
    # Confirm comes first; cancel is not beside it but last, in the row's menu.
    actions = row.locator("a.button-small")
    expect(actions).to_have_count(2)
    expect(actions.first).to_contain_text("确认")
    actions.first.click()
    browser_page.get_by_role("button", name="确认").click()
    expect(browser_page.locator(".messages")).to_contain_text(booking.reference)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED

    # Both exports, downloaded in the manager's own session.
    submitted = timezone.localtime(booking.created_at).strftime("%Y-%m-%d %H:%M:%S+08:00")
    csv_text = browser_page.request.get(BOOKINGS + "?export=csv").text().lstrip("\ufeff")
    rows = {row["编号"]: row for row in csv.DictReader(io.StringIO(csv_text))}
    assert rows[booking.reference]["状态"] == "已确认"
    assert rows[booking.reference]["提交时间"] == submitted
    assert rows[booking.reference]["提交语言"] == "English"
    workbook = load_workbook(io.BytesIO(browser_page.request.get(BOOKINGS + "?export=xlsx").body()))
    headings, *cells = workbook.active.values
    excel = {line[0]: dict(zip(headings, line, strict=True)) for line in cells}
    assert excel[booking.reference]["提交时间"] == submitted
    assert excel[booking.reference]["提交语言"] == "English"
    assert browser_page.outside_requests == []
