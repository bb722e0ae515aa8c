"""The ORUK API on the real Tower Hamlets directory: ORUK shapes, paging, filters, errors, CORS."""

import json

import pytest
from django.conf import settings

from righthelp.directory import postcodes, search
from righthelp.directory.models import Service, ServiceDocument
from righthelp.directory.oruk_import import import_services
from tests.directory.conftest import SCHEMAS, borough_data, schema_errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("borough")]

API = "/api/v1"
SERVICES = borough_data("services.json")
TERMS = borough_data("taxonomy_terms.json")
A_SERVICE = next(s for s in SERVICES if s["contacts"] and s["schedules"])
A_SERVICE_AT_LOCATION = next(sal for s in SERVICES for sal in s["service_at_locations"])
AN_ORGANIZATION = A_SERVICE["organization"]
A_TERM = TERMS[0]
A_TAXONOMY_ID = A_TERM["taxonomy_id"]
CRISIS = next(t for t in TERMS if t["term"] == "crisis-service")
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"
CHILD_ID = "00000000-0000-4000-b000-000000000001"
NATIONAL_LINES = {"999 emergency", "NHS 111 option 2 (mental health crisis)", "Samaritans", "Shout"}


def get(client, path, **params):
    return client.get(f"{API}{path}", params)


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def names(page):
    return {item["name"] for item in page["contents"]}


def ids_of_services_with(predicate):
    return {s["id"] for s in SERVICES if predicate(s)}


LISTS = [
    ("/services", {}, "compiled/service_list.json"),
    ("/services", {"full": "true"}, "compiled/service.json"),
    ("/organizations", {}, "compiled/organization_list.json"),
    ("/taxonomies", {}, "taxonomy.json"),
    ("/taxonomy_terms", {}, "taxonomy_term.json"),
    ("/service_at_locations", {}, "compiled/service_at_location_list.json"),
]
DETAILS = [
    (f"/services/{A_SERVICE['id']}", {}, "compiled/service.json"),
    (f"/organizations/{AN_ORGANIZATION['id']}", {}, "compiled/organization.json"),
    (
        f"/organizations/{AN_ORGANIZATION['id']}",
        {"full_service": "true"},
        "compiled/organization.json",
    ),
    (f"/taxonomies/{A_TAXONOMY_ID}", {}, "taxonomy.json"),
    (f"/taxonomy_terms/{A_TERM['id']}", {}, "taxonomy_term.json"),
    (f"/service_at_locations/{A_SERVICE_AT_LOCATION['id']}", {}, "compiled/service_at_location.json"),
]


@pytest.mark.parametrize(("path", "params", "schema"), LISTS)
def test_every_list_is_an_oruk_page_of_conforming_records(client, path, params, schema):
    response = get(client, path, per_page=200, **params)
    page = ok(response)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(page) == {
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    }
    assert page["size"] == len(page["contents"]) == page["total_items"] > 0
    assert [schema_errors(schema, item) for item in page["contents"]] == [[]] * page["size"]


@pytest.mark.parametrize(("path", "params", "schema"), DETAILS)
def test_every_record_conforms_to_its_oruk_schema(client, path, params, schema):
    response = get(client, path, **params)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert schema_errors(schema, ok(response)) == []


def test_a_full_service_carries_the_borough_data(client):
    service = ok(get(client, f"/services/{A_SERVICE['id']}"))

    assert service["name"] == A_SERVICE["name"]
    assert service["contacts"][0]["phones"][0]["number"] == A_SERVICE["contacts"][0]["phones"][0]["number"]
    assert {a["id"] for a in service["attributes"]} == {a["id"] for a in A_SERVICE["attributes"]}


def test_the_root_describes_the_api(client):
    about = ok(get(client, "/"))

    assert about == {
        "version": "3.0",
        "profile": settings.ORUK_PROFILE_URL,
        "openapi_url": "http://testserver/api/v1/openapi.json",
    }
    assert ok(client.get(about["openapi_url"]))["openapi"].startswith("3.")


def test_the_openapi_document_describes_records_with_the_oruk_schemas(client):
    schemas = ok(get(client, "/openapi.json"))["components"]["schemas"]

    for name in ("service", "service_list", "organization", "organization_list", "service_at_location"):
        assert schemas[name] == json.loads((SCHEMAS / "compiled" / f"{name}.json").read_text())
    assert schemas["taxonomy_term"] == json.loads((SCHEMAS / "taxonomy_term.json").read_text())


def test_pages_cover_every_service_once(client):
    pages = [ok(get(client, "/services", per_page=10, page=number)) for number in range(1, 8)]

    listed = [item["id"] for page in pages[:6] for item in page["contents"]]
    assert sorted(listed) == sorted(s["id"] for s in SERVICES)
    assert [page["total_pages"] for page in pages] == [6] * 7
    assert [page["size"] for page in pages] == [10, 10, 10, 10, 10, len(SERVICES) - 50, 0]
    assert [page["first_page"] for page in pages] == [True] + [False] * 6
    assert [page["last_page"] for page in pages] == [False] * 5 + [True, True]
    assert [page["empty"] for page in pages] == [False] * 6 + [True]
    assert {page["total_items"] for page in pages} == {len(SERVICES)}


