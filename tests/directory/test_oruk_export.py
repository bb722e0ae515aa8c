"""Exporting ORUK JSON: the UK profile's shapes, None left out, and a fixed number of queries per page."""

import io
import json
import uuid

import pytest
from django.core.management import call_command

from righthelp.directory.models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from righthelp.directory.oruk_export import (
    organization_to_oruk,
    organizations_for_export,
    service_at_location_to_oruk,
    service_at_locations_for_export,
    service_to_oruk,
    services_for_export,
    taxonomy_term_to_oruk,
    taxonomy_to_oruk,
)
from righthelp.directory.oruk_import import import_services
from tests.directory.conftest import empty_directory, schema_errors

pytestmark = pytest.mark.django_db

# The services with their organizations, then one query per related table, and one for all the attributes.
QUERIES_FOR_A_PAGE_OF_FULL_SERVICES = 14


def renumbered(record, copy_number):
    """A copy of `record` with every id replaced consistently, so it imports as a separate service."""
    if isinstance(record, list):
        return [renumbered(item, copy_number) for item in record]
    if isinstance(record, dict):
        return {key: renumbered(value, copy_number) for key, value in record.items()}
    if isinstance(record, str) and len(record) == 36 and record.count("-") == 4:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"copy {copy_number} of {record}"))
    return record


def with_every_relation(example):
    """The example with phones (with languages) added, and without its references to absent parents."""
    del example["organization"]["parent_organization_id"]
    del example["attributes"][0]["taxonomy_term"]["parent_id"]
    phone = {"id": str(uuid.uuid4()), "number": "000", "languages": [{"id": str(uuid.uuid4())}]}
    example["phones"] = [phone]
    example["contacts"][0]["phones"] = [renumbered(phone, "contact")]
    return example


def test_a_full_service_conforms_to_the_compiled_service_schema(example_in_directory):
    [service] = services_for_export(Service.objects.filter(id=example_in_directory["id"]))

    assert schema_errors("compiled/service.json", service_to_oruk(service)) == []


def test_the_list_shape_has_the_one_to_one_fields_and_the_organization(example_in_directory):
    listed = service_to_oruk(Service.objects.get(id=example_in_directory["id"]), full=False)

    assert schema_errors("compiled/service_list.json", listed) == []
    assert listed["organization"]["name"] == example_in_directory["organization"]["name"]
    assert not any(isinstance(value, list) for value in listed.values())
    assert "organization_identifiers" not in listed["organization"]


def test_absent_values_are_left_out_and_empty_text_is_kept():
    import_services(
        [{"id": str(uuid.uuid4()), "name": "Example Café (synthetic)", "status": "active", "fees": ""}]
    )

    exported = service_to_oruk(Service.objects.get())

    assert "description" not in exported
    assert exported["fees"] == ""


def test_times_are_given_in_utc():
    record = {"id": str(uuid.uuid4()), "name": "Example (synthetic)", "status": "active"}
    import_services([{**record, "last_modified": "2024-06-01T10:00:00.250+01:00"}])

    assert service_to_oruk(Service.objects.get())["last_modified"] == "2024-06-01T09:00:00.250Z"


@pytest.mark.parametrize("copies", [1, 3])
def test_a_page_of_full_services_takes_a_fixed_number_of_queries(
    example_service, django_assert_num_queries, copies
):
    example = with_every_relation(example_service)
    records = [renumbered(example, number) for number in range(copies)]
    import_services(records)

    with django_assert_num_queries(QUERIES_FOR_A_PAGE_OF_FULL_SERVICES):
        exported = [service_to_oruk(s) for s in services_for_export(Service.objects.all())]

    assert len(exported) == copies
    assert all(len(service["contacts"][0]["phones"][0]["languages"]) == 1 for service in exported)


def test_a_service_at_location_conforms_in_both_shapes(example_in_directory):
    [sal] = service_at_locations_for_export(ServiceAtLocation.objects.all())

    full = service_at_location_to_oruk(sal)
    listed = service_at_location_to_oruk(sal, full=False)

    assert schema_errors("compiled/service_at_location.json", full) == []
    assert schema_errors("compiled/service_at_location_list.json", listed) == []
    assert full["location"]["addresses"][0]["postal_code"] == "ABC 1234"
    assert "service_at_locations" not in full["service"]
    assert "addresses" not in listed["location"]


def test_an_organization_conforms_with_its_services(example_in_directory):
    [org] = organizations_for_export(
        Organization.objects.filter(id=example_in_directory["organization"]["id"])
    )

    exported = organization_to_oruk(org, full=True)

    assert schema_errors("compiled/organization.json", exported) == []
    assert [s["id"] for s in exported["services"]] == [example_in_directory["id"]]
    assert exported["organization_identifiers"][0]["identifier"] == "1234567"
    assert schema_errors("compiled/organization_list.json", organization_to_oruk(org)) == []


def test_taxonomies_and_terms_conform():
    taxonomy = {
        "id": str(uuid.uuid4()),
        "name": "Synthetic needs",
        "description": "Synthetic.",
        "version": "1",
    }
    term = {
        "id": str(uuid.uuid4()),
        "name": "Synthetic need",
        "description": "Synthetic.",
        "taxonomy_detail": taxonomy,
    }
    import_services([], taxonomy_terms=[term])

    exported_term = taxonomy_term_to_oruk(TaxonomyTerm.objects.select_related("scheme").get())
    exported_taxonomy = taxonomy_to_oruk(
        Taxonomy.objects.get(), terms=TaxonomyTerm.objects.select_related("scheme")
    )

    assert schema_errors("taxonomy_term.json", exported_term) == []
    assert schema_errors("taxonomy.json", exported_taxonomy) == []
    assert exported_term["taxonomy_id"] == taxonomy["id"]
    assert exported_term["taxonomy_detail"] == taxonomy


def test_oruk_export_writes_every_service_and_the_file_imports_back_the_same(tmp_path):
    call_command("load_borough", stdout=io.StringIO())
    first, second = tmp_path / "first.json", tmp_path / "second.json"

    call_command("oruk_export", str(first), stdout=io.StringIO())
    empty_directory()
    call_command("oruk_import", str(first), stdout=io.StringIO())
    call_command("oruk_export", str(second), stdout=io.StringIO())

    exported = json.loads(first.read_text())
    assert len(exported) == Service.objects.count() > 0
    assert all(schema_errors("compiled/service.json", service) == [] for service in exported)
    assert second.read_text() == first.read_text()
