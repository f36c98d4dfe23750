"""The Content-Security-Policy in a real browser: nothing the site or the admin does is
refused, and the scripts still work (type-ahead, print button, the page editor)."""

import pytest
from playwright.sync_api import expect

from tests.builders import (
    SEARCH_PAGES,
    book_url,
    make_red_site,
    make_red_site_index,
    make_route,
    make_route_index,
    make_search_pages,
    make_study_base,
    make_study_base_index,
    make_study_session,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs before any script of the page: every refusal the browser reports lands here.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
});
"""


def violations(page):
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations") + [
        message for message in page.console_messages if "Content Security Policy" in message
    ]


@pytest.fixture
def site(demo, live_home_page):
    sites = make_red_site_index(demo, live_home_page)
    baota = make_red_site(demo, sites, "baota", "宝塔山", 36.6, 109.5)
    zaoyuan = make_red_site(demo, sites, "zaoyuan", "枣园", 36.63, 109.45)
    route = make_route(
        demo,
        make_route_index(demo, live_home_page),
        "yanan-day",
        "延安一日游",
        days=[("第一天", [(baota, "09", "参观约一小时"), (zaoyuan, "14", "参观约一小时")])],
    )
    make_search_pages(demo, live_home_page, [p for p in SEARCH_PAGES if p[0] == "nanniwan"])
    base = make_study_base(demo, make_study_base_index(demo, live_home_page))
    return route, base, make_study_session(base)


def test_public_pages_and_page_editor_run_under_the_policy(browser_page, site, admin_user):
    """One test: transactional tests are slow, and each empties the database."""
    route, base, session = site
    page = browser_page
    page.console_messages = []
    page.on("console", lambda message: page.console_messages.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    page.goto("/zh-hans/")
    assert violations(page) == [], "home page"

    page.goto(route.url)
    expect(page.locator(".route-map svg")).to_be_visible()
    expect(page.locator("[data-print]")).to_be_visible()  # print.js ran and revealed it
    assert violations(page) == [], "route page"

    page.goto("/zh-hans/search/")
    page.locator("#search-page-q").fill("南泥")
    expect(page.get_by_role("listbox").first).to_be_visible()  # typeahead.js fetched suggestions
    assert violations(page) == [], "search type-ahead"

    page.goto(book_url(base, session))
    page.get_by_role("button", name="提交预约申请").click()
    expect(page.locator(".form-field__errors").first).to_be_visible()
    assert violations(page) == [], "booking form"

    # The admin: its own, looser policy must still cover everything the editor does.
    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("password")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/{route.pk}/edit/")
    # The itinerary's blocks exist only once Wagtail's scripts have drawn the StreamField.
    expect(page.locator("[data-streamfield-child]").first).to_be_attached()
    assert violations(page) == [], "page editor"
    assert page.outside_requests == []
