"""A training officer in a real browser: accessible pages and form in both languages."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from education.models import TrainingEnquiry
from tests.builders import (
    enquire_url,
    make_cohort,
    make_programme,
    make_programme_index,
    make_stage_content,
)
from tests.utils import wider_than_the_screen

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


@pytest.mark.parametrize(
    "language, send", [("zh-hans", "提交培训咨询"), ("en", "Send training enquiry")]
)
def test_an_organisation_on_a_phone_goes_from_programme_to_enquiry(
    browser, live_server, training_site, language, send
):
    _index, programme, cohort = training_site
    if language == "en":
        programme = programme.get_translations()[0]
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(programme.url)
    # The cohort is a card on the phone, its button in view without scrolling sideways.
    enquire = page.locator(f'a[href$="?cohort={cohort.pk}"]')
    expect(enquire).to_be_visible()
    assert wider_than_the_screen(page) is None
    enquire.click()
    expect(page.locator("[name=cohort]")).to_have_value(str(cohort.pk))

    form = page.locator("form.booking-form")
    form.locator("[name=organisation]").fill("梁溪区委组织部")
    form.locator("[name=contact_name]").fill("李明")
    form.locator("[name=phone]").fill("0510-81234567")
    form.locator("[name=email]").fill("li@example.cn")
    form.locator("[name=consent]").check()
    page.get_by_role("button", name=send).click()  # the number of participants is missing
    expect(page.locator(".form-field--error [name=participants]")).to_be_visible()
    expect(form.locator("[name=organisation]")).to_have_value("梁溪区委组织部")
    assert not TrainingEnquiry.objects.exists()

    form.locator("[name=participants]").fill("25")
    page.get_by_role("button", name=send).click()
    enquiry = TrainingEnquiry.objects.get()
    expect(page.locator(".reference strong")).to_have_text(enquiry.reference)
    assert (enquiry.cohort, enquiry.language) == (cohort, language)
    (email,) = [m for m in mail.outbox if m.to == ["li@example.cn"]]
    assert enquiry.reference in email.subject + email.body
    context.close()
