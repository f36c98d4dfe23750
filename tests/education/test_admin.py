"""The bookings admin: who may see it, listing, export, and the status actions."""

import csv
import datetime
import io
import re
import uuid

import pytest
from django.core import mail
from django.test import Client
from icalendar import Calendar
from openpyxl import load_workbook

from education.models import Booking
from education.study_tours.choices import BookingStatus
from tests.builders import book_url, booking_data, make_study_session

pytestmark = pytest.mark.django_db

INDEX = "/admin/education/bookings/"
SESSIONS = "/admin/education/sessions/"


def action_url(booking, action):
    return f"{INDEX}{booking.pk}/{action}/"


@pytest.fixture
def session(tours):
    return make_study_session(tours.base, capacity=40)


@pytest.fixture
def book(tours, session):
    """A school books through the public form (its own browser); returns the booking."""

    def post(session=session, **data):
        Client().post(book_url(tours.base, session), booking_data(key=str(uuid.uuid4()), **data))
        return Booking.objects.latest("pk")

    return post


@pytest.fixture
def booking(book):
    booking = book(school_name="<b>红星</b>小学🚩", pupils="24", adults="3")
    mail.outbox.clear()
    return booking


@pytest.fixture(autouse=True)
def _manager_signed_in(client, booking_manager, booking):
    """Every test starts with one booking and the booking booking_manager signed in."""
    client.force_login(booking_manager)


def test_anonymous_is_sent_to_login(client, subtests, booking):
    client.logout()
    for url in [INDEX, INDEX + "?export=csv", action_url(booking, "confirm"), SESSIONS]:
        with subtests.test(url=url):
            response = client.get(url)
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]


def test_other_editors_get_no_data(client, subtests, booking, session, moderator):
    # Moderators may see session occupancy (no personal data), never bookings.
    client.force_login(moderator)
    for url in [INDEX, INDEX + "?export=csv", f"{INDEX}inspect/{booking.pk}/"]:
        with subtests.test(url=url):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert booking.reference not in response.content.decode()
    response = client.post(action_url(booking, "confirm"))
    assert response.status_code in (302, 403)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_managers_and_superusers_see_the_list(client, subtests, tours, booking, booking_manager):
    for user in [booking_manager, tours.admin]:
        with subtests.test(user=user.username):
            client.force_login(user)
            response = client.get(INDEX)
            assert response.status_code == 200
            assert booking.reference in response.content.decode()


def test_names_are_escaped_in_the_listing(client):
    html = client.get(INDEX).content.decode()
    assert "&lt;b&gt;红星&lt;/b&gt;小学🚩" in html
    assert "<b>红星</b>" not in html


def test_filters_and_search(client, subtests, tours, book, booking, session):
    other_session = make_study_session(tours.base, days=60)
    other = book(session=other_session, school_name="延安中学", pupils="10", adults="2")
    other.status = BookingStatus.CONFIRMED
    other.save()
    cases = {
        "?status=confirmed": [other],
        "?status=requested": [booking],
        f"?base={tours.base.pk}": [booking, other],
        f"?session_date_from={other_session.date:%Y-%m-%d}": [other],
        f"?q={other.reference}": [other],
        "?q=红星": [booking],
    }
    for query, expected in cases.items():
        with subtests.test(query=query):
            response = client.get(INDEX + query)
            assert response.status_code == 200
            html = response.content.decode()
            for listed in [booking, other]:
                assert (listed.reference in html) == (listed in expected)
    assert client.get(INDEX + "?status=nonsense&session_date_from=x").status_code == 200


#: 01:30:00.25 UTC on 12 May, which the admin shows as 09:30 Beijing time.
SUBMITTED = datetime.datetime(2026, 5, 12, 1, 30, 0, 250000, tzinfo=datetime.UTC)


def submitted_in_english(booking):
    Booking.objects.filter(pk=booking.pk).update(created_at=SUBMITTED, language="en")


