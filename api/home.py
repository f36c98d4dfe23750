"""The site's introduction: what a mini-program's first screen shows, as the home page does."""

from django.http import Http404
from django.utils.translation import gettext
from ninja import Query, Router
from wagtail.rich_text import expand_db_html

from home.models import HomePage

from . import schemas
from .common import READ_ERRORS, LocaleQuery, activate, api_url, page_detail, page_summary

router = Router(tags=["home"])


def featured(request, page):
    """A featured page as a card, with where this API tells more about it."""
    return {
        **page_summary(request, page),
        "summary": page.get_card_summary() if hasattr(page, "get_card_summary") else "",
        "api_url": api_url(request, page),
    }


def link(request, page):
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "api_url": api_url(request, page),
    }


@router.get(
    "/home/",
    response={200: schemas.Home, **READ_ERRORS},
    summary="The home page: hero, introduction and featured sections",
)
def get_home(request, params: Query[LocaleQuery]):
    """The home page in the requested language (default: Accept-Language): its hero, the
    introduction, the editors' featured sections with their pages as cards (each in this
    language; a page not translated yet is left out, as on the site) and the call to action."""
    locale = activate(request, params.locale)
    page = HomePage.objects.live().public().filter(locale=locale).order_by("path").first()
    if page is None:
        raise Http404(gettext("没有这个页面。"))
    content = page.featured_content()
    return {
        **page_summary(request, page),
        **page_detail(request, page),
        "hero_heading": page.hero_heading,
        "hero_intro": page.hero_intro,
        "body_html": expand_db_html(page.body),
        "sections": [
            {
                "heading": section["heading"],
                "intro": section["intro"],
                "items": [featured(request, card) for card in section["cards"]],
                "link": link(request, section["link_page"]),
            }
            for section in content["sections"]
        ],
        "call_to_action": {
            "heading": page.cta_heading,
            "text": page.cta_text,
            "label": page.cta_label,
            "link": link(request, content["cta_link"]),
        }
        if page.cta_heading
        else None,
    }
