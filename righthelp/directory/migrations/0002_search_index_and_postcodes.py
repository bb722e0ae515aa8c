"""The full-text search index (ADR 0005) and the postcode table.

The index is not a Django-made table: SQLite gets an FTS5 table (and a plain table of the documents it
indexes), PostgreSQL a tsvector table with a GIN index. `manage.py search_reindex` fills it.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_CREATE = [
    # Each indexed service's document, kept to tell FTS5 what to forget when the service is reindexed;
    # the unique service_id finds it without a scan.
    """CREATE TABLE directory_service_search_doc (
        id INTEGER PRIMARY KEY,
        service_id char(32) NOT NULL UNIQUE,
        name TEXT NOT NULL,
        needs TEXT NOT NULL,
        context TEXT NOT NULL,
        details TEXT NOT NULL
    )""",
    # What the FTS5 table reads back for a matched row: the service id and nothing else. Search joins on
    # that id and ranks from the index alone, so reading the document text back would only cost time.
    """CREATE VIEW directory_service_search_content AS
        SELECT id, service_id, NULL AS name, NULL AS needs, NULL AS context, NULL AS details
        FROM directory_service_search_doc""",
    """CREATE VIRTUAL TABLE directory_service_search USING fts5(
        service_id UNINDEXED, name, needs, context, details,
        content='directory_service_search_content', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
]
SQLITE_DROP = [
    "DROP TABLE directory_service_search",
    "DROP VIEW directory_service_search_content",
    "DROP TABLE directory_service_search_doc",
]

POSTGRESQL_CREATE = [
    "CREATE TABLE directory_service_search (service_id uuid PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX directory_service_search_document ON directory_service_search USING gin (document)",
]
POSTGRESQL_DROP = ["DROP TABLE directory_service_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"The search index supports SQLite and PostgreSQL, not {vendor}.")
        for statement in statements_by_vendor[vendor]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ServiceSearchEntry",
            fields=[
                (
                    "service",
                    models.OneToOneField(
                        db_column="service_id",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="directory.service",
                    ),
                ),
            ],
            options={
                "db_table": "directory_service_search",
                "managed": False,
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
        migrations.CreateModel(
            name="Postcode",
            fields=[
                ("postcode", models.CharField(max_length=8, primary_key=True, serialize=False)),
                (
                    "kind",
                    models.CharField(
                        choices=[("unit", "Unit"), ("sector", "Sector"), ("district", "District")],
                        max_length=8,
                    ),
                ),
                ("latitude", models.FloatField()),
                ("longitude", models.FloatField()),
                ("precision", models.TextField()),
                ("source", models.TextField()),
            ],
        ),
    ]
