"""Each service's full ORUK JSON, stored (ADR 0006); directory/documents.py fills it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_search_index_and_postcodes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ServiceDocument",
            fields=[
                (
                    "service",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="oruk_document",
                        serialize=False,
                        to="directory.service",
                    ),
                ),
                ("oruk", models.TextField()),
            ],
        ),
    ]
