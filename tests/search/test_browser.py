"""The type-ahead in a real browser, typed through an input method, and an accessibility scan."""

import re

import pytest
from playwright.sync_api import expect

from tests.builders import SEARCH_PAGES, make_search_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def pages(demo, live_home_page):
    return make_search_pages(
        demo, live_home_page, [p for p in SEARCH_PAGES if p[0] in {"nanniwan", "airport"}]
    )


def compose(page, steps, committed):
    """Type like a Chinese input method: pinyin in a composition, then the chosen words."""
    cdp = page.context.new_cdp_session(page)
    for text in steps:
        cdp.send(
            "Input.imeSetComposition",
            {"text": text, "selectionStart": len(text), "selectionEnd": len(text)},
        )
    page.wait_for_timeout(400)  # longer than the script's debounce
    cdp.send("Input.insertText", {"text": committed})


def test_search_page_in_a_browser(browser_page, pages, axe):
    """One test, not several: every transactional test empties the whole database
    afterwards, data migrations included, and the next one finds no locales."""
    page = browser_page
    for language, query in [("zh-hans", "南泥湾"), ("en", "Nanniwan")]:
        page.goto(f"/{language}/search/?q={query}")
        expect(page.locator(".search-result").first).to_be_visible()
        assert axe(page) == [], language
        page.locator("#search-page-q").fill(query[:2])
        expect(page.get_by_role("listbox").first).to_be_visible()
        assert axe(page) == [], language

    # Pinyin typed with spaces, and traditional characters, mark the page's own words.
    for query in ["nan ni wan", "南泥灣"]:
        page.goto(f"/zh-hans/search/?q={query}")
        expect(
            page.locator(".search-result__excerpt mark", has_text="南泥湾").first
        ).to_be_visible()

    # The type-ahead waits for the input method and works by keyboard.
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/suggest/" in r.url else None)
    page.goto("/zh-hans/search/")
    box = page.locator("#search-page-q")
    box.focus()

    compose(page, ["n", "na", "nan", "nan'ni"], "南泥")
    assert not [url for url in asked if "nan" in url.lower()], asked

    listbox = page.locator("form.search-form [role=listbox]")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option", name=re.compile("南泥湾"))).to_have_count(2)
    assert len(asked) == 1 and "q=%E5%8D%97%E6%B3%A5" in asked[0]

    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/zh-hans/"))
    assert page.url.rstrip("/").rsplit("/", 1)[-1] in {"nanniwan", "airport"}
    assert page.outside_requests == []
