"""manage.py oruk_import PATH: import ORUK services from JSON (one service, a list, or an ORUK page)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from righthelp.directory.oruk_import import ORUKImportError, import_services


def service_records(document):
    """The service records in an ORUK JSON document: a page {"contents": [...]}, a list, or one service."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        return [document]
    raise CommandError("The file must hold a service, a list of services or an ORUK page of services.")


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} is not JSON: {error}") from error


class Command(BaseCommand):
    help = "Import Open Referral UK services from a JSON file. Nothing is imported if any record is invalid."

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON file: one service, a list of services, or {'contents': [...]}")

    def handle(self, *, path, **options):
        try:
            ids = import_services(service_records(read_json(path)))
        except ORUKImportError as error:
            raise CommandError(f"Nothing was imported from {path}:\n{error}") from error
        self.stdout.write(f"Imported {len(ids)} services from {path}.")
