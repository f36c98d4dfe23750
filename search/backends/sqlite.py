from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .base import AnalysedIndexMixin, AnalysedQueryMixin, in_order


class CJKSQLiteIndex(AnalysedIndexMixin, SQLiteIndex):
    pass


class RankOnceMixin:
    """Ranks all matches in one pass when a page of results is asked for.

    modelsearch orders SQLite results by a correlated subquery that runs the
    full-text match again for every candidate row: with a few thousand
    matching pages one page of results took seconds (benchmarks/search.py).
    Here the match runs once, best first, and only the rows of the requested
    slice are fetched. Counts and facets, which need no order, stay as they are.
    """

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if (
            stop is None
            or score_field is not None
            or not self.order_by_relevance
            or isinstance(query, MatchAll | Not)
        ):
            return super().search(config, start, stop, score_field)

        return in_order(self.queryset, self._ranked_ids(query, config)[start:stop])

    def _ranked_ids(self, query, config):
        """Ids of all matching objects in the queryset, best first."""
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            ),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        ranked = (
            matches.annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry_id")  # bm25: lower is better
            .values_list("index_entry__object_id", flat=True)
        )
        allowed = self.queryset.filter(pk__in=matches.values("index_entry__object_id"))
        allowed = {str(pk) for pk in allowed.values_list("pk", flat=True)}
        return [object_id for object_id in dict.fromkeys(ranked) if object_id in allowed]


class CJKSQLiteSearchQueryCompiler(AnalysedQueryMixin, RankOnceMixin, SQLiteSearchQueryCompiler):
    pass


class CJKSQLiteAutocompleteQueryCompiler(
    AnalysedQueryMixin, RankOnceMixin, SQLiteAutocompleteQueryCompiler
):
    stem = False


class CJKSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = CJKSQLiteIndex
    query_compiler_class = CJKSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = CJKSQLiteAutocompleteQueryCompiler
