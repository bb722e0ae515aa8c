import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from righthelp.directory.models import Service
from righthelp.navigator.questionnaires import ATTRIBUTION, GAD7, PHQ9
from righthelp.navigator.views import MY_LIST_KEY

pytestmark = pytest.mark.django_db

FIND = reverse("find:find_help")
MY_LIST = reverse("find:my_list")
URGENT_CARD = "Talk to someone today"
NATIONAL_ROUTES_IN_ORDER = ["Emergency: 999", "NHS 111, option 2", "Samaritans", "Shout"]


def text_of(response):
    return response.content.decode()


def main_of(response):
    """The page's <main>, without the urgent-help panel every page shows above it."""
    return text_of(response).split('id="maincontent"', 1)[1]


def test_find_help_asks_in_a_post_form(client, borough):
    response = client.get(FIND)
    assert response.status_code == 200
    page = text_of(response)
    assert "What&#39;s happening?" in page or "What's happening?" in page
    assert re.search(r'<form action="/find/" method="post"', page)
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'name="need" type="checkbox" value="low-mood"' in page
    assert "no-cache" in response["Cache-Control"]


def test_find_help_answers_with_services_that_link_to_their_pages(client, borough):
    response = client.post(FIND, {"q": "I feel low and can't sleep", "self_referral": "on"})
    assert response.status_code == 200
    main = main_of(response)
    assert URGENT_CARD not in main
    assert main.count('class="rh-result"') in range(1, 11)
    assert re.search(r'<a href="/services/[0-9a-f-]{36}/">', main)
    assert "Add to my list" in main and "How to get in:" in main


def test_no_fitting_service_points_to_the_whole_directory(client):
    main = main_of(client.post(FIND, {"q": "zzqx vbnw"}))
    assert 'class="rh-result"' not in main
    assert f'<a href="{reverse("directory:service_list")}">Browse all services</a>' in main


def test_crisis_text_puts_the_crisis_routes_before_any_result(client, borough):
    main = main_of(client.post(FIND, {"q": "I want to end it all"}))
    card = main.index(URGENT_CARD)
    positions = [main.index(name) for name in NATIONAL_ROUTES_IN_ORDER]
    assert card < positions[0] and positions == sorted(positions)
    assert positions[-1] < main.index('class="rh-result"')


def test_a_bad_age_is_named_in_an_error_summary_and_the_answers_are_kept(client, borough):
    response = client.post(FIND, {"q": "I feel anxious all the time", "age": "twelve", "need": ["anxiety"]})
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page and 'href="#age"' in page
    assert "Enter your age as a whole number from 0 to 120" in page
    assert "I feel anxious all the time</textarea>" in page
    assert 'value="twelve"' in page
    assert re.search(r'value="anxiety"\s+checked', page)
    assert 'class="rh-result"' not in page


def test_an_unanswerable_request_still_leads_with_crisis_routes(client, borough):
    main = main_of(client.post(FIND, {"q": "I want to die", "postcode": "ZZ99 9ZZ"}))
    assert main.index(URGENT_CARD) < main.index("There is a problem")
    assert 'href="#postcode"' in main


def test_my_list_adds_and_removes_services_by_id_only(client, borough):
    service = Service.objects.get(name="Tower Hamlets Talking Therapies")
    assert "Your list is empty" in text_of(client.get(MY_LIST))

    added = client.post(reverse("find:add_to_list"), {"service": str(service.id)}, follow=True)
    assert added.redirect_chain == [(MY_LIST, 302)]
    assert f"{service.name} is on your list." in text_of(added)
    assert f'<a href="/services/{service.id}/">{service.name}</a>' in text_of(added)
    assert client.session[MY_LIST_KEY] == [str(service.id)]
    assert "use your browser's print option" in text_of(added)

    removed = client.post(reverse("find:remove_from_list"), {"service": str(service.id)}, follow=True)
    assert client.session[MY_LIST_KEY] == []
    assert "Your list is empty" in text_of(removed)


def test_only_a_listed_service_can_be_added(client, borough):
    response = client.post(reverse("find:add_to_list"), {"service": "not-an-id"})
    assert response.status_code == 404
    assert MY_LIST_KEY not in client.session


def test_self_check_offers_both_questionnaires(client):
    page = text_of(client.get(reverse("find:self_check_choose")))
    assert reverse("find:self_check", args=["phq9"]) in page
    assert reverse("find:self_check", args=["gad7"]) in page


def test_only_the_two_self_checks_exist(client):
    assert client.get(reverse("find:self_check", args=["audit"])).status_code == 404


def test_self_check_asks_each_item_with_the_standard_answers(client):
    page = text_of(client.get(reverse("find:self_check", args=["gad7"])))
    assert page.count('type="radio"') == 4 * len(GAD7.items)
    for label in ("Not at all", "Several days", "More than half the days", "Nearly every day"):
        assert label in page
    assert ATTRIBUTION in page and "Your answers are not stored" in page


def test_self_check_risk_answer_leads_with_crisis_routes_whatever_the_total(client, borough):
    answers = {f"item-{number}": "0" for number in range(1, 10)} | {"item-9": "1"}
    main = main_of(client.post(reverse("find:self_check", args=["phq9"]), answers))
    assert main.index(URGENT_CARD) < main.index("Your score is 1 out of 27.")
    assert "This is a self-check, not a diagnosis" in main


def test_self_check_result_gives_the_band_and_the_step(client, borough):
    answers = {f"item-{number}": "2" for number in range(1, 8)}
    main = main_of(client.post(reverse("find:self_check", args=["gad7"]), answers))
    assert "Your score is 14 out of 21." in main and "Moderate" in main
    assert "NHS Talking Therapies can help" in main
    assert URGENT_CARD not in main


def test_self_check_names_each_unanswered_question_and_keeps_the_answers(client):
    response = client.post(reverse("find:self_check", args=["phq9"]), {"item-1": "3", "item-9": "0"})
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page
    for number in range(2, 9):
        assert f'href="#item-{number}"' in page
        assert f"Answer question {number}: {PHQ9.items[number - 1].split(' — ')[0]}" in page
    assert 'href="#item-1"' not in page and 'href="#item-9"' not in page
    assert re.search(r'name="item-1" type="radio" value="3"\s+checked', page)


def test_self_check_writes_nothing(client, borough):
    answers = {f"item-{number}": "1" for number in range(1, 10)}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("find:self_check", args=["phq9"]), answers)
    assert response.status_code == 200
    writes = [query["sql"] for query in queries if not query["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert not client.session.keys()
