"""Making search results readable: type groups, excerpts with marked words."""

import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelsearch.index import SearchField
from wagtail.models import Page

from .analysis import highlight_patterns, latin_term

#: The longest query the search page takes; a longer one is cut and the visitor told.
MAX_QUERY_LENGTH = 100
#: Characters of page text shown under each result.
EXCERPT_LENGTH = 140

OTHER_GROUP = "other"
OTHER_LABEL = _("其他页面")
LATIN_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def clean_query(raw):
    """The query to search for, and whether it had to be cut to MAX_QUERY_LENGTH.

    Control characters (NUL included) become spaces; runs of white space one.
    """
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in raw)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


def is_section_page(model):
    """Whether pages of this type are sections of the site rather than content.

    Home pages (they sit at the root), index pages (one per parent, or one in
    all) and the plain Page share the filter's "other pages" group; every other
    page type gets a group of its own, named by its verbose_name_plural, so
    a new page type appears in the filter without any change here.
    """
    return (
        model is Page
        or model.max_count == 1
        or model.max_count_per_parent == 1
        # A type that names the root as its parent is a home page; a type that
        # names no parents at all may go anywhere, and is content.
        or (
            getattr(model, "parent_page_types", None) is not None
            and Page in model.allowed_parent_page_models()
        )
    )


def group_key(model):
    return OTHER_GROUP if is_section_page(model) else model._meta.label_lower


def type_groups(counts):
    """Filter groups for results counted by content type id, largest first, "other" last.

    Each group is a dict: key (the `type` GET value), label, count and
    content_type_ids.
    """
    groups = {}
    for ct_id, count in counts.items():
        # get_for_id is cached per process: no query per group.
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:  # a page type whose app has been removed
            continue
        key = group_key(model)
        group = groups.setdefault(
            key,
            {
                "key": key,
                "label": OTHER_LABEL
                if key == OTHER_GROUP
                else capfirst(model._meta.verbose_name_plural),
                "count": 0,
                "content_type_ids": [],
            },
        )
        group["count"] += count
        group["content_type_ids"].append(ct_id)
    return sorted(
        groups.values(), key=lambda g: (g["key"] == OTHER_GROUP, -g["count"], str(g["label"]))
    )


def page_text(page):
    """The page's own searchable text, without its title, for excerpts.

    Read from the page type's SearchFields, so every page type has excerpts;
    related objects are left out, which keeps excerpts free of extra queries.
    """
    texts = [page.search_description]
    for field in type(page).get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(page)
            texts.extend(value if isinstance(value, list | tuple) else [value])
    return " ".join(" ".join(str(t).split()) for t in texts if t)


def _marked_spans(text, query):
    """(start, end) of each place in `text` that the query matched."""
    chinese, stems = highlight_patterns(query)
    spans = []
    for word in chinese:
        spans.extend(m.span() for m in re.finditer(re.escape(word), text, re.IGNORECASE))
    if stems:
        for match in LATIN_WORD.finditer(text):
            if latin_term(unicodedata.normalize("NFKC", match.group()).casefold()) in stems:
                spans.append(match.span())
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def excerpt(text, query, length=EXCERPT_LENGTH):
    """A short stretch of `text` around the first match, as (text, is_match) parts.

    Templates print the parts with auto-escaping and wrap matches in <mark>,
    so page text can never inject markup.
    """
    spans = _marked_spans(text, query)
    start = max(0, spans[0][0] - length // 4) if spans else 0
    end = min(len(text), start + length)
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append((text[position:span_start], False))
        parts.append((text[span_start:span_end], True))
        position = span_end
    parts.append((text[position:end], False))
    if start > 0:
        parts.insert(0, ("…", False))
    if end < len(text):
        parts.append(("…", False))
    return [(part, marked) for part, marked in parts if part]
