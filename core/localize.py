"""Snippets shown in the visitor's language, fetched in bulk.

Many-to-many links to translatable snippets are copied as they are when
wagtail-localize translates a page, so an English route still points at the
Chinese spirits and partners. Templates ask for the translation of each one
here, in one query for a whole listing.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext


def enumeration(items):
    """Items joined the way the active language lists them: "春季、秋季" or "Spring, Autumn".

    The one place the list separator is written, so that no English list
    ever shows the Chinese enumeration comma "、".
    """
    return gettext("、").join(str(item) for item in items)


def source_locale_only():
    """`limit_choices_to` for links that editors set on the source-language page."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def localize_snippets(instances, locale):
    """The translations in `locale` of `instances`, in the same order.

    An instance not yet translated is kept in its own language rather than
    dropped: a partner named in Chinese beats a partner left out.
    """
    instances = list(instances)
    if not instances:
        return []
    model = type(instances[0])
    keys = {obj.translation_key for obj in instances if obj.locale_id != locale.pk}
    found = {}
    if keys:
        found = {
            obj.translation_key: obj
            for obj in model.objects.filter(locale=locale, translation_key__in=keys)
        }
    return [found.get(obj.translation_key, obj) for obj in instances]


def localize_relation(pages, attr, locale, out_attr):
    """For each page, set `out_attr` to its prefetched `attr` relation in `locale`.

    One query for all pages together, whatever their number.
    """
    pages = list(pages)
    everything = [obj for page in pages for obj in getattr(page, attr).all()]
    translated = iter(localize_snippets(everything, locale))
    for page in pages:
        setattr(page, out_attr, [next(translated) for _obj in getattr(page, attr).all()])
