"""Importing ORUK JSON: validation with paths, all-or-nothing, idempotent upserts, every property kept."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from righthelp.directory.models import (
    Attribute,
    Contact,
    Organization,
    Phone,
    Schedule,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from righthelp.directory.oruk_export import service_to_oruk, services_for_export
from righthelp.directory.oruk_import import ORUKImportError, import_services
from tests.directory.conftest import EXAMPLE_PARENT_TERM, borough_data

pytestmark = pytest.mark.django_db

SYNTHETIC_TERM = {
    "id": "11111111-1111-4111-8111-111111111111",
    "name": "Synthetic need",
    "description": "A synthetic taxonomy term for tests.",
}


def synthetic_service(number=1, **fields):
    return {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "name": f"Example Counselling {number} (synthetic)",
        "status": "active",
        **fields,
    }


def attribute(number, **fields):
    return {"id": f"22222222-2222-4222-8222-{number:012d}", "taxonomy_term": SYNTHETIC_TERM, **fields}


def contains(expected, actual, path="$"):
    """Every property of `expected` is in `actual` with an equal value (lists matched by id)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} is missing"
            contains(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), path
        by_id = {item.get("id"): item for item in actual if isinstance(item, dict)}
        for index, item in enumerate(expected):
            match = by_id.get(item["id"]) if isinstance(item, dict) else actual[index]
            contains(item, match, f"{path}[{index}]")
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"


def exported_directory():
    return {str(s.id): service_to_oruk(s) for s in services_for_export(Service.objects.all())}


def test_the_oruk_example_survives_import_then_export(example_in_directory):
    exported = service_to_oruk(Service.objects.get(id=example_in_directory["id"]))

    contains(example_in_directory, exported)


def test_reimport_changes_nothing(example_in_directory):
    before = service_to_oruk(Service.objects.get(id=example_in_directory["id"]))
    counts = [model.objects.count() for model in (Service, Organization, Schedule, Attribute, TaxonomyTerm)]

    import_services([example_in_directory])

    assert service_to_oruk(Service.objects.get(id=example_in_directory["id"])) == before
    assert [
        model.objects.count() for model in (Service, Organization, Schedule, Attribute, TaxonomyTerm)
    ] == counts


def test_a_bad_field_is_rejected_with_its_path(example_service):
    example_service["schedules"][0]["opens_at"] = "25:00"

    with pytest.raises(ORUKImportError) as raised:
        import_services([synthetic_service(1), example_service], taxonomy_terms=[EXAMPLE_PARENT_TERM])

    assert raised.value.errors[0].startswith("services[1].schedules[0].opens_at: ")
    assert not Service.objects.exists()


def test_schema_errors_name_every_failing_field():
    record = synthetic_service(1, status="open", minimum_age="twelve")

    with pytest.raises(ORUKImportError) as raised:
        import_services([record])

    assert [error.split(":")[0] for error in raised.value.errors] == [
        "services[0].minimum_age",
        "services[0].status",
    ]


def test_a_batch_with_one_bad_record_leaves_the_directory_unchanged():
    import_services([synthetic_service(1, description="Before (synthetic).")])
    before = service_to_oruk(Service.objects.get())
    changed = synthetic_service(1, description="After (synthetic).")
    bad = synthetic_service(3, maximum_age=10, minimum_age=18)

    with pytest.raises(ORUKImportError) as raised:
        import_services([changed, synthetic_service(2), bad])

    assert raised.value.errors == ["services[2].maximum_age: must not be less than minimum_age"]
    assert service_to_oruk(Service.objects.get()) == before


def test_a_reference_to_an_unknown_record_is_rejected():
    record = synthetic_service(1, organization_id="33333333-3333-4333-8333-333333333333")

    with pytest.raises(ORUKImportError) as raised:
        import_services([record])

    assert raised.value.errors == [
        "services[0].organization_id: no organization with id 33333333-3333-4333-8333-333333333333"
    ]


def test_a_nested_record_must_belong_to_its_parent():
    schedule = {
        "id": "44444444-4444-4444-8444-444444444444",
        "service_id": "33333333-3333-4333-8333-333333333333",
    }

    with pytest.raises(ORUKImportError) as raised:
        import_services([synthetic_service(1, schedules=[schedule])])

    assert raised.value.errors[0].startswith("services[0].schedules[0].service_id: must be ")


def test_an_array_replaces_the_stored_rows_and_an_absent_one_keeps_them():
    schedules = [{"id": f"44444444-4444-4444-8444-{n:012d}", "byday": "MO"} for n in (1, 2)]
    import_services([synthetic_service(1, schedules=schedules, attributes=[attribute(1)])])

    import_services([synthetic_service(1, schedules=schedules[:1])])

    assert [str(pk) for pk in Schedule.objects.values_list("id", flat=True)] == [schedules[0]["id"]]
    assert Attribute.objects.count() == 1


