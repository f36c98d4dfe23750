import copy
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(module_demo, module_home, client):
    """The home page both languages share this module, with its superuser signed in."""
    client.force_login(module_demo.user)
    return copy.deepcopy(module_home)


def test_routable_renderable_previewable_editable(page_checks, home):
    english = HomePage.objects.get(locale__language_code="en")
    for page in (home, english):
        page_checks.assertPageIsRoutable(page)
    page_checks.assertPageIsRenderable(home)
    # StreamFields render client-side, so the form data is given, not scraped.
    post_data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "hero_heading": home.hero_heading,
            "hero_intro": home.hero_intro,
            "body": rich_text(home.body),
            "sections": streamfield([]),
        }
    )
    page_checks.assertPageIsPreviewable(home, post_data=post_data)
    page_checks.assertPageIsEditable(home, post_data=post_data)


def test_created_only_under_the_root(page_checks):
    page_checks.assertCanCreateAt(Page, HomePage)
    page_checks.assertCanNotCreateAt(HomePage, HomePage)
    page_checks.assertAllowedParentPageTypes(HomePage, {Page})


def test_english_home_is_a_wagtail_localize_translation(home):
    from wagtail_localize.models import Translation

    english = HomePage.objects.get(locale__language_code="en")
    assert english.translation_key == home.translation_key
    assert english.hero_heading == "The Yan'an Spirit Shines Forever"
    assert Translation.objects.filter(
        source__object_id=home.translation_key, target_locale=english.locale
    ).exists()


def test_json_ld_describes_the_website(client, home):
    response = client.get("/en/")
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "WebSite"
    assert data["inLanguage"] == "en"
    assert data["name"] == "Yan'an–Wuxi Red Trails"
    # Every page's JSON-LD image is its share preview's (core.seo.PageMetaMixin).
    assert data["image"] == soup.find("meta", property="og:image")["content"]


def test_open_graph_meta(client, home):
    soup = BeautifulSoup(client.get("/zh-hans/").content, "html.parser")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "延安—无锡红色足迹"
    assert og["og:locale"] == "zh_CN"
    assert og["og:image"].startswith("http://localhost/")  # settings.PUBLIC_ORIGIN
    assert "og:description" in og


def _featured_home(home, pages, per_section=10):
    """Feature `pages` on the home page, ten to a section as an editor would."""
    home.sections = [
        ("featured", {"heading": f"精选{i}", "intro": "", "pages": chunk})
        for i, chunk in enumerate(
            pages[start : start + per_section] for start in range(0, len(pages), per_section)
        )
    ]
    home.save_revision().publish()


def test_home_page_queries_do_not_grow_with_featured_pages(client, home_page, demo):
    """Three featured cards or thirty: the same number of queries."""

    def children(count, offset):
        made = []
        for i in range(offset, offset + count):
            child = HomePage(
                title=f"卡片{i}",
                slug=f"card-{i}",
                hero_heading=f"卡片{i}",
                hero_image=demo.image(
                    f"card-{i}", {"zh": f"卡片{i}", "en": f"Card {i}"}, size=(160, 90)
                ),
            )
            home_page.add_child(instance=child)
            made.append(child)
        return made

    def count_queries():
        client.get("/zh-hans/")  # warm caches that are per process, not per page
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/zh-hans/")
        assert response.status_code == 200
        return len(ctx), response

    _featured_home(home_page, children(3, 0))
    few, response = count_queries()
    assert response.content.decode().count('class="card"') == 3
    _featured_home(home_page, children(30, 3))
    many, response = count_queries()
    assert response.content.decode().count('class="card"') == 30
    assert many == few, f"{few} queries with 3 cards, {many} with 30"


def test_featured_pages_appear_in_the_visitors_language(client, home_page):
    english = HomePage.objects.get(locale__language_code="en")
    child = HomePage(title="宝塔山", slug="baota", hero_heading="宝塔山")
    home_page.add_child(instance=child)
    _featured_home(home_page, [child])
    assert "宝塔山" in client.get("/zh-hans/").content.decode()
    # The English home shows no untranslated Chinese card.
    english.sections = home_page.sections
    english.save_revision().publish()
    body = client.get("/en/").content.decode()
    assert not re.search(r'class="card__title"><a[^>]*>宝塔山', body)
