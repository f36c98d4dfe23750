"""Cards: pages shown in lists, fetched in bulk whatever their number."""

import functools

from django.db.models import QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from .cache import remember
from .routing import public


def attach_card_images(pages):
    """Fetch the card images of `pages` (and their renditions) in two queries.

    Pages of different types name different image fields; each page type says
    which one in `card_image_field`, so one helper serves every listing.
    """
    pages = [p for p in pages if getattr(p, "card_image_field", None)]
    image_ids = {getattr(p, f"{p.card_image_field}_id") for p in pages} - {None}
    if not image_ids:
        return
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions()
    images = {image.pk: image for image in images}
    for page in pages:
        setattr(
            page,
            page.card_image_field,
            images.get(getattr(page, f"{page.card_image_field}_id")),
        )


@functools.cache
def _own_rows():
    """{page type: the name of its row's link from Page}, for types whose rows sit under Page's.

    Page types are known once the apps are loaded and never change after, so
    this is worked out once per process rather than for every list shown.
    """
    return {
        model: model._meta.get_ancestor_link(Page).related_query_name()
        for model in get_page_models()
        if model._meta.get_parent_list() == [Page]
    }


def specific_pages(pages):
    """The specific pages of `pages`, in their order, in one query.

    `pages` is a queryset of Page, or a list of Page rows (search results),
    which are fetched again by id. Wagtail's `specific()` asks once per page
    type present, so cards or results of five types cost five queries; here
    every page type's table is joined to Page's (a LEFT JOIN per type, on the
    primary key), whatever the pages hold.
    """
    links = _own_rows()
    if isinstance(pages, QuerySet):
        pages = rows = list(pages.select_related(*links.values()))
    else:
        by_pk = Page.objects.select_related(*links.values()).in_bulk([page.pk for page in pages])
        rows = [by_pk.get(page.pk) for page in pages]
    specific = []
    for page, row in zip(pages, rows, strict=True):
        model = page.specific_class
        if row is None or model not in links:
            # Gone since the search, or a page type further down: Wagtail's own way.
            specific.append(page.specific)
        else:
            specific.append(getattr(row, links[model]))
    return specific


def list_block_values(raw_items):
    """The values of a ListBlock's raw items, in order.

    ListBlock stores items as {"type": "item", "value": …, "id": uuid}; data
    saved by older Wagtail versions is a bare list of values.
    """
    return [
        item["value"] if isinstance(item, dict) and "type" in item and "value" in item else item
        for item in raw_items
    ]


def list_block_ids(raw_items):
    """Page ids stored by a ListBlock of PageChooserBlocks, in order."""
    return [pk for pk in list_block_values(raw_items) if pk]


def localized_cards(page_ids, locale, as_cards=True):
    """Live, public versions in `locale` of the pages with these ids.

    Keyed by the ids asked for, so callers keep their own order. Editors pick
    pages in the source language; visitors get the translation of each one,
    and a page not yet translated is left out rather than shown in the wrong
    language. Cards are specific pages with their images (three queries,
    whatever the mix of page types); otherwise plain pages, enough for a
    link, at one query for all of them.
    """
    if not page_ids:
        return {}
    # A page's translation key never changes: remembered, the lookup costs one query, not two.
    ids = sorted(set(page_ids))
    keys = remember(
        f"translation-keys:{','.join(map(str, ids))}",
        lambda: dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key")),
    )
    pages = public(Page.objects.live()).filter(locale=locale, translation_key__in=keys.values())
    if as_cards:
        pages = specific_pages(pages)
    by_key = {page.translation_key: page for page in pages}
    if as_cards:
        attach_card_images(by_key.values())
    return {pk: by_key[key] for pk, key in keys.items() if key in by_key}


def related_cards(page_ids, page):
    """Cards of the pages chosen as related to `page`, in its language and in order.

    `page` itself is left out: a translation may point back at its source.
    """
    cards = localized_cards(page_ids, page.locale)
    return [cards[pk] for pk in page_ids if pk in cards and cards[pk].pk != page.pk]