def test_attributes_are_kept_on_every_kind_of_record():
    record = synthetic_service(
        1,
        attributes=[attribute(1)],
        organization={
            "id": "55555555-5555-4555-8555-555555555555",
            "name": "Example Organisation (synthetic)",
            "description": "Synthetic.",
            "attributes": [attribute(2)],
            "organization_identifiers": [
                {
                    "id": "66666666-6666-4666-8666-666666666666",
                    "identifier_type": "Charity number",
                    "identifier": "0000000",
                    "attributes": [attribute(3)],
                }
            ],
        },
        contacts=[{"id": "77777777-7777-4777-8777-777777777777", "attributes": [attribute(4)]}],
        service_at_locations=[
            {
                "id": "88888888-8888-4888-8888-888888888888",
                "location": {
                    "id": "99999999-9999-4999-8999-999999999999",
                    "location_type": "physical",
                    "attributes": [attribute(5)],
                    "addresses": [
                        {
                            "id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                            "address_1": "1 Example Street (synthetic)",
                            "city": "London",
                            "state_province": "Greater London",
                            "postal_code": "E1 0AA",
                            "country": "GB",
                            "address_type": "physical",
                            "attributes": [attribute(6)],
                        }
                    ],
                    "accessibility": [
                        {"id": "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "attributes": [attribute(7)]}
                    ],
                },
            }
        ],
    )

    import_services([record])

    linked = dict(Attribute.objects.values_list("link_entity", "link_id"))
    assert linked == {
        "service": Service.objects.get().id,
        "organization": Organization.objects.get().id,
        "organization_identifier": Organization.objects.get().organization_identifiers.get().id,
        "contact": Contact.objects.get().id,
        "location": Service.objects.get().service_at_locations.get().location_id,
        "address": Service.objects.get().service_at_locations.get().location.addresses.get().id,
        "accessibility": Service.objects.get().service_at_locations.get().location.accessibility.get().id,
    }


def test_a_given_link_id_and_link_type_are_kept():
    link_id = "cccccccc-cccc-4ccc-8ccc-cccccccccccc"

    import_services([synthetic_service(1, attributes=[attribute(1, link_id=link_id, link_type="need")])])

    assert Attribute.objects.values_list("link_id", "link_type").get() == (
        Attribute._meta.get_field("link_id").to_python(link_id),
        "need",
    )


def test_a_term_gives_its_taxonomy_as_free_text_or_as_the_taxonomy_itself():
    taxonomy = {
        "id": "dddddddd-dddd-4ddd-8ddd-dddddddddddd",
        "name": "Synthetic needs",
        "description": "Synthetic.",
    }
    as_object = {**SYNTHETIC_TERM, "taxonomy": taxonomy}
    as_text = {**SYNTHETIC_TERM, "id": "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee", "taxonomy": "Some thesaurus"}

    import_services([], taxonomy_terms=[as_object, as_text])

    object_term, text_term = (
        TaxonomyTerm.objects.get(id=as_object["id"]),
        TaxonomyTerm.objects.get(id=as_text["id"]),
    )
    assert (object_term.scheme, object_term.taxonomy) == (Taxonomy.objects.get(), "Synthetic needs")
    assert (text_term.scheme, text_term.taxonomy) == (None, "Some thesaurus")


def test_phones_and_hsds_fields_are_imported():
    record = synthetic_service(
        1,
        eligibility_description="Adults (synthetic).",
        application_process="Refer yourself (synthetic).",
        phones=[
            {
                "id": "f0000000-0000-4000-8000-000000000001",
                "number": "000",
                "languages": [{"id": "f0000000-0000-4000-8000-000000000002", "name": "English"}],
            }
        ],
    )

    import_services([record])

    service = Service.objects.get()
    assert service.eligibility_description == "Adults (synthetic)."
    assert service.application_process == "Refer yourself (synthetic)."
    assert Phone.objects.get().languages.get().name == "English"


def test_oruk_import_reads_a_page_a_list_or_one_service(tmp_path):
    for number, document in enumerate(
        [synthetic_service(1), [synthetic_service(2)], {"contents": [synthetic_service(3)]}], start=1
    ):
        path = tmp_path / f"{number}.json"
        path.write_text(json.dumps(document))
        call_command("oruk_import", str(path), stdout=io.StringIO())

    assert Service.objects.count() == 3


def test_oruk_import_reports_the_errors_and_imports_nothing(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([synthetic_service(1), synthetic_service(2, status="open")]))

    with pytest.raises(CommandError, match=r"services\[1\]\.status"):
        call_command("oruk_import", str(path), stdout=io.StringIO())

    assert not Service.objects.exists()


def test_load_borough_loads_every_service_and_term_and_can_run_again():
    services, terms = borough_data("services.json"), borough_data("taxonomy_terms.json")

    call_command("load_borough", stdout=io.StringIO())
    first = exported_directory()
    call_command("load_borough", stdout=io.StringIO())

    assert Service.objects.count() == len(services)
    assert TaxonomyTerm.objects.count() == len(terms)
    assert exported_directory() == first


def test_every_borough_service_keeps_its_data():
    services = borough_data("services.json")

    call_command("load_borough", stdout=io.StringIO())

    exported = exported_directory()
    for record in services:
        contains(record, exported[record["id"]])
