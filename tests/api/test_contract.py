"""The partner API against its own OpenAPI document (schemathesis), on the full demo.

Every operation gets a few generated requests, with real page and session ids
swapped in, so that detail and booking answers are checked too, not only 404s:
no server error, and every answer (status, content type, body) as documented.
"""

import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from education.models import StudyBasePage, StudySession, TrainingProgrammePage
from tourism.models import JointOfferingPage, RedSitePage, RoutePage

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# Generated requests only, a few per operation, so the whole run stays short; the
# coverage phase's boundary cases would multiply them.
schema.config.phases.coverage.enabled = False

#: The page type each detail path shows, so that generated ids can be made real.
PAGE_TYPES = {
    "/api/v1/routes/": RoutePage,
    "/api/v1/red-sites/": RedSitePage,
    "/api/v1/offerings/": JointOfferingPage,
    "/api/v1/study-bases/": StudyBasePage,
    "/api/v1/training-programmes/": TrainingProgrammePage,
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def _connection_kept_open():
    """Keep the test's database connection across each call, as Django's test client does.

    Schemathesis calls the WSGI application directly, and a finished request
    closes "old" connections: the test's own, with its transaction inside.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def with_real_ids(case):
    """Mostly real ids (a random id would only ever test the 404), sometimes the generated one."""
    params = case.path_parameters or {}
    if "page_id" not in params or random.random() < 0.2:
        return
    model = next(m for prefix, m in PAGE_TYPES.items() if case.operation.path.startswith(prefix))
    page = random.choice(list(model.objects.live().public()))
    params["page_id"] = page.pk
    if "session_id" in params:
        session = StudySession.objects.filter(base__translation_key=page.translation_key).first()
        params["session_id"] = session.pk if session else params["session_id"]


def test_the_document_lists_every_endpoint():
    assert set(schema.raw_schema["paths"]) == {
        "/api/v1/routes/",
        "/api/v1/routes/{page_id}/",
        "/api/v1/red-sites/",
        "/api/v1/red-sites/{page_id}/",
        "/api/v1/offerings/",
        "/api/v1/offerings/{page_id}/",
        "/api/v1/study-bases/",
        "/api/v1/study-bases/{page_id}/",
        "/api/v1/study-bases/{page_id}/sessions/",
        "/api/v1/study-bases/{page_id}/sessions/{session_id}/bookings/",
        "/api/v1/training-programmes/",
        "/api/v1/training-programmes/{page_id}/",
        "/api/v1/training-programmes/{page_id}/enquiries/",
        "/api/v1/home/",
        "/api/v1/spirits/",
        "/api/v1/partners/",
        "/api/v1/flights/",
    }


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_as_documented(case, demo_site, _connection_kept_open):
    with_real_ids(case)
    case.call_and_validate(checks=CHECKS)
