"""manage.py search_reindex [SERVICE_ID ...]: rebuild the directory's full-text index (ADR 0005)."""

import time
import uuid

from django.core.management.base import BaseCommand, CommandError

from righthelp.directory import search


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index for the given services, or for all services when none are "
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
        search.reindex_services(ids)
        which = f"{len(ids)} services" if ids else "all services"
        self.stdout.write(f"Reindexed {which} in {time.perf_counter() - started:.1f} s.")
