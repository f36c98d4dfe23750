"""Queries as people type them: traditional characters, pinyin in its forms, several words.

Each kind has its own labelled set, measured like tests/search/test_recall.py.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from search.views import site_search, suggested_pages

pytestmark = pytest.mark.django_db

# (language, query, slugs of the pages that must be among the results)
TRADITIONAL = [
    ("zh-hans", "棗園", {"zaoyuan"}),
    ("zh-hans", "楊家嶺", {"yangjialing"}),
    ("zh-hans", "南泥灣", {"nanniwan", "airport", "paired-cooperation"}),
    ("zh-hans", "寶塔山", {"baota"}),
    ("zh-hans", "張思德", {"zhang-side", "paired-cooperation"}),
    ("zh-hans", "靈山", {"lingshan"}),
    ("zh-hans", "壺口瀑布", {"hukou"}),
    ("zh-hans", "黃河", {"hukou"}),
    ("zh-hans", "櫻花", {"yuantouzhu"}),
    ("zh-hans", "黿頭渚", {"yuantouzhu"}),
    ("zh-hans", "解放日報", {"bo-gu"}),
    ("zh-hans", "實事求是", {"yanan-spirit"}),
    ("zh-hans", "黨性教育", {"cadre-training"}),
    ("zh-hans", "幹部學院", {"cadre-training"}),
    ("zh-hans", "研學旅行", {"study-tours"}),
    ("zh-hans", "為人民服務", {"zaoyuan", "zhang-side", "yanan-spirit"}),
    ("zh-hans", "延安精神南泥灣", {"paired-cooperation"}),
    ("en", "南泥灣 wetland", {"nanniwan"}),
]

SPACED_PINYIN = [
    ("zh-hans", "yang jia ling", {"yangjialing"}),
    ("zh-hans", "nan ni wan", {"nanniwan", "airport", "paired-cooperation"}),
    ("zh-hans", "bao ta shan", {"baota"}),
    ("zh-hans", "zao yuan", {"zaoyuan"}),
    ("zh-hans", "zhang si de", {"zhang-side", "paired-cooperation"}),
    ("zh-hans", "ling shan", {"lingshan"}),
    ("zh-hans", "hu kou pu bu", {"hukou"}),
    ("zh-hans", "huang he", {"hukou"}),
    ("zh-hans", "ying hua", {"yuantouzhu"}),
    ("zh-hans", "jie fang ri bao", {"bo-gu"}),
    ("zh-hans", "shi shi qiu shi", {"yanan-spirit"}),
    ("zh-hans", "yan an jing shen", {"yanan-spirit", "paired-cooperation"}),
    ("zh-hans", "wang zhen", {"nanniwan"}),
    ("zh-hans", "san wu jiu lü", {"nanniwan"}),
    ("zh-hans", "dang xing jiao yu", {"cadre-training"}),
    ("zh-hans", "yan xue lv xing", {"study-tours"}),
    ("en", "wang zhen", {"nanniwan"}),
    ("en", "bo gu", {"bo-gu"}),
    ("en", "nan ni wan", {"nanniwan"}),
]

TONED_PINYIN = [
    ("zh-hans", "Yáng jiā lǐng", {"yangjialing"}),
    ("zh-hans", "yang2 jia1 ling3", {"yangjialing"}),
    ("zh-hans", "Nán ní wān", {"nanniwan", "airport", "paired-cooperation"}),
    ("zh-hans", "nan2 ni2 wan1", {"nanniwan", "airport", "paired-cooperation"}),
    ("zh-hans", "Nánníwān", {"nanniwan", "airport"}),
    ("zh-hans", "nan2ni2wan1", {"nanniwan", "airport"}),
    ("zh-hans", "Bǎotǎ", {"baota"}),
    ("zh-hans", "Zǎoyuán", {"zaoyuan"}),
    ("zh-hans", "zao3 yuan2", {"zaoyuan"}),
    ("zh-hans", "Língshān", {"lingshan"}),
    ("zh-hans", "ling2 shan1", {"lingshan"}),
    ("zh-hans", "Zhāng Sī Dé", {"zhang-side", "paired-cooperation"}),
    ("zh-hans", "Hú kǒu", {"hukou"}),
    ("zh-hans", "Huánghé", {"hukou"}),
    ("zh-hans", "Yán'ān", {"baota", "cadre-training"}),
    ("zh-hans", "yan2 xue2", {"study-tours"}),
    ("en", "Wáng Zhèn", {"nanniwan"}),
]

# Several words: every page with any of them is found; see the ordering test below.
MULTI_WORD = [
    ("zh-hans", "延安 研学", {"study-tours", "baota"}),
    ("zh-hans", "南泥湾 樱花", {"nanniwan", "yuantouzhu"}),
    ("zh-hans", "宝塔山 壶口瀑布", {"baota", "hukou"}),
    ("zh-hans", "枣园 杨家岭", {"zaoyuan", "yangjialing"}),
    ("zh-hans", "张思德 博古", {"zhang-side", "bo-gu"}),
    ("zh-hans", "灵山 鼋头渚", {"lingshan", "yuantouzhu"}),
    ("zh-hans", "延安 无锡", {"paired-cooperation", "airport", "cadre-training", "bo-gu"}),
    ("zh-hans", "机场 研学", {"airport", "study-tours"}),
    ("zh-hans", "黄河 樱花", {"hukou", "yuantouzhu"}),
    ("zh-hans", "自力更生 樱花", {"nanniwan", "yanan-spirit", "yuantouzhu"}),
    ("zh-hans", "棗園 nan ni wan", {"zaoyuan", "nanniwan"}),
    ("en", "Nanniwan study", {"nanniwan", "study-tours"}),
    ("en", "Lingshan Yuantouzhu", {"lingshan", "yuantouzhu"}),
    ("en", "pagoda waterfall", {"baota", "hukou"}),
    ("en", "Wuxi Buddha", {"lingshan", "paired-cooperation"}),
    ("en", "Zaoyuan Yangjialing", {"zaoyuan", "yangjialing"}),
    ("en", "cherry Nanniwan", {"yuantouzhu", "nanniwan"}),
]

# Type-ahead: what has been typed so far, and the pages it must suggest.
TYPE_AHEAD = [
    ("zh-hans", "yjl", {"yangjialing"}),
    ("zh-hans", "nnw", {"nanniwan", "airport"}),
    ("zh-hans", "bts", {"baota"}),
    ("zh-hans", "zy", {"zaoyuan"}),
    ("zh-hans", "zsd", {"zhang-side"}),
    ("zh-hans", "ls", {"lingshan"}),
    ("zh-hans", "lssj", {"lingshan"}),
    ("zh-hans", "hkpb", {"hukou"}),
    ("zh-hans", "ytz", {"yuantouzhu"}),
    ("zh-hans", "bg", {"bo-gu"}),
    ("zh-hans", "qbx", {"bo-gu"}),
    ("zh-hans", "yajs", {"yanan-spirit"}),
    ("zh-hans", "gbdx", {"cadre-training"}),
    ("zh-hans", "zxx", {"study-tours"}),
    ("zh-hans", "yawx", {"paired-cooperation"}),
    ("zh-hans", "yang jia ling", {"yangjialing"}),
    ("zh-hans", "yang jia l", {"yangjialing"}),
    ("zh-hans", "Yáng jiā lǐng", {"yangjialing"}),
    ("zh-hans", "yang2 jia1 ling3", {"yangjialing"}),
    ("zh-hans", "nan ni", {"nanniwan", "airport"}),
    ("zh-hans", "楊家", {"yangjialing"}),
]


def recall(labelled, find):
    found = expected = 0
    misses = []
    for language, query, slugs in labelled:
        locale = Locale.objects.get(language_code=language)
        got = slugs & {page.slug for page in find(query, locale)}
        found += len(got)
        expected += len(slugs)
        if got != slugs:
            misses.append((language, query, sorted(slugs - got)))
    return found / expected, misses


@pytest.mark.parametrize(
    ("name", "labelled", "find"),
    [
        ("traditional", TRADITIONAL, site_search),
        ("spaced pinyin", SPACED_PINYIN, site_search),
        ("toned pinyin", TONED_PINYIN, site_search),
        ("several words", MULTI_WORD, site_search),
        ("type-ahead", TYPE_AHEAD, suggested_pages),
    ],
)
def test_recall_of_each_kind_of_query(site_pages, capsys, name, labelled, find):
    assert len(labelled) >= 15
    measured, misses = recall(labelled, find)
    with capsys.disabled():
        print(f"\n{name} recall: {measured:.1%} over {len(labelled)} queries", *misses)
    assert measured >= 0.95, misses


def test_either_script_finds_the_same_pages(site_pages):
    zh = Locale.objects.get(language_code="zh-hans")
    for traditional, simplified in [("棗園", "枣园"), ("楊家嶺", "杨家岭"), ("寶塔山", "宝塔山")]:
        assert [p.pk for p in site_search(traditional, zh)] == [
            p.pk for p in site_search(simplified, zh)
        ]


def test_pages_with_all_the_words_come_first(site_pages):
    zh = Locale.objects.get(language_code="zh-hans")
    # Typed without a space, 延安无锡 asks for both words.
    with_both = {page.slug for page in site_search("延安无锡", zh)}
    results = [page.slug for page in site_search("延安 无锡", zh)]
    assert with_both and len(results) > len(with_both)
    assert set(results[: len(with_both)]) == with_both
    assert len(results) == len(set(results)) == site_search("延安 无锡", zh).count()


def test_paging_through_several_words_shows_every_page_once(client, site_pages, monkeypatch):
    # Pages of 4 results: the first page has only pages with both words, the
    # second both kinds, the third the rest.
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 4)
    url = reverse("search")
    seen = []
    for number in (1, 2, 3):
        response = client.get(url, {"q": "延安 无锡", "page": number})
        seen += [page.pk for page in response.context["search_results"]]
    total = response.context["search_results"].paginator.count
    assert total > 8 and len(seen) == len(set(seen)) == total


def search_html(client, q, language="zh-hans"):
    with translation.override(language):
        url = reverse("search")
    return client.get(url, {"q": q}).content.decode()


def test_a_traditional_query_marks_the_page_own_characters(client, site_pages):
    html = search_html(client, "棗園")
    assert "<mark>枣园</mark>" in html


@pytest.mark.parametrize("query", ["nanniwan", "nan ni wan", "Nán ní wān", "nan2ni2wan1"])
def test_pinyin_marks_the_chinese_words_it_reads_as(client, site_pages, query):
    assert "<mark>南泥湾</mark>" in search_html(client, query)


def test_excerpts_are_whole_sentences_with_their_numbers(client, site_pages):
    response = client.get(reverse("search"), {"q": "文艺座谈会"})
    page = next(p for p in response.context["search_results"] if p.slug == "yangjialing")
    text = "".join(part for part, _marked in page.search_excerpt)
    # The sentence with the match starts after "；" and keeps its year.
    assert text.startswith("…1942年延安文艺座谈会也在这里举行。")


def test_editors_picks_answer_the_traditional_spelling_too(client, site_pages):
    SearchPromotion.objects.create(
        query=Query.get("杨家岭"), page=site_pages["zh-hans"]["yangjialing"], description="七大会址"
    )
    html = search_html(client, "楊家嶺")
    assert "七大会址" in html
