"""The training enquiries admin: who may see it, filters, CSV export and status actions."""

import csv
import io

import pytest

from education.models import TrainingEnquiry
from education.training.choices import EnquiryStatus
from tests.builders import make_cohort

pytestmark = pytest.mark.django_db

INDEX = "/admin/education/training-enquiries/"


def enquiry(programme, cohort=None, **fields):
    values = {
        "organisation": "延川县委组织部",
        "contact_name": "王强",
        "contact_role": "科长",
        "phone": "13912345678",
        "email": "yc@example.cn",
        "participants": 30,
        "preferred_months": ["5"],
        "programme": programme,
        "cohort": cohort,
        "consent": True,
        **fields,
    }
    return TrainingEnquiry.objects.create(**values)


@pytest.fixture
def cohort(training):
    return make_cohort(training.programme, capacity=40)


@pytest.fixture
def about_cohort(training, cohort):
    """An enquiry about the cohort, from an organisation with a formula for a name."""
    return enquiry(training.programme, cohort, organisation="=HYPERLINK(1)")


@pytest.fixture
def custom(about_cohort):
    """An enquiry about a programme made to measure, under discussion."""
    return enquiry(None, organisation="无锡某集团", status=EnquiryStatus.DISCUSSING)


@pytest.fixture(autouse=True)
def _manager_signed_in(client, booking_manager, custom):
    """Every test starts with both enquiries and the booking manager signed in."""
    client.force_login(booking_manager)


def test_booking_managers_see_enquiries(client, about_cohort, custom):
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert about_cohort.reference in html and custom.reference in html
    inspect = client.get(f"{INDEX}inspect/{about_cohort.pk}/")
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "王强" in html
    assert "5月" in html and "[&#x27;5&#x27;]" not in html


def test_other_editors_get_no_data(client, subtests, about_cohort, moderator):
    client.force_login(moderator)
    urls = [INDEX, INDEX + "?export=csv", f"{INDEX}inspect/{about_cohort.pk}/"]
    for url in urls:
        with subtests.test(url=url):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert about_cohort.reference not in response.content.decode()
    response = client.post(f"{INDEX}{about_cohort.pk}/agree/")
    assert response.status_code in (302, 403)
    about_cohort.refresh_from_db()
    assert about_cohort.status == EnquiryStatus.NEW


def test_anonymous_is_sent_to_login(client):
    client.logout()
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_filters(client, training, about_cohort, custom):
    html = client.get(INDEX + "?status=discussing").content.decode()
    assert custom.reference in html and about_cohort.reference not in html
    html = client.get(INDEX + f"?programme={training.programme.pk}").content.decode()
    assert about_cohort.reference in html and custom.reference not in html
    assert client.get(INDEX + "?status=nonsense&programme=abc").status_code == 200


def test_csv_export(client, about_cohort, custom):
    response = client.get(INDEX + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = {row["编号"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    row = rows[about_cohort.reference]
    assert row["单位名称"] == "'=HYPERLINK(1)"  # a formula reaches Excel as text
    assert row["培训项目"] == "测试培训项目1"
    assert row["参训人数"] == "30"
    assert row["希望的培训月份"] == "5月"
    assert row["状态"] == "新咨询"
    assert row["联系电话"] == "13912345678"
    assert rows[custom.reference]["培训项目"] == "定制培训项目"


def test_agree_takes_seats_and_refuses_when_there_are_too_few(
    client, training, cohort, about_cohort
):
    assert client.get(f"{INDEX}{about_cohort.pk}/agree/").status_code == 200
    response = client.post(f"{INDEX}{about_cohort.pk}/agree/")
    assert response.status_code == 302
    about_cohort.refresh_from_db()
    assert about_cohort.status == EnquiryStatus.AGREED
    assert training.programme.offered_cohorts[0].seats_left == 10
    second = enquiry(training.programme, cohort, participants=12)
    client.post(f"{INDEX}{second.pk}/agree/")
    second.refresh_from_db()
    assert second.status == EnquiryStatus.NEW
    html = client.get(INDEX).content.decode()
    assert "班期只剩 10 个名额" in html


def test_actions_respect_the_current_status(client, about_cohort):
    client.post(f"{INDEX}{about_cohort.pk}/close/")
    about_cohort.refresh_from_db()
    assert about_cohort.status == EnquiryStatus.CLOSED
    client.post(f"{INDEX}{about_cohort.pk}/agree/")
    about_cohort.refresh_from_db()
    assert about_cohort.status == EnquiryStatus.CLOSED
    assert client.post(f"{INDEX}{about_cohort.pk}/nonsense/").status_code != 200
