"""PostgreSQL ranks a bounded number of matches (search.backends.postgres.RANKED_MATCHES)."""

import pytest
from wagtail.models import Page

from home.models import HomePage
from search.backends import postgres
from tests.utils import requires_postgres

pytestmark = [pytest.mark.django_db, requires_postgres]


@pytest.fixture
def topic_pages(home_page):
    """Seven pages on 测绘专题: two name it in their title, five only in their text."""
    pages = {}
    for slug, title, body in [
        ("title-a", "测绘专题", "测绘"),
        ("title-b", "测绘专题与地图", "地图"),
        *((f"text-{i}", f"延安第{i}站", "本站介绍测绘专题。") for i in range(5)),
    ]:
        page = HomePage(title=title, slug=slug, hero_heading=title, body=f"<p>{body}</p>")
        home_page.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page.pk
    return pages


def found(start, stop):
    return [page.pk for page in Page.objects.live().search("测绘专题")[start:stop]]


def test_pages_beyond_the_ranked_ones_come_each_once(topic_pages, monkeypatch):
    everything = found(0, 20)
    monkeypatch.setattr(postgres, "RANKED_MATCHES", 3)
    paged = found(0, 2) + found(2, 4) + found(4, 6) + found(6, 20)
    assert sorted(paged) == sorted(everything) == sorted(topic_pages.values())
    # The pages that name the topic in their title lead, bounded or not.
    assert set(paged[:2]) == set(everything[:2]) == {topic_pages["title-a"], topic_pages["title-b"]}
