"""The demo content, and the whole story on it: find, book, confirm, cancel."""

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from core.demo import Demo
from education.models import Booking, StudyBasePage
from education.study_tours import demo as education_demo
from education.study_tours.choices import BookingStatus
from tests.builders import booking_data

pytestmark = pytest.mark.django_db


def test_six_bases_in_both_languages_with_upcoming_sessions(demo_site):
    today = timezone.localdate()
    for language in ("zh-hans", "en"):
        bases = StudyBasePage.objects.live().filter(locale__language_code=language)
        assert bases.count() >= 6
        for base in bases:
            upcoming = [s for s in base.listed_sessions() if s.date >= today]
            assert len(upcoming) >= 2, base.title
            assert base.get_coordinates() is not None
    cities = set(StudyBasePage.objects.values_list("city", flat=True))
    assert cities == {"yanan", "wuxi"}


def test_bookings_in_different_states(demo_site):
    states = set(Booking.objects.values_list("status", flat=True))
    assert {
        BookingStatus.REQUESTED,
        BookingStatus.CONFIRMED,
        BookingStatus.WAITLISTED,
        BookingStatus.DECLINED,
        BookingStatus.CANCELLED,
    } <= states
    for booking in Booking.objects.all():
        assert booking.session.seats_left >= 0


def test_loading_again_creates_nothing(demo_site):
    demo = Demo(user=get_user_model().objects.filter(is_superuser=True).first())
    counts = (StudyBasePage.objects.count(), Booking.objects.count())
    education_demo.load(demo)
    assert demo.created == 0
    assert (StudyBasePage.objects.count(), Booking.objects.count()) == counts


def test_english_pages_are_english(client, demo_site):
    html = client.get("/en/study-bases/nanniwan-labour-camp/").content.decode()
    assert "Nanniwan Labour Education Camp" in html
    assert "Complete a session of field work" in html  # a course outcome
    assert "A rifle in one hand, a hoe in the other" in html


def test_teacher_books_manager_confirms_school_cancels(client, demo_site):
    # A teacher finds a base in English and books the first session with seats.
    listing = client.get("/en/study-bases/?city=yanan&age_band=junior_middle")
    assert "Yan&#x27;an Revolutionary Memorial Hall Study Base" in listing.content.decode()
    base = StudyBasePage.objects.get(slug="memorial-hall-study-base", locale__language_code="en")
    page = client.get(base.url).content.decode()
    book_url = re.search(r'href="(/en/study-bases/memorial-hall-study-base/book/\d+/)"', page)
    session_id = int(book_url.group(1).rstrip("/").rsplit("/", 1)[1])
    session = base.sessions_queryset().get(pk=session_id)
    seats_before = session.seats_left
    response = client.post(
        book_url.group(1), booking_data(key=str(uuid.uuid4()), pupils="20", adults="3")
    )
    assert response.status_code == 302
    confirmation = client.get(response["Location"]).content.decode()
    booking = Booking.objects.get(email="teacher@example.cn", session=session, pupils=20)
    assert booking.reference in confirmation
    assert booking.reference in mail.outbox[0].subject
    assert session.seats_left == seats_before - 20

    # A booking manager confirms it; the calendar email follows.
    manager = get_user_model().objects.create_user("manager", "m@example.cn", "pw")
    manager.groups.add(Group.objects.get(name="Booking managers"))
    client.force_login(manager)
    client.post(f"/admin/education/bookings/{booking.pk}/confirm/")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert mail.outbox[-1].attachments[0][0] == f"{booking.reference}.ics"

    # The school cancels through its link; the seats come back.
    client.logout()
    client.post(response["Location"], {"action": "cancel"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert session.seats_left == seats_before
