"""Making search results readable: type groups, excerpts with marked words."""

import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelsearch.index import SearchField
from wagtail.blocks import ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Page

from .analysis import CJK_CHAR, highlights, latin_term, run_pinyin, simplified

#: The longest query the search page takes; a longer one is cut and the visitor told.
MAX_QUERY_LENGTH = 100
#: Characters of page text shown under each result.
EXCERPT_LENGTH = 140

OTHER_GROUP = "other"
OTHER_LABEL = _("其他页面")
LATIN_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CHINESE_RUN = re.compile(f"[{CJK_CHAR}]+")
# Where a sentence ends: Chinese or English end punctuation (with closing
# quotes), or the end of one field or block of the page.
SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)\"']*\s*|\.(?=\s)\s*|\n")


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
    related objects and what StreamField choosers point at are left out,
    which keeps excerpts free of queries. Each field, and each block of a
    StreamField, is a line of its own: an excerpt never runs one into the next
    as if they were one sentence. Blocks format values (dates) in the active
    language, which is the results' own.
    """
    texts = [page.search_description]
    for field in type(page).get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            stream = _stream_field(page, field.field_name)
            if stream is not None:
                raw = getattr(page, field.field_name).raw_data
                texts.extend(_raw_text(stream.stream_block, list(raw)))
                continue
            value = field.get_value(page)
            texts.extend(value if isinstance(value, list | tuple) else [value])
    return "\n".join(" ".join(str(t).split()) for t in texts if t)


def _stream_field(page, name):
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:  # a method or property
        return None
    return field if isinstance(field, StreamField) else None


def _raw_text(block, raw):
    """The searchable text of a block's raw (JSON) value, choosers left out.

    Wagtail's `get_searchable_content` takes the block's Python value, and
    making that loads every page, snippet and image the stream chooses: a
    query per chooser type per page of results. Choosers give no searchable
    text anyway, so here they are skipped and containers are walked in their
    raw data; every other block (a timeline event with its own
    `get_searchable_content` too) is asked as Wagtail would ask it.
    """
    if raw is None or isinstance(block, ChooserBlock) or not getattr(block, "search_index", True):
        return []
    if isinstance(block, StreamBlock):
        return [
            text
            for item in raw
            if item["type"] in block.child_blocks
            for text in _raw_text(block.child_blocks[item["type"]], item["value"])
        ]
    if isinstance(block, ListBlock):
        # Items are {"type": "item", "value": ...} since Wagtail 2.16, bare values before.
        return [
            text
            for item in raw
            for text in _raw_text(
                block.child_block,
                item["value"] if isinstance(item, dict) and item.get("type") == "item" else item,
            )
        ]
    if (
        isinstance(block, StructBlock)
        and type(block).get_searchable_content is StructBlock.get_searchable_content
    ):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _raw_text(child, raw.get(name))
        ]
    return block.get_searchable_content(block.to_python(raw))


def _pinyin_spans(text, pinyin):
    """(start, end) of the Chinese words of `text` that read as one of `pinyin` ("nanniwan")."""
    spans = []
    for run in CHINESE_RUN.finditer(simplified(text)):
        syllables = run_pinyin(run.group())
        # Where each character's syllable starts in the run's pinyin, and its end.
        offsets = [0]
        for syllable in syllables:
            offsets.append(offsets[-1] + len(syllable))
        starts = {offset: i for i, offset in enumerate(offsets)}
        reading = "".join(syllables)
        for word in pinyin:
            for match in re.finditer(re.escape(word), reading):
                first, last = starts.get(match.start()), starts.get(match.end())
                # Whole syllables of two characters or more: "wan" alone marks no 湾.
                if first is not None and last is not None and last - first > 1:
                    spans.append((run.start() + first, run.start() + last))
    return spans


def _marked_spans(text, query):
    """(start, end) of each place in `text` that the query matched.

    Chinese is compared in simplified characters, so a query in either script
    marks the page's own characters.
    """
    marks = highlights(query)
    folded = simplified(text)
    spans = []
    for word in marks.chinese:
        spans.extend(m.span() for m in re.finditer(re.escape(word), folded, re.IGNORECASE))
    if marks.stems:
        for match in LATIN_WORD.finditer(text):
            if latin_term(unicodedata.normalize("NFKC", match.group()).casefold()) in marks.stems:
                spans.append(match.span())
    if marks.pinyin:
        spans.extend(_pinyin_spans(text, marks.pinyin))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _sentences(text):
    """(start, end) of each sentence of `text`."""
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _window(text, first_match, length):
    """The whole sentences to show: the one with the first match, and those after it that fit.

    A sentence longer than `length` is cut around the match.
    """
    sentences = _sentences(text) or [(0, 0)]
    i = next((i for i, (_s, end) in enumerate(sentences) if first_match < end), 0)
    start, end = sentences[i]
    if end - start > length:
        start = max(start, first_match - length // 4)
        return start, min(end, start + length)
    for _next_start, next_end in sentences[i + 1 :]:
        if next_end - start > length:
            break
        end = next_end
    return start, end


def excerpt(text, query, length=EXCERPT_LENGTH):
    """Whole sentences of `text` around the first match, as (text, is_match) parts.

    Templates print the parts with auto-escaping and wrap matches in <mark>,
    so page text can never inject markup.
    """
    spans = _marked_spans(text, query)
    start, end = _window(text, spans[0][0] if spans else 0, length)
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append((text[position:span_start], False))
        parts.append((text[span_start:span_end], True))
        position = span_end
    parts.append((text[position:end].rstrip(), False))
    if start > 0:
        parts.insert(0, ("…", False))
    if text[end:].strip():
        parts.append(("…", False))
    return [(part.replace("\n", " "), marked) for part, marked in parts if part]
