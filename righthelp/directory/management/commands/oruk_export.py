"""manage.py oruk_export PATH: write every service, fully nested ORUK JSON, as one JSON list."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from righthelp.directory.models import Service
from righthelp.directory.oruk_export import service_to_oruk, services_for_export

BATCH = 200  # services loaded at a time, so memory stays flat however large the directory


class Command(BaseCommand):
    help = "Export every service as a JSON list of fully nested Open Referral UK services."

    def add_arguments(self, parser):
        parser.add_argument("path", help="file to write")

    def handle(self, *, path, **options):
        ids = list(Service.objects.order_by("name", "id").values_list("id", flat=True))
        with Path(path).open("w", encoding="utf-8") as out:
            out.write("[")
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                by_id = {s.id: s for s in services_for_export(Service.objects.filter(id__in=batch))}
                for position, pk in enumerate(batch, start):
                    out.write(",\n" if position else "\n")
                    out.write(json.dumps(service_to_oruk(by_id[pk]), ensure_ascii=False))
            out.write("\n]\n")
        self.stdout.write(f"Exported {len(ids)} services to {path}.")
