"""What the SQLite and PostgreSQL variants share: analysed documents and queries."""

import copy
from contextlib import nullcontext
from functools import cache

from django.db.models import Case, IntegerField, Value, When
from django.utils import translation
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from wagtail.models import Locale, TranslatableMixin

from ..analysis import index_text, phrase_terms, query_words


class AnalysedDocument:
    """Stands in for a model instance while modelsearch indexes it.

    modelsearch's indexer reads an object's `pk`, its `get_search_fields()` and
    each field's `get_value(obj)`. This gives it the same fields, whose values
    come back as analysed text, so the indexer itself (and its SQL) is reused
    as it is.
    """

    def __init__(self, obj, language=None):
        self.obj = obj
        self.pk = obj.pk
        #: The language of the object's locale: blocks may format values (a
        #: date becomes "1942年5月" or "May 1942") in the page's own words.
        self.language = language

    def get_search_fields(self):
        return analysed_fields(type(self.obj))


def _unwrap(obj):
    return obj.obj if isinstance(obj, AnalysedDocument) else obj


def _as_text(value):
    """Like modelsearch's `prepare_value`, except that a missing value is no text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return _as_text(list(value.values()))
    return force_str(value)


def _text(field, obj):
    """The text of one search field of `obj`, in its locale's language if it is a document.

    The objects of RelatedFields are read as they are.
    """
    if not isinstance(obj, AnalysedDocument):
        return _as_text(field.get_value(obj))
    with translation.override(obj.language) if obj.language else nullcontext():
        return _as_text(field.get_value(obj.obj))


def _analysed(field):
    clone = copy.copy(field)
    if isinstance(field, RelatedFields):
        clone.fields = [_analysed(sub_field) for sub_field in field.fields]
        clone.get_value = lambda obj: field.get_value(_unwrap(obj))
    elif isinstance(field, SearchField | AutocompleteField):
        # Autocomplete matches what has been typed so far: a prefix of a word
        # is not a word, so stemming it would break the match; and what is
        # typed into a type-ahead may be a place name's initials.
        autocomplete = isinstance(field, AutocompleteField)
        clone.get_value = lambda obj: index_text(
            _text(field, obj), stem=not autocomplete, initials=autocomplete
        )
    return clone


@cache
def analysed_fields(model):
    return [_analysed(field) for field in model.get_search_fields()]


def _any_of(queries):
    queries = list(queries)
    return queries[0] if len(queries) == 1 else Or(queries)


def analyse_query(query, stem=True):
    """The query with every text in it turned into index terms; None if nothing is left."""
    if isinstance(query, PlainText):
        # A page has a word if it has all terms of one of the word's alternatives;
        # the query's operator says whether it must have all words or any.
        words = [
            _any_of(
                PlainText(" ".join(terms), operator="and", boost=query.boost)
                for terms in w.alternatives
            )
            for w in query_words(query.query_string, stem)
        ]
        if len(words) > 1:
            return Or(words) if query.operator.lower() == "or" else And(words)
        return words[0] if words else None
    if isinstance(query, Phrase):
        terms = phrase_terms(query.query_string, stem)
        return Phrase(" ".join(terms)) if terms else None
    if isinstance(query, Boost):
        subquery = analyse_query(query.subquery, stem)
        return Boost(subquery, query.boost) if subquery else None
    if isinstance(query, Not):
        subquery = analyse_query(query.subquery, stem)
        return Not(subquery) if subquery else MatchAll()
    if isinstance(query, And | Or):
        subqueries = [q for q in (analyse_query(s, stem) for s in query.subqueries) if q]
        return type(query)(subqueries) if subqueries else None
    return query  # MatchAll, and PostgreSQL's Fuzzy, which compares raw text


def in_order(queryset, pks):
    """The objects of `queryset` with these primary keys, in this order."""
    if not pks:
        return queryset.none()
    position = Case(
        *(When(pk=pk, then=Value(i)) for i, pk in enumerate(pks)), output_field=IntegerField()
    )
    return queryset.filter(pk__in=pks).order_by(position)


class AnalysedIndexMixin:
    def add_items(self, model, objs):
        if issubclass(model, TranslatableMixin):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            documents = [AnalysedDocument(obj, languages.get(obj.locale_id)) for obj in objs]
        else:
            # Images, documents and other models without a locale.
            documents = [AnalysedDocument(obj) for obj in objs]
        super().add_items(model, documents)


class AnalysedQueryMixin:
    #: Stem English words: yes for whole-word search, no for autocomplete.
    stem = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A query with no searchable term left ("!!!", "the") matches nothing.
        self.query = analyse_query(self.query, self.stem) or Not(MatchAll())
