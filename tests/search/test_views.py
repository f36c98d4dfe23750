"""The search page and the type-ahead endpoint, as visitors and editors meet them."""

import io

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from PIL import Image as PILImage
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from home.models import HomePage
from search.results import MAX_QUERY_LENGTH, OTHER_GROUP, group_key, type_groups

pytestmark = pytest.mark.django_db


def search_url(language="zh-hans", name="search"):
    with translation.override(language):
        return reverse(name)


def get(client, q, language="zh-hans", **params):
    return client.get(search_url(language), {"q": q, **params})


def test_finds_chinese_words_inside_a_clause_and_marks_them(client, site_pages):
    response = get(client, "自力更生")
    assert response.status_code == 200
    titles = [page.title for page in response.context["search_results"]]
    assert "南泥湾" in titles and "延安精神" in titles
    assert "<mark>自力更生</mark>" in response.content.decode()


def test_results_are_only_in_the_active_language(client, site_pages):
    response = get(client, "Nanniwan", "en")
    results = list(response.context["search_results"])
    assert results and {page.locale.language_code for page in results} == {"en"}
    assert "Nanniwan" in [page.title for page in results]


def test_english_stems_are_marked_in_the_excerpt(client, site_pages):
    html = get(client, "serve", "en").content.decode()
    assert "<mark>serving</mark>" in html and "<mark>Serve</mark>" in html


def test_excerpts_escape_page_text(client, site_pages):
    page = site_pages["zh-hans"]["baota"]
    page.body = "<p>宝塔 &lt;script&gt;alert(1)&lt;/script&gt; 宝塔</p>"
    page.save_revision().publish()
    html = get(client, "宝塔").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_the_other_language_hint_links_to_its_search(client, site_pages):
    response = get(client, "Nanniwan")
    hint = response.context["other_languages"][0]
    assert hint["count"] == len(get(client, "Nanniwan", "en").context["search_results"])
    assert hint["url"] == "/en/search/?q=Nanniwan"
    assert f'href="{hint["url"]}" hreflang="en"' in response.content.decode()


@pytest.mark.parametrize("q", ["延安", "延安 研学"])
def test_type_filter_counts_and_filters(client, site_pages, monkeypatch, q):
    # One page holds every result, so the counts shown can be checked against the list.
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1000)
    response = get(client, q)
    groups, results = response.context["groups"], response.context["search_results"]
    assert sum(g["count"] for g in groups) == results.paginator.count == len(results)
    for group in groups:
        filtered = get(client, q, type=group["key"])
        assert filtered.context["selected_group"]["key"] == group["key"]
        listed = filtered.context["search_results"]
        assert listed.paginator.count == len(listed) == group["count"]


