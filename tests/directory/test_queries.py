"""Directory reads: what the public list finds, and that provider reads stay inside one organisation."""

from datetime import UTC, datetime, time

import pytest
from django.http import Http404

from righthelp.directory import queries
from righthelp.directory.models import ListingEdit, ProblemReport, Service
from righthelp.directory.postcodes import Place
from righthelp.directory.search import reindex_services
from tests.accounts.factories import make_organisation, make_staff
from tests.directory.listing_factories import link, make_service, make_term, open_every_day, place_at

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)
STEPNEY = Place(postcode="ZZ1 1ZZ", latitude=51.52, longitude=-0.05, precision="postcode", source="synthetic")


@pytest.fixture
def organisation():
    return make_organisation("Example Wellbeing Network (synthetic)")


@pytest.fixture
def other_organisation():
    return make_organisation("Another Example Charity (synthetic)")


def names(services):
    return [service.name for service in services]


def test_ids_follow_the_shared_namespace():
    assert str(queries.taxonomy_id("need")) == "d31b1006-a93b-5cfc-90a0-3cf53ecc7444"
    assert str(queries.term_id("need", "low-mood")) == "86912530-2a9a-5014-8317-56f2931d0903"


def test_the_public_list_leaves_out_services_not_running(organisation):
    make_service(organisation, name="Example Active (synthetic)")
    make_service(organisation, name="Example Paused (synthetic)", status=Service.Status.TEMPORARILY_CLOSED)
    make_service(organisation, name="Example Pilot (synthetic)", status=Service.Status.INACTIVE)
    make_service(organisation, name="Example Closed (synthetic)", status=Service.Status.DEFUNCT)

    found = queries.find_services(queries.Criteria())

    assert names(found) == ["Example Active (synthetic)", "Example Paused (synthetic)"]


def test_any_chosen_need_matches(organisation):
    anxiety, housing = make_term("need", "anxiety", "Anxiety"), make_term("need", "housing", "Housing")
    link(make_service(organisation, name="Example A (synthetic)"), anxiety)
    link(make_service(organisation, name="Example B (synthetic)"), housing)
    make_service(organisation, name="Example C (synthetic)")

    found = queries.find_services(queries.Criteria(need_slugs=("anxiety", "housing")))

    assert names(found) == ["Example A (synthetic)", "Example B (synthetic)"]


def test_self_referral_keeps_services_you_can_contact_yourself(organisation):
    link(
        make_service(organisation, name="Example Walk-in (synthetic)"),
        make_term("referral-route", "self-referral", "Self-referral"),
    )
    link(
        make_service(organisation, name="Example GP Only (synthetic)"),
        make_term("referral-route", "gp-referral", "GP"),
    )

    assert names(queries.find_services(queries.Criteria(self_referral=True))) == [
        "Example Walk-in (synthetic)"
    ]


def test_open_now_keeps_services_open_at_that_moment(organisation):
    open_every_day(
        make_service(organisation, name="Example Daytime (synthetic)"), opens=time(9), closes=time(17)
    )
    open_every_day(
        make_service(organisation, name="Example Evening (synthetic)"), opens=time(18), closes=time(22)
    )
    make_service(organisation, name="Example Unknown Hours (synthetic)")

    assert names(queries.find_services(queries.Criteria(open_at=NOON))) == ["Example Daytime (synthetic)"]


def test_search_text_ranks_within_the_filters(organisation):
    anxiety = make_term("need", "anxiety", "Anxiety")
    link(make_service(organisation, name="Example Anxiety Group (synthetic)"), anxiety)
    make_service(organisation, name="Example Anxiety Helpline (synthetic)")
    reindex_services()

    found = queries.find_services(queries.Criteria(text="anxiety group", need_slugs=("anxiety",)))

    assert names(found) == ["Example Anxiety Group (synthetic)"]


def test_near_a_place_keeps_located_services_within_the_distance_nearest_first(organisation):
    near = make_service(organisation, name="Example Near (synthetic)")
    place_at(near, 51.521, -0.05)  # about 110 m north
    nearer = make_service(organisation, name="Example Nearer (synthetic)")
    place_at(nearer, 51.5201, -0.05)
    place_at(make_service(organisation, name="Example Far (synthetic)"), 51.60, -0.05)  # about 9 km
    make_service(organisation, name="Example Phone Only (synthetic)")

    found = queries.find_services(queries.Criteria(near=STEPNEY, within_m=1609))

    assert names(found) == ["Example Nearer (synthetic)", "Example Near (synthetic)"]
    assert found[0].distance_m < found[1].distance_m < 200


def test_need_terms_offer_only_needs_some_service_has(organisation):
    link(make_service(organisation), make_term("need", "anxiety", "Anxiety"))
    make_term("need", "hoarding", "Hoarding")
    make_term("eligibility", "carers", "Carers")

    assert [term.name for term in queries.need_terms()] == ["Anxiety"]


def test_terms_by_service_groups_each_services_terms(organisation):
    first, second = (
        make_service(organisation, name="Example 1 (synthetic)"),
        make_service(organisation, name="Example 2 (synthetic)"),
    )
    link(first, make_term("need", "anxiety", "Anxiety"), make_term("need", "housing", "Housing"))

    found = queries.terms_by_service([first, second])

    assert [term.name for term in found[first.id]] == ["Anxiety", "Housing"]
    assert found[second.id] == []


def test_a_report_needs_a_service_with_an_organisation(organisation):
    orphan = make_service(None, name="Example Orphan (synthetic)")

    assert queries.reportable_service_or_404(make_service(organisation).id).organization == organisation
    with pytest.raises(Http404):
        queries.reportable_service_or_404(orphan.id)


def test_organisation_services_count_only_open_reports(organisation, other_organisation):
    mine = make_service(organisation)
    make_service(other_organisation, name="Example Theirs (synthetic)")
    ProblemReport.objects.create(service=mine, organization=organisation, what_is_wrong="a")
    ProblemReport.objects.create(
        service=mine, organization=organisation, what_is_wrong="b", status="resolved"
    )

    (found,) = queries.organisation_services(organisation)

    assert (found, found.open_report_count) == (mine, 1)


def test_provider_reads_never_cross_organisations(organisation, other_organisation):
    theirs = make_service(other_organisation, name="Example Theirs (synthetic)")
    report = ProblemReport.objects.create(service=theirs, organization=other_organisation, what_is_wrong="x")
    editor = make_staff("editor@example.org")
    ListingEdit.objects.create(service=theirs, editor=editor, fields=["name"])

    with pytest.raises(Http404):
        queries.organisation_service_or_404(organisation, theirs.id)
    with pytest.raises(Http404):
        queries.organisation_problem_report_or_404(organisation, report.id)
    assert not queries.organisation_problem_reports(organisation, ProblemReport.Status.OPEN).exists()
    assert list(queries.listing_history(organisation, theirs)) == []
    assert [edit.editor for edit in queries.listing_history(other_organisation, theirs)] == [editor]
