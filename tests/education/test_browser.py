"""A teacher in a real browser: accessible pages in both languages, a booking end to end."""

import pytest

from education.models import Booking
from tests.builders import book_url, make_study_base, make_study_base_index, make_study_session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def study_site(demo, live_home_page):
    base = make_study_base(demo, make_study_base_index(demo, live_home_page))
    session = make_study_session(base, capacity=30)
    make_study_session(base, days=40, capacity=10)
    return base, session


def test_accessible_in_both_languages_and_a_teacher_books(browser_page, axe, study_site):
    """One browser session: transactional tests are slow, so the scans and the booking share it."""
    base, session = study_site
    english = base.get_translations()[0]
    for page in (base, english):
        for url in (page.url, page.url.rsplit("/", 2)[0] + "/", book_url(page, session)):
            response = browser_page.goto(url)
            assert response.status == 200, url
            assert axe(browser_page) == [], url
        # The form showing errors must be just as usable.
        button = "提交预约申请" if page is base else "Send booking request"
        browser_page.get_by_role("button", name=button).click()
        assert browser_page.locator(".form-field__errors").count() > 0
        assert axe(browser_page) == [], "form with errors"

    # A teacher finds the session on the English page and books it.
    browser_page.goto(english.url)
    browser_page.locator(f'a[href$="/book/{session.pk}/"]').click()
    browser_page.get_by_label("School name").fill("Wuxi No. 1 Middle School")
    browser_page.get_by_label("Contact name").fill("Chen Li")
    browser_page.get_by_label("Phone").fill("13912345678")
    browser_page.get_by_label("Email").fill("chen@example.cn")
    browser_page.get_by_label("Age band").select_option("junior_middle")
    browser_page.get_by_label("Number of pupils").fill("24")
    browser_page.get_by_label("Accompanying adults").fill("3")
    browser_page.get_by_label("I agree").check()
    browser_page.get_by_role("button", name="Send booking request").click()
    booking = Booking.objects.get()
    assert browser_page.locator(".reference strong").inner_text() == booking.reference
    assert booking.language == "en"
    assert axe(browser_page) == [], "booking page"
    assert browser_page.outside_requests == []
