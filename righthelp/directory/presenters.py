"""Shape directory records for the templates: the words and links a page shows, nothing fetched here."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from righthelp.directory import forms, queries, schedules
from righthelp.directory.models import Service

SUMMARY_LENGTH = 200
STATUS_NOTICES = {
    Service.Status.TEMPORARILY_CLOSED: gettext_noop("This service is temporarily closed."),
    Service.Status.INACTIVE: gettext_noop("This service is not running at the moment."),
    Service.Status.DEFUNCT: gettext_noop("This service has closed."),
}


def stale_after_months():
    return round(settings.DIRECTORY_STALE_AFTER_DAYS / 30.44)


@dataclass(frozen=True)
class Freshness:
    """When a listing was last checked, and whether that is too long ago to trust."""

    last_checked: date | None
    is_stale: bool


def freshness(assured_date, today=None):
    """A listing never checked, or checked more than DIRECTORY_STALE_AFTER_DAYS days ago, is stale."""
    today = today or timezone.localdate()
    if assured_date is None:
        return Freshness(None, True)
    return Freshness(assured_date, today - assured_date > timedelta(days=settings.DIRECTORY_STALE_AFTER_DAYS))


@dataclass(frozen=True)
class PhoneLink:
    number: str
    description: str


@dataclass(frozen=True)
class Site:
    name: str
    lines: list


@dataclass(frozen=True)
class OpenBadge:
    text: str
    colour: str


class ServicePresenter:
    """One service as a page or a search result shows it."""

    def __init__(self, service, *, terms, at):
        self.service = service
        self.at = at
        self._terms = terms
        self.id = service.id
        self.name = service.name
        self.description = service.description or ""
        self.eligibility_description = service.eligibility_description or ""
        self.application_process = service.application_process or ""
        self.email = service.email or ""
        self.alert = service.alert or ""

    @property
    def url(self):
        return reverse("directory:service_detail", args=[self.service.id])

    @property
    def report_url(self):
        return reverse("directory:report_problem", args=[self.service.id])

    @property
    def organisation_name(self):
        return self.service.organization.name if self.service.organization else ""

    @property
    def can_report(self):
        return self.service.organization_id is not None

    @property
    def summary(self):
        text = " ".join(self.description.split())
        first_sentence = text.split(". ")[0].rstrip(".") + "." if text else ""
        if len(first_sentence) <= SUMMARY_LENGTH:
            return first_sentence
        return first_sentence[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"

    @property
    def status_notice(self):
        notice = STATUS_NOTICES.get(self.service.status)
        return _(notice) if notice else ""

    def terms_in(self, taxonomy_slug):
        scheme = queries.taxonomy_id(taxonomy_slug)
        return [term for term in self._terms if term.scheme_id == scheme]

    @property
    def needs(self):
        return self.terms_in("need")

    @property
    def crisis_terms(self):
        return self.terms_in("crisis")

    @property
    def is_crisis(self):
        return bool(self.crisis_terms)

    @property
    def eligibility_terms(self):
        return self.terms_in("eligibility")

    @property
    def referral_routes(self):
        return self.terms_in("referral-route")

    @property
    def sources(self):
        return self.terms_in("source")

    @property
    def age_range(self):
        low, high = self.service.minimum_age, self.service.maximum_age
        if low is not None and high is not None:
            return _("Aged %(low)s to %(high)s") % {"low": low, "high": high}
        if low is not None:
            return _("Aged %(low)s and over") % {"low": low}
        if high is not None:
            return _("Aged %(high)s and under") % {"high": high}
        return ""

    @property
    def languages(self):
        rows = [row.name or row.code for row in self.service.languages.all() if row.name or row.code]
        names = rows + [term.name for term in self.terms_in("language")]
        return sorted(set(names))

    @property
    def open_status(self):
        return schedules.open_status(schedules.service_schedules(self.service), self.at)

    @property
    def open_badge(self):
        return open_badge(self.open_status, self.at)

    @property
    def opening_hours_rows(self):
        """describe()'s (day, hours) rows as NHS.UK summary list rows."""
        rows = schedules.describe(
            schedules.service_schedules(self.service), today=timezone.localdate(self.at)
        )
        return [{"key": {"text": day}, "value": {"text": hours}} for day, hours in rows]

    @property
    def phones(self):
        rows = list(self.service.phones.all())
        for contact in self.service.contacts.all():
            rows.extend(contact.phones.all())
        seen, links = set(), []
        for phone in rows:
            if phone.number not in seen:
                seen.add(phone.number)
                links.append(PhoneLink(phone.number, phone.description or ""))
        return links

    @property
    def website(self):
        # Only web links become links: a listing must never carry a script or file URL to the public.
        url = (self.service.url or "").strip()
        return url if url.lower().startswith(("https://", "http://")) else ""

    @property
    def has_contact(self):
        return bool(self.phones or self.email or self.website)

    @property
    def sites(self):
        found = []
        for link in self.service.service_at_locations.all():
            location = link.location
            for address in location.addresses.all():
                lines = [address.address_1, address.address_2, address.city, address.postal_code]
                found.append(Site(location.name or "", [line for line in lines if line]))
        return found

    @property
    def freshness(self):
        return freshness(self.service.assured_date, timezone.localdate(self.at))

    @property
    def distance(self):
        metres = getattr(self.service, "distance_m", None)
        if metres is None:
            return ""
        return _("%(miles).1f miles away") % {"miles": metres / forms.METRES_PER_MILE}


