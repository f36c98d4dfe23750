"""Whatever a visitor types, in either language: never a server error, never a half-stored request.

Property-based (hypothesis) over every public form field and every query
parameter of the demo's listings and search, on the demo site. The forms
start from a valid submission and have some fields replaced or dropped; a
request that is not accepted must leave nothing in the database, and the
form it comes back with must still hold what the visitor typed.
"""

import re
import uuid

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, get_page_models

from core.models import ListingPage
from education.models import Booking, StudyBasePage, TrainingEnquiry, TrainingProgrammePage
from tests.builders import book_url, booking_data, enquire_url, enquiry_data
from tests.utils import english_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: What people (and scripts) put in a field: anything, numbers of any size, and the usual suspects.
VALUES = st.one_of(
    st.text(max_size=80),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e309",
            "NaN",
            "１６",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "\x00",
            "a" * 5000,
            "+86 139 1234 5678",
            "user@例子.中国",
            "2026-02-30",
            "../../etc/passwd",
        ]
    ),
)
#: A query string: the listing's own parameters and others, each once or several times.
PARAMETER_VALUES = VALUES | st.lists(VALUES, min_size=2, max_size=3)


def listing_urls():
    """Every listing page of the demo in both languages, with the parameters it reads."""
    listings = [model for model in get_page_models() if issubclass(model, ListingPage)]
    urls = []
    for page in Page.objects.live().type(*listings).specific():
        form = page.filter_form_class
        names = [*(form.base_fields if form else ()), "page"]
        urls.append((page.url, names))
    assert len(urls) == 2 * 5, urls
    return urls


@pytest.fixture
def public_urls(demo_site):
    """(url, parameter names) of every listing and of search and type-ahead, both languages."""
    searches = [(f"/{lang}/search/", ["q", "type", "page"]) for lang in LANGUAGES]
    suggests = [(f"/{lang}/search/suggest/", ["q"]) for lang in LANGUAGES]
    return listing_urls() + searches + suggests


@pytest.fixture
def generous_limits(settings):
    """Rate limits out of the way, so that every example reaches the form or the search
    (the limits themselves are tested in tests/education/test_rate_limits.py and
    tests/search/test_limits.py)."""
    settings.EDUCATION_REQUEST_RATE = settings.EDUCATION_CONTACT_RATE = "100000/h"
    settings.SEARCH_RATE = settings.SUGGEST_RATE = "100000/m"


@FUZZ
@given(data=st.data())
def test_query_parameters_never_give_a_server_error(client, public_urls, generous_limits, data):
    url, names = data.draw(st.sampled_from(public_urls), label="url")
    query = data.draw(
        st.dictionaries(st.sampled_from([*names, "utm_source", "查询"]), PARAMETER_VALUES),
        label="query",
    )
    response = client.get(url, query)
    assert response.status_code in {200, 400, 404}, (url, query, response.status_code)


def open_session(bases):
    """A study base of the demo and one of its sessions that takes bookings."""
    for base in bases:
        for session in base.upcoming_sessions():
            if not session.closed_reason() and session.seats_left >= 40:
                return base, session
    raise AssertionError("the demo has no session open for booking")


def form_cases():
    """(form URL, valid POST data, model) of every public form of the demo, both languages."""
    chinese = {"locale__language_code": "zh-hans"}
    base, session = open_session(StudyBasePage.objects.live().filter(**chinese).specific())
    booking = booking_data(age_band=base.age_bands[0], pupils="10", adults="5")
    if not base.has_meals:
        del booking["meals"]
    programme = TrainingProgrammePage.objects.live().filter(**chinese).first()
    index = programme.get_parent().specific
    cohort = programme.offered_cohorts[0]
    cases = [(book_url(page, session), booking, Booking) for page in (base, english_of(base))]
    for page in (programme, english_of(programme)):
        cases.append((enquire_url(page), enquiry_data(cohort=str(cohort.pk)), TrainingEnquiry))
    for page in (index, english_of(index)):
        cases.append((enquire_url(page), enquiry_data(), TrainingEnquiry))
    return cases


@pytest.fixture
def forms(demo_site):
    return form_cases()


#: A field the visitor types into (not a choice, a box to tick or a hidden token).
TYPED_INPUT = r'<input type="(?:text|email|tel|number)" name="{name}"|<textarea name="{name}"'


def typed_text(value):
    """Whether `value` is text a person could have typed and should see again as it was."""
    return isinstance(value, str) and value.strip() and value.isprintable()


@FUZZ
@given(data=st.data())
def test_public_forms_never_give_a_server_error_nor_store_a_refused_request(
    client, forms, generous_limits, data
):
    url, valid, model = data.draw(st.sampled_from(forms), label="form")
    fields = sorted(set(valid) - {"idempotency_key", "website"})
    changed = data.draw(
        st.dictionaries(st.sampled_from(fields), VALUES, min_size=1), label="changed"
    )
    dropped = data.draw(st.sets(st.sampled_from(fields), max_size=2), label="dropped")
    posted = {**valid, **changed, "idempotency_key": str(uuid.uuid4())}
    for name in dropped - set(changed):
        del posted[name]
    before = model.objects.count()

    response = client.post(url, posted)

    assert response.status_code in {200, 302, 400, 409}, (url, posted, response.status_code)
    if response.status_code == 302:
        return
    assert model.objects.count() == before, "a refused request was stored"
    # What the visitor typed is still in the form, to be corrected rather than typed again.
    html = response.content.decode()
    for name, value in changed.items():
        if typed_text(value) and re.search(TYPED_INPUT.format(name=re.escape(name)), html):
            assert escape(value) in html, (name, value)


def test_the_fuzzed_forms_accept_their_valid_submission(client, forms, generous_limits):
    """The fuzz starts from submissions that go through, so what it changes is what is refused."""
    for url, valid, model in forms:
        before = model.objects.count()
        response = client.post(url, {**valid, "idempotency_key": str(uuid.uuid4())})
        assert response.status_code == 302, (url, response.content.decode()[:300])
        assert model.objects.count() == before + 1
