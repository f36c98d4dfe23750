"""A training officer in a real browser: accessible pages and form in both languages."""

import pytest

from education.models import TrainingEnquiry
from tests.builders import (
    enquire_url,
    make_cohort,
    make_programme,
    make_programme_index,
    make_stage_content,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def training_site(demo, live_home_page):
    content = make_stage_content(demo, live_home_page)
    index = make_programme_index(demo, live_home_page)
    programme = make_programme(demo, index, content)
    cohort = make_cohort(programme)
    return index, programme, cohort


def test_pages_and_form_pass_axe_stack_on_phones_and_take_an_enquiry(
    browser_page, axe, training_site
):
    index, programme, cohort = training_site
    for page_index, page in (
        (index, programme),
        *zip(index.get_translations(), programme.get_translations(), strict=True),
    ):
        for url in (page_index.url, page.url, enquire_url(page), enquire_url(page_index)):
            response = browser_page.goto(url)
            assert response.status == 200, url
            assert axe(browser_page) == [], url
        # The form showing errors must be just as usable.
        browser_page.goto(enquire_url(page))
        browser_page.get_by_role(
            "button", name="提交培训咨询" if page is programme else "Send training enquiry"
        ).click()
        assert browser_page.locator(".form-field__errors").count() > 0
        assert axe(browser_page) == [], "form with errors"
    # Phones: the two stages stack, one above the other.
    browser_page.set_viewport_size({"width": 375, "height": 800})
    browser_page.goto(programme.url)
    first, second = browser_page.locator(".stage").all()
    assert first.bounding_box()["y"] < second.bounding_box()["y"]
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(programme.url)
    first, second = browser_page.locator(".stage").all()
    assert first.bounding_box()["y"] == second.bounding_box()["y"]

    # An English-speaking officer enquires about a cohort, end to end.
    english = programme.get_translations()[0]
    browser_page.goto(english.url)
    browser_page.locator(f'a[href$="?cohort={cohort.pk}"]').click()
    browser_page.get_by_label("Organisation", exact=False).fill(
        "Liangxi District Organisation Department"
    )
    browser_page.get_by_label("Contact name").fill("Li Ming")
    browser_page.get_by_label("Phone").fill("0510-81234567")
    browser_page.get_by_label("Email").fill("li@example.cn")
    browser_page.get_by_label("Participants").fill("25")
    browser_page.get_by_label("I agree").check()
    browser_page.get_by_role("button", name="Send training enquiry").click()
    enquiry = TrainingEnquiry.objects.get()
    assert browser_page.locator(".reference strong").inner_text() == enquiry.reference
    assert enquiry.cohort == cohort
    assert enquiry.language == "en"
    assert browser_page.outside_requests == []
