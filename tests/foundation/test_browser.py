"""The home page in a real browser: accessible, self-contained, usable by keyboard."""

import pytest

from education.models import (
    Booking,
    StudyBaseIndexPage,
    StudyBasePage,
    TrainingProgrammeIndexPage,
    TrainingProgrammePage,
)
from tests.builders import book_url, enquire_url
from tests.utils import english_of, wider_than_the_screen
from tourism.models import (
    JointOfferingIndexPage,
    JointOfferingPage,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/", "/en/no-such-page/"])
def test_pages_pass_axe_and_load_nothing_from_outside(browser_page, axe, live_home_page, path):
    response = browser_page.goto(path)
    assert response.status in (200, 404)
    assert browser_page.evaluate("getComputedStyle(document.body).fontFamily")  # CSS loaded
    assert axe(browser_page) == []
    assert browser_page.outside_requests == []


def test_skip_link_and_language_switcher_work_by_keyboard(browser_page, live_home_page):
    browser_page.goto("/zh-hans/")
    browser_page.keyboard.press("Tab")
    skip = browser_page.locator(":focus")
    assert skip.inner_text() == "跳到主要内容"
    assert skip.is_visible()
    browser_page.locator(".language-switcher a[hreflang=en]").click()
    browser_page.wait_for_url("**/en/")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.locator("h1").inner_text() == "The Yan'an Spirit Shines Forever"


def test_page_reads_well_on_a_phone(browser, live_server, live_home_page):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("/zh-hans/")
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert wider_than_the_screen(page) is None
    context.close()


def _one_url_of_each_kind(home):
    """A page of every type under `home` (one language), and the routes of its forms."""
    urls = [home.url]
    for model in (
        RedSiteIndexPage,
        RedSitePage,
        RouteIndexPage,
        RoutePage,
        JointOfferingIndexPage,
        JointOfferingPage,
        StudyBaseIndexPage,
        TrainingProgrammeIndexPage,
    ):
        urls.append(model.objects.live().descendant_of(home).first().url)
    # The richest of each kind with a table: most sessions, most cohorts.
    base = max(
        StudyBasePage.objects.live().descendant_of(home),
        key=lambda b: b.sessions_queryset().count(),
    )
    programme = max(
        TrainingProgrammePage.objects.live().descendant_of(home),
        key=lambda p: len(p.offered_cohorts),
    )
    session = next(s for s in base.sessions_queryset() if not s.closed_reason())
    booking = Booking.objects.filter(session__base__translation_key=base.translation_key).first()
    urls += [
        base.url,
        book_url(base, session),
        base.url + base.reverse_subpage("booking", args=[booking.signed_token()]),
        programme.url,
        enquire_url(programme),
        f"/{home.locale.language_code}/search/?q={home.title[:2]}",
        f"/{home.locale.language_code}/no-such-page/",
    ]
    return urls


def test_no_page_of_any_type_scrolls_sideways_on_a_phone(browser, live_server, demo_site):
    """At 390 px nothing is wider than the screen, in either language."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    wide = []
    for home in (demo_site, english_of(demo_site)):
        for url in _one_url_of_each_kind(home):
            response = page.goto(url)
            assert response.status in (200, 404), url
            if overflow := wider_than_the_screen(page):
                wide.append(f"{url}: {overflow}")
    context.close()
    assert wide == []