def test_a_page_holds_50_by_default(client):
    page = ok(get(client, "/services"))

    assert (page["page_number"], page["size"]) == (1, 50)


def test_minimal_gives_ids_and_modification_times(client):
    page = ok(get(client, "/services", minimal="true", per_page=200))

    assert {item["id"]: item["last_modified"] for item in page["contents"]} == {
        s["id"]: s["last_modified"] for s in SERVICES
    }


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/services", {"page": "x"}, "page"),
        ("/services", {"page": "0"}, "page"),
        ("/services", {"per_page": "201"}, "per_page"),
        ("/services", {"per_page": "0"}, "per_page"),
        ("/services", {"taxonomy_term_id": "crisis"}, "taxonomy_term_id"),
        ("/services", {"taxonomy_id": "1"}, "taxonomy_id"),
        ("/services", {"organization_id": "x"}, "organization_id"),
        ("/services", {"modified_after": "yesterday"}, "modified_after"),
        ("/services", {"modified_after": "2025-01-01T09:00:00"}, "modified_after"),
        ("/services", {"minimum_age": "-1"}, "minimum_age"),
        ("/services", {"maximum_age": "old"}, "maximum_age"),
        ("/services", {"day": "Monday"}, "day"),
        ("/services", {"start_time": "9am"}, "start_time"),
        ("/services", {"start_time": "12:00", "end_time": "09:00"}, "end_time"),
        ("/services", {"full": "yes"}, "full"),
        ("/services", {"search": "x" * 201}, "search"),
        ("/organizations", {"per_page": "-5"}, "per_page"),
        ("/organizations/not-a-uuid", {}, "id"),
        ("/taxonomies", {"page": "1.5"}, "page"),
        ("/taxonomy_terms", {"parent_id": "x"}, "parent_id"),
        ("/taxonomy_terms", {"top_only": "1"}, "top_only"),
        ("/service_at_locations", {"postcode": "ZZ99 9ZZ"}, "postcode"),
        ("/service_at_locations", {"proximity": "500"}, "proximity"),
        ("/service_at_locations", {"postcode": "E1 6AN", "proximity": "far"}, "proximity"),
    ],
)
def test_a_bad_parameter_answers_400_naming_it(client, path, params, parameter):
    response = get(client, path, **params)

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert parameter in [error["parameter"] for error in response.json()["errors"]]


@pytest.mark.parametrize(
    "path", ["/services", "/organizations", "/taxonomies", "/taxonomy_terms", "/service_at_locations"]
)
def test_an_unknown_id_answers_404_in_json(client, path):
    response = get(client, f"{path}/{UNKNOWN_ID}")

    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["errors"][0]["parameter"] == "id"


def test_an_unknown_endpoint_answers_404_in_json(client):
    response = get(client, "/referrals")

    assert (response.status_code, response["Access-Control-Allow-Origin"]) == (404, "*")
    assert response.json()["errors"]


def test_a_cors_preflight_is_answered(client):
    response = client.options(f"{API}/services", headers={"Access-Control-Request-Headers": "accept"})

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept"


