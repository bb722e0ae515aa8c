import pytest

from righthelp.navigator.signposts import step_services

pytestmark = pytest.mark.django_db


def names(services):
    return [service["name"] for service in services]


@pytest.mark.parametrize("questionnaire", ["phq9", "gad7"])
def test_talking_therapies_step_points_to_the_self_referral_talking_therapies_service(borough, questionnaire):
    services = step_services(questionnaire, "talking-therapies")
    assert names(services) == ["Tower Hamlets Talking Therapies"]
    assert services[0]["access"] == ["self-referral"]


def test_gp_review_step_points_to_gp_and_self_referral_services_for_the_need(borough):
    assert names(step_services("phq9", "gp-review")) == [
        "Primary Care Mental Health Services",
        "Tower Hamlets Talking Therapies",
    ]


def test_self_help_step_points_to_community_support_not_crisis_or_housing_services(borough):
    services = names(step_services("phq9", "self-help"))
    assert "Recovery College" in services and "Mind Connecting Communities" in services
    assert not {"Crisis and Rehabilitation Services", "Mental health supported accommodation"} & set(services)
    assert "Rethink Physical Activity" not in services  # only for particular groups
