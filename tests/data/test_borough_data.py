"""The borough's dataset keeps the facts rule (hazard H2) and carries the national crisis routes (H1)."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = json.loads((ROOT / "data/tower_hamlets/services.json").read_text())
TERMS = {t["id"]: t for t in json.loads((ROOT / "data/tower_hamlets/taxonomy_terms.json").read_text())}
SERVICE_SCHEMA = json.loads((ROOT / "tests/data/oruk/schema/compiled/service.json").read_text())
NATIONAL_LINES = {"999", "111", "116123", "85258"}


def phones(service):
    yield from service.get("phones", [])
    for contact in service.get("contacts", []):
        yield from contact.get("phones", [])


def terms_of(service, taxonomy_name):
    return {
        a["taxonomy_term"]["term"]
        for a in service["attributes"]
        if a["taxonomy_term"].get("taxonomy") == taxonomy_name
    }


@pytest.mark.parametrize("service", SERVICES, ids=[s["name"] for s in SERVICES])
def test_every_service_validates_against_the_uk_profile(service):
    jsonschema.Draft202012Validator(SERVICE_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        service
    )


def test_only_national_lines_have_phone_numbers():
    # The seed documents give no local numbers: any other number would be an invention.
    numbers = {re.sub(r"\D", "", p["number"]) for s in SERVICES for p in phones(s)}

    assert numbers == NATIONAL_LINES


def test_every_service_names_its_source_document():
    missing = [s["name"] for s in SERVICES if not terms_of(s, "RightHelp source documents")]

    assert missing == []


def test_national_crisis_routes_are_records():
    crisis = {s["name"] for s in SERVICES if "crisis-service" in terms_of(s, "RightHelp crisis services")}

    for name in ("999 emergency", "NHS 111 option 2 (mental health crisis)", "Samaritans", "Shout"):
        assert name in crisis


def test_attributes_use_the_published_terms():
    for service in SERVICES:
        for attribute in service["attributes"]:
            assert attribute["taxonomy_term"] == TERMS[attribute["taxonomy_term_id"]]


def test_ids_are_unique():
    ids = [s["id"] for s in SERVICES]

    assert len(ids) == len(set(ids))
