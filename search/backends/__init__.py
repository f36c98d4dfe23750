"""Wagtail's database search backend, taught to read Chinese.

Point WAGTAILSEARCH_BACKENDS at this package::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}

Like `modelsearch.backends.database` it picks the implementation that suits
the default database: SQLite FTS5 or PostgreSQL full-text search, each with
`search.analysis` applied to every text on its way into the index and to every
query on its way out. Any other database gets modelsearch's fallback backend
unchanged: it matches substrings with LIKE, which already finds Chinese words.

Nothing here knows about page types: every indexed model (pages, snippets,
images, documents) is analysed through its own `search_fields`, so the site
search, the type-ahead and the admin's searches all benefit.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name modelsearch imports
    if connection.vendor == "postgresql":
        from .postgres import CJKPostgresSearchBackend

        return CJKPostgresSearchBackend(params)

    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import CJKSQLiteSearchBackend

        return CJKSQLiteSearchBackend(params)
    return backend
