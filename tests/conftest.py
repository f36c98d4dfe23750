"""Fixtures shared by the whole suite, and the order tests run in.

Tests run on the database DATABASE_URL names (SQLite by default, PostgreSQL
in CI's second run) and, for pages that run JavaScript or need an
accessibility scan, in Debian's Chromium driven by Playwright.

One way to write a test: a pytest function that asks for fixtures, its
database use declared with `pytest.mark.django_db`. Content comes from
`tests.builders`, at the narrowest cost that keeps tests independent:

- `home_page` and module-scoped fixtures built with `module_demo`: content
  is built once per module, in a transaction rolled back after the module,
  and every test runs in a savepoint inside it, on its own copies of the
  objects (as Django's setUpTestData gives), so it may change anything;
- builders called in the test itself for what only that test needs;
- `live_home_page` and builders for transactional (browser) tests, whose live
  server sees only committed rows;
- `demo_site`, the full demo (`manage.py load_demo`), when a test is about the
  demo or needs every kind of content: it is loaded once per session.

Wagtail's page assertions (assertPageIsRoutable, assertPageIsRenderable,
assertPageIsPreviewable, assertPageIsEditable, assertCanCreateAt...) come
from the `page_checks` fixture, and every page type's module uses them.

More in tests/README.md. Order (see `pytest_collection_modifyitems`): tests in a transaction first,
then transactional ones (browser tests; they empty the database when they
end), then the tests on the demo, then those that need no database. The
demo is committed right before the first test that asks for it, so no other
test ever sees it and it is built at most once; when a transactional
test on it empties the database, the next one restores a copy of it.
"""

import contextlib
import copy
import io
import itertools
import json
import os
import shutil

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Locale, Page

from core.demo import Demo
from core.editorial import roles
from home import demo_content
from home.models import HomePage

from .utils import PageTestCase

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
    # No host but the live server resolves, so a page can load nothing from
    # outside (the tests also record any such attempt: `browser_page`).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
]
_counter = itertools.count()
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
def _empty_cache():
    """Each test starts with an empty cache: rate-limit counters and cached
    fragments of one test must not decide what the next one sees."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded and generated images go to a folder of the session's own.

    One folder for the session, not one per test: content built once for a
    module or for the whole session keeps its files while its tests run.
    """
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.cn", "password")


@pytest.fixture
def make_user(db):
    def make(group_name=None, username=None, **extra):
        username = username or f"user{next(_counter)}"
        user = get_user_model().objects.create_user(
            username, f"{username}@example.cn", "password", **extra
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def yanan_editor(make_user):
    return make_user(roles.YANAN_EDITORS, "yanan")


@pytest.fixture
def wuxi_editor(make_user):
    return make_user(roles.WUXI_EDITORS, "wuxi")


@pytest.fixture
def moderator(make_user):
    return make_user(roles.MODERATORS, "moderator")


@pytest.fixture
def translator(make_user):
    return make_user(roles.TRANSLATORS, "translator")


@pytest.fixture
def booking_manager(make_user):
    return make_user(roles.BOOKING_MANAGERS, "booking")


@pytest.fixture
def demo(admin_user):
    """A Demo helper bound to a superuser, for building bilingual content in tests."""
    return Demo(user=admin_user)


@pytest.fixture(scope="module")
def module_home(module_demo, django_db_blocker):
    """The demo site's Chinese home page, built once per module (see `module_demo`).

    It is visited once here, so that its image renditions are made once for
    the module rather than again by every test that renders it.
    """
    with django_db_blocker.unblock():
        home = demo_content.load(module_demo)
        assert Client().get(home.url).status_code == 200
        return home


@pytest.fixture
def home_page(module_home):
    """The demo site: a Chinese home page as the site root, translated to English.

    Built once per module; each test gets its own copy of it.
    """
    return copy.deepcopy(module_home)


@pytest.fixture
def live_home_page(demo):
    """The home page for a transactional test: committed, so a live server sees it."""
    return demo_content.load(demo)


@pytest.fixture
def english_home(home_page):
    return home_page.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def page_checks(client):
    """Wagtail's page assertions (WagtailPageTestCase), requesting with `client`."""
    return PageTestCase.for_client(client)


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker):
    """A Demo helper for content shared by the tests of one module.

    Module-scoped fixtures build with it inside `django_db_blocker.unblock()`.
    All of it lives in a transaction opened here and rolled back after the
    module's last test; each test runs in a savepoint inside it, so a test
    may change anything without the next one noticing.
    """
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        user = get_user_model().objects.create_superuser("webmaster", "web@example.cn", "pw")
        demo = Demo(user=user)
    yield demo
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


