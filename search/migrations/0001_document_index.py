"""GIN indexes on what site searches match: title and body together, and autocomplete.

PostgreSQL only: SQLite's full-text table indexes the document already.

The indexes are on `search_document(title, body)` and
`search_document(autocomplete)`, a function that returns its vectors joined
and is declared costly (COST), as testing a row is. Index entries keep their long
vectors out of line (TOAST), so testing a row by hand means fetching them,
while the index answers a match without reading them. On the bare columns
the planner costs a test as nearly free, and for a word that many pages
have (a third of the site) it reads the whole table, 5-10× slower than the
index (search/README.md, Benchmark). PL/pgSQL keeps the function whole: an
SQL function would be inlined, and its cost with it. COST 25 is enough for
the index to win; more makes the planner start parallel workers, which
cost more than they save on queries this short.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION search_document(title tsvector, body tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 25
    AS $$ BEGIN RETURN title || body; END $$;
CREATE FUNCTION search_document(autocomplete tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 25
    AS $$ BEGIN RETURN autocomplete; END $$;
CREATE INDEX search_document_gin ON {table} USING gin (search_document(title, body));
CREATE INDEX search_autocomplete_gin ON {table} USING gin (search_document(autocomplete));
"""

DROP = """
DROP INDEX search_document_gin;
DROP INDEX search_autocomplete_gin;
DROP FUNCTION search_document(tsvector, tsvector);
DROP FUNCTION search_document(tsvector);
"""


def run_on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
            schema_editor.execute(sql.format(table=schema_editor.quote_name(table)))

    return run


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