def test_results_are_counted_once(client, site_pages):
    # Counting visits every match: the type facet counts, the pages reuse its total.
    get(client, "延安")  # warm the per-process caches
    for params in ({}, {"type": "other"}, {"page": "2"}):
        with CaptureQueriesContext(connection) as captured:
            response = get(client, "延安", **params)
        assert response.context["search_results"].paginator.count
        counts = [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
        # The type facet, and the count of results in the other language.
        assert len(counts) == 2, counts


def test_unknown_filters_and_pages_are_ignored(client, site_pages):
    everything = get(client, "延安").context["search_results"].paginator.count
    for params in ({"type": "nope"}, {"type": "auth.user"}, {"page": "x"}, {"page": "-1"}):
        response = get(client, "延安", **params)
        assert response.status_code == 200
        assert response.context["search_results"].paginator.count == everything


def test_pagination_keeps_the_query(client, site_pages, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 2)
    response = get(client, "延安")
    assert response.context["search_results"].paginator.num_pages > 1
    second = get(client, "延安", page=2)
    assert second.context["search_results"].number == 2
    assert 'href="?q=%E5%BB%B6%E5%AE%89&amp;page=2"' in response.content.decode()


def test_editors_promotions_come_first_in_the_visitors_language(client, site_pages, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    query = Query.get("延安")
    SearchPromotion.objects.create(
        query=query, page=site_pages["zh-hans"]["hukou"], description="黄河奇观", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query, page=site_pages["en"]["hukou"], description="Yellow River", sort_order=1
    )
    response = get(client, "延安")
    assert [p.page_id for p in response.context["promotions"]] == [
        site_pages["zh-hans"]["hukou"].pk
    ]
    assert "黄河奇观" in response.content.decode()
    assert get(client, "延安", page=2).context["promotions"] == []


def test_searches_are_counted_for_editors(client, site_pages, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    get(client, "南泥湾")
    get(client, "南泥湾", page=2)
    get(client, "南泥湾", type="other")
    assert Query.get("南泥湾").hits == 1


def test_new_and_edited_pages_are_found_once_published(client, site_pages):
    home = site_pages["zh-hans"]["baota"].get_parent()
    page = HomePage(title="清凉山", hero_heading="清凉山", body="<p>延安新闻纪念馆</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "清凉山" in [p.title for p in get(client, "新闻纪念馆").context["search_results"]]

    def titles(q):
        return [p.title for p in get(client, q).context.get("search_results", [])]

    page.body = "<p>新华广播电台曾在这里播音</p>"
    page.save_revision()
    assert "清凉山" not in titles("广播电台")  # a draft is not public
    page.get_latest_revision().publish()
    assert "清凉山" in titles("广播电台")
    assert "清凉山" not in titles("新闻纪念馆")

    page.unpublish()
    assert "清凉山" not in titles("广播电台")


def test_images_without_a_locale_are_indexed_and_found_by_chinese_words():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(buffer, "JPEG")
    image = get_image_model()(title="枣园窑洞的晨光")
    image.file = ImageFile(buffer, name="zaoyuan.jpg")
    image.save()
    assert image in get_image_model().objects.search("窑洞晨光")


def test_query_count_does_not_grow_with_the_number_of_results(client, site_pages):
    home = site_pages["zh-hans"]["baota"].get_parent()

    def queries_for_pages(count):
        for i in range(count):
            page = HomePage(title=f"测试专题{i}", hero_heading="专题", body="<p>测绘专题</p>")
            home.add_child(instance=page)
            page.save_revision().publish()
        get(client, "测绘专题")  # warm the per-process caches (content types, sites)
        with CaptureQueriesContext(connection) as captured:
            get(client, "测绘专题")
        return len(captured)

    assert queries_for_pages(3) == queries_for_pages(27)


BAD_QUERIES = [
    "",
    "   ",
    "延" * 2000,
    '"南泥湾',
    "南泥湾 AND 精神 OR NOT",
    "宝塔* title:宝塔 (延安) \\",
    "'; DROP TABLE wagtailcore_page; --",
    "NEAR(a b) {title body} : ^ - + ~",
    "😀🇨🇳 南泥湾 🙂",
    "南泥\x00湾\x07\x1b",
    "\u202e\u200b",
    "%",
]


@pytest.mark.parametrize("q", BAD_QUERIES)
@pytest.mark.parametrize("name", ["search", "search_suggest"])
def test_odd_input_gets_an_answer(client, site_pages, q, name):
    response = client.get(search_url(name=name), {"q": q, "page": q, "type": q})
    assert response.status_code == 200


def test_a_long_query_is_cut_and_the_visitor_told(client, site_pages):
    response = get(client, "南泥湾" + "。" * 3000)
    assert response.context["query_truncated"]
    assert len(response.context["search_query"]) == MAX_QUERY_LENGTH
    assert "搜索词太长" in response.content.decode()
    assert response.context["search_results"]  # the words that were kept are searched


def test_control_characters_are_dropped_not_searched(client, site_pages):
    response = get(client, "南泥\x00湾")
    assert response.context["search_query"] == "南泥 湾"
    assert response.context["total"] > 0


def test_the_page_speaks_the_visitors_language(client, site_pages):
    assert "共" in get(client, "南泥湾").content.decode()
    html = get(client, "Nanniwan", "en").content.decode()
    assert "results for" in html and "共" not in html


# Type-ahead ---------------------------------------------------------------


def test_suggestions_are_titles_in_the_visitors_language(client, site_pages):
    data = client.get(search_url(name="search_suggest"), {"q": "南泥"}).json()
    titles = [s["title"] for s in data["suggestions"]]
    assert "南泥湾" in titles and "延安南泥湾机场" in titles
    assert all(s["url"].startswith("/zh-hans/") for s in data["suggestions"])
    assert data["status"]

    data = client.get(search_url("en", "search_suggest"), {"q": "nanni"}).json()
    assert {s["title"] for s in data["suggestions"]} >= {"Nanniwan", "Yan'an Nanniwan Airport"}
    assert all(s["url"].startswith("/en/") for s in data["suggestions"])


def test_pinyin_typed_without_an_input_method_suggests_chinese_titles(client, site_pages):
    data = client.get(search_url(name="search_suggest"), {"q": "lingsh"}).json()
    assert "灵山胜境" in [s["title"] for s in data["suggestions"]]


def test_suggestions_are_short_and_cacheable(client, site_pages):
    response = client.get(search_url(name="search_suggest"), {"q": "延"})
    assert len(response.json()["suggestions"]) <= 8
    assert "max-age=60" in response["Cache-Control"]
    with CaptureQueriesContext(connection) as captured:
        client.get(search_url(name="search_suggest"), {"q": "延"})
    assert len(captured) == 0  # answered from the cache


@override_settings(SUGGEST_RATE="5/m")
def test_suggestions_are_rate_limited(client, site_pages):
    url = search_url(name="search_suggest")
    statuses = {client.get(url, {"q": f"延{i}"}).status_code for i in range(8)}
    assert statuses == {200, 429}
    limited = client.get(url, {"q": "延"})
    assert limited.status_code == 429 and limited["Retry-After"]
    assert limited.json()["status"]


def test_the_admin_page_search_finds_chinese_sub_words(client, site_pages, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/pages/search/", {"q": "泥湾"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "南泥湾" in html and "宝塔山" not in html


def test_filter_groups_come_from_the_page_models(db):
    models = get_page_models()
    groups = type_groups({ContentType.objects.get_for_model(m).pk: 1 for m in models})
    by_key = {g["key"]: g for g in groups}
    assert groups[-1]["key"] == OTHER_GROUP
    assert group_key(Page) == group_key(HomePage) == OTHER_GROUP
    for model in models:
        if group_key(model) != OTHER_GROUP:
            assert by_key[model._meta.label_lower]["label"] == capfirst(
                model._meta.verbose_name_plural
            )
    assert sum(g["count"] for g in groups) == len(models)
    # The content page types of the other apps, where they exist: each its own
    # group, while their index pages count as "other pages".
    for label in ("tourism.RoutePage", "tourism.RedSitePage", "education.StudyBasePage"):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        assert model._meta.label_lower in by_key
        assert group_key(model.allowed_parent_page_models()[0]) == OTHER_GROUP
