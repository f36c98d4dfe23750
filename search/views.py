import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.cards import specific_pages
from core.filters import paginate
from core.ratelimit import retry_after, seconds_until_allowed, when_to_retry
from core.routing import active_locale, all_locales, public

from .analysis import query_words, simplified
from .results import clean_query, excerpt, page_text, type_groups

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
#: Type-ahead answers are the same for everyone, so they are shared for a while.
SUGGEST_CACHE_SECONDS = 300


def _pages(locale):
    return public(Page.objects.live()).filter(locale=locale)


class AllWordsFirst:
    """Results for a query of several words: pages with all of them first, then pages with some.

    Two searches, each ranked by relevance: all words (the "and" operator),
    then some words but not all ("or", and not "and"). Sliced like a list,
    so a paginator fetches only the page of results that it shows.
    """

    def __init__(self, pages, query):
        self.any_words = pages.search(query, operator="or")
        self.all_words = pages.search(query, operator="and")
        self.some_words = pages.search(
            PlainText(query, operator="or") & ~PlainText(query, operator="and")
        )

    def facet(self, field_name):
        return self.any_words.facet(field_name)

    @cached_property
    def _count(self):
        return self.any_words.count()

    @cached_property
    def _all_words_count(self):
        return self.all_words.count()

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, self._count if key.stop is None else key.stop
        split = self._all_words_count
        results = list(self.all_words[start : min(stop, split)]) if start < split else []
        if stop > split:
            results += self.some_words[max(start - split, 0) : stop - split]
        return results


def site_search(query, locale, content_type_ids=None):
    """What the site search finds for `query`: live public pages in `locale`, best first.

    A query of several words finds pages with any of them, those with all
    of them first. `content_type_ids` limits the results to those page types.
    """
    pages = _pages(locale)
    if content_type_ids is not None:
        pages = pages.filter(content_type_id__in=content_type_ids)
    if len(query_words(query)) > 1:
        return AllWordsFirst(pages, query)
    return pages.search(query)


def suggested_pages(query, locale):
    """Pages whose titles start with what has been typed so far, for the type-ahead."""
    return _pages(locale).autocomplete(query)[:SUGGESTIONS]


def _search_url(language_code, query):
    with translation.override(language_code):
        return f"{reverse('search')}?{urlencode({'q': query})}"


def _other_languages(query, active_locale):
    """For each other language with results: its name, the count and a link."""
    hints = []
    for locale in all_locales():
        if locale.pk == active_locale.pk:
            continue
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
    # Editors write the query as they would type it; a visitor who types it
    # in traditional characters (楊家嶺) gets the same picks.
    query_strings = {normalise_query_string(query), normalise_query_string(simplified(query))}
    promotions = SearchPromotion.objects.filter(
        query__query_string__in=query_strings
    ).select_related("page")
    return [
        promotion
        for promotion in promotions
        if promotion.page is None or (promotion.page.live and promotion.page.locale_id == locale.pk)
    ]


def record_query(query, found):
    """Count a search for the promotions admin ("popular searches"), if it is worth counting.

    Every distinct query string stays a Query row for good, so a bot or a
    fuzzer would grow the table without bound (and bury what people search
    for). Only queries that found something and are short enough to have
    been typed by a person count; a query seen before always counts, and at
    most SEARCH_NEW_QUERIES_PER_DAY new ones are added a day.
    """
    if not found or len(query) > settings.SEARCH_RECORDED_QUERY_MAX_LENGTH:
        return
    query_string = normalise_query_string(query)
    today = timezone.localdate()
    # Most searches were already counted today: one UPDATE counts them
    # (Query.add_hit reads the query's row and the day's, then writes).
    counted = QueryDailyHits.objects.filter(query__query_string=query_string, date=today)
    if counted.update(hits=F("hits") + 1):
        return
    recorded = Query.objects.filter(query_string=query_string).first()
    if recorded is None:
        new_today = f"search:new-queries:{today.isoformat()}"
        cache.add(new_today, 0, 60 * 60 * 25)
        if cache.incr(new_today) > settings.SEARCH_NEW_QUERIES_PER_DAY:
            return
        recorded = Query.get(query)
    recorded.add_hit(today)


@require_safe
def search(request):
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {"search_query": query, "query_truncated": truncated}
    if not query:
        return render(request, "search/search.html", context)
    # A search runs several queries over every page; the empty form costs nothing.
    if seconds := seconds_until_allowed(request, "search", settings.SEARCH_RATE):
        context["rate_limit_message"] = _("搜索过于频繁。%(retry)s") % {
            "retry": when_to_retry(seconds)
        }
        return retry_after(render(request, "search/search.html", context, status=429), seconds)

    locale = active_locale()
    groups = type_groups(site_search(query, locale).facet("content_type_id"))
    # Only a group that the results have is a filter; anything else is ignored.
    selected = next((g for g in groups if g["key"] == request.GET.get("type")), None)
    results = site_search(query, locale, selected and selected["content_type_ids"])
    # The type facet has counted the results: counting them again would visit
    # every match once more (search/README.md, Benchmark).
    total = sum(g["count"] for g in groups)
    count = selected["count"] if selected else total
    results = paginate(request, results if groups else [], RESULTS_PER_PAGE, count)
    results.object_list = specific_pages(results.object_list)
    for page in results:
        page.search_excerpt = excerpt(page_text(page), query)

    first_page = results.number == 1
    if first_page and not selected:
        # Counted once per search, not once per page of results or filter click.
        record_query(query, found=bool(groups))

    context.update(
        {
            "search_results": results,
            # Other pages keep the words and the type, nothing else from the URL.
            "pagination_query": urlencode(
                {"q": query, **({"type": selected["key"]} if selected else {})}
            ),
            "groups": groups,
            "total": total,
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


@require_safe
def suggest(request):
    """Type-ahead: up to SUGGESTIONS page titles in the visitor's language, as JSON."""
    if seconds := seconds_until_allowed(request, "search.suggest", settings.SUGGEST_RATE):
        response = JsonResponse(
            {"suggestions": [], "status": _("请求过于频繁，请稍后再试。")}, status=429
        )
        return retry_after(response, seconds)

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
