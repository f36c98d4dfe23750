"""Study bases, sessions and programmes as data, and booking and enquiring through the API.

A booking through the API is a booking through the web form's handler: the
same validation in the request's language, ratio rule, consent, idempotency,
rate limit, seat lock and e-mails.
"""

import uuid

import pytest
from django.core import mail
from django.test import Client

from education.models import Booking, TrainingEnquiry
from education.study_tours.choices import BookingStatus
from education.training.choices import EnquiryStatus
from tests.builders import days_from_today, make_cohort, make_study_session

pytestmark = pytest.mark.django_db
API = "/api/v1"


def booking_body(**overrides):
    return {
        "school_name": "无锡市第一中学",
        "contact_name": "王芳",
        "contact_role": "年级组长",
        "phone": "139 1234 5678",
        "email": "teacher@example.cn",
        "age_band": "junior_middle",
        "pupils": 16,
        "adults": 2,
        "meals": "lunch",
        "arrival_mode": "coach",
        "consent": True,
        **overrides,
    }


def opened_by(model, url):
    """What a signed link in an answer opens: links are timestamped, so two
    signings of one request differ by the second they were made in."""
    prefix, token = url.rstrip("/").rsplit("/", 1)
    assert prefix.startswith("http://localhost/")
    return model.get_by_token(token)


