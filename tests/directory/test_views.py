"""The directory's pages, through the test client: what a visitor or a provider sees and can change."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from righthelp.accounts.models import Role
from righthelp.directory import postcodes
from righthelp.directory.models import ListingEdit, ProblemReport, Service
from righthelp.directory.postcodes import Place
from righthelp.directory.search import reindex_services
from tests.accounts.factories import make_organisation, make_staff
from tests.directory.listing_factories import (
    add_phone,
    link,
    make_service,
    make_term,
    open_every_day,
    place_at,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return make_organisation("Example Wellbeing Network (synthetic)")


@pytest.fixture
def other_organisation():
    return make_organisation("Another Example Charity (synthetic)")


@pytest.fixture
def service(organisation):
    return make_service(organisation)


@pytest.fixture
def others_service(other_organisation):
    return make_service(other_organisation, name="Another Example Service (synthetic)")


@pytest.fixture
def editor(organisation):
    return make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def html(response):
    return response.content.decode()


# The public list


def test_service_list_shows_each_result_with_its_organisation_summary_needs_and_last_checked(client, service):
    link(service, make_term("need", "low-mood", "Low mood"))

    response = client.get(reverse("directory:service_list"))

    assert response.status_code == 200
    page = html(response)
    assert "Example Wellbeing Service (synthetic)" in page
    assert "Example Wellbeing Network (synthetic)" in page
    assert "is a made-up service for tests." in page
    assert "Low mood" in page
    assert "Opening hours not known" in page
    assert f"Last checked: {timezone.localdate():%-d %B %Y}" in page
    assert "Need help now?" in page and "data-quick-exit" in page


def test_search_text_narrows_the_list(client, organisation):
    make_service(organisation, name="Example Gardening Club (synthetic)")
    make_service(organisation, name="Example Debt Advice (synthetic)")
    reindex_services()

    page = html(client.get(reverse("directory:service_list"), {"q": "gardening"}))

    assert "Example Gardening Club (synthetic)" in page
    assert "Example Debt Advice (synthetic)" not in page
    assert "1 service found" in page


def test_filters_combine_need_self_referral_and_open_now(client, organisation):
    anxiety = make_term("need", "anxiety", "Anxiety")
    self_referral = make_term("referral-route", "self-referral", "Self-referral")
    wanted = make_service(organisation, name="Example Open Drop-in (synthetic)")
    link(wanted, anxiety, self_referral)
    open_every_day(wanted, opens=timezone.datetime.min.time(), closes=timezone.datetime.min.time())
    needs_referral = make_service(organisation, name="Example Referral Only (synthetic)")
    link(needs_referral, anxiety)

    page = html(
        client.get(
            reverse("directory:service_list"), {"need": "anxiety", "self_referral": "on", "open_now": "on"}
        )
    )

    assert "Example Open Drop-in (synthetic)" in page
    assert "Example Referral Only (synthetic)" not in page
    assert "Open 24 hours" in page


def test_unknown_postcode_is_named_in_an_error_summary_and_the_list_still_works(client, service):
    response = client.get(reverse("directory:service_list"), {"postcode": "ZZ99 9ZZ"})

    assert response.status_code == 200
    page = html(response)
    assert "There is a problem" in page
    assert 'href="#postcode"' in page
    assert "We could not find that postcode" in page
    assert "Example Wellbeing Service (synthetic)" in page


def test_a_known_postcode_lists_services_with_an_address_within_the_distance(
    client, organisation, monkeypatch
):
    place = Place(
        postcode="ZZ1 1ZZ", latitude=51.52, longitude=-0.05, precision="postcode", source="synthetic"
    )
    monkeypatch.setattr(postcodes, "lookup", lambda postcode: place if postcode == "ZZ1 1ZZ" else None)
    place_at(make_service(organisation, name="Example Round The Corner (synthetic)"), 51.521, -0.05)
    place_at(make_service(organisation, name="Example Across Town (synthetic)"), 51.60, -0.05)

    page = html(client.get(reverse("directory:service_list"), {"postcode": "zz1  1zz", "distance": "1"}))

    assert "Example Round The Corner (synthetic)" in page and "0.1 miles away" in page
    assert "Example Across Town (synthetic)" not in page
    assert "There is a problem" not in page


def test_results_come_twenty_to_a_page_with_nhs_pagination(client, organisation):
    for number in range(21):
        make_service(organisation, name=f"Example Service {number:02d} (synthetic)")

    first = html(client.get(reverse("directory:service_list")))
    second = html(client.get(reverse("directory:service_list"), {"page": "2"}))

    assert first.count('class="rh-result"') == 20
    assert "nhsuk-pagination" in first and "?page=2" in first
    assert second.count('class="rh-result"') == 1
    assert "Example Service 20 (synthetic)" in second


def test_a_listing_checked_more_than_183_days_ago_carries_a_stale_warning(client, organisation):
    today = timezone.localdate()
    make_service(organisation, name="Example Fresh (synthetic)", assured_date=today - timedelta(days=183))
    make_service(organisation, name="Example Stale (synthetic)", assured_date=today - timedelta(days=184))

    page = html(client.get(reverse("directory:service_list")))

    fresh, stale = page.split("Example Stale (synthetic)</a>")
    assert "may be out of date" not in fresh
    assert "may be out of date" in stale


# A service page


def test_service_page_says_what_it_is_who_for_how_to_get_it_hours_contact_and_source(client, service):
    service.eligibility_description = "Synthetic adults only."
    service.application_process = "Fill in the synthetic form."
    service.minimum_age, service.maximum_age = 18, 65
    service.save()
    add_phone(service)
    open_every_day(service)
    link(
        service,
        make_term("eligibility", "carers", "Carers"),
        make_term("referral-route", "self-referral", "Self-referral"),
        make_term("source", "example-doc", "Example source document (synthetic)", "A made-up document."),
    )

    response = client.get(reverse("directory:service_detail", args=[service.id]))

    assert response.status_code == 200
    page = html(response)
    for heading in ("What it is", "Who it is for", "How to get it", "Opening hours", "Contact", "Address"):
        assert f"<h2>{heading}</h2>" in page
    assert "Synthetic adults only." in page and "Carers" in page and "Aged 18 to 65" in page
    assert "Fill in the synthetic form." in page and "Self-referral" in page
    assert "Monday" in page and "9am to 5pm" in page
    assert 'href="tel:01632960000"' in page
    assert "Address to be confirmed" in page
    assert "Example source document (synthetic)" in page and "A made-up document." in page
    assert f"Last checked: {timezone.localdate():%-d %B %Y}" in page
    assert reverse("directory:report_problem", args=[service.id]) in page
    assert "Need help now?" in page


def test_service_page_says_what_is_not_known_rather_than_guess(client, service):
    page = html(client.get(reverse("directory:service_detail", args=[service.id])))

    assert "Opening hours not known \N{EN DASH} contact the service to check" in page
    assert "Contact details to be confirmed" in page
    assert "Address to be confirmed" in page


def test_crisis_service_page_shows_its_crisis_nature(client, service):
    link(
        service,
        make_term("crisis", "crisis-service", "Crisis service", "Synthetic: answers people in crisis."),
    )

    page = html(client.get(reverse("directory:service_detail", args=[service.id])))

    assert "Crisis support" in page
    assert "Synthetic: answers people in crisis." in page


def test_a_listing_not_running_says_so(client, organisation):
    paused = make_service(organisation, status=Service.Status.TEMPORARILY_CLOSED)

    assert "This service is temporarily closed." in html(
        client.get(reverse("directory:service_detail", args=[paused.id]))
    )


def test_every_borough_listing_has_a_working_page(client):
    call_command("load_borough", verbosity=0)

    for service_id in Service.objects.values_list("id", flat=True):
        response = client.get(reverse("directory:service_detail", args=[service_id]))
        assert response.status_code == 200, service_id
        assert "Last checked:" in html(response)


def test_unknown_service_is_404_with_the_urgent_help_panel(client):
    response = client.get(reverse("directory:service_detail", args=["00000000-0000-0000-0000-000000000000"]))

    assert response.status_code == 404
    assert "Need help now?" in html(response)


# Report a problem


def test_report_form_says_where_the_report_goes(client, service):
    response = client.get(reverse("directory:report_problem", args=[service.id]))

    assert response.status_code == 200
    assert "Your report goes to Example Wellbeing Network (synthetic)" in html(response)


def test_a_report_reaches_the_owning_organisation_and_thanks_the_reporter(client, service, organisation):
    response = client.post(
        reverse("directory:report_problem", args=[service.id]),
        {"what_is_wrong": "The synthetic phone number is wrong.", "reporter_email": ""},
    )

    assert response.status_code == 302
    assert response.url == reverse("directory:report_sent", args=[service.id])
    report = ProblemReport.objects.get()
    assert (report.service, report.organization, report.status) == (service, organisation, "open")
    assert "Report sent" in html(client.get(response.url))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"what_is_wrong": "  "}, "what_is_wrong", "Enter what is wrong with this page"),
        ({"what_is_wrong": "x" * 2001}, "what_is_wrong", "2000 characters or fewer"),
        ({"what_is_wrong": "Wrong.", "reporter_email": "not-an-email"}, "reporter_email", "correct format"),
    ],
)
def test_a_bad_report_names_the_field_and_saves_nothing(client, service, data, field, message):
    response = client.post(reverse("directory:report_problem", args=[service.id]), data)

    assert response.status_code == 400
    page = html(response)
    assert "There is a problem" in page and f'href="#{field}"' in page and message in page
    assert not ProblemReport.objects.exists()


# Provider pages


def test_manage_pages_need_signing_in(client):
    response = client.get(reverse("directory:manage_listings"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_my_listings_shows_only_my_organisations_services_with_freshness_and_open_reports(
    editor_client, organisation, service, others_service
):
    make_service(
        organisation,
        name="Example Old Listing (synthetic)",
        assured_date=timezone.localdate() - timedelta(days=400),
    )
    ProblemReport.objects.create(
        service=service, organization=organisation, what_is_wrong="Synthetic report."
    )

    page = html(editor_client.get(reverse("directory:manage_listings")))

    assert "Example Wellbeing Service (synthetic)" in page
    assert "Another Example Service (synthetic)" not in page
    assert "Out of date" in page
    assert (
        '1<span class="nhsuk-u-visually-hidden"> open reports about Example Wellbeing Service (synthetic)'
        in page
    )


def test_editing_my_listing_publishes_it_records_who_and_marks_it_checked_today(
    editor_client, editor, service
):
    service.assured_date = timezone.localdate() - timedelta(days=300)
    service.save()
    form = editor_client.get(reverse("directory:manage_edit_listing", args=[service.id]))
    assert form.status_code == 200

    response = editor_client.post(
        reverse("directory:manage_edit_listing", args=[service.id]),
        listing_data(service, description="Now with synthetic evening sessions."),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.description == "Now with synthetic evening sessions."
    assert service.assured_date == timezone.localdate()
    edit = ListingEdit.objects.get()
    assert (edit.editor, edit.fields, edit.confirmed_unchanged) == (editor, ["description"], False)
    public = html(editor_client.get(reverse("directory:service_detail", args=[service.id])))
    assert "Now with synthetic evening sessions." in public


def test_age_range_out_of_order_names_the_field_and_changes_nothing(editor_client, service):
    response = editor_client.post(
        reverse("directory:manage_edit_listing", args=[service.id]),
        listing_data(service, minimum_age="30", maximum_age="18", description="Changed."),
    )

    assert response.status_code == 400
    page = html(response)
    assert (
        'href="#maximum_age"' in page
        and "Maximum age must be the same as or more than the minimum age" in page
    )
    service.refresh_from_db()
    assert (service.minimum_age, service.description) == (
        None,
        "Example Wellbeing Service (synthetic) is a made-up service for tests. It does not exist.",
    )
    assert not ListingEdit.objects.exists()


def test_an_edit_over_someone_elses_newer_save_is_refused_with_409(editor_client, service):
    data = listing_data(service, description="My change.")
    Service.objects.filter(pk=service.pk).update(last_modified=timezone.now())

    response = editor_client.post(reverse("directory:manage_edit_listing", args=[service.id]), data)

    assert response.status_code == 409
    assert "Someone else changed this listing" in html(response)
    service.refresh_from_db()
    assert service.description != "My change."


def test_confirming_a_listing_marks_it_checked_today(editor_client, editor, service):
    service.assured_date = timezone.localdate() - timedelta(days=300)
    service.save()

    response = editor_client.post(reverse("directory:manage_confirm_listing", args=[service.id]))

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert ListingEdit.objects.get().confirmed_unchanged is True


def test_my_problem_reports_lists_only_my_organisations_reports(editor_client, service, others_service):
    ProblemReport.objects.create(
        service=service, organization=service.organization, what_is_wrong="Mine (synthetic)."
    )
    ProblemReport.objects.create(
        service=others_service, organization=others_service.organization, what_is_wrong="Theirs (synthetic)."
    )

    page = html(editor_client.get(reverse("directory:manage_reports")))

    assert "Mine (synthetic)." in page
    assert "Theirs (synthetic)." not in page


def test_resolving_a_report_records_who_and_when(editor_client, editor, service):
    report = ProblemReport.objects.create(
        service=service, organization=service.organization, what_is_wrong="x"
    )

    response = editor_client.post(reverse("directory:manage_resolve_report", args=[report.id]))

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.resolved_by) == ("resolved", editor)
    assert report.resolved_at is not None


@pytest.mark.parametrize(
    ("method", "view"),
    [("get", "manage_edit_listing"), ("post", "manage_edit_listing"), ("post", "manage_confirm_listing")],
)
def test_another_organisations_listing_answers_404_and_changes_nothing(
    editor_client, others_service, method, view
):
    before = Service.objects.values().get(pk=others_service.pk)

    response = getattr(editor_client, method)(
        reverse(f"directory:{view}", args=[others_service.id]), listing_data(others_service, name="Hijacked")
    )

    assert response.status_code == 404
    assert Service.objects.values().get(pk=others_service.pk) == before
    assert not ListingEdit.objects.exists()


def test_another_organisations_problem_report_answers_404_and_stays_open(editor_client, others_service):
    report = ProblemReport.objects.create(
        service=others_service, organization=others_service.organization, what_is_wrong="Theirs."
    )

    response = editor_client.post(reverse("directory:manage_resolve_report", args=[report.id]))

    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status == "open"


def listing_data(service, **changes):
    data = {
        "name": service.name,
        "description": service.description or "",
        "eligibility_description": service.eligibility_description or "",
        "application_process": service.application_process or "",
        "url": service.url or "",
        "email": service.email or "",
        "minimum_age": "" if service.minimum_age is None else service.minimum_age,
        "maximum_age": "" if service.maximum_age is None else service.maximum_age,
        "alert": service.alert or "",
        "status": service.status,
        "last_modified_seen": service.last_modified.isoformat() if service.last_modified else "",
    }
    data.update(changes)
    return data
