"""The training enquiries admin: who may see it, filters, CSV export and status actions."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from education.models import TrainingEnquiry
from education.training.choices import EnquiryStatus

from .base import TrainingTestCase

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


# TODO setUp
@classmethod
def setUpTestData(cls):
    super().setUpTestData()
    User = get_user_model()
    cls.manager = User.objects.create_user("manager", "m@example.cn", "password")
    cls.manager.groups.add(Group.objects.get(name="Booking managers"))
    cls.editor = User.objects.create_user("editor", "e@example.cn", "password")
    cls.editor.groups.add(Group.objects.get(name="Moderators"))


# TODO setUp
def setUp(self):
    super().setUp()
    self.cohort = make_cohort(training.programme, seats=40)
    self.enquiry = enquiry(self.programme, self.cohort, organisation="=HYPERLINK(1)")
    self.custom = enquiry(None, organisation="无锡某集团", status=EnquiryStatus.DISCUSSING)
    self.client.force_login(self.manager)


def test_booking_managers_see_enquiries(client, training):
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert training.enquiry.reference in html and training.custom.reference in html
    inspect = client.get(f"{INDEX}inspect/{training.enquiry.pk}/")
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "王强" in html
    assert "5月" in html and "[&#x27;5&#x27;]" not in html


def test_other_editors_get_no_data(client, subtests, training):
    client.force_login(training.editor)
    urls = [INDEX, INDEX + "?export=csv", f"{INDEX}inspect/{training.enquiry.pk}/"]
    for url in urls:
        with subtests.test(url=url):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert training.enquiry.reference not in response.content.decode()
    response = client.post(f"{INDEX}{training.enquiry.pk}/agree/")
    assert response.status_code in (302, 403)
    training.enquiry.refresh_from_db()
    assert training.enquiry.status == EnquiryStatus.NEW


def test_anonymous_is_sent_to_login(client):
    client.logout()
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_filters(client, training):
    html = client.get(INDEX + "?status=discussing").content.decode()
    assert training.custom.reference in html and training.enquiry.reference not in html
    html = client.get(INDEX + f"?programme={training.programme.pk}").content.decode()
    assert training.enquiry.reference in html and training.custom.reference not in html
    assert client.get(INDEX + "?status=nonsense&programme=abc").status_code == 200


def test_csv_export(client, training):
    response = client.get(INDEX + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = {row["编号"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    row = rows[training.enquiry.reference]
    assert row["单位名称"] == "'=HYPERLINK(1)"  # a formula reaches Excel as text
    assert row["培训项目"] == "测试培训项目1"
    assert row["参训人数"] == "30"
    assert row["希望的培训月份"] == "5月"
    assert row["状态"] == "新咨询"
    assert row["联系电话"] == "13912345678"
    assert rows[training.custom.reference]["培训项目"] == "定制培训项目"


def test_agree_takes_seats_and_refuses_when_there_are_too_few(client, training):
    assert client.get(f"{INDEX}{training.enquiry.pk}/agree/").status_code == 200
    response = client.post(f"{INDEX}{training.enquiry.pk}/agree/")
    assert response.status_code == 302
    training.enquiry.refresh_from_db()
    assert training.enquiry.status == EnquiryStatus.AGREED
    assert training.programme.offered_cohorts[0].seats_left == 10
    second = enquiry(training.programme, training.cohort, participants=12)
    client.post(f"{INDEX}{second.pk}/agree/")
    second.refresh_from_db()
    assert second.status == EnquiryStatus.NEW
    html = client.get(INDEX).content.decode()
    assert "班期只剩 10 个名额" in html


def test_actions_respect_the_current_status(client, training):
    client.post(f"{INDEX}{training.enquiry.pk}/close/")
    training.enquiry.refresh_from_db()
    assert training.enquiry.status == EnquiryStatus.CLOSED
    client.post(f"{INDEX}{training.enquiry.pk}/agree/")
    training.enquiry.refresh_from_db()
    assert training.enquiry.status == EnquiryStatus.CLOSED
    assert client.post(f"{INDEX}{training.enquiry.pk}/nonsense/").status_code != 200
