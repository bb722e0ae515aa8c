import pytest

from righthelp.directory.models import Service
from righthelp.navigator.crisis_routes import crisis_routes
from righthelp.navigator.queries import TOGETHER_CAFE_ID

pytestmark = pytest.mark.django_db

ORDER = ["Emergency: 999", "NHS 111, option 2", "Tower Hamlets Together Café", "Samaritans", "Shout"]


def test_routes_lead_with_999_then_111_then_the_cafe_then_samaritans_and_shout(borough):
    routes = crisis_routes()
    assert [route["name"] for route in routes] == ORDER
    assert [route["href"] for route in routes if route["kind"] != "walk-in"] == [
        "tel:999",
        "tel:111",
        "tel:116123",
        "sms:85258?body=SHOUT",
    ]


def test_the_cafe_route_says_only_what_its_record_says(borough):
    cafe = crisis_routes()[2]
    assert cafe == {
        "name": "Tower Hamlets Together Café",
        "action": "Walk in, no referral needed (ages 18 and over)",
        "number": None,
        "when": "Address and opening times to be confirmed",
        "kind": "walk-in",
        "href": f"/services/{TOGETHER_CAFE_ID}/",
        "service_id": str(TOGETHER_CAFE_ID),
    }


def test_someone_under_the_cafes_age_gets_the_national_routes(borough):
    assert [route["name"] for route in crisis_routes(age=16)] == [
        "Emergency: 999",
        "NHS 111, option 2",
        "Samaritans",
        "Shout",
    ]


def test_without_an_active_cafe_record_the_national_routes_stand_alone(borough):
    Service.objects.filter(id=TOGETHER_CAFE_ID).update(status=Service.Status.TEMPORARILY_CLOSED)
    assert len(crisis_routes()) == 4
