"""The full-page cache of public pages, and the one signal that content changed.

Anonymous GET/HEAD requests of pages under a language prefix are answered
from the Django cache (Redis when REDIS_URL is set, so every worker shares
it) and carry `Cache-Control: public, s-maxage=…` for a CDN in front.

Invalidation is by generation, not by page: a site-wide generation token is
stored in the cache, every cached page records the generation it was made
in, and any change to public content (`content_changed`) replaces the token,
so every page made before is stale at once. Working out which pages show a
given snippet, image, setting or seat count would be a dependency graph to
keep right by hand in every app (a partner appears on routes, offerings, red
sites and the home page; seats on bases, listings and search results); one
token is always correct, costs one cache round trip per request, and a holiday
rush is read-heavy, so the cache refills in one visit per page after an edit.

A CDN in front holds pages by URL, so it is told which to drop: a page
published, unpublished or moved (Wagtail's frontend cache), a base or
programme whose seats changed, and, after a snippet, setting or image edit
(the same dependency graph again), every live page (`purge_every_page`).

Views outside the language prefixes whose GET answers are public (the
partner API's reads) take the same cache with the `cache_public` decorator.
Every stored answer carries an ETag made of the generation and the key, so a
client sending it back gets 304 without anything being rendered. Other code
that caches content derived from it reads `generation()` into its keys,
memoises with `remember`, or listens to `public_content_changed`.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "pagecache:generation"
KEY_PREFIX = "pagecache:page:"

# Sent (after the transaction commits) whenever public content changed.
public_content_changed = Signal()


def generation():
    """The current content generation: a token that changes whenever public content does."""
    return cache.get(GENERATION_KEY) or _new_generation()


def _new_generation():
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, None)
    return token


def content_changed(pages=(), *, everywhere=False):
    """Say that public content changed: every cached page is stale from now on.

    For a CDN in front, which holds pages by URL: `pages` are the pages whose
    copies it should drop (Wagtail's frontend cache already purges a page when
    it is published or unpublished); `everywhere` says that the change shows on
    pages nobody can list cheaply (a snippet, a setting, an image), so every
    live page is purged.

    The generation changes twice: now, so that this very process never serves
    what it has just changed, and again when the transaction commits, so that
    a page another worker rendered from the old rows in between, and stored
    under the first new token, is dropped too.
    """
    _new_generation()
    pages = list(pages)

    def committed():
        _new_generation()
        if pages and _purges_cdn():
            from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

            purge_pages_from_cache(pages)
        public_content_changed.send(sender=None)

    transaction.on_commit(committed)
    if everywhere and _purges_cdn():
        _on_commit_once(purge_every_page)


def _purges_cdn():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _on_commit_once(func):
    """`transaction.on_commit(func)`, unless the transaction already runs it.

    Saving one snippet in the admin saves several rows (the snippet, its
    translations, an image's file details); one purge of the site is enough.
    Outside a transaction it runs at once, as on_commit does.
    """
    connection = transaction.get_connection()
    if not any(queued is func for _savepoints, queued, _robust in connection.run_on_commit):
        transaction.on_commit(func)


def purge_every_page():
    """Ask the CDN to drop every live page, one batch per language.

    None of Wagtail's frontend cache backends can purge a whole site, so each
    page's URL is sent (the HTTP backend sends a PURGE each, Cloudflare 30 a
    call, CloudFront one invalidation per batch). Pages are read without their
    specific rows: one query per language.
    """
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    for locale in Locale.objects.all():
        batch = PurgeBatch()
        batch.add_pages(Page.objects.live().filter(locale=locale).specific(defer=True))
        batch.purge()


def remember(name, make):
    """`make()`, computed once per content generation and shared by every worker.

    For what every page repeats (menus, language links, site settings): the
    next content change makes a new generation, so nothing here is ever stale.
    """
    # Hashed: a name may list hundreds of ids, and memcached refuses keys over 250 bytes.
    key = f"pagecache:memo:{generation()}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 0) or 600)
    return value


class CachedSetting:
    """Mix into a BaseSiteSetting: visitors' pages read it from the cache, not the database."""

    @classmethod
    def for_request(cls, request):
        attr = cls.get_cache_attr_name()
        if not hasattr(request, attr):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            instance = remember(f"setting:{cls._meta.label}:{site.pk}", lambda: cls.for_site(site))
            # As Wagtail's own for_request does: page links in settings use the request.
            instance._request = request
            setattr(request, attr, instance)
        return getattr(request, attr)


def _shows_on_public_pages(model):
    """Models whose rows public pages show, or whose rows decide who sees a page."""
    shared = (
        AbstractImage,
        AbstractDocument,
        BaseSiteSetting,
        BaseGenericSetting,
        BaseViewRestriction,
        Site,
        Locale,
    )
    return issubclass(model, shared) or model in get_snippet_models()


