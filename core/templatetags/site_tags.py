import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.cache import remember
from core.localize import enumeration as join_items
from core.origin import absolute_url

register = template.Library()

# json.dumps leaves these as they are; inside <script> they could end it early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(name="absolute_url")
def absolute_url_filter(url):
    """A path on the public origin (core.origin): canonical, og:url, og:image."""
    return absolute_url(url)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org data as a <script type="application/ld+json">."""
    if not hasattr(page, "get_json_ld"):
        return ""
    data = json.dumps(page.get_json_ld(context["request"]), ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(_JSON_SCRIPT_ESCAPES)),
    )


def _site_home(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _live_urls(page, request):
    """{language code: URL} of the live translations of `page`, the page included."""
    return {
        translation.locale.language_code: translation.get_url(request)
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _site_chrome(request):
    """What every page of a site repeats, per language: home URLs and the main menu.

    Kept once per content generation (core.cache.remember), so a page costs
    no query for its header.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"homes": {}, "menus": {}}

    def make():
        home = site.root_page
        homes = _live_urls(home, request)
        menus = {}
        for translation in home.get_translations(inclusive=True).live().select_related("locale"):
            menus[translation.locale.language_code] = [
                (menu_page.title, menu_page.get_url(request), menu_page.path)
                for menu_page in translation.get_children().live().public().in_menu()
            ]
        return {"homes": homes, "menus": menus}

    return remember(f"chrome:{site.pk}", make)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """One entry per site language, for the switcher and the hreflang links.

    Each entry has `code`, `name`, `url`, `current` and `live`: `live` is
    true when this very page exists in that language. Where it does not, the
    link leads to that language's home page, never to a 404.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        site = Site.find_for_request(request)
        translations = remember(
            f"languages:{site.pk if site else ''}:{page.pk}", lambda: _live_urls(page, request)
        )
    homes = _site_chrome(request)["homes"]

    entries = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, live = translations[code], True
        elif not isinstance(page, Page) and _is_routed_view(request):
            url, live = translate_url(request.get_full_path(), code), True
        elif code in homes:
            url, live = homes[code], False
        else:
            url, live = f"/{code}/", False
        entries.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": absolute_url(url),
                "current": code == current,
                "live": live,
            }
        )
    return entries


def _is_routed_view(request):
    """True for Django views (search, booking forms), false for Wagtail pages and 404s."""
    match = getattr(request, "resolver_match", None)
    return bool(match) and match.url_name != "wagtail_serve"


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page in the active language (or the default one)."""
    home = _site_home(context["request"])
    return home.localized if home else None


@register.simple_tag(takes_context=True)
def site_home_url(context):
    """The URL of the home page in the active language (or the default one)."""
    homes = _site_chrome(context["request"])["homes"]
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE) or "/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Header navigation in the active language: (title, url, is_current) triples.

    A menu entry is current on its own page and on every page below it.
    """
    menus = _site_chrome(context["request"])["menus"]
    entries = menus.get(get_language()) or menus.get(settings.LANGUAGE_CODE) or []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [(title, url, current_path.startswith(path)) for title, url, path in entries]


@register.filter
def html_lang(language_code):
    """BCP 47 tag for the lang attribute: zh-hans → zh-Hans."""
    if language_code and "-" in language_code:
        base, _sep, script = language_code.partition("-")
        return f"{base}-{script.title()}" if len(script) == 4 else language_code
    return language_code


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers to link, ellipses standing in for long runs (Paginator.ELLIPSIS)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.filter
def block_values(stream):
    """The values of a StreamField's blocks, for includes that take plain values."""
    return [block.value for block in stream]


@register.filter(needs_autoescape=True)
def enumeration(items, autoescape=True):
    """`{{ labels|enumeration }}`: the items as one list in the active language (see
    `core.localize.enumeration`); safe strings (links built in the template) stay HTML.
    """
    escape = conditional_escape if autoescape else str
    return mark_safe(join_items(escape(item) for item in items))
