import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from righthelp.navigator.params import MAX_TEXT_LENGTH
from righthelp.navigator.questionnaires import ATTRIBUTION, TALK_TODAY

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"id", "name", "organization", "score", "reasons", "open_now", "access", "distance_m"}


def navigate(client, **params):
    return client.get(reverse("navigator:navigate"), params)


def score(client, name, body):
    url = reverse("navigator:questionnaire_score", args=[name])
    return client.post(
        url, body if isinstance(body, str) else json.dumps(body), content_type="application/json"
    )


def test_navigate_answers_the_documented_json(client, borough):
    response = navigate(client, q="I need help with housing", age="40", need="low-mood")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    answer = response.json()
    assert list(answer) == ["crisis", "crisis_routes", "results", "query"]
    assert answer["crisis"] is False and answer["crisis_routes"] == []
    assert 0 < len(answer["results"]) <= 10
    assert all(set(result) == RESULT_KEYS for result in answer["results"])
    assert answer["query"]["q"] == "I need help with housing"
    assert [(need["slug"], need["from"]) for need in answer["query"]["needs"]] == [
        ("low-mood", "picker"),
        ("housing", "text"),
    ]


def test_navigate_takes_a_postcode_district(client, borough):
    answer = navigate(client, q="anxious", postcode="e1").json()
    assert answer["query"]["postcode"] == "E1"
    talking_therapies = next(r for r in answer["results"] if r["name"] == "Tower Hamlets Talking Therapies")
    assert "For Tower Hamlets residents, as you are" in talking_therapies["reasons"]
    assert talking_therapies["distance_m"] is None  # no site of it is located


def test_navigate_leads_with_crisis_routes_and_crisis_services(client, borough):
    answer = navigate(client, q="I've been SELF HARMING and want to end it all").json()
    assert answer["crisis"] is True
    assert [route["name"] for route in answer["crisis_routes"]][:2] == ["Emergency: 999", "NHS 111, option 2"]
    assert answer["results"][0]["name"] in {"999 emergency", "NHS 111 option 2 (mental health crisis)"}


def test_navigate_names_each_bad_parameter_and_still_gives_crisis_routes(client, borough):
    response = navigate(client, q="I want to die", age="old")
    assert response.status_code == 400
    body = response.json()
    assert body["errors"] == [
        {"parameter": "age", "message": "must be a whole number of years from 0 to 120"}
    ]
    assert body["crisis"] is True and len(body["crisis_routes"]) == 5


def test_navigate_finds_a_risk_even_in_text_too_long_to_answer(client):
    response = navigate(client, q="x " * MAX_TEXT_LENGTH + "I took an overdose")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "q"
    assert response.json()["crisis"] is True


def test_navigate_is_read_only(client):
    response = client.post(reverse("navigator:navigate"))
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"


def test_score_answers_total_band_step_and_services(client, borough):
    response = score(client, "phq9", {"answers": [2, 2, 1, 1, 1, 1, 1, 1, 0]})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "no-store" in response["Cache-Control"]
    result = response.json()
    assert (result["total"], result["severity"], result["risk_flag"], result["step"]) == (
        10,
        "moderate",
        False,
        "talking-therapies",
    )
    assert result["crisis_routes"] == []
    assert [service["name"] for service in result["services"]] == ["Tower Hamlets Talking Therapies"]
    assert result["attribution"] == ATTRIBUTION
    assert "not a diagnosis" in result["note"]


def test_score_with_item_9_above_0_puts_crisis_routes_first_whatever_the_total(client, borough):
    result = score(client, "phq9", {"answers": [0, 0, 0, 0, 0, 0, 0, 0, 1]}).json()
    assert (result["severity"], result["risk_flag"]) == ("minimal", True)
    assert list(result)[:3] == ["questionnaire", "risk_flag", "crisis_routes"]
    assert result["crisis_routes"][0]["number"] == "999"
    assert result["next_steps"][0] == TALK_TODAY


def test_score_names_each_missing_or_out_of_range_item(client, borough):
    response = score(client, "gad7", {"answers": [0, 1, 7, 0, 0]})
    assert response.status_code == 400
    assert [(error["field"], error["item"]) for error in response.json()["errors"]] == [
        ("answers[2]", 3),
        ("answers[5]", 6),
        ("answers[6]", 7),
    ]


def test_an_unscorable_phq9_with_item_9_answered_still_gives_crisis_routes(client, borough):
    body = score(client, "phq9", {"answers": [None] * 8 + [2]}).json()
    assert body["crisis"] is True and body["crisis_routes"][0]["number"] == "999"


@pytest.mark.parametrize(
    ("body", "field"), [("not json", "body"), ({"answer": [0] * 9}, "answers"), ([], "answers")]
)
def test_score_needs_a_json_object_with_answers(client, body, field):
    response = score(client, "phq9", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_score_unknown_questionnaire_is_404(client):
    response = score(client, "phq2", {"answers": [0, 0]})
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "name"


def test_score_stores_nothing(client, borough):
    with CaptureQueriesContext(connection) as queries:
        score(client, "phq9", {"answers": [3] * 9})
    writes = [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []


def test_score_allows_a_cross_origin_preflight(client):
    response = client.options(reverse("navigator:questionnaire_score", args=["gad7"]))
    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
