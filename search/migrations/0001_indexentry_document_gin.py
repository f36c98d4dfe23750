"""A GIN index on `title || body` of the search index, on PostgreSQL.

modelsearch matches a query against `title || body`, one tsvector made of
both fields, and its model says that a GIN index on that expression comes
from a SQL migration; Wagtail's migrations of the same table
(wagtailsearch_indexentry) never create it, so every search read every
index entry. With it, PostgreSQL answers the match from the index.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
