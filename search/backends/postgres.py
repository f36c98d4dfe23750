from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from .base import AnalysedIndexMixin, AnalysedQueryMixin


class CJKPostgresIndex(AnalysedIndexMixin, PostgresIndex):
    pass


class CJKPostgresSearchQueryCompiler(AnalysedQueryMixin, PostgresSearchQueryCompiler):
    pass


class CJKPostgresAutocompleteQueryCompiler(AnalysedQueryMixin, PostgresAutocompleteQueryCompiler):
    stem = False


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
