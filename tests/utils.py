"""Reading what a page or the admin answered, and checks shared by test modules."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.coreutils import get_dummy_request
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"
)


class PageTestCase(WagtailPageTestCase):
    """Wagtail's page assertions for a site whose URLs carry a language prefix.

    Tests use it through the `page_checks` fixture, not by subclassing.
    Wagtail's routability check walks the page tree with every component of
    the page's URL, but i18n_patterns put "/zh-hans/" or "/en/" in front, and
    no page has that slug. The check runs on the URL without its prefix; the
    real resolver is exercised by the renderability check.
    """

    @classmethod
    def for_client(cls, client):
        """An instance outside unittest's runner, requesting pages with `client`."""
        checks = cls()
        checks.client = client
        checks.dummy_request = get_dummy_request()
        return checks

    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        prefix = f"/{page.locale.language_code}"
        get_url = page.get_url
        page.get_url = lambda request=None, current_site=None: get_url(
            request, current_site
        ).removeprefix(prefix)
        try:
            super().assertPageIsRoutable(page, route_path, msg)
        finally:
            del page.get_url


def english_of(page):
    """The English translation of a Chinese page or snippet."""
    translation = page.get_translation(Locale.objects.get(language_code="en"))
    return translation.specific if hasattr(translation, "specific") else translation


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response):
    """The page's schema.org data, parsed."""
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def assert_refused(response):
    """Wagtail's own refusal is a redirect to the dashboard; ours is a 403."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


_WIDER_THAN_THE_SCREEN = """() => {
    if (document.documentElement.scrollWidth <= innerWidth) return null;
    // The elements that stick out, not counting those inside a box that scrolls them.
    const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true; } return false; };
    const culprits = [...document.body.querySelectorAll("*")]
        .filter(e => e.getBoundingClientRect().right > innerWidth && !clipped(e))
        .slice(0, 5)
        .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} (right ${Math.round(e.getBoundingClientRect().right)})`);
    return `${document.documentElement.scrollWidth} px in ${innerWidth}: ${culprits.join(", ")}`;
}"""


def wider_than_the_screen(page):
    """None, or what makes the page scroll sideways (its width and the elements sticking out).

    Measured once the page has loaded: a click that navigates returns when the
    new page's text is there, maybe before its style sheet is, and an unstyled
    page is as wide as its widest picture.
    """
    page.wait_for_load_state("load")
    return page.evaluate(_WIDER_THAN_THE_SCREEN)


def second_visit(client, url):
    """The number of SQL queries of a second visit to `url`, and the page it shows.

    The first visit makes the page's image renditions; later visits only read them.
    """
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()
