"""The demo's tourism pages in a real browser: accessible in both languages, printable."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/{lang}/routes/",
    "/{lang}/routes/?city=yanan&spirit=nanniwan-spirit",
    "/{lang}/routes/twin-city-direct-flight/",
    "/{lang}/red-sites/zaoyuan/",
    "/{lang}/red-sites/",
    "/{lang}/offerings/",
    "/{lang}/offerings/yanan-spirit-twin-city-package/",
    "/{lang}/offerings/yanan-wuxi-culture-week-2025/",
]


def test_demo_pages_pass_axe_print_cleanly_and_filter_without_javascript(
    browser, live_server, browser_page, axe, demo_site
):
    # One test on purpose: loading the demo takes most of its time.
    for lang in ("zh-hans", "en"):
        for path in PAGES:
            url = path.format(lang=lang)
            response = browser_page.goto(url)
            assert response.status == 200, url
            assert axe(browser_page) == [], url
    assert browser_page.outside_requests == []

    # The same demo content, printed: the itinerary and map, nothing else.
    browser_page.goto("/en/routes/classic-yanan-three-days/")
    print_button = browser_page.locator("[data-print]")
    assert print_button.is_visible()  # JavaScript reveals it
    browser_page.emulate_media(media="print")
    for hidden in (".site-header", ".t-hero__image", ".related", "[data-print]"):
        assert not browser_page.locator(hidden).first.is_visible(), hidden
    assert browser_page.locator(".day").count() == 3
    assert browser_page.locator(".day").first.is_visible()
    assert browser_page.locator(".route-map svg").is_visible()
    # Days are never cut across pages.
    assert (
        browser_page.locator(".day").first.evaluate("e => getComputedStyle(e).breakInside")
        == "avoid"
    )
    assert browser_page.pdf(format="A4")[:4] == b"%PDF"

    # Filters are a plain GET form: they work with JavaScript switched off.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/zh-hans/routes/")
    assert page.locator(".card__title").count() == 6
    page.select_option("select[name=city]", "wuxi")
    page.select_option("select[name=duration]", "2-3")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/routes/?city=wuxi&duration=2-3**")
    assert page.locator(".card__title").all_inner_texts() == ["无锡红色印记与灵山两日游"]
    assert page.locator("select[name=city]").input_value() == "wuxi"
    context.close()
