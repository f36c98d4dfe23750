"""Partner servers: with their key, their own limit replaces their address's.

A partner's server books for many schools from one address; the per-address
limit of the web forms would lock it out. Its key (API_PARTNER_KEYS) gives it
a limit of its own, the per-contact limits still hold, a wrong key is a clear
401, and staff see which partner sent a booking.
"""

import pytest

from education.models import Booking, TrainingEnquiry
from tests.api.test_requests import book, booking_body
from tests.builders import make_cohort, make_study_session

pytestmark = pytest.mark.django_db
API = "/api/v1"
KEY = "lingshan-key-0123456789abcdef"


@pytest.fixture(autouse=True)
def _partners(settings):
    settings.API_PARTNER_KEYS = {"lingshan": KEY, "yanlv": "yanlv-key-fedcba9876543210"}
    settings.EDUCATION_REQUEST_RATE = "1/h"
    settings.API_PARTNER_RATE = "3/h"


def school(n):
    """A school of its own, so that only the address or partner limits count."""
    return booking_body(phone=f"1391234{n:04d}", email=f"school{n}@example.cn")


def test_a_partners_key_replaces_the_address_limit_by_its_own(client, tours):
    session = make_study_session(tours.base, capacity=200)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {KEY}"}
    statuses = [
        book(client, tours.base, session, school(n), headers=bearer).status_code for n in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    refused = book(client, tours.base, session, school(9), locale="en", headers=bearer)
    assert refused.status_code == 429 and "this partner" in refused.json()["detail"]
    # The same address without a key is one member of the public, with its own counter.
    assert book(client, tours.base, session, school(10)).status_code == 201
    assert book(client, tours.base, session, school(11)).status_code == 429
    # Another partner behind the same address is not held back by the first one's limit.
    other = {"HTTP_X_API_KEY": "yanlv-key-fedcba9876543210"}
    assert book(client, tours.base, session, school(12), headers=other).status_code == 201


def test_the_partner_is_recorded_and_shown_to_staff(client, tours, admin_user):
    session = make_study_session(tours.base, capacity=200)
    by_partner = book(client, tours.base, session, school(1), headers={"HTTP_X_API_KEY": KEY})
    anonymous = book(client, tours.base, session, school(2))
    booking = Booking.objects.get(reference=by_partner.json()["reference"])
    assert booking.partner == "lingshan"
    assert Booking.objects.get(reference=anonymous.json()["reference"]).partner == ""
    client.force_login(admin_user)
    html = client.get(f"/admin/education/bookings/inspect/{booking.pk}/").content.decode()
    assert "经由合作方" in html and "lingshan" in html


def test_the_per_contact_limit_still_holds_for_a_partner(client, tours, settings):
    settings.EDUCATION_CONTACT_RATE = "1/d"
    session = make_study_session(tours.base, capacity=200)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {KEY}"}
    assert book(client, tours.base, session, school(1), headers=bearer).status_code == 201
    same_phone = booking_body(phone=school(1)["phone"], email="other@example.cn")
    refused = book(client, tours.base, session, same_phone, locale="en", headers=bearer)
    assert refused.status_code == 429
    assert "phone number or e-mail" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("headers", "language", "words"),
    [
        ({"HTTP_AUTHORIZATION": "Bearer not-a-key"}, "en", "API key is not valid"),
        ({"HTTP_X_API_KEY": KEY[:-1]}, "zh-hans", "API 密钥无效"),
    ],
)
def test_a_wrong_key_is_a_clear_401_and_books_nothing(client, tours, headers, language, words):
    session = make_study_session(tours.base)
    response = book(
        client, tours.base, session, headers={**headers, "HTTP_ACCEPT_LANGUAGE": language}
    )
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Bearer"
    assert words in response.json()["detail"]
    assert not Booking.objects.filter(session=session).exists()


def test_an_enquiry_with_a_key_is_the_partners(client, training):
    url = f"{API}/training-programmes/{training.programme.pk}/enquiries/"
    body = {
        "organisation": "梁溪区委组织部", "contact_name": "李明", "phone": "0510-8123 4567",
        "email": "org@example.cn", "participants": 20, "cohort": make_cohort(training.programme).pk, "consent": True,
    }  # fmt: skip
    response = client.post(
        url, body, content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="6f1c1f9e-9d2b-4a57-9f4e-2f4b8f1d7a10", HTTP_X_API_KEY=KEY,
    )  # fmt: skip
    assert response.status_code == 201, response.content
    enquiry = TrainingEnquiry.objects.get(reference=response.json()["reference"])
    assert enquiry.partner == "lingshan"


def test_the_keys_are_a_documented_optional_security_scheme(client):
    schema = client.get(f"{API}/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    assert any(s.get("name") == "X-Api-Key" for s in schemes.values())
    booking = schema["paths"]["/api/v1/study-bases/{page_id}/sessions/{session_id}/bookings/"]
    assert {} in booking["post"]["security"]  # optional: no key is anonymous
    assert "401" in booking["post"]["responses"]
    assert "security" not in schema["paths"]["/api/v1/routes/"]["get"]
