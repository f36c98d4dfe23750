"""Many partners' front ends booking the last seats through the API at once: never oversold.

The API takes the same row lock as the web form (education.seats), so this
is the web form's test (tests/education/test_concurrency.py) through JSON.
"""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from education.models import Booking
from education.study_tours.choices import SEAT_HOLDING_STATUSES
from tests.builders import make_study_base, make_study_base_index, make_study_session
from tests.utils import requires_postgres

REQUESTS = 16
PUPILS_EACH = 4


@requires_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_api_bookings_never_oversell(demo, live_home_page):
    base = make_study_base(demo, make_study_base_index(demo, live_home_page), translate=False)
    session = make_study_session(base, capacity=30)
    url = f"/api/v1/study-bases/{base.pk}/sessions/{session.pk}/bookings/"
    start = threading.Barrier(REQUESTS)
    outcomes = [None] * REQUESTS

    def front_end(i):
        try:
            # Each thread has its own client, IP (rate limit) and database connection.
            client = Client(REMOTE_ADDR=f"10.0.1.{i + 1}")
            body = {
                "school_name": f"学校{i}",
                "contact_name": "王芳",
                "phone": "13912345678",
                "email": f"school{i}@example.cn",
                "age_band": "junior_middle",
                "pupils": PUPILS_EACH,
                "adults": 1,
                "consent": True,
            }
            start.wait()
            response = client.post(
                url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4())
            )
            outcomes[i] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=front_end, args=(i,)) for i in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    held = Booking.objects.filter(session=session, status__in=SEAT_HOLDING_STATUSES)
    assert sum(held.values_list("pupils", flat=True)) == 28  # seven schools of four; two left
    assert outcomes.count(201) == 7
    assert outcomes.count(409) == REQUESTS - 7
