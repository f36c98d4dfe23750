"""The e-mail queue for real: django-tasks' database backend and its worker, in this
process, against real SMTP servers on localhost (one that accepts and never answers,
one that refuses), and the admin listing of what failed.
"""

import contextlib
import datetime
import socket
import time

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core.mail import retry_delay
from core.models import OutgoingEmail
from education.study_tours.choices import BookingStatus
from tests.builders import (
    make_study_base,
    make_study_base_index,
    make_study_session,
    post_booking,
)
from tests.education.test_notifications import FAILED, linked_booking

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "notifications": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@contextlib.contextmanager
def smtp_server(answers):
    """A TCP port on localhost: listening but never answering, or closed (refusing)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        port = server.getsockname()[1]
        if answers:
            # The kernel completes the handshake; no greeting ever comes.
            server.listen(8)
            yield port
        else:
            server.close()
            yield port


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 1
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    return settings


def run_worker():
    """What `manage.py db_worker --backend notifications --batch` does, in this process."""
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="notifications",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def test_queue_with_worker_from_hung_server_to_failed_to_sent_again(
    database_queue, demo, live_home_page, booking_manager, moderator
):
    """One test, in real transactions: the worker commits and checks its connection
    between tasks, which a test wrapped in a transaction does not allow."""
    base = make_study_base(demo, make_study_base_index(demo, live_home_page))
    session = make_study_session(base)

    # The mail server accepts connections and never answers: the booking does not wait.
    with smtp_server(answers=True) as port:
        database_queue.EMAIL_PORT = port
        database_queue.EMAIL_TIMEOUT = 5
        started = time.monotonic()
        booking = post_booking(base, session, email="school@example.cn")
        elapsed = time.monotonic() - started
        # Sending inside the request would have waited EMAIL_TIMEOUT (5 s) per e-mail.
        assert elapsed < 2
        assert booking.status == BookingStatus.REQUESTED
        emails = OutgoingEmail.objects.filter(object_id=booking.pk).order_by("pk")
        assert [email.to for email in emails] == [["school@example.cn"], ["base-staff@example.cn"]]
        assert {email.status for email in emails} == {OutgoingEmail.Status.QUEUED}

        # The worker tries; each attempt times out and the next waits a minute.
        database_queue.EMAIL_TIMEOUT = 1
        database_queue.NOTIFICATION_RETRY_DELAY = 60
        run_worker()
    for email in emails.all():
        assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
        assert "timed out" in email.last_error
    waiting = DBTaskResult.objects.filter(backend_name="notifications", status="READY")
    assert waiting.count() == 2
    for task in waiting:
        wait = task.run_after - timezone.now()
        assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]

    # A minute later the server refuses connections: the last attempts fail for good.
    waiting.update(run_after=timezone.now())
    database_queue.NOTIFICATION_RETRY_DELAY = 0
    with smtp_server(answers=False) as port:
        database_queue.EMAIL_PORT = port
        run_worker()
    school = OutgoingEmail.objects.get(object_id=booking.pk, to=["school@example.cn"])
    assert (school.status, school.attempts) == (OutgoingEmail.Status.FAILED, 3)
    assert "ConnectionRefusedError" in school.last_error
    assert mail.outbox == []

    # Booking managers, and only they, see it and send it again.
    client = Client()
    client.force_login(moderator)
    assert client.get(FAILED).status_code in (302, 403)
    client.post(f"{FAILED}{school.pk}/retry/")
    school.refresh_from_db()
    assert school.status == OutgoingEmail.Status.FAILED
    client.force_login(booking_manager)
    assert FAILED in client.get("/admin/").content.decode()  # in the sidebar menu
    html = client.get(FAILED).content.decode()
    assert booking.reference in html
    assert "school@example.cn" in html
    assert "ConnectionRefusedError" in html
    retry_url = f"{FAILED}{school.pk}/retry/"
    assert retry_url in html
    # Its confirmation says what goes to whom, and leads back to the list.
    confirm = client.get(retry_url).content.decode()
    assert "school@example.cn" in confirm and f'href="{FAILED}"' in confirm

    database_queue.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert client.post(retry_url).status_code == 302
    run_worker()
    school.refresh_from_db()
    assert (school.status, school.attempts) == (OutgoingEmail.Status.SENT, 1)
    (sent,) = [message for message in mail.outbox if message.to == ["school@example.cn"]]
    assert booking.reference in sent.subject
    assert linked_booking(sent.body) == booking
    assert retry_url not in client.get(FAILED).content.decode()  # no longer listed
