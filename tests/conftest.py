"""Fixtures shared by the whole suite.

Tests run on the database DATABASE_URL names (SQLite by default, PostgreSQL
in CI's second run) and, for pages that run JavaScript or need an
accessibility scan, in Debian's Chromium driven by Playwright.
"""

import contextlib
import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import translation

from core.demo import Demo

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# axe-core rule tags for WCAG 2.2 level A and AA.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, as each request does.

    Django leaves the language of the last request active in the thread, so a
    test that fetched an English page would otherwise change the next one.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Each test writes uploaded and generated images to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.cn", "password")


@pytest.fixture
def demo(admin_user):
    """A Demo helper bound to a superuser, for building bilingual content in tests."""
    return Demo(user=admin_user)


@pytest.fixture
def home_page(demo):
    """The demo site: a Chinese home page as the site root, translated to English."""
    from home import demo_content

    return demo_content.load(demo)


@pytest.fixture
def english_home(home_page):
    from wagtail.models import Locale

    return home_page.get_translation(Locale.objects.get(language_code="en"))


requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)


# Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _start_browser_before_the_database(request):
    """Start Playwright before Django opens its test database connection.

    Playwright's sync API runs on greenlets, each with its own contextvars,
    and Django keeps connections in contextvars: a browser started after the
    test database would see other connection objects than the ones set up
    for the tests, without the data that transactional tests restore.
    """
    if any("browser" in item.fixturenames for item in request.session.items):
        # Where there is no Chromium, the browser tests themselves say why they skip.
        with contextlib.suppress(pytest.skip.Exception):
            request.getfixturevalue("browser")


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh browser tab that refuses every request not meant for the live server."""
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    outside = []

    def guard(route):
        if route.request.url.startswith(live_server.url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.outside_requests = outside
    yield page
    # Let the live server finish every request of this test before the
    # database is emptied: it shares the test's connection.
    page.wait_for_load_state("networkidle")
    context.close()


def axe_violations(page):
    """Run axe-core (shipped inside axe-playwright-python) on the page; WCAG 2.2 AA."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.fixture
def axe():
    return axe_violations


def pytest_collection_modifyitems(items):
    """Every transactional test restores the rows that migrations create.

    A transactional test empties every table when it ends; without this the
    locales, the root page, the groups and the workflow made by data migrations
    would be gone for every test that runs after it.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )


def pytest_report_header(config):
    return [
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}",
        f"chromium: {CHROMIUM if os.path.exists(CHROMIUM) else 'not installed (browser tests skip)'}",
    ]
