"""The full-page cache: anonymous visitors get stored pages, and every change shows at once.

Each test turns the cache on (test settings keep it off for the rest of the
suite). "Served from the cache" is shown the way a visitor would notice it:
a row changed behind the cache's back (an `update()`, which sends no signal)
does not show, while the same change made the way editors and schools make it
(publish, snippet save, booking) shows on the very next visit.
"""

import copy
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from education.models import StudyBasePage
from home.models import SiteSettings
from tests.builders import (
    book_url,
    booking_data,
    make_study_base,
    make_study_base_index,
    make_study_session,
    make_tourism,
)
from tourism.models import Flight, Partner, RoutePage, Spirit

pytestmark = pytest.mark.django_db

# A snippet of each kind, the field an editor changes and its new value.
SNIPPET_EDITS = [
    (Spirit, "yanan_spirit", "name", "延安精神（修订）"),
    (Partner, "lingshan", "name", "灵山文旅集团"),
    (Flight, "flight", "flight_number", "DR6553"),
]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CDN_SECONDS = 120


@pytest.fixture(scope="module")
def _site(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        content = make_tourism(module_demo, module_home)
        index = make_study_base_index(module_demo, module_home)
        base = make_study_base(module_demo, index)
        session = make_study_session(base, capacity=40)
        image = module_demo.image("cache-hero", {"zh": "宝塔山远景", "en": "Baota Hill"})
        route = content["twin_route"]
        route.hero_image = image
        route.save_revision(user=module_demo.user).publish(user=module_demo.user)
        return SimpleNamespace(
            demo=module_demo, home=module_home, base=base, session=session, image=image, **content
        )


@pytest.fixture
def site(_site):
    return copy.deepcopy(_site)


def visit(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def test_second_visit_comes_from_the_cache_without_a_query(client, site):
    url = site.twin_route.url
    first, _html = visit(client, url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again, _html = visit(client, url)
    assert again.status_code == 200
    assert again.content == first.content
    assert len(queries) == 0


def test_a_visitor_holding_the_current_copy_gets_304_without_a_query(client, site):
    url = site.twin_route.url
    first, _html = visit(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content, len(queries)) == (304, b"", 0)
    site.twin_route.title = "双城五日游（新版）"
    site.twin_route.save_revision(user=site.demo.user).publish(user=site.demo.user)
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_change_no_signal_reports_does_not_show_until_the_cache_is_emptied(client, site):
    url = site.twin_route.url
    visit(client, url)
    RoutePage.objects.filter(pk=site.twin_route.pk).update(title="悄悄改过的标题")
    assert "悄悄改过的标题" not in visit(client, url)[1]


def test_head_is_answered_from_the_page_a_get_stored(client, site):
    url = site.twin_route.url
    visit(client, url)
    RoutePage.objects.filter(pk=site.twin_route.pk).update(title="悄悄改过的标题")
    with CaptureQueriesContext(connection) as queries:
        response = client.head(url)
    assert response.status_code == 200
    assert len(queries) == 0


def test_cacheable_pages_tell_a_cdn_it_may_keep_them(client, site):
    response, _html = visit(client, site.twin_route.url)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "s-maxage=120", "max-age=0"} <= directives


def test_languages_and_queries_are_cached_apart(client, site):
    zh = site.route_index.url
    english_index = site.route_index.get_translations().get()
    assert "红色线路" in visit(client, zh)[1]
    assert "红色线路" not in visit(client, english_index.url)[1]
    filtered = visit(client, zh + "?region=wuxi")[1]
    unfiltered = visit(client, zh)[1]
    assert filtered != unfiltered


def test_hosts_are_cached_apart(client, site, settings):
    # Absolute links all come from PUBLIC_ORIGIN, so the two copies read the
    # same; what matters is that another host (another Wagtail Site, with
    # other pages at the same path) is rendered, not given this host's copy.
    settings.ALLOWED_HOSTS = ["testserver", "red.example.cn"]
    visit(client, site.twin_route.url)
    with CaptureQueriesContext(connection) as queries:
        visit(client, site.twin_route.url, HTTP_HOST="red.example.cn")
    assert len(queries) > 0
    with CaptureQueriesContext(connection) as queries:
        visit(client, site.twin_route.url, HTTP_HOST="red.example.cn")
    assert len(queries) == 0


def test_logged_in_editors_always_get_a_fresh_private_page(client, site, admin_user):
    url = site.twin_route.url
    visit(client, url)
    client.force_login(admin_user)
    RoutePage.objects.filter(pk=site.twin_route.pk).update(title="编辑看到的新标题")
    response, html = visit(client, url)
    assert "编辑看到的新标题" in html
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_booking_form_carries_a_csrf_token_and_is_never_cached(client, site):
    url = book_url(site.base, site.session)
    response, html = visit(client, url)
    assert "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # A second visitor gets a token of their own, not the first one's page.
    assert type(client)().get(url).cookies.get("csrftoken")


def test_the_school_signed_page_is_personal(client, site):
    response = client.post(book_url(site.base, site.session), booking_data(), follow=True)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_error_pages_are_not_cached(client, site):
    missing = site.route_index.url + "not-yet/"
    response, _html = visit(client, missing)
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    Page.objects.filter(pk=site.day_route.pk).update(url_path=site.day_route.url_path[:-1])
    site.day_route.refresh_from_db()
    site.day_route.slug = "not-yet"
    site.day_route.save_revision(user=site.demo.user).publish(user=site.demo.user)
    assert visit(client, missing)[0].status_code == 200


def test_publishing_shows_at_once(client, site):
    url = site.twin_route.url
    visit(client, url)
    site.twin_route.title = "双城五日游（新版）"
    site.twin_route.save_revision(user=site.demo.user).publish(user=site.demo.user)
    assert "双城五日游（新版）" in visit(client, url)[1]
    # ... and on the listing that shows it as a card.
    assert "双城五日游（新版）" in visit(client, site.route_index.url)[1]


def test_saving_a_draft_keeps_the_cached_live_page(client, site):
    url = site.twin_route.url
    visit(client, url)
    site.twin_route.title = "草稿标题"
    site.twin_route.save_revision(user=site.demo.user)
    assert "草稿标题" not in visit(client, url)[1]


def test_unpublishing_and_deleting_remove_the_page(client, site):
    day, twin = site.day_route.url, site.twin_route.url
    assert visit(client, day)[0].status_code == 200
    assert visit(client, twin)[0].status_code == 200
    site.day_route.unpublish(user=site.demo.user)
    assert visit(client, day)[0].status_code == 404
    Page.objects.get(pk=site.twin_route.pk).delete()
    assert visit(client, twin)[0].status_code == 404


def test_moving_a_page_moves_it_for_visitors(client, site):
    old = site.baota.url
    assert visit(client, old)[0].status_code == 200
    Page.objects.get(pk=site.baota.pk).move(site.route_index, pos="last-child")
    moved = Page.objects.get(pk=site.baota.pk)
    # Wagtail leaves a redirect at the old address.
    response = visit(client, old)[0]
    assert (response.status_code, response["Location"]) == (301, moved.url)
    assert visit(client, moved.url)[0].status_code == 200


def test_making_a_page_private_hides_its_cached_copy(client, site):
    url = site.twin_route.url
    visit(client, url)
    PageViewRestriction.objects.create(
        page=site.twin_route, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response, html = visit(client, url)
    assert 'name="password"' in html
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize(("model", "attribute", "field", "new"), SNIPPET_EDITS)
def test_editing_a_snippet_shows_on_the_pages_that_name_it(
    client, site, model, attribute, field, new
):
    url = site.twin_route.url
    assert new not in visit(client, url)[1]
    snippet = model.objects.get(pk=getattr(site, attribute).pk)
    setattr(snippet, field, new)
    snippet.save()
    assert new in visit(client, url)[1]


def test_editing_site_settings_shows_on_every_page(client, site):
    url = site.twin_route.url
    visit(client, url)
    settings_row = SiteSettings.for_site(site.home.get_site())
    settings_row.organisation_name = "延安—无锡红色旅游联盟"
    settings_row.save()
    assert "延安—无锡红色旅游联盟" in visit(client, url)[1]


def test_editing_an_image_shows_its_new_alt_text(client, site):
    url = site.twin_route.url
    assert "宝塔山远景" in visit(client, url)[1]
    image = get_image_model().objects.get(pk=site.image.pk)
    image.description = "宝塔山夜景"
    image.save()
    assert "宝塔山夜景" in visit(client, url)[1]


def test_a_booking_updates_the_seats_left_on_the_base_page(client, site):
    base = StudyBasePage.objects.get(pk=site.base.pk)
    assert "40 个" in visit(client, base.url)[1]
    response = client.post(book_url(base, site.session), booking_data(pupils="16", adults="2"))
    assert response.status_code == 302
    assert "24 个" in visit(client, base.url)[1]


def test_a_waiting_flash_message_is_not_swallowed_by_the_cache(client, site):
    url = site.twin_route.url
    visit(client, url)
    response = client.post(book_url(site.base, site.session), booking_data())
    assert response.status_code == 302
    # The school's next page is its signed page with the message; the message
    # is never stored in a page others get.
    page = client.get(response["Location"])
    assert "预约申请已提交" in page.content.decode()
    assert "预约申请已提交" not in type(client)().get(url).content.decode()


@pytest.fixture
def purge_proxy(settings):
    """A caching proxy on loopback that records the PURGE requests it gets."""
    purged = []

    class Proxy(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append(f"{self.headers['Host']}{self.path}")
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("field", "value"), [("title", "双城五日游（再版）"), ("slug", "双城五日游")]
)
def test_publishing_purges_the_page_from_the_cdn(
    site, purge_proxy, django_capture_on_commit_callbacks, field, value
):
    """A Chinese address is purged percent-encoded, as browsers ask for it and proxies keep it."""
    with django_capture_on_commit_callbacks(execute=True):
        setattr(site.twin_route, field, value)
        site.twin_route.save_revision(user=site.demo.user).publish(user=site.demo.user)
    path = site.route_index.url + quote(site.twin_route.slug) + "/"
    assert f"localhost{path}" in purge_proxy


def test_a_booking_purges_its_base_page_from_the_cdn(
    client, site, purge_proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(book_url(site.base, site.session), booking_data())
    assert f"localhost{site.base.url}" in purge_proxy


def live_page_urls():
    return {
        f"localhost{page.url}" for page in Page.objects.live().exclude(depth=1).specific(defer=True)
    }


@pytest.mark.parametrize(("model", "attribute", "field", "new"), SNIPPET_EDITS)
def test_editing_a_snippet_purges_every_page_from_the_cdn_once(
    site, purge_proxy, django_capture_on_commit_callbacks, model, attribute, field, new
):
    """A snippet shows on pages no list names (cards, listings, the home page): all go.

    Saved twice in one transaction, as an editor's save may write a row more
    than once: each page is still purged once.
    """
    snippet = model.objects.get(pk=getattr(site, attribute).pk)
    with django_capture_on_commit_callbacks(execute=True):
        setattr(snippet, field, new)
        snippet.save()
        snippet.save()
    english_route = site.twin_route.get_translations().get()
    assert {f"localhost{site.twin_route.url}", f"localhost{english_route.url}"} <= set(purge_proxy)
    assert set(purge_proxy) == live_page_urls()
    assert len(purge_proxy) == len(set(purge_proxy))


def edit_settings(site):
    settings_row = SiteSettings.for_site(site.home.get_site())
    settings_row.organisation_name = "延安—无锡红色旅游联盟"
    settings_row.save()


def edit_image(site):
    image = get_image_model().objects.get(pk=site.image.pk)
    image.description = "宝塔山夜景"
    image.save()


@pytest.mark.parametrize("edit", [edit_settings, edit_image])
def test_editing_settings_or_an_image_purges_every_page_from_the_cdn(
    site, purge_proxy, django_capture_on_commit_callbacks, edit
):
    with django_capture_on_commit_callbacks(execute=True):
        edit(site)
    assert set(purge_proxy) == live_page_urls()


# What every page repeats (header menu, language links, site settings) is read
# once per content generation, even with the page cache off.


def queries_of(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_menu_language_links_and_settings_are_read_once_per_generation(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    sql = queries_of(client, site.twin_route.url)
    assert not [query for query in sql if "home_sitesettings" in query]
    for n in range(6):
        site.home.add_child(instance=Page(title=f"菜单{n}", slug=f"menu-{n}", show_in_menus=True))
    assert "菜单5" in client.get(site.twin_route.url).content.decode()
    assert len(queries_of(client, site.twin_route.url)) == len(sql)


def test_a_renamed_menu_page_shows_in_every_header_at_once(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "红色线路" in client.get(site.baota.url).content.decode()
    site.route_index.title = "精品线路"
    site.route_index.save_revision(user=site.demo.user).publish(user=site.demo.user)
    assert "精品线路" in client.get(site.baota.url).content.decode()
