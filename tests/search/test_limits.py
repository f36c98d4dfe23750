"""Search and type-ahead are rate-limited per address, and only sane queries are recorded."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query

pytestmark = pytest.mark.django_db


def search(client, q, language="zh-hans"):
    with translation.override(language):
        return client.get(reverse("search"), {"q": q})


@override_settings(SEARCH_RATE="2/m")
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh-hans", r"搜索过于频繁。请在北京时间 \d\d:\d\d 之后再试"),
        ("en", r"Too many searches\. Please try again after \d\d:\d\d Beijing time"),
    ],
)
def test_searches_are_rate_limited_per_address_with_a_message(site_pages, language, message):
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert [search(client, "南泥湾", language).status_code for _i in range(2)] == [200, 200]
    limited = search(client, "南泥湾 延安", language)
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    html = limited.content.decode()
    assert re.search(message, html)
    # What was typed stays in the search box.
    assert 'value="南泥湾 延安"' in html
    # The empty search form costs nothing and is never refused.
    with translation.override(language):
        assert client.get(reverse("search")).status_code == 200
    assert search(Client(REMOTE_ADDR="198.51.100.1"), "南泥湾", language).status_code == 200


def test_only_queries_that_found_something_and_are_short_are_recorded(client, site_pages):
    search(client, "南泥湾")
    search(client, "qzxv燚燚燚")  # finds nothing
    search(client, "南泥湾" * 11)  # longer than SEARCH_RECORDED_QUERY_MAX_LENGTH
    assert list(Query.objects.values_list("query_string", flat=True)) == ["南泥湾"]


@override_settings(SEARCH_NEW_QUERIES_PER_DAY=2)
def test_new_queries_a_day_are_capped_but_known_ones_still_count(client, site_pages):
    for query in ["南泥湾", "延安", "宝塔山", "枣园"]:
        assert search(client, query).context["total"]
    assert set(Query.objects.values_list("query_string", flat=True)) == {"南泥湾", "延安"}
    search(client, "延安")
    assert Query.get("延安").hits == 2
