"""The public booking form: rules, messages, bad input, emails."""

import datetime
import re
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError
from django.test import Client, override_settings
from django.utils import timezone

from education.models import Booking
from education.models.seats import OccasionStatus
from education.study_tours.choices import BookingStatus
from tests.builders import book_url, booking_data, make_study_base, make_study_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(tours):
    """A session of the base in 20 days: 40 seats, bookable for another 10 days."""
    return make_study_session(tours.base)


@pytest.fixture
def book(client, tours, session):
    """Post a valid booking form, changed by `overrides`, for `session` of `base`."""

    def post(base=None, session=session, client=client, **overrides):
        return client.post(book_url(base or tours.base, session), booking_data(**overrides))

    return post


def test_form_renders_labelled_fields_with_token_and_honeypot(client, tours, session):
    response = client.get(book_url(tours.base, session))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="idempotency_key"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert '<label for="id_school_name">学校名称' in html
    assert 'type="tel"' in html
    assert "延安精神课" in html  # the session's course


def test_booking_succeeds_and_shows_reference(client, book, session):
    response = book()
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.REQUESTED
    assert booking.phone == "13912345678"
    assert booking.language == "zh-hans"
    assert booking.consent is True
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert booking.reference in html
    assert "预约申请已提交" in html
    assert page["Cache-Control"] == "private, no-store"
    assert session.seats_left == 40 - 16


def test_booking_emails_school_and_staff(client, book):
    book()
    booking = Booking.objects.get()
    school, staff = mail.outbox
    assert school.to == ["teacher@example.cn"]
    assert booking.reference in school.subject
    assert "已收到研学预约申请" in school.subject
    link = re.search(r"http://localhost(/zh-hans/\S+/booking/\S+/)", school.body).group(1)
    assert booking.reference in client.get(link).content.decode()
    assert "学生人数：16" in school.body
    assert school.alternatives[0][1] == "text/html"
    assert school.reply_to == ["base-staff@example.cn"]
    assert '<html lang="zh-Hans">' in school.alternatives[0][0]
    assert f"<title>{school.subject}</title>" in school.alternatives[0][0]
    assert staff.to == ["base-staff@example.cn"]
    assert staff.reply_to == ["teacher@example.cn"]
    assert f"/admin/education/bookings/inspect/{booking.pk}/" in staff.body


def test_subjects_read_as_typed_and_html_titles_stay_escaped(book):
    """An e-mail subject is plain text: "Yan'an" and "&" are not "Yan&#x27;an" and "&amp;"."""
    book(school_name="St Mary's & <Co>")
    school, staff = mail.outbox
    assert staff.subject.endswith("：St Mary's & <Co>")
    assert "St Mary&#x27;s &amp; &lt;Co&gt;</title>" in staff.alternatives[0][0]
    assert "&" not in school.subject


@override_settings(STAFF_NOTIFICATION_EMAIL="fallback@example.cn")
def test_staff_email_falls_back_to_settings(tours, book):
    tours.base.staff_email = ""
    tours.base.save_revision().publish()
    book()
    assert mail.outbox[1].to == ["fallback@example.cn"]


def test_english_booking_gets_english_email_and_page(client, tours, book):
    response = book(base=tours.english_base)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")
    booking = Booking.objects.get()
    assert booking.language == "en"
    school, staff = mail.outbox
    assert "We have received your study-tour booking request" in school.body
    assert "Booking request received" in school.subject
    # Staff read Chinese whatever language the school used.
    assert "新研学预约" in staff.subject
    page = client.get(response["Location"])
    assert "Your study-tour booking" in page.content.decode()


def test_english_and_chinese_bookings_share_seats(tours, book):
    session = make_study_session(tours.base, capacity=20)
    book(session=session, pupils="12")
    response = book(
        base=tours.english_base, session=session, pupils="12", idempotency_key=str(uuid.uuid4())
    )
    assert response.status_code == 409
    assert "Only 8 seats are left" in response.content.decode()


def test_too_many_pupils_is_refused_with_seats_left_and_waitlist(tours, book):
    session = make_study_session(tours.base, capacity=20)
    response = book(session=session, pupils="24", adults="3")
    assert response.status_code == 409
    html = response.content.decode()
    assert "本场次只剩 20 个名额，您申请了 24 个" in html
    assert 'name="join_waitlist"' in html
    assert 'value="无锡市第一中学"' in html  # nothing typed is lost
    assert not Booking.objects.exists()


def test_waitlist_when_asked(tours, book):
    session = make_study_session(tours.base, capacity=20)
    response = book(session=session, pupils="24", adults="3", join_waitlist="on")
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.WAITLISTED
    assert "已加入候补名单" in mail.outbox[0].subject
    assert session.seats_left == 20  # a waitlisted booking holds no seats


def test_full_session_offers_waitlist_on_the_form(client, tours, book):
    session = make_study_session(tours.base, capacity=16)
    book(session=session)
    response = client.get(book_url(tours.base, session))
    assert "本场次名额已满" in response.content.decode()
    assert 'name="join_waitlist"' in response.content.decode()


def test_closed_sessions_close_the_form_with_a_reason(client, subtests, tours, book):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    cases = [
        ({"status": OccasionStatus.CANCELLED}, "该场次已取消"),
        ({"status": OccasionStatus.CLOSED}, "报名已于"),
        ({"booking_deadline": yesterday}, "报名已于"),
        ({"date": yesterday, "booking_deadline": yesterday}, "该场次已经结束"),
    ]
    for change, message in cases:
        with subtests.test(change=change):
            session = make_study_session(tours.base, **change)
            response = client.get(book_url(tours.base, session))
            assert response.status_code == 200
            assert message in response.content.decode()
            assert 'name="school_name"' not in response.content.decode()
            response = book(session=session)
            assert response.status_code == 409
            assert message in response.content.decode()
            assert not Booking.objects.exists()


