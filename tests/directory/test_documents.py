"""Stored ORUK documents: what the API sends for a full service is never staler than the service."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from righthelp.accounts.models import Role
from righthelp.directory import actions, documents
from righthelp.directory.models import Service, ServiceDocument
from righthelp.directory.oruk_export import service_to_oruk
from righthelp.directory.oruk_import import import_services
from tests.accounts.factories import make_organisation, make_staff
from tests.directory.listing_factories import make_service

pytestmark = pytest.mark.django_db

ORGANIZATION = {
    "id": "22222222-2222-4222-8222-222222222222",
    "name": "Example Network (synthetic)",
    "description": "A synthetic organisation for tests.",
}
TERM = {
    "id": "33333333-3333-4333-8333-333333333333",
    "name": "Synthetic need",
    "description": "A synthetic taxonomy term for tests.",
}


def synthetic_service(number, **fields):
    return {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "name": f"Example Counselling {number} (synthetic)",
        "status": "active",
        **fields,
    }


def stored(service_id):
    return json.loads(ServiceDocument.objects.get(service_id=service_id).oruk)


def fresh(service_id):
    return json.loads(documents.as_json(service_to_oruk(Service.objects.get(pk=service_id), full=True)))


def test_an_import_stores_each_service_as_its_full_oruk_json():
    [service_id] = import_services([synthetic_service(1, organization=ORGANIZATION)])

    assert stored(service_id) == fresh(service_id)
    assert stored(service_id)["organization"]["name"] == "Example Network (synthetic)"


def test_importing_a_shared_record_refreshes_the_other_services_that_show_it():
    [first] = import_services([synthetic_service(1, organization=ORGANIZATION)])
    linked = {"id": "44444444-4444-4444-8444-444444444444", "taxonomy_term": TERM, "value": "synthetic"}
    [second] = import_services([synthetic_service(2, attributes=[linked])])
    renamed_term = {
        "id": "55555555-5555-4555-8555-555555555555",
        "taxonomy_term": {**TERM, "name": "Renamed synthetic need"},
        "value": "synthetic",
    }

    import_services(
        [
            synthetic_service(3, organization={**ORGANIZATION, "name": "Renamed Network (synthetic)"}),
            synthetic_service(4, attributes=[renamed_term]),
        ]
    )

    assert stored(first)["organization"]["name"] == "Renamed Network (synthetic)"
    assert stored(second)["attributes"][0]["taxonomy_term"]["name"] == "Renamed synthetic need"
    assert stored(first) == fresh(first) and stored(second) == fresh(second)


def test_a_listing_edit_refreshes_the_stored_document():
    organisation = make_organisation("Example Wellbeing Network (synthetic)")
    service = make_service(organisation, assured_date=timezone.localdate() - timedelta(days=400))
    editor = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    documents.refresh_read_models([service.id])

    actions.edit_listing(service=service, editor=editor, changes={"description": "Synthetic choir."})
    assert stored(service.id)["description"] == "Synthetic choir."
    assert stored(service.id) == fresh(service.id)

    actions.confirm_listing(service=service, editor=editor)
    assert stored(service.id) == fresh(service.id)


def test_a_service_written_without_a_refresh_is_served_built_afresh():
    service = make_service(make_organisation(), description="Written by hand (synthetic).")

    [text] = documents.documents_of([service.id])

    assert json.loads(text) == fresh(service.id)


def test_documents_come_in_the_order_asked_without_services_that_do_not_exist():
    ids = import_services([synthetic_service(1), synthetic_service(2)])
    Service.objects.filter(pk=ids[0]).delete()

    assert [json.loads(text)["id"] for text in documents.documents_of([ids[1], ids[0]])] == [str(ids[1])]


def test_a_full_refresh_rebuilds_every_document():
    ids = import_services([synthetic_service(1), synthetic_service(2)])
    ServiceDocument.objects.filter(service_id=ids[1]).update(oruk="{}")

    documents.refresh_read_models()

    assert stored(ids[1]) == fresh(ids[1])
    assert ServiceDocument.objects.count() == 2