def open_badge(status, at):
    """The open-now badge: open, closed (and when it opens), or hours not known."""
    if not status.known:
        return OpenBadge(_("Opening hours not known"), "grey")
    if status.is_open and status.is_24_hours:
        return OpenBadge(_("Open 24 hours"), "green")
    if status.is_open:
        if status.closes_at:
            return OpenBadge(_("Open now, closes %(time)s") % {"time": clock(status.closes_at, at)}, "green")
        return OpenBadge(_("Open now"), "green")
    if status.opens_next:
        return OpenBadge(_("Closed now, opens %(time)s") % {"time": clock(status.opens_next, at)}, "white")
    return OpenBadge(_("Closed now"), "white")


def clock(value, at):
    """'5pm', '9:30am', 'midday', with 'tomorrow' or the weekday when a datetime is not today.
    Same words as the opening-hours rows (schedules.describe)."""
    moment = timezone.localtime(value) if isinstance(value, datetime) else value
    text = time_text(moment.time() if isinstance(moment, datetime) else moment)
    if not isinstance(moment, datetime):
        return text
    days_ahead = (moment.date() - timezone.localtime(at).date()).days
    if days_ahead == 0:
        return text
    if days_ahead == 1:
        return _("%(time)s tomorrow") % {"time": text}
    return _("%(time)s on %(day)s") % {"time": text, "day": date_format(moment, "l")}


def time_text(clock):
    if clock == time(0):
        return _("midnight")
    if clock == time(12):
        return _("midday")
    minutes = f":{clock.minute:02d}" if clock.minute else ""
    return f"{clock.hour % 12 or 12}{minutes}{'am' if clock.hour < 12 else 'pm'}"


def result_cards(services, *, terms, at):
    return [ServicePresenter(service, terms=terms.get(service.id, []), at=at) for service in services]


@dataclass(frozen=True)
class ListingRow:
    """One of a provider's own listings on their manage page."""

    service: Service
    freshness: Freshness
    open_report_count: int


def listing_rows(services, today=None):
    today = today or timezone.localdate()
    return [ListingRow(s, freshness(s.assured_date, today), s.open_report_count) for s in services]


def need_items(form):
    """NHS.UK checkbox items for the needs filter."""
    return [{"value": value, "text": label} for value, label in form.fields["need"].choices]


def distance_items(form):
    """NHS.UK select items for the distance filter, the visitor's choice (or the default) selected."""
    chosen = form["distance"].value() or forms.DEFAULT_DISTANCE
    return [
        {"value": value, "text": _("Within %(distance)s") % {"distance": label}, "selected": value == chosen}
        for value, label in form.fields["distance"].choices
    ]


def status_items(form):
    """NHS.UK select items for a listing's status."""
    chosen = form["status"].value()
    return [
        {"value": value, "text": label, "selected": value == chosen}
        for value, label in Service.Status.choices
    ]