def test_adult_ratio_is_enforced_with_number_needed(tours, book):
    # Junior middle: 1 adult per 8 pupils, so 17 pupils need 3.
    response = book(pupils="17", adults="2")
    assert response.status_code == 400
    assert "17 名学生至少需要 3 名带队成人" in response.content.decode()
    assert not Booking.objects.exists()
    response = book(base=tours.english_base, pupils="17", adults="2")
    assert "at least 3 accompanying adults" in response.content.decode()


def test_age_band_not_received_by_the_base_is_refused(tours, book):
    tours.base.pupils_per_adult_senior_middle = None
    tours.base.save_revision().publish()
    response = book(age_band="senior_middle")
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_bad_input_gets_a_clear_message_and_keeps_the_rest(subtests, book):
    cases = [
        ("pupils", "0", "确保该值大于或等于1"),
        ("pupils", "-5", "确保该值大于或等于"),
        ("pupils", "100000", "确保该值小于或等于300"),
        ("pupils", "abc", "输入整数"),
        ("notes", "长" * 10_000, "确保该变量包含不超过 2000 字符"),
        ("phone", "12345", "请填写有效的电话号码"),
        ("phone", "1391234567", "请填写有效的电话号码"),
        ("email", "not-an-email", "输入一个有效的 Email 地址"),
        ("age_band", "lower_primary_x", "选择一个有效的选项"),
        ("consent", "", "请阅读并同意个人信息处理说明"),
        ("school_name", "", "必需字段"),
    ]
    for field, value, message in cases:
        with subtests.test(field=field, value=value[:20]):
            response = book(**{field: value})
            assert response.status_code == 400
            html = response.content.decode()
            assert message in html
            assert 'value="王芳"' in html
            assert not Booking.objects.exists()


def test_accepted_phone_numbers(subtests, book):
    numbers = [
        ("13912345678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("0911-1234567", "0911-1234567"),
        ("0510 8123 4567", "051081234567"),
        ("+44 20 7946 0958", "+442079460958"),
    ]
    for typed, stored in numbers:
        with subtests.test(phone=typed):
            response = book(phone=typed, idempotency_key=str(uuid.uuid4()), pupils="1")
            assert response.status_code == 302
            assert Booking.objects.latest("pk").phone == stored


def test_emoji_and_html_in_names_are_kept_and_escaped(book):
    name = '<script>alert("x")</script>红星小学🚩'
    book(school_name=name)
    booking = Booking.objects.get()
    assert booking.school_name == name
    staff = mail.outbox[1]
    html = staff.alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert name in staff.body  # plain text stays plain, not entity-encoded
    page = Client().get(booking.get_public_url()).content.decode()
    assert "<script>alert" not in page
    assert "红星小学🚩" in page


def test_missing_session_is_404(client, tours):
    assert client.get(tours.base.url + "book/999999/").status_code == 404
    assert client.post(tours.base.url + "book/999999/", booking_data()).status_code == 404
    assert client.get(tours.base.url + "book/abc/").status_code == 404


def test_session_of_another_base_is_404(client, tours):
    other = make_study_base(tours.demo, tours.index, n=2, translate=False)
    session = make_study_session(other)
    assert client.get(book_url(tours.base, session)).status_code == 404


def test_double_submission_creates_one_booking(book):
    first = book()
    second = book()
    assert second.status_code == 302
    # The same booking's page (its signed token carries the second it was signed in,
    # so the two links may differ as strings).
    token = second["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert second["Location"].rsplit("/", 2)[0] == first["Location"].rsplit("/", 2)[0]
    assert Booking.get_by_token(token) == Booking.objects.get()
    assert Booking.objects.count() == 1
    assert len(mail.outbox) == 2  # the replay sends nothing again


def test_database_error_apologises_and_keeps_the_form(book):
    with mock.patch(
        "education.models.sessions.Booking.save", side_effect=DatabaseError("disk full")
    ):
        response = book()
    assert response.status_code == 503
    html = response.content.decode()
    assert "系统暂时无法保存您的申请" in html
    assert 'value="无锡市第一中学"' in html
    assert not Booking.objects.exists()
    # Sending the same form again works.
    assert book().status_code == 302


def test_honeypot_rejects_without_saving(book):
    response = book(website="http://spam.example")
    assert response.status_code == 400
    assert "无法接受此次提交" in response.content.decode()
    assert not Booking.objects.exists()
    assert not mail.outbox


@override_settings(EDUCATION_REQUEST_RATE="2/h")
def test_rate_limit_is_polite_and_429(client, tours, book):
    session = make_study_session(tours.base, capacity=200)
    for _i in range(2):
        response = book(session=session, idempotency_key=str(uuid.uuid4()))
        assert response.status_code == 302
    response = book(session=session, idempotency_key=str(uuid.uuid4()))
    assert response.status_code == 429
    html = response.content.decode()
    assert "从您所在网络提交的申请已达上限" in html
    assert "您填写的内容都还在" in html and "急需预约可直接致电基地" in html
    assert 'value="无锡市第一中学"' in html
    assert Booking.objects.count() == 2
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.1.2.3")
    response = book(session=session, client=other, idempotency_key=str(uuid.uuid4()))
    assert response.status_code == 302


def test_csrf_is_enforced(client, book):
    response = book(client=Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert not Booking.objects.exists()
