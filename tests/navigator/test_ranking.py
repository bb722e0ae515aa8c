from datetime import UTC, datetime, time

import pytest

from righthelp.directory.models import Service
from righthelp.directory.postcodes import Place
from righthelp.directory.search import reindex_services
from righthelp.navigator.needs import Need
from righthelp.navigator.params import NavigatorQuery
from righthelp.navigator.ranking import MAX_RESULTS, rank
from tests.directory.listing_factories import open_every_day, place_at
from tests.navigator.factories import synthetic_service, term

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)  # a Wednesday, 3am in London
LOW_MOOD = Need("low-mood", "Low mood", "picker")
SLEEP = Need("sleep", "Sleep", "text", "can't sleep")
CRISIS = Need("crisis", "Mental health crisis", "crisis")
STEPNEY = Place("E1 0AA", 51.5155, -0.0467, "postcode", "synthetic")


def names(results):
    return [result.service.name for result in results]


def ranked(needs=(LOW_MOOD,), crisis=False, **query):
    return rank(NavigatorQuery(**query), list(needs), crisis=crisis, at=AT)


def test_a_service_meeting_more_of_the_needs_ranks_first_and_says_why():
    synthetic_service("Example Mood Group", "need:low-mood")
    synthetic_service("Example Mood and Sleep Clinic", "need:low-mood", "need:sleep")
    results = ranked(needs=[LOW_MOOD, SLEEP])
    assert names(results) == ["Example Mood and Sleep Clinic (synthetic)", "Example Mood Group (synthetic)"]
    assert results[0].reasons[0] == "Helps with low mood and sleep"
    assert results[0].score > results[1].score


def test_someone_outside_a_services_ages_does_not_see_it():
    synthetic_service("Example Adults Group", "need:low-mood", "eligibility:adults")
    synthetic_service("Example Over 25s Group", "need:low-mood", minimum_age=25)
    synthetic_service("Example Young People Group", "need:low-mood", maximum_age=17)
    assert names(ranked(age=16)) == ["Example Young People Group (synthetic)"]
    adult = ranked(age=30)
    assert names(adult) == ["Example Adults Group (synthetic)", "Example Over 25s Group (synthetic)"]
    assert "Suits your age (ages 18 and over)" in adult[0].reasons


def test_without_an_age_the_age_range_is_a_reason_not_a_filter():
    synthetic_service("Example Adults Group", "need:low-mood", "eligibility:adults")
    assert ranked()[0].reasons == ["Helps with low mood", "For ages 18 and over"]


def test_choosing_to_refer_yourself_shows_only_self_referral_and_walk_in_services():
    synthetic_service("Example Self Referral Service", "need:low-mood", "referral-route:self-referral")
    synthetic_service("Example Walk-in Space", "need:low-mood", "referral-route:walk-in")
    synthetic_service("Example GP Service", "need:low-mood", "referral-route:gp-referral")
    results = ranked(self_referral=True)
    assert names(results) == [
        "Example Self Referral Service (synthetic)",
        "Example Walk-in Space (synthetic)",
    ]
    assert [result.access for result in results] == [["self-referral"], ["walk-in"]]
    assert len(ranked()) == 3


def test_open_now_is_true_false_or_not_known_and_filters_to_open_services():
    open_every_day(synthetic_service("Example Night Line", "need:low-mood"), opens=time(0), closes=time(0))
    open_every_day(synthetic_service("Example Day Centre", "need:low-mood"), opens=time(9), closes=time(17))
    synthetic_service("Example Unknown Hours", "need:low-mood")
    results = {result.service.name: result for result in ranked()}
    assert results["Example Night Line (synthetic)"].open_now is True
    assert "Open now" in results["Example Night Line (synthetic)"].reasons
    assert results["Example Day Centre (synthetic)"].open_now is False
    assert results["Example Unknown Hours (synthetic)"].open_now is None
    assert names(ranked(open_now=True)) == ["Example Night Line (synthetic)"]


def test_a_service_offering_the_persons_language_ranks_higher_and_says_so():
    synthetic_service("Example A Group", "need:low-mood")
    synthetic_service("Example B Group", "need:low-mood", "language:bn")
    results = ranked(language="bn")
    assert names(results)[0] == "Example B Group (synthetic)"
    assert "Offered in Bengali" in results[0].reasons


def test_nearer_services_rank_higher_and_carry_their_distance():
    far = synthetic_service("Example Far Group", "need:low-mood")
    near = synthetic_service("Example Near Group", "need:low-mood")
    place_at(far, 51.5300, -0.0100)
    place_at(near, 51.5160, -0.0470)
    synthetic_service("Example Unplaced Group", "need:low-mood")
    results = ranked(postcode="E1 0AA", place=STEPNEY)
    assert names(results)[0] == "Example Near Group (synthetic)"
    assert results[0].distance_m < 200 and "60 m away" in results[0].reasons
    assert [result.distance_m for result in results][2] is None


def test_a_residents_only_service_says_when_the_postcode_may_be_outside_the_borough():
    synthetic_service("Example Residents Group", "need:low-mood", "eligibility:tower-hamlets-residents")
    synthetic_service("Example Open Group", "need:low-mood")
    inside = ranked(postcode="E1 0AA", place=STEPNEY)
    outside = ranked(postcode="N1 9GU", place=Place("N1 9GU", 51.5, -0.1, "postcode", "synthetic"))
    assert names(inside)[0] == "Example Residents Group (synthetic)"
    assert names(outside)[0] == "Example Open Group (synthetic)"
    assert "For Tower Hamlets residents: your postcode may be outside the borough" in outside[1].reasons


def test_a_group_only_service_says_who_it_is_for():
    synthetic_service("Example Carers Group", "need:low-mood", "eligibility:carers")
    assert "For carers" in ranked()[0].reasons


def test_crisis_services_come_first_when_the_text_shows_a_risk():
    synthetic_service("Example Mood Group", "need:low-mood", "referral-route:self-referral")
    synthetic_service("Example Crisis Line", "crisis:crisis-service")
    assert names(ranked(needs=[LOW_MOOD, CRISIS], crisis=True)) == [
        "Example Crisis Line (synthetic)",
        "Example Mood Group (synthetic)",
    ]
    assert names(ranked(needs=[LOW_MOOD])) == ["Example Mood Group (synthetic)"]


def test_services_that_are_not_active_are_not_shown():
    synthetic_service("Example Planned Group", "need:low-mood", status=Service.Status.INACTIVE)
    synthetic_service("Example Closed Group", "need:low-mood", status=Service.Status.TEMPORARILY_CLOSED)
    assert ranked() == []


def test_at_most_ten_results():
    for number in range(MAX_RESULTS + 3):
        synthetic_service(f"Example Group {number:02d}", "need:low-mood")
    assert len(ranked()) == MAX_RESULTS


def test_words_that_name_no_need_are_searched():
    synthetic_service("Example Allotment Club", "need:housing", description="Gardening on an allotment.")
    term("need", "low-mood")
    reindex_services()
    results = ranked(needs=[], text="allotment gardening")
    assert names(results) == ["Example Allotment Club (synthetic)"]
    assert results[0].reasons == ['Mentions "allotment", "gardening"']


def test_words_are_not_searched_when_a_named_need_finds_services():
    synthetic_service("Example Allotment Club", "need:housing", description="Gardening on an allotment.")
    synthetic_service("Example Sleep Clinic", "need:sleep")
    reindex_services()
    assert names(ranked(needs=[SLEEP], text="can't sleep, allotment")) == ["Example Sleep Clinic (synthetic)"]
