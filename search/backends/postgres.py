import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .base import AnalysedIndexMixin, AnalysedQueryMixin, in_order


class CJKPostgresIndex(AnalysedIndexMixin, PostgresIndex):
    pass


class IndexedMatchMixin:
    """Matches on the index entries alone, and ranks only for a page of results.

    modelsearch joins every object of the queryset to its index entry, tests
    `title || body @@ query` there row by row (no index covers it, and the
    concatenation builds a new tsvector for every row tested), and ranks
    every match to order them: search time grew with the site, not with the
    page of results asked for (benchmarks/search.py). Here the match is a
    query on the index entries, field by field, which PostgreSQL answers
    from the GIN indexes on `title`, `body` and `autocomplete`; counts and
    facets filter the queryset by it, and a page of results ranks the
    matching entries, as modelsearch does, and fetches only the objects of
    the slice.
    """

    def search(self, config, start, stop, score_field=None, backend=None):
        if (
            score_field is not None
            or self.fields is not None
            or isinstance(self.query, MatchAll | Fuzzy)
            or (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
        ):
            return super().search(config, start, stop, score_field, backend)

        search_query = self.build_tsquery(self.query, config=config)
        entries = IndexEntry.objects.annotate(
            document=reduce(lambda a, b: a._combine(b, "||", False), self.entry_fields()),
            object_pk=Cast("object_id", output_field=self.queryset.model._meta.pk),
        ).filter(
            self.entry_match(self.query, config),
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )
        if stop is not None and self.order_by_relevance:
            ranked = (
                entries.filter(object_pk__in=self.queryset.values("pk"))
                .annotate(score=self._build_rank_expression(self.entry_vectors(), config))
                .order_by("-score", "-object_pk")
                .values_list("object_pk", flat=True)
            )
            return in_order(self.queryset, list(ranked[start:stop]))

        # Counts and facets drop the order, so no match is ranked for them.
        matches = self.queryset.filter(pk__in=entries.values("object_pk"))
        rank = self._build_rank_expression(self.get_index_vectors(search_query), config)
        return self._apply_ordering_and_scoring(matches, rank, start, stop)

    def entry_match(self, query, config):
        """A filter on the index entries, the same as `document @@ query`.

        A word is in `title || body` when it is in the title or in the body,
        so words however combined (and, or, not) are tested on each field,
        which its own GIN index answers. A phrase, whose positions may run
        on from the title into the body, is tested on both together.
        """
        if len(self.entry_fields()) == 1 or isinstance(query, Phrase):
            return Q(document=self.build_tsquery(query, config=config))
        if isinstance(query, PlainText):
            words = [
                self._in_any_field(word, config)
                for word in re.split(r"[\s\-]+", query.query_string)  # as modelsearch splits
                if word
            ]
            return reduce(operator.and_ if query.operator == "and" else operator.or_, words)
        if isinstance(query, Boost):
            return self.entry_match(query.subquery, config)
        if isinstance(query, Not):
            return ~self.entry_match(query.subquery, config)
        if isinstance(query, And | Or):
            return reduce(
                operator.and_ if isinstance(query, And) else operator.or_,
                (self.entry_match(subquery, config) for subquery in query.subqueries),
            )
        raise NotImplementedError(f"{type(query).__name__} is not supported here.")

    def _in_any_field(self, word, config):
        word = SearchQuery(Lexeme(word), search_type="raw", config=config)
        return reduce(operator.or_, (Q(**{f.name: word}) for f in self.entry_fields()))

    def entry_fields(self):
        return [vector for vector, _boost in self.entry_vectors()]

    def entry_vectors(self):
        """`get_index_vectors()` as columns of the index entry itself."""
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]


class CJKPostgresSearchQueryCompiler(
    AnalysedQueryMixin, IndexedMatchMixin, PostgresSearchQueryCompiler
):
    pass


class CJKPostgresAutocompleteQueryCompiler(
    AnalysedQueryMixin, IndexedMatchMixin, PostgresAutocompleteQueryCompiler
):
    stem = False

    def entry_vectors(self):
        return [(F("autocomplete"), 1.0)]


class CJKPostgresSearchBackend(PostgresSearchBackend):
    index_class = CJKPostgresIndex
    query_compiler_class = CJKPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = CJKPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # The text arrives analysed (stemmed, stop words gone, Chinese in
        # pairs); PostgreSQL must take the terms as they are, exactly as
        # SQLite does, so both databases answer alike.
        self.config = "simple"
