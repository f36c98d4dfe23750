"""The home page in a real browser: accessible, self-contained, usable by keyboard."""

import pytest

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
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
