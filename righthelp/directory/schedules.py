"""Opening hours from ORUK schedule rows, in Europe/London wall-clock time (ADR 0004).

`is_open` is the one decision behind both the "open now" badge and the open-now filter.
A row is REGULAR (freq WEEKLY or MONTHLY) or an OVERRIDE (no freq, valid_from and valid_to both set);
on a date any override covers, only overrides count. A row's session on a date runs from the moment
the London clock first shows opens_at to the moment it first shows closes_at, on the next day when
closes_at <= opens_at (overnight; equal times are 24 hours). Service-wide rows apply at every location;
a location's own rows (and overrides) apply to that location only.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Q
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _

from righthelp.directory.models import Schedule

LONDON = ZoneInfo("Europe/London")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
REGULAR = ("WEEKLY", "MONTHLY")
OVERRIDE = "OVERRIDE"
ONE_DAY = timedelta(days=1)
LOOKAHEAD = timedelta(days=7)
# Publishers write "until midnight" as 23:59 as often as 00:00.
END_OF_DAY = (time(23, 59), time(23, 59, 59))
SCHEDULE_PREFETCH = ("schedules", "service_at_locations__schedules")


@dataclass(frozen=True)
class OpenStatus:
    known: bool  # False: no current regular hours to go on, so the badge says "hours unknown"
    is_open: bool
    is_24_hours: bool = False  # open for the whole of today's date
    closes_at: datetime | None = None  # when open: the next close within LOOKAHEAD
    opens_next: datetime | None = None  # when closed: the next opening within LOOKAHEAD


def is_open(schedules, at):
    """True when the rows say the service is open at the aware datetime `at` (Europe/London rules).
    The single decision behind both the "open now" badge and the open-now filter."""
    at = _utc(at)
    day = _local_date(at)
    return any(start <= at < end for start, end in _sessions(schedules, day - ONE_DAY, day))


def open_status(schedules, at):
    """What the badge shows at `at`: open or not, until when, or when it next opens (London times)."""
    rows, at = list(schedules), _utc(at)
    day = _local_date(at)
    # Up to 9 days ahead so a span is never cut short before `at` + LOOKAHEAD, whatever the clocks do.
    spans = _merged(_sessions(rows, day - ONE_DAY, day + 9 * ONE_DAY))
    horizon = at + LOOKAHEAD
    current = next(((start, end) for start, end in spans if start <= at < end), None)
    if current:
        start, end = current
        whole_day = start <= _clock_reaches(day, time(0)) and end >= _clock_reaches(day + ONE_DAY, time(0))
        closes = end.astimezone(LONDON) if end <= horizon else None
        return OpenStatus(known=True, is_open=True, is_24_hours=whole_day, closes_at=closes)
    upcoming = next((start for start, _ in spans if at < start <= horizon), None)
    known = any(_kind(row) in REGULAR and _has_times(row) and _not_expired(row, day) for row in rows)
    return OpenStatus(known=known, is_open=False, opens_next=upcoming and upcoming.astimezone(LONDON))


def is_open_during(schedules, day, start_time, end_time, *, today=None):
    """True when the service is open at some point on weekday `day` ("MO".."SU" or "Monday") between
    the times, by the regular rows in force `today` (overrides ignored). None leaves that end open;
    an end_time of 00:00, 23:59 or 23:59:59 means midnight at the end of the day."""
    weekday = _weekday(day)
    window_start = _seconds(start_time or time(0))
    window_end = _seconds(_closing(end_time or time(0))) or 86400
    if window_end <= window_start:
        raise ValueError("end_time must be after start_time")
    today = today or _local_date(timezone.now())
    for row in schedules:
        if not _has_times(row) or not _regular_in_force(row, today):
            continue
        opens, closes = _seconds(row.opens_at), _seconds(_closing(row.closes_at))
        closes += 86400 if closes <= opens else 0
        for row_day in _weekdays(row):
            shift = 0 if row_day == weekday else 86400 if (row_day + 1) % 7 == weekday else None
            if shift is not None and opens - shift < window_end and window_start < closes - shift:
                return True
    return False


def services_open_at(queryset, at):
    """Ids of the services in `queryset` open at `at`, by is_open over each service's rows
    (its own and its locations'), fetched in one query."""
    services = queryset.order_by().values("pk")
    rows = Schedule.objects.filter(
        Q(service__in=services) | Q(service_at_location__service__in=services)
    ).annotate(location_service_id=F("service_at_location__service_id"))
    by_service = defaultdict(list)
    for row in rows:
        for service_id in {row.service_id, row.location_service_id} - {None}:
            by_service[service_id].append(row)
    return {service_id for service_id, found in by_service.items() if is_open(found, at)}


def service_schedules(service):
    """All rows that decide a service's hours, from a service fetched with SCHEDULE_PREFETCH."""
    rows = {row.pk: row for row in service.schedules.all()}
    for service_at_location in service.service_at_locations.all():
        rows.update({row.pk: row for row in service_at_location.schedules.all()})
    return list(rows.values())


def describe(schedules, *, today=None):
    """Rows for display: each weekday's hours, then monthly rows, then overrides by date, e.g.
    [("Monday", "9am to 5pm"), ..., ("25 December 2026", "Closed")]. Rows ended before `today` are omitted."""
    today = today or _local_date(timezone.now())
    current = [row for row in schedules if _not_expired(row, today)]
    weekly = [row for row in current if _kind(row) == "WEEKLY" and _has_times(row)]
    described = []
    if weekly:
        for weekday in range(7):
            on_day = [row for row in weekly if weekday in _weekdays(row)]
            described.append((str(WEEKDAYS[weekday]), _hours_text(on_day, today) or _("Closed")))
    for row in current:
        if _kind(row) == "MONTHLY" and _has_times(row):
            described.append((_monthly_label(row), _hours_text([row], today)))
    overrides = sorted((row for row in current if _kind(row) == OVERRIDE), key=lambda row: row.valid_from)
    for row in overrides:
        described.append((_dates_text(row), _hours_text([row], today) or _("Closed")))
    return described


# Which rows apply on which dates


def _kind(row):
    freq = (row.freq or "").strip().upper()
    if freq in REGULAR:
        return freq
    return OVERRIDE if not freq and row.valid_from and row.valid_to else None


def _has_times(row):
    return row.opens_at is not None and row.closes_at is not None


def _not_expired(row, day):
    return row.valid_to is None or row.valid_to >= day


def _regular_in_force(row, day):
    """A regular row within its dates on `day`; every N weeks or months needs dtstart to say which."""
    return (
        _kind(row) in REGULAR
        and (row.valid_from is None or row.valid_from <= day)
        and _not_expired(row, day)
        and (row.dtstart is None or row.dtstart <= day)
        and (int(row.interval or 1) <= 1 or row.dtstart is not None)
    )


def _applies(row, day):
    """Whether a regular row's hours apply on `day`."""
    if not _regular_in_force(row, day):
        return False
    kind, interval = _kind(row), int(row.interval or 1)
    if interval > 1:
        start = row.dtstart
        if kind == "WEEKLY":  # weeks start on Monday, as iCal's default WKST
            periods = ((day - start).days + start.weekday() - day.weekday()) // 7
        else:
            periods = (day.year - start.year) * 12 + day.month - start.month
        if periods % interval:
            return False
    if kind == "WEEKLY":
        return day.weekday() in _weekdays(row)
    return _monthly_match(row, day)


def _monthly_match(row, day):
    month_length = calendar.monthrange(day.year, day.month)[1]
    checks = []
    if row.bymonthday:
        numbers = _integers(row.bymonthday)
        checks.append(day.day in numbers or day.day - month_length - 1 in numbers)
    if row.byday:
        nth, nth_from_end = (day.day - 1) // 7 + 1, -((month_length - day.day) // 7 + 1)
        checks.append(
            any(
                weekday == day.weekday() and n in (None, nth, nth_from_end)
                for n, weekday in _byday(row.byday)
            )
        )
    if not checks:  # iCal: the day of the month of dtstart
        return row.dtstart is not None and row.dtstart.day == day.day
    return all(checks)


def _byday(text):
    """[(occurrence in the month or None, weekday 0-6)]; a malformed part matches no day."""
    parsed = []
    for part in (part.strip().upper() for part in (text or "").split(",")):
        occurrence, code = part[:-2], part[-2:]
        if code in DAY_CODES and (not occurrence or occurrence.lstrip("+-").isdigit()):
            parsed.append((int(occurrence) if occurrence else None, DAY_CODES.index(code)))
    return parsed


def _weekdays(row):
    """Weekdays a regular row can fall on: WEEKLY without byday is every day; MONTHLY by date alone, none."""
    if not row.byday:
        return set(range(7)) if _kind(row) == "WEEKLY" else set()
    return {weekday for _, weekday in _byday(row.byday)}


def _integers(text):
    return {int(part) for part in text.split(",") if part.strip().lstrip("+-").isdigit()}


def _weekday(day):
    code = (day or "").strip().upper()
    if code.title() in calendar.day_name:
        code = code[:2]
    if code not in DAY_CODES:
        raise ValueError("day must be one of MO, TU, WE, TH, FR, SA, SU")
    return DAY_CODES.index(code)


# Sessions as UTC instants


def _utc(at):
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be an aware datetime")
    return at.astimezone(UTC)


def _local_date(at):
    return at.astimezone(LONDON).date()


def _wall(instant):
    return instant.astimezone(LONDON).replace(tzinfo=None)


def _closing(closes_at):
    return time(0) if closes_at in END_OF_DAY else closes_at


def _seconds(clock):
    return clock.hour * 3600 + clock.minute * 60 + clock.second


def _clock_reaches(day, clock):
    """The first instant the London clock shows `clock` on `day`: in the autumn's repeated hour, its
    first pass; in the spring's skipped hour, the moment the clock jumps past it."""
    wall = datetime.combine(day, clock)
    instant = wall.replace(tzinfo=LONDON).astimezone(UTC)  # fold=0: the earlier reading
    if _wall(instant) == wall:
        return instant
    # Skipped time: fold=1 reads it with the summer offset (before the jump), fold=0 after it.
    before = wall.replace(tzinfo=LONDON, fold=1).astimezone(UTC)
    low, high = 0, int((instant - before).total_seconds())
    while low < high:
        middle = (low + high) // 2
        if _wall(before + timedelta(seconds=middle)) >= wall:
            high = middle
        else:
            low = middle + 1
    return before + timedelta(seconds=low)


def _groups(rows):
    """Rows per location: service-wide rows join each location's own; no location rows, one group."""
    shared, by_location = [], defaultdict(list)
    for row in rows:
        if row.service_at_location_id is None:
            shared.append(row)
        else:
            by_location[row.service_at_location_id].append(row)
    return [shared + own for own in by_location.values()] or [shared]


def _sessions_on(rows, day):
    overrides = [row for row in rows if _kind(row) == OVERRIDE and row.valid_from <= day <= row.valid_to]
    sessions = []
    for row in overrides or [row for row in rows if _applies(row, day)]:
        if _has_times(row):
            closes = _closing(row.closes_at)
            start = _clock_reaches(day, row.opens_at)
            end = _clock_reaches(day + ONE_DAY if closes <= row.opens_at else day, closes)
            if start < end:
                sessions.append((start, end))
    return sessions


def _sessions(schedules, first_day, last_day):
    days = [first_day + n * ONE_DAY for n in range((last_day - first_day).days + 1)]
    return [
        session for group in _groups(list(schedules)) for day in days for session in _sessions_on(group, day)
    ]


def _merged(sessions):
    spans = []
    for start, end in sorted(sessions):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


# Display text


def _clock_text(clock):
    if clock in (time(0), *END_OF_DAY):
        return _("midnight")
    if clock == time(12):
        return _("midday")
    minutes = f":{clock.minute:02d}" if clock.minute else ""
    return f"{clock.hour % 12 or 12}{minutes}{'am' if clock.hour < 12 else 'pm'}"


def _hours_text(rows, today):
    parts = []
    for row in sorted((row for row in rows if _has_times(row)), key=lambda row: row.opens_at):
        if row.opens_at == time(0) and _closing(row.closes_at) == time(0):
            hours = _("Open 24 hours")
        else:
            hours = _("%(opens)s to %(closes)s") % {
                "opens": _clock_text(row.opens_at),
                "closes": _clock_text(row.closes_at),
            }
        parts.append(hours + _qualifier(row, today))
    return _(" and ").join(parts)


def _qualifier(row, today):
    if _kind(row) == OVERRIDE:
        return ""
    notes = []
    if int(row.interval or 1) > 1:
        every = _("every %(n)s weeks") if _kind(row) == "WEEKLY" else _("every %(n)s months")
        notes.append(every % {"n": row.interval})
    if row.valid_from and row.valid_from > today:
        notes.append(_("from %(date)s") % {"date": _date_text(row.valid_from)})
    if row.valid_to:
        notes.append(_("until %(date)s") % {"date": _date_text(row.valid_to)})
    return f" ({', '.join(notes)})" if notes else ""


def _monthly_label(row):
    ordinals = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), 5: _("fifth"), -1: _("last")}
    ordinals[-2] = _("second to last")
    parts = [
        f"{ordinals.get(n, n)} {WEEKDAYS[weekday]}" if n else _("every %(day)s") % {"day": WEEKDAYS[weekday]}
        for n, weekday in _byday(row.byday)
    ]
    days = sorted(
        _integers(row.bymonthday or "") or ({row.dtstart.day} if row.dtstart and not parts else set())
    )
    for n in days:
        label = _("day %(n)s") if n > 0 else _("day %(n)s from the end") if n < -1 else _("last day")
        parts.append(label % {"n": abs(n)})
    return _("Each month: %(days)s") % {"days": ", ".join(parts)}


def _dates_text(row):
    if row.valid_from == row.valid_to:
        return _date_text(row.valid_from)
    return _("%(start)s to %(end)s") % {"start": _date_text(row.valid_from), "end": _date_text(row.valid_to)}


def _date_text(day: date):
    return f"{day.day} {MONTHS[day.month]} {day.year}"
