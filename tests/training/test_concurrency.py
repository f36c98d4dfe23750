"""Several booking managers agree enquiries for a cohort's last seats at once: never more than it has."""

import threading

import pytest
from django.db import connection
from django.test import Client

from education.models import TrainingEnquiry
from education.training.choices import EnquiryStatus
from tests.builders import make_cohort, make_programme, make_programme_index, make_stage_content
from tests.utils import requires_postgres

ENQUIRIES = 8
PARTICIPANTS_EACH = 3
SEATS = 10  # three enquiries fit; a fourth would need 12


@requires_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_agreements_never_exceed_the_seats(demo, live_home_page, admin_user):
    index = make_programme_index(demo, live_home_page)
    programme = make_programme(demo, index, make_stage_content(demo, live_home_page))
    cohort = make_cohort(programme, capacity=SEATS)
    enquiries = [
        TrainingEnquiry.objects.create(
            organisation=f"单位{i}",
            contact_name="王强",
            phone="13912345678",
            email=f"org{i}@example.cn",
            participants=PARTICIPANTS_EACH,
            preferred_months=["5"],
            programme=programme,
            cohort=cohort,
            consent=True,
        )
        for i in range(ENQUIRIES)
    ]
    start = threading.Barrier(ENQUIRIES)
    outcomes = [None] * ENQUIRIES

    def manager(i):
        try:
            # Each thread has its own client and database connection.
            client = Client()
            client.force_login(admin_user)
            start.wait()
            url = f"/admin/education/training-enquiries/{enquiries[i].pk}/agree/"
            body = client.post(url, follow=True).content.decode()
            if "已更新为" in body:
                outcomes[i] = "agreed"
            elif "只剩" in body:
                outcomes[i] = "refused"
            else:
                outcomes[i] = "unexpected"
        finally:
            connection.close()

    threads = [threading.Thread(target=manager, args=(i,)) for i in range(ENQUIRIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    agreed = TrainingEnquiry.objects.filter(cohort=cohort, status=EnquiryStatus.AGREED)
    assert sum(agreed.values_list("participants", flat=True)) <= SEATS
    assert agreed.count() == SEATS // PARTICIPANTS_EACH
    assert outcomes.count("agreed") == SEATS // PARTICIPANTS_EACH
    assert outcomes.count("refused") == ENQUIRIES - SEATS // PARTICIPANTS_EACH
