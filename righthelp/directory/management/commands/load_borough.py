"""manage.py load_borough: load the Tower Hamlets directory from data/tower_hamlets/ (safe to re-run)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from righthelp.directory import documents
from righthelp.directory.management.commands.oruk_import import read_json, service_records
from righthelp.directory.oruk_import import ORUKImportError, import_services

DATA = settings.BASE_DIR / "data" / "tower_hamlets"


class Command(BaseCommand):
    help = (
        "Load the borough's taxonomy terms and services (ORUK JSON in data/tower_hamlets/), then refresh "
        "the stored documents and the search index."
    )

    def handle(self, **options):
        terms = read_json(DATA / "taxonomy_terms.json")
        services = service_records(read_json(DATA / "services.json"))
        try:
            ids = import_services(services, taxonomy_terms=terms)
        except ORUKImportError as error:
            raise CommandError(f"The borough's data was not loaded:\n{error}") from error
        documents.refresh_read_models()
        self.stdout.write(f"Loaded {len(ids)} services and {len(terms)} taxonomy terms from {DATA}.")