def test_csv_export(client, booking):
    booking.notes = '=HYPERLINK("http://evil")'
    booking.staff_notes = "回电确认人数"
    booking.save()
    submitted_in_english(booking)
    response = client.get(INDEX + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")  # Excel reads UTF-8 with a BOM
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["编号"] == booking.reference
    assert row["状态"] == "待确认"
    assert row["研学基地"] == "测试研学基地1"
    assert row["学校名称"] == "<b>红星</b>小学🚩"
    assert row["学生人数"] == "24"
    assert row["联系电话"] == "13912345678"
    assert row["内部备注"] == "回电确认人数"
    assert row["备注"] == '\'=HYPERLINK("http://evil")'  # never a live formula
    # Beijing time as the admin shows it, with its offset, to the second.
    assert row["提交时间"] == "2026-05-12 09:30:00+08:00"
    assert row["提交语言"] == "English"


def test_excel_export(client, booking):
    submitted_in_english(booking)
    response = client.get(INDEX + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    headings, row = list(workbook.active.values)
    assert headings[0] == "编号"
    assert row[0] == booking.reference
    cells = dict(zip(headings, row, strict=True))
    assert cells["提交时间"] == "2026-05-12 09:30:00+08:00"
    assert cells["提交语言"] == "English"


def test_cancel_is_the_last_action_apart_from_confirm(client, booking):
    """Cancel is not the first button, next to confirm: it comes last, in the row's more menu."""
    html = client.get(INDEX).content.decode()
    row_actions = re.findall(rf'href="{INDEX}{booking.pk}/(\w+)/"', html)
    assert row_actions == ["confirm", "decline", "cancel"]
    cancel = re.search(rf'<a href="{INDEX}{booking.pk}/cancel/"[^>]*>', html).group(0)
    assert "button-small" not in cancel  # a menu item, not a button beside confirm


def test_confirm_sends_calendar_email(client, tours, booking, session):
    response = client.get(action_url(booking, "confirm"))
    assert response.status_code == 200
    assert "学校将收到确认邮件和日历文件" in response.content.decode()
    response = client.post(action_url(booking, "confirm"))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    (email,) = mail.outbox
    assert "研学预约已确认" in email.subject
    filename, content, mimetype = email.attachments[0]
    assert filename == f"{booking.reference}.ics"
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["uid"] == f"{booking.reference}@study-tours.yanxi"
    assert event.decoded("dtstart").date() == session.date
    assert "测试研学基地1" in str(event["summary"])
    assert event["geo"].latitude == 36.606


def test_confirmation_email_in_english_for_english_bookings(client, booking):
    booking.language = "en"
    booking.save()
    client.post(action_url(booking, "confirm"))
    (email,) = mail.outbox
    assert email.subject.startswith("Study-tour booking confirmed")
    event = Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")[0]
    assert "Test study base 1" in str(event["summary"])


def test_decline_and_cancel_free_seats_and_tell_the_school(client, booking, session):
    assert session.seats_left == 16
    client.post(action_url(booking, "decline"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED
    assert session.seats_left == 40
    assert "研学预约未能安排" in mail.outbox[0].subject
    # A declined booking cannot be cancelled: a clear message, nothing sent.
    response = client.post(action_url(booking, "cancel"), follow=True)
    assert "不能执行此操作" in response.content.decode()
    assert len(mail.outbox) == 1


def test_cancel_by_staff(client, booking):
    client.post(action_url(booking, "cancel"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert "研学预约已取消" in mail.outbox[0].subject


def test_waitlisted_booking_is_confirmed_only_when_seats_free_up(client, book, booking):
    waiting = book(pupils="24", adults="3", join_waitlist="on")
    assert waiting.status == BookingStatus.WAITLISTED
    response = client.post(action_url(waiting, "confirm"), follow=True)
    assert "场次只剩 16 个名额" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITLISTED
    client.post(action_url(booking, "cancel"))
    client.post(action_url(waiting, "confirm"))
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED


def test_unknown_action_is_refused(client, booking):
    response = client.post(action_url(booking, "delete-everything"))
    assert response.status_code != 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_staff_can_only_edit_staff_notes(client, booking):
    response = client.post(
        f"{INDEX}edit/{booking.pk}/",
        {"staff_notes": "已电话确认", "pupils": "300", "status": "confirmed"},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.staff_notes == "已电话确认"
    assert booking.pupils == 24
    assert booking.status == BookingStatus.REQUESTED


def test_occupancy_and_waitlist_in_order(client, book, session):
    book(school_name="甲校", pupils="24", adults="3", join_waitlist="on")
    book(school_name="乙校", pupils="20", adults="3", join_waitlist="on")
    response = client.get(SESSIONS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "24 / 40" in html
    link = f"{INDEX}?status=waitlisted&amp;session={session.pk}&amp;ordering=created_at"
    assert link in html
    waitlist = client.get(link.replace("&amp;", "&")).content.decode()
    assert waitlist.index("甲校") < waitlist.index("乙校")
    assert "红星" not in waitlist
