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

Apps that cache anything else derived from content (the API, say) read
`generation()` into their keys, or listen to `public_content_changed`.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
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


def content_changed(pages=()):
    """Say that public content changed: every cached page is stale from now on.

    `pages` are the pages whose URLs the CDN in front should drop (Wagtail's
    frontend cache already purges a page when it is published or unpublished).

    The generation changes twice: now, so that this very process never serves
    what it has just changed, and again when the transaction commits, so that
    a page another worker rendered from the old rows in between, and stored
    under the first new token, is dropped too.
    """
    _new_generation()
    pages = list(pages)

    def committed():
        _new_generation()
        if pages and getattr(settings, "WAGTAILFRONTENDCACHE", None):
            from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

            purge_pages_from_cache(pages)
        public_content_changed.send(sender=None)

    transaction.on_commit(committed)


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
def _row_saved(sender, raw=False, **kwargs):
    # Page rows are saved for every draft too: a page counts when it is
    # published, unpublished, moved or deleted, never on a mere save.
    if not raw and not issubclass(sender, Page) and _shows_on_public_pages(sender):
        content_changed()


@receiver(post_delete)
def _row_deleted(sender, **kwargs):
    if issubclass(sender, Page) or _shows_on_public_pages(sender):
        content_changed()


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


def _is_public_page_request(request):
    """An anonymous visitor's GET/HEAD of a language-prefixed URL (pages, search).

    Admin, previews, documents and the sitemap have no language prefix. A
    visitor with a flash message waiting, or who has entered a private page's
    password, sees something of their own.
    """
    if request.method not in ("GET", "HEAD"):
        return False
    if translation.get_language_from_path(request.path_info) is None:
        return False
    if request.user.is_authenticated:
        return False
    if PageViewRestriction.passed_view_restrictions_session_key in request.session:
        return False
    messages = getattr(request, "_messages", None)
    return not messages


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


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the shared cache; mark what a CDN may keep.

    Sits below the session, authentication and messages middleware (it needs
    to know who is asking) and above the clickjacking one (the stored response
    already carries X-Frame-Options).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = _cache_seconds()
        if not seconds or not _is_public_page_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            return response

        key = _key(request)
        current = cache.get_many([GENERATION_KEY, key])
        stored = current.get(key)
        if stored and stored["generation"] == current.get(GENERATION_KEY):
            return self._replay(stored)

        made_in = current.get(GENERATION_KEY) or _new_generation()
        response = self.get_response(request)
        if self._can_store(request, response):
            self._mark_public(response)
            if request.method == "GET":
                cache.set(key, self._record(response, made_in), seconds)
        elif _is_personal(request, response) or not response.has_header("Cache-Control"):
            # Personal pages, error pages: neither a CDN nor the browser keeps them.
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _can_store(self, request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not _declines_caching(response)
            and not _is_personal(request, response)
        )

    def _mark_public(self, response):
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=getattr(settings, "PAGE_CACHE_CDN_SECONDS", 60),
        )

    def _record(self, response, made_in):
        return {
            "generation": made_in,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
        }

    def _replay(self, stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return response
