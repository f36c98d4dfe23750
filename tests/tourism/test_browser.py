"""The demo's tourism pages in a real browser: accessible in both languages, printable."""

import pytest
from playwright.sync_api import expect

from tests.utils import wider_than_the_screen
from tourism.models import RoutePage

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


PHONE = {"width": 390, "height": 844}
# What a tourist reads and types, in the language the journey starts in.
JOURNEY = {
    "zh-hans": {"other": "en", "hreflang": "zh-Hans", "query": "南泥湾", "partner": "延旅"},
    "en": {"other": "zh-hans", "hreflang": "en", "query": "Nanniwan", "partner": "Yanlv"},
}


def _no_sideways_scroll(page):
    overflow = wider_than_the_screen(page)
    assert overflow is None, (page.url, overflow)


def _tappable(page, selector):
    """True if a tap on the middle of the element reaches it, not something drawn over it."""
    return page.locator(selector).first.evaluate(
        """e => { const r = e.getBoundingClientRect();
                  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                  return e === hit || e.contains(hit); }"""
    )


def test_a_tourist_on_a_phone_in_both_languages(browser, live_server, demo_site):
    """The journey from each language's home page; one test, as the demo is costly to load."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True)
    page = context.new_page()
    for start in JOURNEY:
        _walk_as_a_tourist(page, start)
    _every_route_map_is_readable_on_a_phone(page)
    page.wait_for_load_state("networkidle")  # the type-ahead's last answer, before the flush
    context.close()


# Every marker's and label's box on the screen, and the labels' size in CSS pixels.
MAP_BOXES = """svg => [...svg.querySelectorAll('.svg-map__marker')].flatMap(marker => {
    const shape = marker.querySelector('circle, rect').getBoundingClientRect();
    const boxes = [{name: `marker ${marker.dataset.order || ''}`, group: marker, box: shape}];
    const label = marker.querySelector('.svg-map__label');
    if (label) boxes.push({name: label.textContent, group: marker, box: label.getBoundingClientRect(),
        px: label.getScreenCTM().a * parseFloat(getComputedStyle(label).fontSize)});
    return boxes;
}).map(({name, group, box, px}, i, all) => ({name, px,
    touches: all.filter(o => o.group !== group && box.left < o.box.right && o.box.left < box.right
                             && box.top < o.box.bottom && o.box.top < box.bottom).map(o => o.name)}))"""


def _every_route_map_is_readable_on_a_phone(page):
    """On every demo route, in both languages: no marker or label lies on another, labels ≥ 12 px."""
    for route in RoutePage.objects.live():
        page.goto(route.url)
        boxes = page.locator(".route-map svg").evaluate(MAP_BOXES)
        assert len(boxes) >= 2, route.url
        assert [(b["name"], b["touches"]) for b in boxes if b["touches"]] == [], route.url
        assert min(b["px"] for b in boxes if b["px"]) >= 12, route.url


def _walk_as_a_tourist(page, start):
    """Home → route → its map → the other language → the flight → a partner's
    offering → search with type-ahead, at 390 px."""
    lang = JOURNEY[start]["other"]
    other = JOURNEY[lang]

    # Home: the header leaves room for content, nothing lies over its controls,
    # and the hero's title is not dimmed by its picture drawn over it.
    page.goto(f"/{start}/")
    assert page.locator(".site-header").bounding_box()["height"] < PHONE["height"] * 0.25
    for control in (
        "#site-search-q",
        ".search-box button",
        ".language-switcher a",
        "#hero-heading",
    ):
        assert _tappable(page, control), control
    _no_sideways_scroll(page)

    # A route, its map readable on the phone, and a way to book or ask.
    page.locator('main a[href$="/routes/classic-yanan-three-days/"]').first.click()
    page.wait_for_url("**/routes/classic-yanan-three-days/")
    route_map = page.locator(".route-map svg")
    expect(route_map).to_be_visible()
    # Central Yan'an gets a zoomed panel of its own, away from Nanniwan.
    assert route_map.locator(".svg-map__panel").count() >= 2
    label_px = route_map.locator(".svg-map__label").evaluate_all(
        "ls => ls.map(l => l.getScreenCTM().a * parseFloat(getComputedStyle(l).fontSize))"
    )
    assert label_px and min(label_px) >= 12, label_px
    expect(page.locator(".where-to-buy a[href^='tel:']").first).to_be_visible()
    _no_sideways_scroll(page)

    # The same route in the other language.
    page.locator(f".language-switcher a[hreflang={other['hreflang']}]").click()
    page.wait_for_url(f"**/{lang}/routes/classic-yanan-three-days/")
    assert page.locator("html").get_attribute("lang") == other["hreflang"]

    # The direct flight, found from the home page.
    page.locator(".site-brand").click()
    page.locator('main a[href$="/routes/twin-city-direct-flight/"]').first.click()
    expect(page.locator(".flight__number").first).to_contain_text("DR6551")
    _no_sideways_scroll(page)

    # Joint offerings of one partner: the filters are folded until wanted.
    page.goto(f"/{lang}/offerings/")
    filters = page.locator("details.filters-panel")
    assert filters.get_attribute("open") is None
    assert page.locator(".card").first.bounding_box()["y"] < PHONE["height"]
    filters.locator("summary").click()
    page.select_option("select[name=partner]", "yanlv-group")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/offerings/?*partner=yanlv-group*")
    assert filters.get_attribute("open") is not None  # what is filtered stays in view
    page.locator(".card__title a").first.click()
    expect(page.locator(".where-to-buy")).to_contain_text(other["partner"])
    _no_sideways_scroll(page)

    # Search, with the type-ahead's suggestions.
    box = page.locator("#site-search-q")
    box.click()
    box.press_sequentially(other["query"], delay=50)
    option = page.get_by_role("option").first
    expect(option).to_be_visible()
    title = option.inner_text()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("h1").first).to_contain_text(title.strip().split("\n")[0])
    _no_sideways_scroll(page)
