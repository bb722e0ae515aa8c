"""Query parameters of the ORUK API, parsed strictly and exactly as openapi.json documents them.

Each problem is collected with the parameter's name; the view answers 400 with all of them.
"""

import datetime
import math
import re
import uuid
from dataclasses import dataclass

from django.utils.dateparse import parse_datetime

from righthelp.directory import postcodes, schedules

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000  # keeps the row offset within what every database accepts
MAX_SEARCH_LENGTH = 200
MAX_AGE = 150
MAX_POSTCODE_LENGTH = 16
MAX_PROXIMITY_M = 200_000
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The documented JSON Schema patterns, applied with the same (search) semantics.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$"
INTEGER = re.compile(r"^[0-9]+$")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class ParameterErrors(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__(errors)


class QueryParameters:
    """Reads one request's query string; every reader returns None for an absent parameter."""

    def __init__(self, query):
        self.query = query
        self.errors = []

    def error(self, name, message):
        self.errors.append({"parameter": name, "message": message})

    def raise_errors(self):
        if self.errors:
            raise ParameterErrors(self.errors)

    def integer(self, name, *, minimum, maximum):
        raw = self.query.get(name)
        if raw is None:
            return None
        if not INTEGER.search(raw) or not minimum <= int(raw) <= maximum:
            return self.error(name, f"must be a whole number from {minimum} to {maximum}")
        return int(raw)

    def number(self, name, *, minimum, maximum):
        raw = self.query.get(name)
        if raw is None:
            return None
        value = float(raw) if NUMBER.search(raw) else math.nan
        if not minimum <= value <= maximum:
            return self.error(name, f"must be a number from {minimum} to {maximum}")
        return value

    def boolean(self, name):
        raw = self.query.get(name)
        if raw not in (None, "true", "false"):
            self.error(name, "must be true or false")
        return raw == "true"

    def uuid(self, name):
        raw = self.query.get(name)
        if raw is None:
            return None
        if not UUID.search(raw):
            return self.error(name, "must be a UUID, such as 3f7b145d-84af-42d7-8fae-eaca714b02b2")
        return uuid.UUID(raw.strip())

    def datetime(self, name):
        raw = self.query.get(name)
        if raw is None:
            return None
        try:
            value = parse_datetime(raw.upper())
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            return self.error(name, "must be a date and time with an offset, such as 2025-01-31T09:00:00Z")
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:  # an offset moved it past the first or last representable instant
            return (datetime.datetime.min if value.year == 1 else datetime.datetime.max).replace(
                tzinfo=datetime.UTC
            )

    def choice(self, name, choices):
        raw = self.query.get(name)
        if raw is not None and raw not in choices:
            return self.error(name, f"must be one of {', '.join(choices)}")
        return raw

    def time(self, name):
        raw = self.query.get(name)
        if raw is None:
            return None
        match = re.search(TIME_PATTERN, raw)
        if match is None:
            return self.error(name, "must be a time as HH:MM or HH:MM:SS, such as 09:30")
        hour, minute, second = (int(part or 0) for part in match.groups())
        return datetime.time(hour, minute, second)

    def text(self, name, *, max_length, min_length=0):
        raw = self.query.get(name)
        if raw is None:
            return None
        if not min_length <= len(raw) <= max_length:
            return self.error(name, f"must be {min_length} to {max_length} characters long")
        # NUL and other control characters cannot be stored or searched; they carry no meaning here.
        return "".join(ch for ch in raw if ch >= " ").strip()


def path_id(raw):
    """The {id} in a path: a UUID, else a 400 naming "id"."""
    if not UUID.search(raw):
        raise ParameterErrors([{"parameter": "id", "message": "must be a UUID"}])
    return uuid.UUID(raw.strip())


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class OpenDuring:
    """The UK profile's day/start_time/end_time filter: open at some point in this window on one of
    these days; a time left out leaves that end of the day open."""

    days: tuple
    start_time: datetime.time | None
    end_time: datetime.time | None


@dataclass(frozen=True)
class ServiceFilters:
    search: str | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime.datetime | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    open_during: OpenDuring | None = None


@dataclass(frozen=True)
class Near:
    place: postcodes.Place
    proximity_m: int | None


def paging(params):
    page = params.integer("page", minimum=1, maximum=MAX_PAGE)
    per_page = params.integer("per_page", minimum=1, maximum=MAX_PER_PAGE)
    return Paging(page or 1, per_page or DEFAULT_PER_PAGE)


def service_filters(params):
    return ServiceFilters(
        search=params.text("search", max_length=MAX_SEARCH_LENGTH) or None,
        taxonomy_term_id=params.uuid("taxonomy_term_id"),
        taxonomy_id=params.uuid("taxonomy_id"),
        organization_id=params.uuid("organization_id"),
        modified_after=params.datetime("modified_after"),
        minimum_age=params.number("minimum_age", minimum=0, maximum=MAX_AGE),
        maximum_age=params.number("maximum_age", minimum=0, maximum=MAX_AGE),
        open_during=_open_during(params),
    )


def _open_during(params):
    day = params.choice("day", DAYS)
    start, end = params.time("start_time"), params.time("end_time")
    if day is None and start is None and end is None:
        return None
    try:  # schedules decides what a window is (an end of 00:00 is midnight); an empty one is an error
        schedules.is_open_during([], day or DAYS[0], start, end)
    except ValueError:
        params.error("end_time", "must be later than start_time")
    return OpenDuring((day,) if day else DAYS, start, end)


def near(params):
    """Where to measure from: the postcode's centroid, and how far out to look (metres)."""
    postcode = params.text("postcode", min_length=1, max_length=MAX_POSTCODE_LENGTH)
    proximity = params.integer("proximity", minimum=1, maximum=MAX_PROXIMITY_M)
    if "postcode" not in params.query:
        if proximity is not None:
            params.error("proximity", "needs a postcode to measure from")
        return None
    place = postcodes.lookup(postcode) if postcode else None
    if postcode and place is None:
        params.error("postcode", "is not a postcode, sector or district we know")
    return Near(place, proximity) if place else None
