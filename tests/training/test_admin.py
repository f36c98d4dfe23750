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


class EnquiryAdminTests(TrainingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.manager = User.objects.create_user("manager", "m@example.cn", "password")
        cls.manager.groups.add(Group.objects.get(name="Booking managers"))
        cls.editor = User.objects.create_user("editor", "e@example.cn", "password")
        cls.editor.groups.add(Group.objects.get(name="Moderators"))

    def setUp(self):
        super().setUp()
        self.cohort = self.make_cohort(seats=40)
        self.enquiry = enquiry(self.programme, self.cohort, organisation="=HYPERLINK(1)")
        self.custom = enquiry(None, organisation="无锡某集团", status=EnquiryStatus.DISCUSSING)
        self.client.force_login(self.manager)

    def test_booking_managers_see_enquiries(self):
        response = self.client.get(INDEX)
        assert response.status_code == 200
        html = response.content.decode()
        assert self.enquiry.reference in html and self.custom.reference in html
        inspect = self.client.get(f"{INDEX}inspect/{self.enquiry.pk}/")
        assert inspect.status_code == 200
        html = inspect.content.decode()
        assert "王强" in html
        assert "5月" in html and "[&#x27;5&#x27;]" not in html

    def test_other_editors_get_no_data(self):
        self.client.force_login(self.editor)
        urls = [INDEX, INDEX + "?export=csv", f"{INDEX}inspect/{self.enquiry.pk}/"]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code in (302, 403)
                assert self.enquiry.reference not in response.content.decode()
        response = self.client.post(f"{INDEX}{self.enquiry.pk}/agree/")
        assert response.status_code in (302, 403)
        self.enquiry.refresh_from_db()
        assert self.enquiry.status == EnquiryStatus.NEW

    def test_anonymous_is_sent_to_login(self):
        self.client.logout()
        response = self.client.get(INDEX)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_filters(self):
        html = self.client.get(INDEX + "?status=discussing").content.decode()
        assert self.custom.reference in html and self.enquiry.reference not in html
        html = self.client.get(INDEX + f"?programme={self.programme.pk}").content.decode()
        assert self.enquiry.reference in html and self.custom.reference not in html
        assert self.client.get(INDEX + "?status=nonsense&programme=abc").status_code == 200

    def test_csv_export(self):
        response = self.client.get(INDEX + "?export=csv")
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8")
        assert text.startswith("\ufeff")
        rows = {row["编号"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
        row = rows[self.enquiry.reference]
        assert row["单位名称"] == "'=HYPERLINK(1)"  # a formula reaches Excel as text
        assert row["培训项目"] == "测试培训项目1"
        assert row["参训人数"] == "30"
        assert row["希望的培训月份"] == "5月"
        assert row["状态"] == "新咨询"
        assert row["联系电话"] == "13912345678"
        assert rows[self.custom.reference]["培训项目"] == "定制培训项目"

    def test_agree_takes_seats_and_refuses_when_there_are_too_few(self):
        assert self.client.get(f"{INDEX}{self.enquiry.pk}/agree/").status_code == 200
        response = self.client.post(f"{INDEX}{self.enquiry.pk}/agree/")
        assert response.status_code == 302
        self.enquiry.refresh_from_db()
        assert self.enquiry.status == EnquiryStatus.AGREED
        assert self.programme.offered_cohorts[0].seats_left == 10
        second = enquiry(self.programme, self.cohort, participants=12)
        self.client.post(f"{INDEX}{second.pk}/agree/")
        second.refresh_from_db()
        assert second.status == EnquiryStatus.NEW
        html = self.client.get(INDEX).content.decode()
        assert "班期只剩 10 个名额" in html

    def test_actions_respect_the_current_status(self):
        self.client.post(f"{INDEX}{self.enquiry.pk}/close/")
        self.enquiry.refresh_from_db()
        assert self.enquiry.status == EnquiryStatus.CLOSED
        self.client.post(f"{INDEX}{self.enquiry.pk}/agree/")
        self.enquiry.refresh_from_db()
        assert self.enquiry.status == EnquiryStatus.CLOSED
        assert self.client.post(f"{INDEX}{self.enquiry.pk}/nonsense/").status_code != 200
