"""Fewer queries for what every public page asks before it renders.

Wagtail finds a page one URL segment at a time (a query for the child and
another for its specific row, per level), looks the Site up on every request,
and asks the database for view restrictions on every page and every listing,
although this site has none unless an editor adds one. Here:

- `RouteMiddleware` finds the Site from a memo and every page on the URL's
  path in one query, then hands over to the deepest page Wagtail would have
  reached (a page with its own `route()`, such as a routable page, still
  answers its sub-paths itself);
- `no_view_restrictions()` remembers that no page is private, so
  `public()` and `PublicPage.get_view_restrictions()` skip the query.

Every memo is keyed on the content generation (`core.cache.remember`): saving
a Site, a page or a view restriction starts a new one, so none is ever stale.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import RouteResult

from .cache import remember


def no_view_restrictions():
    """True when no page of the site is private (then no page needs checking)."""
    return remember("view-restrictions:none", lambda: not PageViewRestriction.objects.exists())


def public(queryset):
    """`queryset.public()`, without its view-restriction query when there are none."""
    return queryset if no_view_restrictions() else queryset.public()


class PublicPage:
    """Mixed into every page type (through EditorialPage): no restriction query when none exist."""

    def get_view_restrictions(self):
        if no_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def active_locale():
    """`Locale.get_active()`, remembered per language."""
    return remember(f"locale:{translation.get_language()}", Locale.get_active)


def all_locales():
    """Every Locale, by language code, remembered."""
    return remember("locales", lambda: list(Locale.objects.order_by("language_code")))


def _site(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    # Site._find_for_request is Wagtail's own rule (exact host, host and port,
    # then the default site); only its answer is remembered.
    return remember(f"site:{hostname}:{port}", lambda: Site._find_for_request(request) or False)


def _root_path(site):
    """The url_path of the site's home page in the active language (Wagtail caches these)."""
    language = translation.get_language()
    for path in Site.get_site_root_paths():
        if path.site_id == site.pk and path.language_code == language:
            return path.root_path
    return None


def _overrides_route(page):
    return page.specific_class is not None and page.specific_class.route is not Page.route


def route(request, path):
    """What `Page.route_for_request` answers, with one query for the pages on the path."""
    site = _site(request)
    if not site:
        return None
    root_path = _root_path(site)
    if root_path is None:
        # No home page in this language: Wagtail falls back to the site's own.
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    url_paths = [
        root_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)
    ]
    pages = {page.url_path: page for page in Page.objects.filter(url_path__in=url_paths)}
    page = pages.get(root_path)
    if page is None or not page.live:
        # Wagtail serves the default language's home page where a translation is a draft.
        return Page.route_for_request(request, path)
    remaining = list(components)
    while remaining and not _overrides_route(page):
        child = pages.get(f"{page.url_path}{remaining.pop(0)}/")
        if child is None:
            raise Http404
        # As Page.route does: the child's parent is known, so get_parent() costs nothing.
        child._cached_parent_obj = page
        page = child
    # The specific row with its locale: every page template asks for the locale.
    model = page.specific_class or Page  # a page whose type's code is gone is served as a Page
    specific = model.objects.select_related("locale").get(pk=page.pk)
    if hasattr(page, "_cached_parent_obj"):
        specific._cached_parent_obj = page._cached_parent_obj
    if not _overrides_route(page):
        if not specific.live:
            raise Http404
        return RouteResult(specific)
    return specific.route(request, remaining)


class RouteMiddleware:
    """Route Wagtail's page requests with `route()` before Wagtail's view runs.

    Wagtail's `serve` view reads the answer it documents as its per-request
    cache (`request._wagtail_route_for_request`), and its Site from
    `request._wagtail_site`; everything after (hooks, serve) is Wagtail's own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Public pages, search and forms live under a language prefix; the
        # admin, the API and the sitemap find their Site (if any) themselves.
        if translation.get_language_from_path(request.path_info) is None:
            return None
        if not hasattr(request, "_wagtail_site"):
            # Wagtail's documented per-request cache: search and settings read it too.
            request._wagtail_site = _site(request) or None
        if request.resolver_match.url_name != "wagtail_serve":
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        return None
