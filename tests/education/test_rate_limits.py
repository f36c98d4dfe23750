"""Rate limits of bookings: only accepted requests count, per address and per contact."""

import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, override_settings
from django.utils import translation

from core import ratelimit
from education.models import Booking
from education.study_tours.choices import BookingStatus
from tests.builders import book_url, booking_data, make_study_session

pytestmark = pytest.mark.django_db


def school(number):
    """The contact details of the `number`-th school: each has its own phone and e-mail."""
    return {
        "school_name": f"无锡市第{number}中学",
        "phone": f"1391234{number:04d}",
        "email": f"teacher{number}@example.cn",
        "idempotency_key": str(uuid.uuid4()),
    }


@pytest.fixture
def post(tours):
    def post(session, client=None, language="zh-hans", **overrides):
        client = client or Client(REMOTE_ADDR="203.0.113.7")
        base = tours.base if language == "zh-hans" else tours.english_base
        return client.post(book_url(base, session), booking_data(**overrides))

    return post


def test_seven_schools_behind_one_nat_all_book(tours, post):
    session = make_study_session(tours.base, capacity=200)
    statuses = [post(session, **school(n)).status_code for n in range(1, 8)]
    assert statuses == [302] * 7
    assert Booking.objects.filter(session=session).count() == 7


@override_settings(EDUCATION_REQUEST_RATE="2/h")
def test_refused_and_invalid_submissions_do_not_use_up_the_limit(tours, post):
    """A school retrying a full session, then joining its waitlist, is never locked out."""
    session = make_study_session(tours.base, capacity=10)
    details = school(1)
    for _attempt in range(5):
        assert post(session, **details).status_code == 409
        assert post(session, **details, pupils="").status_code == 400
    response = post(session, **details, join_waitlist="on")
    assert response.status_code == 302
    assert Booking.objects.get(session=session).status == BookingStatus.WAITLISTED


@override_settings(EDUCATION_REQUEST_RATE="2/h")
def test_accepted_requests_count_per_address(tours, post):
    session = make_study_session(tours.base, capacity=200)
    assert [post(session, **school(n)).status_code for n in (1, 2, 3)] == [302, 302, 429]
    other_address = Client(REMOTE_ADDR="198.51.100.20")
    assert post(session, client=other_address, **school(4)).status_code == 302


@override_settings(EDUCATION_CONTACT_RATE="2/d")
def test_accepted_requests_count_per_phone_and_per_email(tours, post):
    session = make_study_session(tours.base, capacity=200)
    addresses = (Client(REMOTE_ADDR=f"198.51.100.{n}") for n in range(1, 100))
    same_email = {**school(1), "email": "victim@example.cn"}
    for n in (2, 3):
        details = {**school(n), "email": same_email["email"]}
        assert post(session, client=next(addresses), **details).status_code == 302
    response = post(session, client=next(addresses), **{**school(4), "email": "VICTIM@example.cn"})
    assert response.status_code == 429
    assert "使用此电话号码或电子邮箱提交的申请已达上限" in response.content.decode()

    # The phone number is counted in one spelling, whatever spaces were typed.
    for n, phone in ((5, "139 0000 1111"), (6, "13900001111")):
        details = {**school(n), "phone": phone}
        assert post(session, client=next(addresses), **details).status_code == 302
    details = {**school(7), "phone": "139-0000-1111"}
    assert post(session, client=next(addresses), **details).status_code == 429
    assert Booking.objects.filter(session=session).count() == 4


@override_settings(EDUCATION_REQUEST_RATE="1/h")
@pytest.mark.parametrize(
    ("language", "reason", "retry"),
    [
        ("zh-hans", "从您所在网络提交的申请已达上限", r"请在北京时间 (明天 )?\d\d:\d\d 之后再试"),
        (
            "en",
            "too many requests have been sent from your network",
            r"try again after (tomorrow )?\d\d:\d\d",
        ),
    ],
)
def test_429_page_says_when_to_try_again_in_the_visitors_language(
    tours, post, language, reason, retry
):
    session = make_study_session(tours.base, capacity=200)
    assert post(session, language=language, **school(1)).status_code == 302
    response = post(session, language=language, **school(2), notes="第二个班级")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert reason in html
    assert re.search(retry, html)
    # Everything typed is still in the form.
    assert 'value="无锡市第2中学"' in html and "第二个班级" in html


@override_settings(EDUCATION_REQUEST_RATE="5/h", TRUSTED_PROXIES=["127.0.0.1"])
def test_a_rotating_proxy_header_counts_only_when_the_proxy_sent_it(tours, post):
    session = make_study_session(tours.base, capacity=400)
    direct = [
        post(
            session,
            client=Client(REMOTE_ADDR="203.0.113.7", HTTP_X_REAL_IP=f"198.51.100.{n}"),
            **school(10 + n),
        )
        for n in range(7)
    ]
    assert [r.status_code for r in direct] == [302] * 5 + [429] * 2
    # Through the proxy, each header names another school.
    proxied = [
        post(
            session,
            client=Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=f"198.51.100.{n}"),
            **school(n),
        )
        for n in range(1, 8)
    ]
    assert [r.status_code for r in proxied] == [302] * 7


@pytest.mark.parametrize(
    "language, expected", [("zh-hans", "北京时间 明天 00:30"), ("en", "after tomorrow 00:30")]
)
def test_a_retry_after_midnight_says_tomorrow_on_a_24_hour_clock(monkeypatch, language, expected):
    late_evening = datetime.datetime(2026, 12, 3, 23, 50, tzinfo=ZoneInfo("Asia/Shanghai"))
    monkeypatch.setattr(ratelimit.timezone, "now", lambda: late_evening)
    with translation.override(language):
        assert expected in ratelimit.when_to_retry(40 * 60)
