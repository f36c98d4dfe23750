"""The public enquiry form: rules, bilingual messages, bad input, abuse, emails."""

import re
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError
from django.test import override_settings

from education.models import TrainingEnquiry
from education.training.choices import EnquiryStatus
from tests.builders import enquire_url, enquiry_data, make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(training):
    """A cohort of the programme with 40 seats."""
    return make_cohort(training.programme, capacity=40)


@pytest.fixture
def enquire(client, training, cohort):
    """Post a valid enquiry form, changed by `overrides`, on `page` (the programme by default)."""

    def post(page=None, **overrides):
        return client.post(enquire_url(page or training.programme), enquiry_data(**overrides))

    return post


def test_form_is_labelled_with_token_honeypot_and_offered_cohorts(client, training, cohort):
    response = client.get(enquire_url(training.programme) + f"?cohort={cohort.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="idempotency_key"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert '<label for="id_organisation">单位名称' in html
    assert 'type="tel"' in html
    assert f'<option value="{cohort.pk}" selected>' in html
    assert "剩余 40 个名额" in html
    assert 'name="programme"' not in html  # the page says which programme
    assert '<label for="">' not in html


def test_enquiry_about_a_cohort_is_saved_and_acknowledged(client, training, enquire, cohort):
    response = enquire(cohort=str(cohort.pk), preferred_months=[])
    assert response.status_code == 302
    enquiry = TrainingEnquiry.objects.get()
    assert enquiry.reference.startswith("PX-")
    assert enquiry.status == EnquiryStatus.NEW
    assert enquiry.programme == training.programme
    assert enquiry.cohort == cohort
    assert enquiry.phone == "0510-81234567"
    assert enquiry.language == "zh-hans"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert enquiry.reference in html
    assert "培训咨询已提交" in html
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    # An enquiry is not an agreement: seats stay free until staff agree.
    assert training.programme.cohorts_queryset().with_occupancy().get().seats_left == 40


def test_emails_to_organisation_and_staff(client, enquire, cohort):
    enquire(cohort=str(cohort.pk))
    enquiry = TrainingEnquiry.objects.get()
    ack, staff = mail.outbox
    assert ack.to == ["org@example.cn"]
    assert ack.subject == f"已收到培训咨询：{enquiry.reference} · 测试培训项目1"
    assert "参训人数：30" in ack.body
    assert ack.alternatives[0][1] == "text/html"
    assert ack.reply_to == ["training-staff@example.cn"]
    link = re.search(r"http://localhost(/zh-hans/\S+/enquiry/\S+/)", ack.body).group(1)
    assert enquiry.reference in client.get(link).content.decode()
    assert staff.to == ["training-staff@example.cn"]
    assert staff.reply_to == ["org@example.cn"]
    assert staff.subject == f"新培训咨询 {enquiry.reference}：无锡市梁溪区委组织部"
    assert f"/admin/education/training-enquiries/inspect/{enquiry.pk}/" in staff.body


def test_english_enquiry_gets_english_email_and_page(client, training, enquire):
    response = enquire(page=training.english_programme, organisation="Wuxi Liangxi District")
    assert response["Location"].startswith("/en/cadre-training/enquiry/")
    enquiry = TrainingEnquiry.objects.get()
    assert enquiry.language == "en"
    # Staff work on the source page whatever language the enquiry came in.
    assert enquiry.programme == training.programme
    ack, staff = mail.outbox
    assert ack.subject == f"Training enquiry received: {enquiry.reference} · Test programme 1"
    assert "We have received your organisation's training enquiry" in ack.body
    assert "Preferred months: May, June" in ack.body
    assert "新培训咨询" in staff.subject
    assert "Your training enquiry" in client.get(response["Location"]).content.decode()


@override_settings(STAFF_NOTIFICATION_EMAIL="fallback@example.cn")
def test_general_enquiry_for_a_custom_programme(client, training, enquire):
    response = client.get(enquire_url(training.index))
    html = response.content.decode()
    assert "定制培训项目（请在备注中说明需求）" in html
    assert f'<option value="{training.programme.pk}">测试培训项目1</option>' in html
    response = enquire(page=training.index, programme="", notes="乡村振兴专题，四天。")
    assert response.status_code == 302
    enquiry = TrainingEnquiry.objects.get()
    assert enquiry.programme is None and enquiry.cohort is None
    assert mail.outbox[1].to == ["fallback@example.cn"]
    assert "定制培训项目" in mail.outbox[0].body


def test_general_english_form_offers_english_programmes_and_stores_the_source(
    client, training, enquire
):
    html = client.get(enquire_url(training.english_index)).content.decode()
    assert f'<option value="{training.english_programme.pk}">Test programme 1</option>' in html
    enquire(page=training.english_index, programme=str(training.english_programme.pk))
    assert TrainingEnquiry.objects.get().programme == training.programme


def assert_form_refused(response, message, kept='value="无锡市梁溪区委组织部"'):
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert kept in html  # nothing typed is lost
    assert not TrainingEnquiry.objects.exists()
    assert not mail.outbox


def test_cohort_or_months_required(enquire):
    assert_form_refused(
        enquire(preferred_months=[]), "请选择一个班期，或至少选择一个希望的培训月份。"
    )


def test_more_than_the_group_size(enquire):
    assert_form_refused(
        enquire(participants="41"), "本项目每期最多 40 名学员。人数更多时请分期参加"
    )


def test_more_than_the_seats_left_in_english(training, enquire):
    cohort = make_cohort(training.programme, capacity=10)
    response = enquire(page=training.english_programme, cohort=str(cohort.pk), participants="12")
    assert_form_refused(
        response,
        "Only 10 seats are left in this cohort and you asked for 12.",
    )


def test_a_cohort_past_its_deadline_is_refused(training, enquire):
    past = make_cohort(training.programme, start_in=5, deadline_in=-1)
    assert_form_refused(enquire(cohort=str(past.pk)), "该班期已截止报名或不存在，请重新选择。")


def test_consent_and_phone_messages_in_english(training, enquire):
    response = enquire(
        page=training.english_programme,
        consent="",
        phone="12345",
        organisation="Wuxi Liangxi District",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "without it we cannot" in html
    assert "Enter a valid phone number" in html
    assert 'value="Wuxi Liangxi District"' in html


def test_bad_input_never_500(client, subtests, training, enquire):
    bad = [
        {"participants": "abc"},
        {"participants": "-3"},
        {"participants": "9" * 30},
        {"cohort": "x" * 5000},
        {"cohort": "999999"},
        {"preferred_months": ["13", "<script>"]},
        {"email": "not-an-email"},
        {"organisation": ""},
        {"organisation": "单" * 500},
        {"idempotency_key": "not-a-uuid"},
        {"notes": "\x00"},
    ]
    for overrides in bad:
        with subtests.test(overrides=str(overrides)[:40]):
            response = enquire(**overrides)
            assert response.status_code == 400
    assert not TrainingEnquiry.objects.exists()
    for query in ["?cohort=abc", "?cohort=" + "9" * 400, "?cohort[]=1", "?cohort=%00"]:
        with subtests.test(query=query[:20]):
            assert client.get(enquire_url(training.programme) + query).status_code == 200
    # Tampered or unknown signed links are plain 404s.
    for token in ["abc", "x" * 300, "eyJ"]:
        assert client.get(training.index.url + f"enquiry/{token}/").status_code == 404


def test_resubmitting_the_same_form_creates_one_enquiry(client, enquire):
    first = enquire()
    second = enquire()
    enquiry = TrainingEnquiry.objects.get()
    # Both land on the one enquiry's page (each link is freshly signed).
    for response in (first, second):
        assert response.status_code == 302
        assert enquiry.reference in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 2


def test_honeypot(enquire):
    response = enquire(website="http://spam.example")
    assert response.status_code == 400
    assert "无法接受此次提交" in response.content.decode()
    assert not TrainingEnquiry.objects.exists()


@override_settings(EDUCATION_REQUEST_RATE="2/h")
def test_rate_limit_keeps_the_form_and_explains(enquire):
    for _i in range(2):
        assert enquire(idempotency_key=str(uuid.uuid4())).status_code == 302
    response = enquire(idempotency_key=str(uuid.uuid4()), organisation="第三个单位")
    assert response.status_code == 429
    html = response.content.decode()
    assert "从您所在网络提交的申请已达上限" in html and "急需咨询可直接致电我们" in html
    assert 'value="第三个单位"' in html
    assert TrainingEnquiry.objects.count() == 2


def test_database_error_apologises_and_keeps_the_form(enquire):
    with mock.patch.object(TrainingEnquiry, "save", side_effect=DatabaseError):
        response = enquire()
    assert response.status_code == 503
    html = response.content.decode()
    assert "您填写的内容都还在" in html
    assert 'value="无锡市梁溪区委组织部"' in html
