"""The labelled query set: each query with the pages it must find, per language."""

import pytest
from wagtail.models import Locale

from search.views import site_search

pytestmark = pytest.mark.django_db

# (language, query, slugs of the pages that must be among the results)
LABELLED_QUERIES = [
    # Chinese words
    ("zh-hans", "南泥湾", {"nanniwan", "airport", "paired-cooperation"}),
    ("zh-hans", "精神", {"nanniwan", "zhang-side", "paired-cooperation", "yanan-spirit"}),
    ("zh-hans", "自力更生", {"nanniwan", "yanan-spirit"}),
    ("zh-hans", "宝塔山", {"baota"}),
    ("zh-hans", "枣园", {"zaoyuan"}),
    ("zh-hans", "为人民服务", {"zaoyuan", "zhang-side", "yanan-spirit"}),
    ("zh-hans", "张思德", {"zhang-side", "paired-cooperation"}),
    ("zh-hans", "三五九旅", {"nanniwan"}),
    ("zh-hans", "杨家岭", {"yangjialing"}),
    ("zh-hans", "文艺座谈会", {"yangjialing"}),
    ("zh-hans", "灵山", {"lingshan"}),
    ("zh-hans", "研学旅行", {"study-tours"}),
    ("zh-hans", "党性教育", {"cadre-training"}),
    ("zh-hans", "壶口瀑布", {"hukou"}),
    ("zh-hans", "黄河", {"hukou"}),
    ("zh-hans", "樱花", {"yuantouzhu"}),
    ("zh-hans", "解放日报", {"bo-gu"}),
    ("zh-hans", "实事求是", {"yanan-spirit"}),
    # sub-words: parts of a word, not words of their own
    ("zh-hans", "泥湾", {"nanniwan", "airport"}),
    ("zh-hans", "思德", {"zhang-side"}),
    ("zh-hans", "人民", {"zaoyuan", "zhang-side", "yanan-spirit"}),
    ("zh-hans", "干部学院", {"cadre-training"}),
    ("zh-hans", "大佛", {"lingshan"}),
    # several words typed without spaces
    ("zh-hans", "延安精神南泥湾", {"paired-cooperation"}),
    ("zh-hans", "南泥湾开荒", {"nanniwan"}),
    ("zh-hans", "宝塔山标志", {"baota"}),
    ("zh-hans", "张思德炭窑", {"zhang-side"}),
    ("zh-hans", "无锡延安直飞", {"airport"}),
    ("zh-hans", "灵山大佛梵宫", {"lingshan"}),
    ("zh-hans", "南泥湾的精神", {"nanniwan", "paired-cooperation"}),
    ("zh-hans", "延安 博古", {"bo-gu"}),
    # single characters where they mean something
    ("zh-hans", "湾", {"nanniwan", "airport"}),
    ("zh-hans", "塔", {"baota"}),
    ("zh-hans", "枣", {"zaoyuan"}),
    ("zh-hans", "渚", {"yuantouzhu"}),
    # pinyin and English place names on the Chinese site
    ("zh-hans", "Nanniwan", {"nanniwan", "airport"}),
    ("zh-hans", "Baota", {"baota"}),
    ("zh-hans", "Zaoyuan", {"zaoyuan"}),
    ("zh-hans", "Lingshan", {"lingshan"}),
    ("zh-hans", "yangjialing", {"yangjialing"}),
    # mixed Chinese and English
    ("zh-hans", "ENY 机场", {"airport"}),
    ("zh-hans", "IATA 南泥湾", {"airport"}),
    ("zh-hans", "LB/T 054-2016 研学", {"study-tours"}),
    ("zh-hans", "ＥＮＹ", {"airport"}),  # full-width letters, as some input methods type them
    # English words, stemmed forms and place names on the English site
    ("en", "Nanniwan", {"nanniwan", "airport", "paired-cooperation"}),
    ("en", "Baota", {"baota"}),
    ("en", "Zaoyuan", {"zaoyuan"}),
    ("en", "Lingshan", {"lingshan"}),
    ("en", "pagoda", {"baota"}),
    ("en", "spirit", {"nanniwan", "zhang-side", "paired-cooperation", "yanan-spirit"}),
    ("en", "spirits", {"nanniwan", "zhang-side", "paired-cooperation", "yanan-spirit"}),
    ("en", "serve", {"zaoyuan", "zhang-side", "yanan-spirit"}),
    ("en", "serving", {"zaoyuan", "zhang-side", "yanan-spirit"}),
    ("en", "reclaim", {"nanniwan"}),
    ("en", "waterfalls", {"hukou"}),
    ("en", "cadres", {"cadre-training"}),
    ("en", "spirit of Nanniwan", {"nanniwan", "paired-cooperation"}),
    ("en", "Yan'an", {"baota", "yangjialing", "cadre-training", "yanan-spirit"}),
    ("en", "Yanan", {"baota", "yangjialing", "cadre-training", "yanan-spirit"}),
    ("en", "cherry blossom", {"yuantouzhu"}),
    ("en", "study tours", {"study-tours"}),
    ("en", "Wang Zhen", {"nanniwan"}),
    ("en", "NANNIWAN AIRPORT", {"airport"}),
    # mixed English and Chinese on the English site
    ("en", "南泥湾 wetland", {"nanniwan"}),
]


def test_the_labelled_set_is_big_enough():
    assert len(LABELLED_QUERIES) >= 40


def test_recall_over_the_labelled_queries(site_pages, capsys):
    found = expected = 0
    misses = []
    for language, query, slugs in LABELLED_QUERIES:
        locale = Locale.objects.get(language_code=language)
        results = list(site_search(query, locale))
        assert {page.locale_id for page in results} <= {locale.pk}, query
        got = slugs & {page.slug for page in results}
        found += len(got)
        expected += len(slugs)
        if got != slugs:
            misses.append((language, query, sorted(slugs - got)))
    recall = found / expected
    with capsys.disabled():
        print(
            f"\nsearch recall: {recall:.1%} ({found}/{expected}) over {len(LABELLED_QUERIES)} queries"
        )
        for miss in misses:
            print("  missed:", *miss)
    assert recall >= 0.95, misses


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        ("zh-hans", "宝塔山", "baota"),
        ("zh-hans", "壶口瀑布", "hukou"),
        ("en", "Lingshan", "lingshan"),
        ("en", "waterfall", "hukou"),
    ],
)
def test_the_page_about_it_comes_first(site_pages, language, query, slug):
    locale = Locale.objects.get(language_code=language)
    assert site_search(query, locale)[0].slug == slug


def test_words_that_no_page_has_find_nothing(site_pages):
    zh = Locale.objects.get(language_code="zh-hans")
    # Every character of "神南" is on a page, but no page has the pair.
    assert list(site_search("神南", zh)) == []
    assert list(site_search("上海", zh)) == []
