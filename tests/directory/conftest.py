"""Shared fixtures for the ORUK import, export and API tests.

The ORUK schemas and examples are the copies in tests/data/oruk/ (CC BY-SA 4.0, see its README).
"""

import copy
import datetime
import io
import json
from functools import cache
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from righthelp.directory import search
from righthelp.directory.models import (
    Attribute,
    Location,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from righthelp.directory.oruk_import import import_services

ORUK = Path(__file__).resolve().parents[1] / "data" / "oruk"
SCHEMAS = ORUK / "schema"
# The example's references that are not in the example itself: supplied as synthetic records.
EXAMPLE_PARENT_TERM = {
    "id": "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2",
    "name": "Example parent term (synthetic)",
    "description": "Synthetic parent of the ORUK example's taxonomy term.",
}
EXAMPLE_PARENT_ORGANIZATION_SERVICE = {
    "id": "6f1c2a3e-0000-4000-8000-000000000001",
    "name": "Example Parent Service (synthetic)",
    "status": "inactive",
    "organization": {
        "id": "cd09a387-91f4-4555-94ec-e799c35344cd",
        "name": "Example Parent Organization (synthetic)",
        "description": "Synthetic parent of the ORUK example's organization.",
    },
}


def oruk_json(relative):
    return json.loads((ORUK / relative).read_text())


def _is_datetime(value):
    if not isinstance(value, str):
        return True
    return datetime.datetime.fromisoformat(value).tzinfo is not None


@cache
def _validator(name):
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    )
    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(_is_datetime)
    return Draft202012Validator(
        json.loads((SCHEMAS / name).read_text()), registry=registry, format_checker=checker
    )


def schema_errors(name, instance):
    """How `instance` breaks the ORUK schema `name` (e.g. "compiled/service.json"): [] when it conforms."""
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in _validator(name).iter_errors(instance)
    ]


@pytest.fixture
def example_service():
    """The ORUK example service_full.json, a fresh copy for each test."""
    return copy.deepcopy(oruk_json("examples/service_full.json"))


@pytest.fixture
def example_in_directory(db, example_service):
    """The ORUK example service imported, with synthetic stand-ins for the parents it refers to."""
    import_services([EXAMPLE_PARENT_ORGANIZATION_SERVICE])
    import_services([example_service], taxonomy_terms=[EXAMPLE_PARENT_TERM])
    return example_service


def empty_directory():
    """Remove every directory record, in an order the protecting foreign keys allow."""
    Attribute.objects.all().delete()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()
    TaxonomyTerm.objects.all().delete()
    Taxonomy.objects.all().delete()
    search.reindex_services()


@pytest.fixture(scope="module")
def borough(django_db_setup, django_db_blocker):
    """The real Tower Hamlets directory, loaded once per test module by `manage.py load_borough`.

    It is committed outside the tests' own transactions (loading it for every test would be slow), so it
    is removed again when the module's tests are done.
    """
    with django_db_blocker.unblock():
        call_command("load_borough", stdout=io.StringIO())
        yield
        empty_directory()


def borough_data(name):
    return json.loads((Path(__file__).resolve().parents[2] / "data" / "tower_hamlets" / name).read_text())