def test_the_api_is_read_only(client):
    response = client.post(f"{API}/services", {"name": "x"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_services_filter_by_taxonomy_term_and_taxonomy(client):
    by_term = ok(get(client, "/services", taxonomy_term_id=CRISIS["id"], per_page=200))
    by_taxonomy = ok(get(client, "/services", taxonomy_id=CRISIS["taxonomy_id"], per_page=200))

    crisis_services = ids_of_services_with(
        lambda s: any(a["taxonomy_term_id"] == CRISIS["id"] for a in s["attributes"])
    )
    assert {item["id"] for item in by_term["contents"]} == crisis_services
    assert names(by_term) >= NATIONAL_LINES
    assert {item["id"] for item in by_taxonomy["contents"]} == crisis_services  # the taxonomy has one term


def test_services_filter_by_organization_modification_and_age(client):
    by_organization = ok(get(client, "/services", organization_id=AN_ORGANIZATION["id"], per_page=200))
    later = ok(get(client, "/services", modified_after="2026-11-22T00:00:01Z"))
    since = ok(get(client, "/services", modified_after="2026-11-22T00:00:00+00:00", per_page=1))
    adults = ok(get(client, "/services", minimum_age="18", per_page=200))
    capped = ok(get(client, "/services", maximum_age="150", per_page=200))

    assert {item["id"] for item in by_organization["contents"]} == ids_of_services_with(
        lambda s: s["organization_id"] == AN_ORGANIZATION["id"]
    )
    assert (later["total_items"], since["total_items"]) == (0, len(SERVICES))
    assert {item["id"] for item in adults["contents"]} == ids_of_services_with(
        lambda s: s.get("minimum_age", -1) >= 18
    )
    assert adults["total_items"] > 0
    assert {item["id"] for item in capped["contents"]} == ids_of_services_with(lambda s: "maximum_age" in s)


def test_search_gives_the_search_index_order(client):
    page = ok(get(client, "/services", search="crisis", per_page=200))

    expected = search.search_services(Service.objects.all(), "crisis").values_list("id", flat=True)
    assert [item["id"] for item in page["contents"]] == [str(pk) for pk in expected]
    assert page["total_items"] > 0


def test_search_pages_follow_the_index_order_and_count_every_match(client):
    first = ok(get(client, "/services", search="support", per_page=5, full="true"))
    second = ok(get(client, "/services", search="support", per_page=5, page=2, full="true"))

    expected = [str(pk) for pk in search.search_ids("support")]
    assert [item["id"] for item in first["contents"] + second["contents"]] == expected[:10]
    assert first["total_items"] == second["total_items"] == len(expected) > 10


def test_a_full_service_is_its_stored_document(client):
    response = get(client, f"/services/{A_SERVICE['id']}")

    assert response["Content-Type"] == "application/json"
    stored = ServiceDocument.objects.get(service_id=A_SERVICE["id"]).oruk
    assert json.loads(response.content) == json.loads(stored)


def test_day_and_times_find_the_services_open_then(client):
    night = ok(get(client, "/services", day="SU", start_time="03:00", end_time="04:00", per_page=200))
    any_day = ok(get(client, "/services", start_time="03:00", per_page=200))

    assert names(night) >= NATIONAL_LINES
    assert names(night) <= names(any_day)
    assert ids_of_services_with(lambda s: not s["schedules"]).isdisjoint(
        item["id"] for item in night["contents"]
    )


NEAR = postcodes.Place(
    postcode="E1 6AN", latitude=51.5200, longitude=-0.0700, precision="postcode", source="test"
)


def synthetic_place(number, latitude):
    return {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "name": f"Example Drop-in {number} (synthetic)",
        "status": "active",
        "service_at_locations": [
            {
                "id": f"00000000-0000-4000-9000-{number:012d}",
                "location": {
                    "id": f"00000000-0000-4000-a000-{number:012d}",
                    "location_type": "physical",
                    "latitude": latitude,
                    "longitude": NEAR.longitude,
                },
            }
        ],
    }


def test_a_postcode_orders_by_distance_and_proximity_limits_it(client, monkeypatch):
    # 0.009 degrees of latitude is about 1 km.
    import_services([synthetic_place(1, NEAR.latitude + 0.018), synthetic_place(2, NEAR.latitude + 0.009)])
    monkeypatch.setattr(postcodes, "lookup", lambda postcode: NEAR if postcode == "E1 6AN" else None)

    nearest_first = ok(get(client, "/service_at_locations", postcode="E1 6AN", per_page=200))
    within_1500_m = ok(get(client, "/service_at_locations", postcode="E1 6AN", proximity="1500"))

    listed = [item["service"]["name"] for item in nearest_first["contents"]]
    assert listed[:2] == ["Example Drop-in 2 (synthetic)", "Example Drop-in 1 (synthetic)"]
    assert nearest_first["total_items"] == 2 + sum(len(s["service_at_locations"]) for s in SERVICES)
    assert [item["service"]["name"] for item in within_1500_m["contents"]] == [
        "Example Drop-in 2 (synthetic)"
    ]
    assert within_1500_m["contents"][0]["location"]["latitude"] == NEAR.latitude + 0.009


def test_taxonomy_terms_filter_by_taxonomy_and_parent(client):
    child = {
        "id": CHILD_ID,
        "name": "Synthetic child",
        "description": "Synthetic.",
        "parent_id": A_TERM["id"],
    }
    import_services([], taxonomy_terms=[child])

    in_taxonomy = ok(get(client, "/taxonomy_terms", taxonomy_id=A_TAXONOMY_ID, per_page=200))
    children = ok(get(client, "/taxonomy_terms", parent_id=A_TERM["id"]))
    top = ok(get(client, "/taxonomy_terms", top_only="true", per_page=200))

    assert {t["id"] for t in in_taxonomy["contents"]} == {
        t["id"] for t in TERMS if t["taxonomy_id"] == A_TAXONOMY_ID
    }
    assert [t["id"] for t in children["contents"]] == [CHILD_ID]
    assert top["total_items"] == len(TERMS)


def test_an_organization_lists_its_services(client):
    organization = ok(get(client, f"/organizations/{AN_ORGANIZATION['id']}", full_service="true"))

    expected = ids_of_services_with(lambda s: s["organization_id"] == AN_ORGANIZATION["id"])
    assert {s["id"] for s in organization["services"]} == expected
    assert all("attributes" in s for s in organization["services"])


def test_a_taxonomy_lists_its_terms(client):
    taxonomy = ok(get(client, f"/taxonomies/{A_TAXONOMY_ID}"))

    assert {t["id"] for t in taxonomy["taxonomy_terms"]} == {
        t["id"] for t in TERMS if t["taxonomy_id"] == A_TAXONOMY_ID
    }
