"""Many schools, the last seats, at the same moment: nobody gets seats that are not there."""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from education.models import Booking
from education.study_tours.choices import SEAT_HOLDING_STATUSES, BookingStatus
from tests.builders import (
    book_url,
    booking_data,
    make_study_base,
    make_study_base_index,
    make_study_session,
)
from tests.utils import requires_postgres

REQUESTS = 24
PUPILS_EACH = 2


@requires_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_never_oversell(demo, live_home_page):
    base = make_study_base(demo, make_study_base_index(demo, live_home_page), translate=False)
    session = make_study_session(base, capacity=30)
    Booking.objects.create(
        session=session,
        school_name="先到的学校",
        contact_name="王",
        phone="13912345678",
        email="first@example.cn",
        age_band="junior_middle",
        pupils=20,
        adults=3,
        consent=True,
        status=BookingStatus.CONFIRMED,
    )
    url = book_url(base, session)
    start = threading.Barrier(REQUESTS)
    outcomes = [None] * REQUESTS

    def school(i):
        try:
            # Each thread has its own client, IP (rate limit) and database connection.
            client = Client(REMOTE_ADDR=f"10.0.0.{i + 1}")
            data = booking_data(
                key=str(uuid.uuid4()), school_name=f"学校{i}", pupils=str(PUPILS_EACH), adults="1"
            )
            start.wait()
            response = client.post(url, data)
            body = response.content.decode()
            if response.status_code == 302:
                outcomes[i] = "booked"
            elif response.status_code == 409 and ("只剩" in body or "名额已满" in body):
                outcomes[i] = "refused"
            else:
                outcomes[i] = f"unexpected {response.status_code}"
        finally:
            connection.close()

    threads = [threading.Thread(target=school, args=(i,)) for i in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    held = Booking.objects.filter(session=session, status__in=SEAT_HOLDING_STATUSES)
    taken = sum(held.values_list("pupils", flat=True))
    assert taken <= session.capacity
    assert taken == session.capacity  # the 10 last seats all went, to 5 schools
    assert outcomes.count("booked") == 5
    assert outcomes.count("refused") == REQUESTS - 5
    assert Booking.objects.filter(session=session).count() == 1 + 5
