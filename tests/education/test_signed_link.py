"""The school's own booking page, reached by a signed link, and cancelling there."""

import datetime
from unittest import mock

import pytest
from django.core import mail, signing
from django.utils import timezone

from education.models import Booking
from education.study_tours.choices import BookingStatus
from tests.builders import book_url, booking_data, make_study_base, make_study_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(client, tours):
    """A school's booking of 20 pupils and 3 adults on a session of 30 seats."""
    session = make_study_session(tours.base, capacity=30)
    client.post(book_url(tours.base, session), booking_data(pupils="20", adults="3"))
    mail.outbox.clear()
    return Booking.objects.get()


@pytest.fixture
def link(booking):
    """The signed link the school was sent."""
    return booking.get_public_url()


def test_link_shows_status_and_details_but_no_staff_notes(client, booking, link):
    booking.staff_notes = "内部：校长是老朋友"
    booking.save()
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert booking.reference in html
    assert "待确认" in html
    assert "无锡市第一中学" in html
    assert "内部：校长是老朋友" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # The link stays on this site, yet the page's own forms still send their
    # Origin: `no-referrer` made Chromium send `Origin: null`, which CSRF refuses.
    assert response["Referrer-Policy"] == "same-origin"
    assert 'name="referrer"' not in html


def test_tampered_links_are_plain_404s(client, subtests, tours, booking):
    token = booking.signed_token()
    # Signed, but not by us (another salt): as good as a guess.
    foreign = signing.TimestampSigner(salt="elsewhere").sign(booking.reference)
    forged = signing.b64_encode(foreign.encode()).decode()
    for bad in [token[:-2] + "xx", forged, "nonsense", "A" * 500, "4pyT"]:
        with subtests.test(token=bad[:30]):
            response = client.get(tours.base.url + f"booking/{bad}/")
            assert response.status_code == 404
            assert "无锡市第一中学" not in response.content.decode()


def test_expired_link_is_404(client, booking, link):
    later = timezone.now() + datetime.timedelta(days=400)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(link)
    assert response.status_code == 404
    assert booking.reference not in response.content.decode()


def test_link_under_another_base_is_404(client, tours, booking):
    other = make_study_base(tours.demo, tours.index, n=2, translate=False)
    token = booking.signed_token()
    assert client.get(other.url + f"booking/{token}/").status_code == 404


def test_link_works_in_the_other_language_too(client, tours, booking):
    token = booking.signed_token()
    response = client.get(tours.english_base.url + f"booking/{token}/")
    assert response.status_code == 200
    assert "Your study-tour booking" in response.content.decode()


def test_school_confirms_then_cancels_and_sees_the_seats_come_back(client, booking, link):
    assert booking.session.seats_left == 10
    # The button only asks: nothing is cancelled until the school confirms.
    page = client.get(link).content.decode()
    assert 'href="?cancel#cancel"' in page
    asking = client.get(link + "?cancel").content.decode()
    assert "确定要取消此预约吗？" in asking
    assert "为 20 名学生预留的名额将释放" in asking
    assert "确认取消预约" in asking
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED

    response = client.post(link, {"action": "cancel"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.session.seats_left == 30
    page = client.get(link).content.decode()
    assert "预约已取消，释放了 20 个名额，该场次现剩 30 个名额。" in page
    assert "取消此预约" not in page
    school, staff = mail.outbox
    assert "研学预约已取消" in school.subject
    assert "学校取消预约" in staff.subject


def test_the_school_is_greeted_by_the_name_it_typed(client, tours):
    session = make_study_session(tours.base, capacity=30)
    client.post(book_url(tours.base, session), booking_data(contact_name="王老师"))
    (school, _staff) = mail.outbox
    assert "王老师，您好：" in school.body
    assert "老师 老师" not in school.body


def test_asking_to_cancel_after_the_cutoff_offers_no_form(client, booking, link):
    booking.session.date = timezone.localdate() + datetime.timedelta(days=2)
    booking.session.booking_deadline = timezone.localdate()
    booking.session.save()
    page = client.get(link + "?cancel").content.decode()
    assert "确认取消预约" not in page
    assert "已过在线取消期限" in page


def test_cancel_after_cutoff_is_refused(client, booking, link):
    # Notice of 3 days: a session in 2 days can no longer be cancelled online.
    booking.session.date = timezone.localdate() + datetime.timedelta(days=2)
    booking.session.booking_deadline = timezone.localdate()
    booking.session.save()
    page = client.get(link).content.decode()
    assert "已过在线取消期限" in page
    client.post(link, {"action": "cancel"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    assert "此预约已无法在线取消" in client.get(link).content.decode()
    assert not mail.outbox


def test_cancelling_twice_changes_nothing_more(client, link):
    client.post(link, {"action": "cancel"})
    client.post(link, {"action": "cancel"})
    assert len(mail.outbox) == 2
