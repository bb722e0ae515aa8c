"""manage.py search_reindex [SERVICE_ID ...]: rebuild the directory's read models: the
full-text index (ADR 0005) and the stored ORUK documents (ADR 0006)."""

import time
import uuid

from django.core.management.base import BaseCommand, CommandError

from righthelp.directory import documents


class Command(BaseCommand):
    help = (
        "Rebuild the search index and stored documents of the given services, or of all when none are "
        "given (after changing data/needs/synonyms.json, for instance)."
    )

    def add_arguments(self, parser):
        parser.add_argument("service_ids", nargs="*", metavar="SERVICE_ID", help="service ids (UUIDs)")

    def handle(self, *args, service_ids, **options):
        try:
            ids = [uuid.UUID(service_id) for service_id in service_ids] or None
        except ValueError as error:
            raise CommandError(f"SERVICE_ID must be a UUID: {error}") from error
        started = time.perf_counter()
        documents.refresh_read_models(ids)
        which = f"{len(ids)} services" if ids else "all services"
        self.stdout.write(f"Reindexed {which} in {time.perf_counter() - started:.1f} s.")
