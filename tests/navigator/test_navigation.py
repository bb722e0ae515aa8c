"""The navigator end to end on the real borough directory."""

import pytest

from righthelp.navigator.navigation import navigate
from righthelp.navigator.params import NavigatorQuery

pytestmark = pytest.mark.django_db


def names(answer):
    return [result.service.name for result in answer.results]


def test_the_issues_example_finds_its_needs_and_services_without_a_crisis(borough):
    answer = navigate(NavigatorQuery(text="I've felt low for weeks and can't sleep"))
    assert not answer.crisis and answer.crisis_routes == []
    assert [(need.slug, need.words) for need in answer.needs] == [("sleep", "can't sleep")]
    assert answer.results and all(result.reasons for result in answer.results)


def test_a_crisis_leads_with_routes_and_puts_crisis_services_first(borough):
    answer = navigate(NavigatorQuery(text="i want to kill myslef"))
    assert answer.crisis and answer.signal.matched == ["en-harm-myself"]
    assert answer.crisis_routes[0]["number"] == "999"
    crisis_first = [result.crisis_service for result in answer.results]
    assert crisis_first[0] and crisis_first == sorted(crisis_first, reverse=True)
    assert "Tower Hamlets Together Café" in names(answer)


def test_a_young_person_in_crisis_is_not_sent_to_the_adult_cafe(borough):
    answer = navigate(NavigatorQuery(text="I want to die", age=15))
    assert "Tower Hamlets Together Café" not in [route["name"] for route in answer.crisis_routes]
    assert "Tower Hamlets Together Café" not in names(answer)
    assert "Samaritans" in names(answer)


def test_picking_crisis_leads_with_the_routes_too(borough):
    answer = navigate(NavigatorQuery(need_slugs=("crisis",)))
    assert answer.crisis and not answer.signal.fired
    assert [need.source for need in answer.needs] == ["picker"]


def test_bengali_text_finds_bengali_needs(borough):
    answer = navigate(NavigatorQuery(text="আমার মন খারাপ"))
    assert [need.slug for need in answer.needs] == ["low-mood"]
    assert "Tower Hamlets Talking Therapies" in names(answer)


def test_bengali_crisis_text_leads_with_routes(borough):
    answer = navigate(NavigatorQuery(text="আর বাঁচতে চাই না"))
    assert answer.crisis and len(answer.crisis_routes) == 5
