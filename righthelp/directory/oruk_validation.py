"""Checking incoming ORUK records against the UK profile schemas shipped in `schemas/`.

The compiled service schema is extended in memory with the HSDS 3.0 fields the UK profile leaves out
(ADR 0003): `phones` on a service and a contact (shaped by the profile's own phone.json),
`eligibility_description` and `application_process`, a service_at_location's `schedules`, and a term's
`taxonomy_detail` (shaped by taxonomy.json). So every part of a record is validated before anything is
written. Errors carry the JSON path of the failing field, e.g. "services[3].schedules[0].opens_at: ...".
"""

import copy
import json
from functools import cache
from pathlib import Path

from django.utils.dateparse import parse_datetime
from jsonschema import Draft202012Validator, FormatChecker

SCHEMAS = Path(__file__).with_name("schemas")
MESSAGE_LIMIT = 200


def _load(name):
    return json.loads((SCHEMAS / name).read_text())


def _format_checker():
    checker = FormatChecker(formats=("uuid", "email"))

    @checker.checks("date-time", raises=ValueError)
    def is_datetime_with_offset(value):
        # RFC 3339 date-time: an offset is required, so a time is never ambiguous.
        if not isinstance(value, str):
            return True
        parsed = parse_datetime(value)
        return parsed is not None and parsed.tzinfo is not None

    return checker


def _taxonomy_detail_schema():
    taxonomy = _load("taxonomy.json")
    del taxonomy["properties"]["taxonomy_terms"]  # a term's own taxonomy does not list its terms again
    return taxonomy


def _with_taxonomy_detail(term_schema, detail):
    term_schema["properties"]["taxonomy_detail"] = detail
    return term_schema


def _add_taxonomy_detail_everywhere(node, detail):
    """Every taxonomy_term object in the compiled schema, however deeply nested, may carry taxonomy_detail."""
    if isinstance(node, dict):
        term = node.get("properties", {}).get("taxonomy_term")
        if isinstance(term, dict) and "properties" in term:
            _with_taxonomy_detail(term, detail)
        for value in node.values():
            _add_taxonomy_detail_everywhere(value, detail)
    elif isinstance(node, list):
        for value in node:
            _add_taxonomy_detail_everywhere(value, detail)


def _phone_list_schema():
    phone = _load("phone.json")
    phone["properties"]["languages"]["items"] = _load("language.json")
    return {"type": "array", "items": phone}


def _service_schema():
    service = _load("service.json")
    properties = service["properties"]
    _add_taxonomy_detail_everywhere(service, _taxonomy_detail_schema())
    properties["eligibility_description"] = {"type": "string"}
    properties["application_process"] = {"type": "string"}
    properties["phones"] = _phone_list_schema()
    properties["contacts"]["items"]["properties"]["phones"] = _phone_list_schema()
    sal = properties["service_at_locations"]["items"]["properties"]
    sal["schedules"] = copy.deepcopy(properties["schedules"])
    return service


@cache
def service_validator():
    return Draft202012Validator(_service_schema(), format_checker=_format_checker())


@cache
def taxonomy_term_validator():
    term = _with_taxonomy_detail(_load("taxonomy_term.json"), _taxonomy_detail_schema())
    return Draft202012Validator(term, format_checker=_format_checker())


def json_path(parts):
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def errors_in(validator, record, prefix):
    """Every way `record` breaks the schema, as "prefix.path.to.field: message", in path order."""
    found = [
        f"{prefix}{json_path(error.absolute_path)}: {_short(error.message)}"
        for error in validator.iter_errors(record)
    ]
    return sorted(found)


def _short(message):
    return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 1] + "…"


def with_taxonomy_detail(term):
    """A term whose `taxonomy` is an object (the taxonomy itself, where ORUK has free text) has it moved
    to HSDS 3.0's `taxonomy_detail`, and the free text becomes the taxonomy's name."""
    if not (isinstance(term, dict) and isinstance(term.get("taxonomy"), dict)):
        return term
    moved = {key: value for key, value in term.items() if key != "taxonomy"}
    moved["taxonomy_detail"] = taxonomy = term["taxonomy"]
    if isinstance(taxonomy.get("name"), str):
        moved["taxonomy"] = taxonomy["name"]
    return moved


def with_taxonomy_details(node):
    """`node` with with_taxonomy_detail applied to every nested taxonomy_term."""
    if isinstance(node, list):
        return [with_taxonomy_details(value) for value in node]
    if not isinstance(node, dict):
        return node
    copied = {key: with_taxonomy_details(value) for key, value in node.items()}
    if "taxonomy_term" in copied:
        copied["taxonomy_term"] = with_taxonomy_detail(copied["taxonomy_term"])
    return copied
