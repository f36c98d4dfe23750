"""Two languages: prefixes, the root redirect, the switcher, hreflang and 404s."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import translation

from home.models import HomePage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        (None, "/zh-hans/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("zh-HK,en;q=0.5", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("en-US,en;q=0.9", "/en/"),
        ("en", "/en/"),
        ("fr-FR,fr;q=0.9", "/zh-hans/"),
        ("de, en;q=0.8", "/en/"),
        # Malformed headers fall back to the default language, never a 500.
        (";;;q=abc,,,", "/zh-hans/"),
        ("en;q=", "/zh-hans/"),
        ("x" * 600, "/zh-hans/"),
        ("\u4e2d\u6587", "/zh-hans/"),
    ],
)
def test_root_redirects_by_accept_language(client, home_page, accept_language, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(("path", "lang"), [("/zh-hans/", "zh-Hans"), ("/en/", "en")])
def test_each_language_has_its_lang_attribute(client, home_page, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert soup(response).html["lang"] == lang


def test_switcher_and_hreflang_point_at_the_live_translation(client, home_page):
    page = soup(client.get("/zh-hans/"))
    switcher = page.select_one(".language-switcher")
    assert switcher.select_one("a[hreflang=en]")["href"] == "/en/"
    assert switcher.select_one("[aria-current]").text.strip() == "简体中文"
    alternates = {
        link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")
    }
    # On the public origin (settings.PUBLIC_ORIGIN), not the host asked for.
    assert alternates == {
        "zh-Hans": "http://localhost/zh-hans/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/zh-hans/",
    }
    english = soup(client.get("/en/"))
    assert english.select_one(".language-switcher a[hreflang=zh-Hans]")["href"] == "/zh-hans/"
    assert english.select_one("link[rel=canonical]")["href"] == "http://localhost/en/"


def test_switcher_leads_home_when_a_page_has_no_translation(client, home_page):
    """A page only in Chinese: the English link goes to the English home, not a 404."""
    untranslated = HomePage(title="仅有中文的页面", slug="zh-only", hero_heading="仅有中文")
    home_page.add_child(instance=untranslated)
    untranslated.save_revision().publish()

    page = soup(client.get("/zh-hans/zh-only/"))
    english_link = page.select_one(".language-switcher a[hreflang=en]")["href"]
    assert english_link == "/en/"
    assert client.get(english_link).status_code == 200
    # No hreflang promises an English version that does not exist.
    hreflangs = [link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")]
    assert "en" not in hreflangs


def test_unpublished_translation_is_not_offered(client, home_page, english_home):
    english_home.unpublish()
    page = soup(client.get("/zh-hans/"))
    assert [link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")] == [
        "zh-Hans",
        "x-default",
    ]


@pytest.mark.parametrize(
    ("path", "heading", "other"),
    [
        ("/zh-hans/no-such-page/", "页面未找到", "Page not found"),
        ("/en/no-such-page/", "Page not found", "页面未找到"),
    ],
)
def test_404_in_both_languages(client, home_page, path, heading, other):
    response = client.get(path)
    assert response.status_code == 404
    page = soup(response)
    assert page.h1.text == heading
    assert other in page.select_one(".error-page").text
    assert page.select_one(".error-page a.button")["href"] in ("/zh-hans/", "/en/")


@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/anything/", "/en-gb/x/", "/zh-tw/", "/zh-hant/x/", "/es-419/"]
)
def test_unknown_language_prefix_is_not_found(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_unprefixed_page_path_redirects_into_a_language(client, home_page):
    for path in ("/no-prefix/", "/routes/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 302
        assert response["Location"] == f"/en{path}"


def test_server_error_page_is_bilingual_and_standalone(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错" in body and "something went wrong" in body


def test_sitemap_lists_pages_in_both_languages(client, home_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    # Full URLs start with the public origin (settings.PUBLIC_ORIGIN), as in production.
    assert "<loc>http://localhost/zh-hans/</loc>" in body
    assert "<loc>http://localhost/en/</loc>" in body
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://localhost/sitemap.xml" in robots


def test_every_model_is_named_in_the_singular_and_plural_of_each_language():
    """The admin's listings, counts ("2 Notification e-mails") and the search
    page's result groups use the plural; Chinese has one form for both,
    English needs its own (a `plural` context in the catalogue)."""
    ours = {"core", "home", "tourism", "education", "search"}
    models = [m for m in apps.get_models() if m._meta.app_label in ours]
    assert len(models) > 10
    for model in models:
        opts = model._meta
        with translation.override("zh-hans"):
            # Not Django's default of the singular + "s" ("研学基地s").
            assert str(opts.verbose_name_plural) == str(opts.verbose_name), model
        with translation.override("en"):
            singular, plural = str(opts.verbose_name), str(opts.verbose_name_plural)
            assert plural.isascii() and not plural.endswith("ss"), (model, plural)
            # One form for both only where English has one ("Site settings").
            assert plural != singular or singular.endswith("settings"), (model, plural)
