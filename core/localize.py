"""Localisation helpers: snippets in the visitor's language, ASCII slugs for translations,
wagtail-localize's dates in the admin's language.

Many-to-many links to translatable snippets are copied as they are when
wagtail-localize translates a page, so an English route still points at the
Chinese spirits and partners. Templates ask for the translation of each one
here, in one query for a whole listing.
"""

import logging

import jieba
from django.conf import settings
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from pypinyin import lazy_pinyin
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

# jieba announces loading its dictionary on stderr; that is noise in logs.
jieba.setLogLevel(logging.WARNING)


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


def in_language(instance, language_code):
    """`instance` (a page or a snippet) in the language `language_code`, or itself while
    it has no translation there."""
    if instance.locale.language_code == language_code:
        return instance
    translation = type(instance).objects.filter(
        translation_key=instance.translation_key, locale__language_code=language_code
    )
    return translation.first() or instance


def localize_relation(pages, attr, locale, out_attr):
    """For each page, set `out_attr` to its prefetched `attr` relation in `locale`.

    One query for all pages together, whatever their number.
    """
    pages = list(pages)
    everything = [obj for page in pages for obj in getattr(page, attr).all()]
    translated = iter(localize_snippets(everything, locale))
    for page in pages:
        setattr(page, out_attr, [next(translated) for _obj in getattr(page, attr).all()])


def ascii_slug(text):
    """A readable ASCII slug for `text`: pinyin, a word per hyphen ("zaoyuan-geming-jiuzhi").

    jieba cuts the words so that a slug reads like written pinyin rather than
    syllable by syllable. ASCII text is returned as it is: it was chosen by
    someone and may already be in a URL.
    """
    if text.isascii():
        return text
    return slugify(" ".join("".join(lazy_pinyin(word)) for word in jieba.cut(text)))


def set_translation_slug(page):
    """Give a page in a translation locale an ASCII slug, unique among its siblings.

    A translation starts with the Chinese slug: Wagtail's `copy_for_translation`
    copies it, and wagtail-localize writes it again from the slug's segment each
    time it saves the page or a revision (an untranslated segment falls back to
    the Chinese text). So this runs whenever the page is cleaned, not once on a
    `copy_for_translation_done` signal, which would be overwritten at once.
    wagtail-localize also slugifies the slug to ASCII when it saves the page
    row, which leaves nothing of a Chinese slug: then the Chinese page's slug is
    the one turned into pinyin, so every path gives the same English URL.
    """
    if page.slug and page.slug.isascii():
        return
    if page.locale_id is None or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    base = page.slug
    if not base:
        source = page.get_translation_or_none(Locale.get_default()) if page.pk else None
        base = source.slug if source else page.title
    slug = slugify(ascii_slug(base))
    # Without a place in the tree yet there are no siblings to compare with;
    # Wagtail cleans the page again when it is added under its parent.
    parent = page.get_parent() if page.path else getattr(page, "_cached_parent_obj", None)
    if slug and parent is not None:
        page.slug = find_available_slug(parent, slug, ignore_page_id=page.pk)


def localize_translation_dates():
    """Dates in wagtail-localize's translation editor in the admin's language.

    Under each translated string its editor says "Translated manually on
    {date}", the date written with a fixed English strftime format
    (wagtail_localize.compat.DATE_FORMAT: "2 December 2026") whatever the
    language. Its catalogues translate the words; the date cannot be reached
    from a catalogue or a template, as the comment is made in Python and sent
    to the editor's React code as JSON. So the English date in the finished
    comment is replaced by Django's localised one ("2026年12月2日",
    "Dec. 2, 2026"), in Beijing time. Should wagtail-localize stop using
    DATE_FORMAT, the replacement finds nothing and its comment is unchanged.
    """
    from wagtail_localize.compat import DATE_FORMAT
    from wagtail_localize.models import StringTranslation

    english_comment = StringTranslation.get_comment

    def get_comment(translation):
        comment = english_comment(translation)
        if not comment:
            return comment
        local_date = formats.date_format(timezone.localtime(translation.updated_at))
        return comment.replace(translation.updated_at.strftime(DATE_FORMAT), local_date)

    StringTranslation.get_comment = get_comment