def book(client, base, session, body=None, key=None, headers=None, **params):
    """POST a booking; `params` go in the query string, `headers` as WSGI keys (HTTP_…)."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.post(
        f"{API}/study-bases/{base.pk}/sessions/{session.pk}/bookings/?{query}",
        booking_body() if body is None else body,
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()),
        **(headers or {}),
    )


def test_a_base_lists_its_sessions_with_seats_left_in_both_languages(client, tours):
    session = make_study_session(tours.base, capacity=40)
    Booking.objects.create(
        session=session, school_name="先到的学校", contact_name="王", phone="13912345678",
        email="first@example.cn", age_band="junior_middle", pupils=25, adults=4,
        consent=True, status=BookingStatus.CONFIRMED,
    )  # fmt: skip
    chinese = client.get(f"{API}/study-bases/{tours.base.pk}/").json()
    english = client.get(f"{API}/study-bases/{tours.english_base.pk}/").json()
    for data in (chinese, english):
        (listed,) = data["sessions"]
        assert (listed["id"], listed["capacity"], listed["seats_left"]) == (session.pk, 40, 15)
        assert listed["booking_open"] is True
    assert chinese["sessions"][0]["course_title"] == "延安精神课"
    assert english["sessions"][0]["course_title"] == "The Yan'an Spirit course"
    assert {
        "value": "upper_primary", "label": "Upper primary (grades 4–6)", "pupils_per_adult": 6,
    } in english["age_bands"]  # fmt: skip
    # No personal data: neither the school that booked nor the base's staff address.
    for body in (str(chinese), str(english)):
        assert "first@example.cn" not in body and "先到的学校" not in body
        assert "base-staff@example.cn" not in body


def test_sessions_in_a_date_range_and_closed_ones_say_why(client, tours):
    soon = make_study_session(tours.base, days=5, deadline_days=3)
    later = make_study_session(tours.base, days=60, deadline_days=50)
    closed = make_study_session(tours.base, days=8, deadline_days=3, status="closed")
    url = f"{API}/study-bases/{tours.base.pk}/sessions/"
    in_range = client.get(url, {"date_from": days_from_today(4), "date_to": days_from_today(10)})
    assert [s["id"] for s in in_range.json()] == [soon.pk, closed.pk]
    assert [s["id"] for s in client.get(url, {"available": "true"}).json()] == [soon.pk, later.pk]
    english = {s["id"]: s for s in client.get(url, {"locale": "en"}).json()}
    assert english[closed.pk]["booking_open"] is False
    assert english[closed.pk]["closed_reason"].startswith("Booking for this session closed")
    bad = client.get(url, {"date_from": "not-a-date", "locale": "zh-hans"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"][-1] == "date_from"


def test_study_bases_filter_by_age_band(client, tours):
    data = client.get(f"{API}/study-bases/", {"age_band": "junior_middle", "locale": "en"}).json()
    assert [item["id"] for item in data["items"]] == [tours.english_base.pk]


def test_a_booking_answers_with_its_reference_and_signed_link(client, tours):
    session = make_study_session(tours.base, capacity=40)
    # A mini-program has no CSRF cookie to send.
    response = book(Client(enforce_csrf_checks=True), tours.base, session)
    assert response.status_code == 201, response.content
    data = response.json()
    booking = Booking.objects.get(reference=data["reference"])
    assert data["reference"].startswith("YX-")
    assert data["status"]["value"] == BookingStatus.REQUESTED
    assert (booking.session, booking.pupils, booking.language) == (session, 16, "zh-hans")
    assert opened_by(Booking, data["url"]) == booking
    assert client.get(booking.get_public_url()).status_code == 200
    # The school and the base's staff are told, as after the web form.
    assert {tuple(m.to) for m in mail.outbox} == {
        ("teacher@example.cn",),
        ("base-staff@example.cn",),
    }
    fresh = client.get(f"{API}/study-bases/{tours.base.pk}/sessions/").json()
    assert fresh[0]["seats_left"] == 40 - 16


def test_the_same_idempotency_key_gives_back_the_same_booking(client, tours):
    session = make_study_session(tours.base)
    key = str(uuid.uuid4())
    first = book(client, tours.base, session, key=key)
    sent = len(mail.outbox)
    again = book(client, tours.base, session, key=key)
    assert (first.status_code, again.status_code) == (201, 200)
    # The same booking, its link signed afresh.
    assert (again.json()["reference"], again.json()["status"]) == (
        first.json()["reference"],
        first.json()["status"],
    )
    assert opened_by(Booking, again.json()["url"]).reference == first.json()["reference"]
    assert Booking.objects.filter(session=session).count() == 1
    assert len(mail.outbox) == sent


def test_an_english_booking_is_refused_in_english_and_nothing_is_saved(client, tours):
    session = make_study_session(tours.base)
    response = book(
        client, tours.english_base, session,
        booking_body(consent=False, adults=0, phone="12345"),
    )  # fmt: skip
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = {e["loc"][0]: e["msg"] for e in response.json()["errors"]}
    assert set(errors) == {"consent", "adults", "phone"}
    assert "personal data" in errors["consent"]
    assert "ratio of 1 adult to 8 pupils" in errors["adults"]
    chinese = book(client, tours.base, session, booking_body(adults=0))
    assert "师生比" in chinese.json()["errors"][0]["msg"]
    assert not Booking.objects.filter(session=session).exists()


def test_a_missing_key_or_field_is_a_clear_error(client, tours):
    session = make_study_session(tours.base)
    url = f"{API}/study-bases/{tours.base.pk}/sessions/{session.pk}/bookings/?locale=en"
    no_key = client.post(url, booking_body(), content_type="application/json")
    assert no_key.status_code == 422
    assert no_key.json()["errors"][0]["msg"] == "This field is required."
    body = booking_body()
    del body["school_name"]
    no_school = book(client, tours.base, session, body, locale="zh-hans")
    assert no_school.status_code == 422
    assert no_school.json()["errors"][0]["loc"][-1] == "school_name"
    assert "必" in no_school.json()["errors"][0]["msg"]  # Django's own words, in Chinese
    not_a_key = book(client, tours.base, session, key="not-a-uuid")
    assert not_a_key.status_code == 422
    assert not_a_key.json()["errors"][0]["loc"] == ["idempotency_key"]


def test_a_full_session_is_409_unless_the_school_joins_the_waitlist(client, tours):
    session = make_study_session(tours.base, capacity=10)
    full = book(client, tours.base, session, locale="en")
    assert full.status_code == 409
    assert "Only 10 seats are left on this session" in full.json()["detail"]
    waitlisted = book(client, tours.base, session, booking_body(join_waitlist=True))
    assert waitlisted.status_code == 201
    assert waitlisted.json()["status"]["value"] == BookingStatus.WAITLISTED


def test_a_closed_session_is_409(client, tours):
    session = make_study_session(tours.base, days=5, deadline_days=-1)
    response = book(client, tours.base, session)
    assert response.status_code == 409
    assert "截止" in response.json()["detail"]


def test_the_web_forms_rate_limit_holds(client, tours, settings):
    settings.EDUCATION_REQUEST_RATE = "2/h"
    session = make_study_session(tours.base, capacity=200)
    statuses = [book(client, tours.base, session, locale="en").status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    response = book(client, tours.base, session, locale="en")
    assert 0 < int(response["Retry-After"]) <= 3600
    refused = response.json()
    assert refused["status"] == 429 and "try again after" in refused["detail"]


def test_a_programme_lists_its_cohorts_with_places_left(client, training):
    cohort = make_cohort(training.programme, capacity=30)
    TrainingEnquiry.objects.create(
        organisation="某单位", contact_name="李", phone="13912345678", email="o@example.cn",
        participants=12, programme=training.programme, cohort=cohort,
        status=EnquiryStatus.AGREED, consent=True,
    )  # fmt: skip
    data = client.get(f"{API}/training-programmes/{training.english_programme.pk}/").json()
    (listed,) = data["cohorts"]
    assert (listed["id"], listed["capacity"], listed["places_left"]) == (cohort.pk, 30, 18)
    assert "(18 seats left, applications close" in listed["label"]
    assert "o@example.cn" not in str(data)
    listing = client.get(f"{API}/training-programmes/", {"locale": "en"}).json()
    assert [item["id"] for item in listing["items"]] == [training.english_programme.pk]


def test_an_enquiry_for_a_cohort(client, training):
    cohort = make_cohort(training.programme, capacity=30)
    url = f"{API}/training-programmes/{training.english_programme.pk}/enquiries/"
    body = {
        "organisation": "Liangxi District Organisation Department",
        "contact_name": "Li Ming",
        "phone": "0510-8123 4567",
        "email": "org@example.cn",
        "participants": 20,
        "cohort": cohort.pk,
        "consent": True,
    }
    response = client.post(
        url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4())
    )
    assert response.status_code == 201, response.content
    enquiry = TrainingEnquiry.objects.get(reference=response.json()["reference"])
    assert (enquiry.cohort, enquiry.language) == (cohort, "en")
    assert enquiry.programme == training.programme  # staff work on the source page
    assert opened_by(TrainingEnquiry, response.json()["url"]) == enquiry
    too_many = client.post(
        url, {**body, "participants": 31}, content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
    )  # fmt: skip
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["loc"] == ["participants"]


def test_docs_are_served_from_this_site_and_can_be_switched_off(client, settings):
    docs = client.get(f"{API}/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get(f"{API}/openapi.json").json()["info"]["version"] == "1.0.0"
    settings.API_DOCS_ENABLED = False
    assert client.get(f"{API}/docs/").status_code == 404
    assert client.get(f"{API}/openapi.json").status_code == 200
