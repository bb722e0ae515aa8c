"""How a service is put into words for its page and its search result."""

from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace

import pytest

from righthelp.directory import presenters
from righthelp.directory.models import Contact, Phone
from righthelp.directory.queries import public_service_or_404, terms_by_service
from tests.accounts.factories import make_organisation
from tests.directory.listing_factories import (
    add_phone,
    link,
    make_service,
    make_term,
    open_every_day,
    place_at,
)

# A Wednesday at noon in London (GMT in January).
NOON = datetime(2026, 1, 7, 12, 0, tzinfo=UTC)


def present(service, at=NOON):
    service = public_service_or_404(service.id)
    return presenters.ServicePresenter(service, terms=terms_by_service([service])[service.id], at=at)


@pytest.fixture
def service(db):
    return make_service(make_organisation("Example Wellbeing Network (synthetic)"))


@pytest.mark.parametrize(
    ("age_days", "stale"), [(0, False), (183, False), (184, True), (1000, True)], ids=lambda v: str(v)
)
def test_a_listing_turns_stale_when_checked_more_than_183_days_ago(age_days, stale):
    today = date(2026, 11, 22)

    result = presenters.freshness(today - timedelta(days=age_days), today)

    assert result == presenters.Freshness(today - timedelta(days=age_days), stale)


def test_a_listing_never_checked_is_stale():
    assert presenters.freshness(None, date(2026, 11, 22)) == presenters.Freshness(None, True)


def test_terms_are_sorted_into_needs_eligibility_routes_crisis_and_sources(service):
    link(
        service,
        make_term("need", "low-mood", "Low mood"),
        make_term("eligibility", "carers", "Carers"),
        make_term("referral-route", "self-referral", "Self-referral"),
        make_term("crisis", "crisis-service", "Crisis service"),
        make_term("source", "example-doc", "Example document (synthetic)"),
    )

    shown = present(service)

    assert [t.name for t in shown.needs] == ["Low mood"]
    assert [t.name for t in shown.eligibility_terms] == ["Carers"]
    assert [t.name for t in shown.referral_routes] == ["Self-referral"]
    assert [t.name for t in shown.sources] == ["Example document (synthetic)"]
    assert shown.is_crisis


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (18, 65, "Aged 18 to 65"),
        (18, None, "Aged 18 and over"),
        (None, 25, "Aged 25 and under"),
        (None, None, ""),
    ],
)
def test_age_range_in_words(service, low, high, text):
    service.minimum_age, service.maximum_age = low, high
    service.save()

    assert present(service).age_range == text


def test_summary_is_the_first_sentence_cut_at_a_word(service):
    service.description = "Short first sentence. Then more."
    service.save()
    assert present(service).summary == "Short first sentence."

    service.description = "word " * 100
    service.save()
    summary = present(service).summary
    assert len(summary) <= presenters.SUMMARY_LENGTH and summary.endswith("word…")


def test_phones_come_from_the_service_and_its_contacts_once_each(service):
    add_phone(service, "01632 960001")
    contact = Contact.objects.create(service=service, name="Synthetic desk")
    Phone.objects.create(contact=contact, number="01632 960002", description="Synthetic desk line")
    Phone.objects.create(contact=contact, number="01632 960001")

    phones = present(service).phones

    assert [(p.number, p.description) for p in phones] == [
        ("01632 960001", "Synthetic test number"),
        ("01632 960002", "Synthetic desk line"),
    ]


@pytest.mark.parametrize(
    ("url", "shown"),
    [("https://example.org/", "https://example.org/"), ("javascript:alert(1)", ""), ("", "")],
)
def test_only_web_addresses_become_website_links(service, url, shown):
    service.url = url
    service.save()

    assert present(service).website == shown


def test_contact_is_unknown_without_phone_email_or_website(service):
    assert not present(service).has_contact


def test_sites_list_each_address(service):
    place_at(service, 51.5, -0.05, postal_code="ZZ9 9ZZ")

    (site,) = present(service).sites

    assert site.lines == ["1 Example Street (synthetic)", "London", "ZZ9 9ZZ"]


def test_open_badge_when_open_closed_and_unknown(service):
    assert present(service).open_badge == presenters.OpenBadge("Opening hours not known", "grey")

    open_every_day(service, opens=time(9), closes=time(17))

    assert present(service, at=NOON).open_badge == presenters.OpenBadge("Open now, closes 5pm", "green")
    evening = NOON.replace(hour=20)
    assert present(service, at=evening).open_badge == presenters.OpenBadge(
        "Closed now, opens 9am tomorrow", "white"
    )


def test_opening_hours_rows_fit_the_nhs_summary_list(service):
    open_every_day(service, opens=time(9, 30), closes=time(17))

    rows = present(service).opening_hours_rows

    assert rows[0] == {"key": {"text": "Monday"}, "value": {"text": "9:30am to 5pm"}}
    assert len(rows) == 7


def test_listing_rows_flag_stale_listings():
    today = date(2026, 11, 22)
    old = SimpleNamespace(assured_date=date(2025, 1, 1), open_report_count=2)

    (row,) = presenters.listing_rows([old], today)

    assert (row.freshness.is_stale, row.open_report_count) == (True, 2)