_demo_snapshot = None


def _load_demo():
    """Commit the full demo, on the database as migrations left it.

    The first load builds it (`load_demo`: pages, translations, images and
    their renditions, about 40 s) and keeps a serialized copy; a transactional
    test that empties the database makes the next test restore that copy
    instead, which is several times faster.
    """
    global _demo_snapshot
    if not Page.objects.exists():
        # A transactional test emptied every table, migration data included,
        # and its flush then made content types and permissions afresh: empty
        # the tables again without remaking them, or restoring the rows
        # migrations made (those among them) breaks a unique constraint.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(
            _demo_snapshot or connection._test_serialized_contents
        )
        # The flush restarted PostgreSQL's sequences at 1 and the rows came
        # back with their ids: move the sequences past them (SQLite needs nothing).
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
        # The restored content types have other ids than those cached since.
        ContentType.objects.clear_cache()
        if _demo_snapshot:
            return
    get_user_model().objects.create_superuser("demo-admin", "demo@example.cn", "pw")
    call_command("load_demo", stdout=io.StringIO())
    # Content types first: building a page of a specific type (as restoring
    # its row does) looks its content type up, and would make one afresh.
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    _demo_snapshot = json.dumps(rows)


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load_demo()


@pytest.fixture
def demo_site(_demo_database, django_db_blocker):
    """The full demo (`manage.py load_demo`): its Chinese home page.

    Read it, or change it inside the test's transaction: it is loaded once per
    session, so a change committed by a transactional test would be seen by
    the next test.
    """
    if not HomePage.objects.exists():
        # A transactional test on the demo emptied the database when it ended.
        with django_db_blocker.unblock():
            _load_demo()
    return HomePage.objects.get(locale=Locale.get_default())


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
    """A fresh browser tab that records every request not meant for the live server.

    Chromium itself refuses them (CHROMIUM_ARGS). They are listened for rather
    than intercepted: intercepting every request would also turn off the
    browser's cache, and each page would fetch its styles, scripts and fonts
    again (measured: the browser tests took 4% longer).
    """
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    outside = []

    def record(request):
        if not request.url.startswith((live_server.url, "data:")):
            outside.append(request.url)

    context.on("request", record)
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


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
    )


def _order(item):
    """Transaction-wrapped tests, transactional ones, then those on the demo."""
    uses_db = item.get_closest_marker("django_db") or "db" in item.fixturenames
    on_demo = "demo_site" in item.fixturenames
    if not uses_db and not on_demo:
        return 4
    return 2 * on_demo + _is_transactional(item)


def pytest_collection_modifyitems(items):
    """Run the tests in the order the module docstring gives.

    Every transactional test not on the demo restores the rows that
    migrations create: a transactional test empties every table when it
    ends; without this the locales, the root page, the groups and the
    workflow made by data migrations would be gone for the tests after it.
    """
    items.sort(key=_order)
    shared = [i.nodeid for i in items if _is_transactional(i) and "module_demo" in i.fixturenames]
    if shared:
        raise pytest.UsageError(
            "transactional tests cannot use content shared in a module transaction "
            f"(home_page, module_demo...); use live_home_page: {shared}"
        )
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
            and "demo_site" not in item.fixturenames
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
