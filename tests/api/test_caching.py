"""The partner API's reads share the pages' cache: stored, tagged, and emptied by the same events.

Each test turns the cache on (test settings keep it off elsewhere). "Served
from the cache" is shown as a partner would notice it: no database query, a
304 for the tag it holds; and each kind of change that empties the pages'
cache (a publication, a snippet edit, a booking) shows in the very next answer.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from tests.api.test_requests import book
from tests.builders import make_study_session
from tests.utils import english_of
from tourism.models import RoutePage, Spirit

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CDN_SECONDS = 120


def get(client, path, **extra):
    response = client.get(f"{API}{path}", **extra)
    assert response.status_code in (200, 304), response.content
    return response


def test_a_second_read_is_served_without_a_database_query(client, tourism):
    route = tourism["twin_route"]
    first = get(client, f"/routes/{route.pk}/?locale=en")
    # Nothing is left to ask the database: the answer is replayed from the
    # cache, the API's paths are not routed as pages, and a client without
    # a session cookie has no session to load.
    with CaptureQueriesContext(connection) as queries:
        again = get(client, f"/routes/{route.pk}/?locale=en")
    assert len(queries) == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    # A row changed behind the cache's back (no signal) does not show.
    RoutePage.objects.filter(pk=english_of(route).pk).update(title="Quietly renamed")
    assert "Quietly renamed" not in get(client, f"/routes/{route.pk}/?locale=en").json()["title"]


def test_the_tag_held_gets_304_without_rendering(client, tourism):
    route = tourism["day_route"]
    first = get(client, f"/routes/{route.pk}/")
    published = RoutePage.objects.get(pk=route.pk).last_published_at
    assert first["Last-Modified"] == http_date(published.timestamp())
    with CaptureQueriesContext(connection) as queries:
        again = get(client, f"/routes/{route.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content, len(queries)) == (304, b"", 0)
    assert again["ETag"] == first["ETag"]
    assert "Accept-Language" in again["Vary"]
    # Another language is another answer, with another tag.
    english = get(client, "/routes/", HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200 and english["ETag"] != first["ETag"]


def test_reads_tell_a_cdn_it_may_keep_them_and_requests_that_nobody_may(client, tours):
    session = make_study_session(tours.base, capacity=40)
    read = get(client, f"/study-bases/{tours.base.pk}/sessions/")
    directives = {d.strip() for d in read["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=120"} <= directives
    booking = book(client, tours.base, session)
    assert booking.status_code == 201
    assert "no-store" in booking["Cache-Control"] and "ETag" not in booking
    missing = client.get(f"{API}/routes/999999/")
    assert missing.status_code == 404 and "no-store" in missing["Cache-Control"]


def test_publishing_a_page_shows_in_the_next_answer(client, tourism):
    route = tourism["twin_route"]
    listing = get(client, "/routes/?locale=zh-hans")
    detail = get(client, f"/routes/{route.pk}/")
    route.title = "双城五日游（新版）"
    route.save_revision().publish()
    fresh = get(client, "/routes/?locale=zh-hans", HTTP_IF_NONE_MATCH=listing["ETag"])
    assert fresh.status_code == 200
    assert "双城五日游（新版）" in [item["title"] for item in fresh.json()["items"]]
    assert get(client, f"/routes/{route.pk}/").json()["title"] == "双城五日游（新版）"
    assert get(client, f"/routes/{route.pk}/")["ETag"] != detail["ETag"]


def test_editing_a_snippet_shows_in_the_next_answer(client, tourism):
    route = tourism["twin_route"]
    spirits = get(client, "/spirits/?locale=zh-hans")
    get(client, f"/routes/{route.pk}/")
    spirit = Spirit.objects.get(pk=tourism["yanan_spirit"].pk)
    spirit.name = "延安精神（修订）"
    spirit.save()
    fresh = get(client, "/spirits/?locale=zh-hans", HTTP_IF_NONE_MATCH=spirits["ETag"])
    assert fresh.status_code == 200
    assert "延安精神（修订）" in [s["name"] for s in fresh.json()]
    names = [s["name"] for s in get(client, f"/routes/{route.pk}/").json()["spirits"]]
    assert "延安精神（修订）" in names


def test_a_booking_shows_in_the_seats_left_of_the_next_answer(client, tours):
    session = make_study_session(tours.base, capacity=40)
    url = f"/study-bases/{tours.base.pk}/sessions/"
    before = get(client, url)
    assert before.json()[0]["seats_left"] == 40
    english = get(client, f"/study-bases/{tours.english_base.pk}/").json()
    assert english["sessions"][0]["seats_left"] == 40
    response = book(client, tours.base, session)
    assert response.status_code == 201
    after = get(client, url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after.json()[0]["seats_left"] == 24
    detail = get(client, f"/study-bases/{tours.english_base.pk}/").json()
    assert detail["sessions"][0]["seats_left"] == 24
