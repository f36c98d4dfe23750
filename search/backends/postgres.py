from django.contrib.postgres.search import SearchVectorField
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
)
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .base import AnalysedIndexMixin, AnalysedQueryMixin, in_order

#: How many matches a page of results ranks in full (search/README.md, Scaling).
RANKED_MATCHES = 100


class CJKPostgresIndex(AnalysedIndexMixin, PostgresIndex):
    pass


class SearchDocument(Func):
    """An index entry's vectors joined, as the GIN indexes of migration 0001 have them."""

    function = "search_document"
    output_field = SearchVectorField()


class IndexedMatchMixin:
    """Matches on the index entries alone, and ranks a bounded number of them.

    modelsearch joins every object of the queryset to its index entry, tests
    `title || body @@ query` there row by row (no index covers it, and the
    concatenation builds a new tsvector for every row tested), and ranks
    every match to order them: search time grew with the site, not with the
    page of results asked for (benchmarks/search.py). Here the match is a
    query on the index entries, which PostgreSQL answers from a GIN index
    on `search_document(title, body)` or `search_document(autocomplete)`
    (migration 0001); counts and facets filter the queryset by it, and a
    page of results ranks at most RANKED_MATCHES of the matching entries,
    and fetches only the objects of the slice.
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
        entries = self._entries().filter(
            document=search_query,
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )
        if stop is not None and self.order_by_relevance:
            ids = self._ranked_ids(entries, search_query, config, start, stop)
            return in_order(self.queryset, ids)

        # Counts and facets drop the order, so no match is ranked for them.
        matches = self.queryset.filter(pk__in=entries.values("object_pk"))
        rank = self._build_rank_expression(self.get_index_vectors(search_query), config)
        return self._apply_ordering_and_scoring(matches, rank, start, stop)

    def _entries(self):
        return IndexEntry.objects.annotate(
            document=self.entry_document(),
            object_pk=Cast("object_id", output_field=self.queryset.model._meta.pk),
        )

    def _ranked_ids(self, entries, search_query, config, start, stop):
        """The object ids of `entries[start:stop]`, best first.

        Ranking reads an entry's vectors, and long ones are stored out of
        line: ranking every match made a page of results grow with the
        site. As search engines do, a bounded set is ranked in full: the
        first RANKED_MATCHES in a cheaper order (`candidate_order`), ranked
        by all their vectors. Past them, results go on in the cheaper order,
        so paging through shows every match once.
        """
        cheaply = entries.filter(object_pk__in=self.queryset.values("pk")).order_by(
            *self.candidate_order(search_query)
        )
        ids = []
        if start < RANKED_MATCHES:
            candidates = self._entries().filter(pk__in=self.candidates(entries, cheaply))
            ranked = candidates.annotate(
                score=self._build_rank_expression(self.entry_vectors(), config)
            ).order_by("-score", "-object_pk")
            ids += ranked.values_list("object_pk", flat=True)[start : min(stop, RANKED_MATCHES)]
        if stop > RANKED_MATCHES:
            ids += cheaply.values_list("object_pk", flat=True)[max(start, RANKED_MATCHES) : stop]
        return ids

    def candidates(self, entries, cheaply):
        """The ids of the entries to rank in full, as a subquery.

        `entries` are every matching entry; `cheaply` those of the queryset's
        objects in the cheap order, whose first RANKED_MATCHES are taken.
        """
        return cheaply.values("pk")[:RANKED_MATCHES]

    def entry_document(self):
        """The vector that a query matches, as a GIN index has it."""
        return SearchDocument(F("title"), F("body"))

    def entry_vectors(self):
        """`get_index_vectors()` as columns of the index entry itself, with their weights."""
        return [(F("title"), F("title_norm")), (F("body"), 1.0)]

    def candidate_order(self, search_query):
        """The order that picks the matches to rank in full: title matches first, newest first.

        Titles weigh most. Which entries have the words in their title is
        asked of the title's GIN index, once, rather than of each title.
        """
        in_title = IndexEntry.objects.filter(title=search_query).values("pk")
        return [ExpressionWrapper(Q(pk__in=in_title), BooleanField()).desc(), "-object_pk"]


class CJKPostgresSearchQueryCompiler(
    AnalysedQueryMixin, IndexedMatchMixin, PostgresSearchQueryCompiler
):
    pass


class CJKPostgresAutocompleteQueryCompiler(
    AnalysedQueryMixin, IndexedMatchMixin, PostgresAutocompleteQueryCompiler
):
    stem = False

    def entry_document(self):
        return SearchDocument(F("autocomplete"))

    def entry_vectors(self):
        return [(F("autocomplete"), 1.0)]

    def candidate_order(self, search_query):
        # One field: the newest pages are ranked.
        return ["-object_pk"]

    def candidates(self, entries, cheaply):
        # The newest matches, found from the newest object down: each one's
        # entry is probed through the (content_type_id, object_id) index,
        # and the walk stops at the RANKED_MATCHES'th match. Sorting the
        # matching entries by their object id read every match instead, half
        # the site for a prefix such as "ya" (search/README.md, Benchmark).
        matching = entries.filter(object_id=Cast(OuterRef("pk"), CharField()))
        newest = (
            self.queryset.filter(Exists(matching))
            .order_by("-pk")
            .annotate(text_pk=Cast("pk", CharField()))
            .values("text_pk")[:RANKED_MATCHES]
        )
        return entries.filter(object_id__in=newest).values("pk")


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
