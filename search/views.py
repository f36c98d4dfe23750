import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.filters import paginate

from .results import clean_query, excerpt, page_text, type_groups

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
#: Type-ahead answers are the same for everyone, so they are shared for a while.
SUGGEST_CACHE_SECONDS = 300
#: Per visitor: fast typists send a request every few keystrokes at most.
SUGGEST_RATE = "120/m"


def _pages(locale):
    return Page.objects.live().public().filter(locale=locale)


def site_search(query, locale):
    """What the site search finds for `query`: live public pages in `locale`, best first."""
    return _pages(locale).search(query)


def suggested_pages(query, locale):
    """Pages whose titles start with what has been typed so far, for the type-ahead."""
    return _pages(locale).autocomplete(query)[:SUGGESTIONS]


def _search_url(language_code, query):
    with translation.override(language_code):
        return f"{reverse('search')}?{urlencode({'q': query})}"


def _other_languages(query, active_locale):
    """For each other language with results: its name, the count and a link."""
    hints = []
    for locale in Locale.objects.exclude(pk=active_locale.pk):
        count = site_search(query, locale).count()
        if count:
            info = get_language_info(locale.language_code)
            hints.append(
                {
                    "count": count,
                    "language": info["name_translated"],
                    "language_code": locale.language_code,
                    "url": _search_url(locale.language_code, query),
                }
            )
    return hints


def _promotions(query, locale):
    """Editors' picks for the query: pages in the visitor's language, and external links."""
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    return [
        promotion
        for promotion in promotions
        if promotion.page is None or (promotion.page.live and promotion.page.locale_id == locale.pk)
    ]


@require_safe
def search(request):
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {"search_query": query, "query_truncated": truncated}
    if not query:
        return render(request, "search/search.html", context)

    locale = Locale.get_active()
    pages = _pages(locale)
    groups = type_groups(site_search(query, locale).facet("content_type_id"))
    # Only a group that the results have is a filter; anything else is ignored.
    selected = next((g for g in groups if g["key"] == request.GET.get("type")), None)
    if selected:
        pages = pages.filter(content_type_id__in=selected["content_type_ids"])

    results = paginate(request, pages.specific().search(query) if groups else [], RESULTS_PER_PAGE)
    for page in results:
        page.search_excerpt = excerpt(page_text(page), query)

    first_page = results.number == 1
    if first_page and not selected:
        # Counted once per search, not once per page of results or filter click.
        Query.get(query).add_hit()

    context.update(
        {
            "search_results": results,
            # Other pages keep the words and the type, nothing else from the URL.
            "pagination_query": urlencode(
                {"q": query, **({"type": selected["key"]} if selected else {})}
            ),
            "groups": groups,
            "total": sum(g["count"] for g in groups),
            "selected_group": selected,
            "promotions": _promotions(query, locale) if first_page else [],
            "other_languages": _other_languages(query, locale),
        }
    )
    return render(request, "search/search.html", context)


def _suggestions(request, query):
    language = translation.get_language()
    cache_key = f"search:suggest:{language}:{hashlib.sha256(query.encode()).hexdigest()}"
    suggestions = cache.get(cache_key)
    if suggestions is None:
        pages = suggested_pages(query, Locale.get_active())
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": str(page.specific_class._meta.verbose_name),
            }
            for page in pages
        ]
        cache.set(cache_key, suggestions, SUGGEST_CACHE_SECONDS)
    return suggestions


def _suggest_rate(group, request):
    return SUGGEST_RATE


@require_safe
@ratelimit(key="ip", rate=_suggest_rate, block=False)
def suggest(request):
    """Type-ahead: up to SUGGESTIONS page titles in the visitor's language, as JSON."""
    if getattr(request, "limited", False):
        response = JsonResponse(
            {"suggestions": [], "status": _("请求过于频繁，请稍后再试。")}, status=429
        )
        response["Retry-After"] = "60"
        return response

    query, _truncated = clean_query(request.GET.get("q", ""))
    suggestions = _suggestions(request, query) if query else []
    if suggestions:
        status = ngettext(
            "%(count)d 条建议，可用上下方向键选择。",
            "%(count)d 条建议，可用上下方向键选择。",
            len(suggestions),
        ) % {"count": len(suggestions)}
    else:
        status = _("没有建议。") if query else ""
    response = JsonResponse({"query": query, "suggestions": suggestions, "status": status})
    patch_cache_control(response, public=True, max_age=60)
    response["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    return response
