"""Directory writes: each changes what it says, records who and when, and leaves nothing half done."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from righthelp.accounts.models import Role
from righthelp.directory import actions
from righthelp.directory.models import ListingEdit, ProblemReport, Service
from righthelp.directory.search import search_services
from tests.accounts.factories import make_organisation, make_staff
from tests.directory.listing_factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return make_organisation("Example Wellbeing Network (synthetic)")


@pytest.fixture
def service(organisation):
    return make_service(organisation, assured_date=timezone.localdate() - timedelta(days=400))


@pytest.fixture
def editor(organisation):
    return make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)


def test_report_problem_files_it_with_the_owning_organisation(service, organisation):
    report = actions.report_problem(
        service=service, what_is_wrong="Wrong number (synthetic).", reporter_email=""
    )

    assert (report.organization, report.service, report.status) == (organisation, service, "open")
    assert report.what_is_wrong == "Wrong number (synthetic)."


def test_report_problem_tells_listing_editors_without_passing_on_what_was_reported(
    service, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.report_problem(
            service=service,
            what_is_wrong="My name is Sam and I was turned away.",
            reporter_email="sam@example.org",
        )

    (message,) = mail.outbox
    assert message.to == ["editor@example.org"]
    assert service.name in message.body
    assert "Sam" not in message.body + message.subject
    assert "sam@example.org" not in message.body + message.subject


def test_report_problem_needs_an_organisation_to_go_to(organisation):
    orphan = make_service(None, name="Example Orphan Listing (synthetic)")

    with pytest.raises(ValueError, match="no organisation"):
        actions.report_problem(service=orphan, what_is_wrong="x", reporter_email="")
    assert not ProblemReport.objects.exists()


def test_edit_listing_writes_fields_marks_checked_and_records_the_edit(service, editor):
    before = timezone.now()

    edited = actions.edit_listing(
        service=service, editor=editor, changes={"description": "New synthetic words.", "minimum_age": 16}
    )

    service.refresh_from_db()
    assert (service.description, service.minimum_age) == ("New synthetic words.", 16)
    assert service.assured_date == timezone.localdate()
    assert service.last_modified >= before
    assert edited.last_modified == service.last_modified
    edit = ListingEdit.objects.get()
    assert (edit.service, edit.editor, edit.fields, edit.confirmed_unchanged) == (
        service,
        editor,
        ["description", "minimum_age"],
        False,
    )
    assert edit.at >= before


def test_edit_listing_reindexes_the_service_for_search(service, editor):
    actions.edit_listing(
        service=service, editor=editor, changes={"description": "Teaches synthetic beekeeping."}
    )

    assert list(search_services(Service.objects.all(), "beekeeping")) == [service]


def test_edit_listing_refuses_fields_that_are_not_the_providers_to_change(service, editor, organisation):
    with pytest.raises(ValueError, match="organization"):
        actions.edit_listing(service=service, editor=editor, changes={"organization": organisation})
    assert not ListingEdit.objects.exists()


def test_edit_listing_with_an_age_range_out_of_order_changes_nothing(service, editor):
    with pytest.raises(ValidationError):
        actions.edit_listing(service=service, editor=editor, changes={"minimum_age": 40, "maximum_age": 18})

    service.refresh_from_db()
    assert (service.minimum_age, service.maximum_age) == (None, None)
    assert not ListingEdit.objects.exists()


def test_edit_listing_refuses_to_overwrite_a_change_made_meanwhile(service, editor):
    seen = service.last_modified
    actions.edit_listing(service=service, editor=editor, changes={"description": "First edit."})

    with pytest.raises(actions.ListingChangedMeanwhile):
        actions.edit_listing(
            service=service,
            editor=editor,
            changes={"description": "Second edit."},
            expected_last_modified=seen,
        )

    service.refresh_from_db()
    assert service.description == "First edit."
    assert ListingEdit.objects.count() == 1


def test_confirm_listing_marks_it_checked_and_records_that_nothing_changed(service, editor):
    description = service.description

    actions.confirm_listing(service=service, editor=editor)

    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.description == description
    edit = ListingEdit.objects.get()
    assert (edit.editor, edit.fields, edit.confirmed_unchanged) == (editor, [], True)


def test_resolve_problem_report_records_who_and_when_once(service, editor, organisation):
    report = ProblemReport.objects.create(service=service, organization=organisation, what_is_wrong="x")
    someone_else = make_staff("second@example.org", organisation, Role.LISTING_EDITOR)

    first = actions.resolve_problem_report(report=report, by=editor)
    again = actions.resolve_problem_report(report=report, by=someone_else)

    assert (first.status, first.resolved_by) == ("resolved", editor)
    assert (again.resolved_by, again.resolved_at) == (editor, first.resolved_at)