@receiver(post_save)
def _row_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if issubclass(sender, Page):
        # A live page's row changes when it is created live, published, or
        # given a draft (the row records it has one). Draft saves empty the
        # cache needlessly, but cheaply: one re-render per page visited, and
        # no way of changing a live page's row (a script, a bulk import, a
        # translation alias) is missed.
        if instance.live:
            content_changed()
    elif _shows_on_public_pages(sender):
        content_changed(everywhere=True)


@receiver(post_delete)
def _row_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        content_changed()
    elif _shows_on_public_pages(sender):
        content_changed(everywhere=True)


@receiver(page_published)
@receiver(page_unpublished)
def _page_published_or_unpublished(sender, instance, **kwargs):
    content_changed()


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    # Its old URL (instance_before) and its new one, if a CDN holds either.
    content_changed(pages=[kwargs.get("instance_before", instance), instance])


def _cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _is_page_request(request):
    """A GET/HEAD of a language-prefixed URL (pages, search).

    Admin, previews, documents and the sitemap have no language prefix.
    """
    return (
        request.method in ("GET", "HEAD")
        and translation.get_language_from_path(request.path_info) is not None
    )


def _is_anonymous_and_stateless(request):
    """A visitor with nothing of their own to see.

    Not a signed-in user; not a visitor who has entered a private page's
    password, nor one with a flash message waiting.
    """
    if request.user.is_authenticated:
        return False
    if PageViewRestriction.passed_view_restrictions_session_key in request.session:
        return False
    return not getattr(request, "_messages", None)


def _key(request):
    # The local date too: pages show what is on from today (sessions, flights).
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        timezone.localdate().isoformat(),
    ]
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _is_personal(request, response):
    """The response holds something of this visitor: a CSRF token, a cookie, a session change."""
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or response.cookies
        or getattr(request, "session", None) is not None
        and request.session.modified
    )


def _declines_caching(response):
    directives = response.get("Cache-Control", "").lower()
    return any(word in directives for word in ("private", "no-store", "no-cache"))


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _etag(made_in, key):
    """The tag of what `key` answers in generation `made_in`: known before anything is rendered."""
    return 'W/"' + hashlib.sha256(f"{made_in}\n{key}".encode()).hexdigest()[:32] + '"'


def _can_store(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not _declines_caching(response)
        and not _is_personal(request, response)
    )


def _mark_public(response, etag):
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=getattr(settings, "PAGE_CACHE_CDN_SECONDS", 60),
    )
    response["ETag"] = etag


def _record(response, made_in):
    return {
        "generation": made_in,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }


def _replay(stored):
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    return response


def serve(request, get_response):
    """Answer an anonymous GET/HEAD from the cache, or render it and store it.

    A client that sends the current ETag back in If-None-Match gets 304:
    the tag is the generation and the key, so a stored copy proves it
    current without rendering anything or asking the database.
    Anything else (signed-in users, POSTs, personal answers) is marked
    private and never stored.
    """
    if request.method not in ("GET", "HEAD"):
        return _private(get_response(request))
    seconds = _cache_seconds()
    if not seconds:
        return get_response(request)
    if not _is_anonymous_and_stateless(request):
        return _private(get_response(request))

    key = _key(request)
    current = cache.get_many([GENERATION_KEY, key])
    stored = current.get(key)
    made_in = current.get(GENERATION_KEY) or _new_generation()
    etag = _etag(made_in, key)
    if stored and stored["generation"] == made_in:
        return get_conditional_response(request, etag=etag, response=_replay(stored))

    response = get_response(request)
    if _can_store(request, response):
        _mark_public(response, etag)
        if request.method == "GET":
            cache.set(key, _record(response, made_in), seconds)
        return get_conditional_response(request, etag=etag, response=response)
    if _is_personal(request, response) or not response.has_header("Cache-Control"):
        # Personal pages, error pages: neither a CDN nor the browser keeps them.
        _private(response)
    return response


def cache_public(view):
    """The page cache for a view outside the language-prefixed pages (the partner API).

    Its GET/HEAD answers are stored, tagged and invalidated exactly as pages
    are; any other method (a booking, an enquiry) answers one requester and
    is never stored, by this site, a CDN or the browser.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return serve(request, lambda request: view(request, *args, **kwargs))

    return wrapper


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the shared cache; mark what a CDN may keep.

    Sits below the session, authentication and messages middleware (it needs
    to know who is asking) and above the clickjacking one (the stored response
    already carries X-Frame-Options).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_page_request(request):
            return self.get_response(request)
        return serve(request, self.get_response)
