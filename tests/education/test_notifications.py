"""E-mails are queued (sent at once by the test settings' immediate backend), failed ones
are listed for booking managers only, and schools are reminded before their session.
The queue itself, with its worker and retries: test_notification_queue.py.
"""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from core.models import OutgoingEmail
from education.models import Booking
from education.study_tours.choices import BookingStatus
from tests.builders import days_from_today, make_study_session, post_booking

pytestmark = pytest.mark.django_db

FAILED = "/admin/notifications/failed/"
PANEL = 'id="editorial-failed-notifications'


def linked_booking(body):
    """The booking the e-mail's signed link opens (its token is timestamped, so never
    the same string twice)."""
    token = re.search(r"/booking/([\w-]+)/", body).group(1)
    return Booking.get_by_token(token)


def test_sent_emails_are_recorded_and_neither_listed_nor_retried(client, tours, booking_manager):
    booking = post_booking(tours.base, make_study_session(tours.base))
    emails = OutgoingEmail.objects.filter(object_id=booking.pk)
    assert [(e.status, e.attempts) for e in emails] == [(OutgoingEmail.Status.SENT, 1)] * 2
    assert len(mail.outbox) == 2
    client.force_login(booking_manager)
    response = client.get(FAILED)
    assert response.status_code == 200
    assert booking.reference not in response.content.decode()
    # Every e-mail can still be read, with the booking it was about.
    inspect = client.get(f"{FAILED}inspect/{emails[0].pk}/").content.decode()
    assert emails[0].subject in inspect
    assert re.search(rf"关于\s*</dt>\s*<dd[^>]*>\s*{booking.reference}\s*</dd>", inspect)
    # Not found (which the locale middleware turns into a redirect): nothing is sent twice.
    assert client.post(f"{FAILED}{emails[0].pk}/retry/").status_code in (302, 404)
    assert len(mail.outbox) == 2
    assert emails[0].status == OutgoingEmail.Status.SENT


def test_failed_emails_raise_an_alarm_on_the_booking_managers_dashboard(
    client, tours, booking_manager, yanan_editor
):
    booking = post_booking(tours.base, make_study_session(tours.base))
    client.force_login(booking_manager)
    # While every e-mail goes out, the dashboard has no such panel.
    assert PANEL not in client.get("/admin/").content.decode()

    email = OutgoingEmail.objects.filter(object_id=booking.pk).latest("pk")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED, last_error="Connection refused"
    )
    html = client.get("/admin/").content.decode()
    assert PANEL in html and "发送失败的通知" in html
    assert f'<a href="{FAILED}inspect/{email.pk}/">{email.subject}</a>' in html
    assert email.to[0] in html
    assert f'href="{FAILED}"' in html
    # Its page reads as an e-mail (addresses, lines) and offers to send it again.
    inspect = client.get(f"{FAILED}inspect/{email.pk}/").content.decode()
    assert re.search(rf"<dd>\s*{re.escape(email.to[0])}\s*</dd>", inspect)
    assert "[&#x27;" not in inspect
    assert "<br>" in inspect
    assert f'href="{FAILED}{email.pk}/retry/"' in inspect
    # Editors of pages do not handle schools' e-mails: no panel for them.
    client.force_login(yanan_editor)
    assert PANEL not in client.get("/admin/").content.decode()


def booking_in(tours, days, status=BookingStatus.CONFIRMED, **data):
    """A booking of a session in `days` days (booked while it was still open)."""
    session = make_study_session(tours.base)
    booking = post_booking(tours.base, session, **data)
    Booking.objects.filter(pk=booking.pk).update(status=status)
    session.date = days_from_today(days)
    session.booking_deadline = days_from_today(days - 1)
    session.save()
    mail.outbox.clear()
    return Booking.objects.get(pk=booking.pk)


def remind():
    call_command("send_session_reminders", stdout=io.StringIO())


def test_reminder_once_in_the_bookings_language(tours, settings):
    settings.SESSION_REMINDER_DAYS = 3
    booking = booking_in(tours, days=3, email="en@example.cn")
    Booking.objects.filter(pk=booking.pk).update(language="en")
    booking.refresh_from_db()

    remind()
    (reminder,) = mail.outbox
    assert reminder.to == ["en@example.cn"]
    assert reminder.subject.startswith("Study tour reminder")
    assert booking.reference in reminder.subject
    assert linked_booking(reminder.body) == booking
    assert tours.english_base.full_url in reminder.body
    assert tours.english_base.title in reminder.body
    # English punctuation in an English e-mail ("Booking reference: ", not "：").
    assert f"Booking reference: {booking.reference}" in reminder.body
    assert '<html lang="en">' in reminder.alternatives[0][0]
    assert "：" not in reminder.body
    booking.refresh_from_db()
    assert booking.reminder_sent_at is not None

    remind()
    assert len(mail.outbox) == 1


def test_no_reminder_too_early_unconfirmed_or_past(tours, settings):
    settings.SESSION_REMINDER_DAYS = 3
    later = booking_in(tours, days=4)
    requested = booking_in(tours, days=2, status=BookingStatus.REQUESTED)
    past = booking_in(tours, days=-1)
    remind()
    assert mail.outbox == []
    for booking in (later, requested, past):
        booking.refresh_from_db()
        assert booking.reminder_sent_at is None
