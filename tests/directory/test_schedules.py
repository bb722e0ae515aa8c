"""Opening hours from ORUK schedule rows (ADR 0004). Rows are unsaved Schedule instances except where
services_open_at needs the database. Week used throughout: Monday 2 to Sunday 8 March 2026."""

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from righthelp.directory.models import Location, Schedule, Service, ServiceAtLocation
from righthelp.directory.schedules import (
    SCHEDULE_PREFETCH,
    describe,
    is_open,
    is_open_during,
    open_status,
    service_schedules,
    services_open_at,
)

LONDON = ZoneInfo("Europe/London")
WEEKDAYS = "MO,TU,WE,TH,FR"


def clock(text):
    return time.fromisoformat(text) if text else None


def weekly(opens="09:00", closes="17:00", byday=WEEKDAYS, **fields):
    return Schedule(freq="WEEKLY", byday=byday, opens_at=clock(opens), closes_at=clock(closes), **fields)


def monthly(opens="10:00", closes="14:00", **fields):
    return Schedule(freq="MONTHLY", opens_at=clock(opens), closes_at=clock(closes), **fields)


def override(start, end=None, opens=None, closes=None, **fields):
    return Schedule(
        valid_from=start, valid_to=end or start, opens_at=clock(opens), closes_at=clock(closes), **fields
    )


def london(text, fold=0):
    return datetime.fromisoformat(text).replace(tzinfo=LONDON, fold=fold)


def utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# Regular rows


def test_weekday_hours_open_from_opening_until_just_before_closing():
    rows = [weekly()]
    assert not is_open(rows, london("2026-03-02 08:59"))
    assert is_open(rows, london("2026-03-02 09:00"))
    assert is_open(rows, london("2026-03-06 16:59:59"))
    assert not is_open(rows, london("2026-03-06 17:00"))


def test_weekend_without_rows_is_closed():
    assert not is_open([weekly()], london("2026-03-07 12:00"))
    assert not is_open([weekly()], london("2026-03-08 12:00"))


def test_weekly_row_without_byday_applies_every_day():
    assert is_open([weekly(byday=None)], london("2026-03-08 12:00"))


def test_overnight_row_runs_past_midnight_into_the_next_morning():
    rows = [weekly("22:00", "02:00", byday="FR")]
    assert not is_open(rows, london("2026-03-06 21:59"))
    assert is_open(rows, london("2026-03-06 23:00"))
    assert is_open(rows, london("2026-03-07 01:59"))
    assert not is_open(rows, london("2026-03-07 02:00"))
    assert not is_open(rows, london("2026-03-07 23:00"))


def test_overnight_row_on_sunday_runs_into_monday_morning():
    rows = [weekly("20:00", "04:00", byday="SU")]
    assert is_open(rows, london("2026-03-09 03:00"))
    assert not is_open(rows, london("2026-03-09 04:00"))
    assert not is_open(rows, london("2026-03-08 03:00"))


def test_midnight_to_midnight_is_open_the_whole_day_only():
    rows = [weekly("00:00", "00:00", byday="MO")]
    assert is_open(rows, london("2026-03-02 00:00"))
    assert is_open(rows, london("2026-03-02 23:59:59"))
    assert not is_open(rows, london("2026-03-03 00:00"))


def test_closing_at_2359_means_midnight():
    rows = [weekly("00:00", "23:59", byday="MO")]
    assert is_open(rows, london("2026-03-02 23:59:30"))
    assert open_status(rows, london("2026-03-02 12:00")).is_24_hours


def test_equal_times_other_than_midnight_are_24_hours_from_opening():
    rows = [weekly("09:00", "09:00", byday="MO")]
    assert is_open(rows, london("2026-03-03 08:59"))
    assert not is_open(rows, london("2026-03-03 09:00"))


def test_row_without_times_is_never_open():
    assert not is_open([weekly(None, None)], london("2026-03-02 12:00"))
    assert not is_open([weekly("09:00", None)], london("2026-03-02 12:00"))


def test_row_with_neither_freq_nor_both_validity_dates_is_ignored():
    rows = [Schedule(opens_at=time(9), closes_at=time(17)), Schedule(valid_from=date(2026, 3, 2))]
    assert not is_open(rows, london("2026-03-02 12:00"))


def test_validity_dates_are_inclusive_bounds():
    rows = [weekly(byday=None, valid_from=date(2026, 3, 2), valid_to=date(2026, 3, 6))]
    assert not is_open(rows, london("2026-03-01 12:00"))
    assert is_open(rows, london("2026-03-02 12:00"))
    assert is_open(rows, london("2026-03-06 12:00"))
    assert not is_open(rows, london("2026-03-07 12:00"))


def test_overnight_session_belongs_to_the_day_it_starts_for_validity():
    rows = [weekly("22:00", "02:00", byday="FR", valid_to=date(2026, 3, 6))]
    assert is_open(rows, london("2026-03-07 01:00"))
    assert not is_open(rows, london("2026-03-13 23:00"))


def test_monthly_row_by_day_of_month_counts_negative_days_from_the_end():
    rows = [monthly(bymonthday="1,-1")]
    assert is_open(rows, london("2026-02-01 12:00"))
    assert is_open(rows, london("2026-02-28 12:00"))
    assert not is_open(rows, london("2026-02-27 12:00"))
    assert is_open(rows, london("2026-01-31 12:00"))
    assert not is_open(rows, london("2026-01-30 12:00"))


def test_monthly_row_by_nth_weekday():
    rows = [monthly(byday="2MO,-1FR")]
    assert is_open(rows, london("2026-03-09 12:00"))  # second Monday
    assert not is_open(rows, london("2026-03-02 12:00"))  # first Monday
    assert is_open(rows, london("2026-03-27 12:00"))  # last Friday
    assert not is_open(rows, london("2026-03-20 12:00"))


def test_monthly_row_without_days_falls_on_the_day_of_dtstart():
    rows = [monthly(dtstart=date(2026, 1, 15))]
    assert is_open(rows, london("2026-03-15 12:00"))
    assert not is_open(rows, london("2026-03-16 12:00"))


def test_fortnightly_row_counts_weeks_from_dtstart():
    rows = [weekly(byday="MO", interval=2, dtstart=date(2026, 1, 5))]
    assert is_open(rows, london("2026-01-05 12:00"))
    assert not is_open(rows, london("2026-01-12 12:00"))
    assert is_open(rows, london("2026-01-19 12:00"))
    assert not is_open(rows, london("2025-12-22 12:00"))  # on the cycle, but before dtstart


def test_fortnightly_row_starting_midweek_keeps_monday_based_weeks():
    rows = [weekly(byday="MO,FR", interval=2, dtstart=date(2026, 1, 7))]
    assert is_open(rows, london("2026-01-09 12:00"))
    assert not is_open(rows, london("2026-01-12 12:00"))
    assert is_open(rows, london("2026-01-19 12:00"))


def test_every_three_months_counts_months_from_dtstart():
    rows = [monthly(bymonthday="1", interval=3, dtstart=date(2026, 1, 1))]
    assert is_open(rows, london("2026-04-01 12:00"))
    assert not is_open(rows, london("2026-03-01 12:00"))


def test_interval_without_dtstart_cannot_be_placed_so_is_not_open():
    assert not is_open([weekly(byday=None, interval=2)], london("2026-03-02 12:00"))


def test_instant_in_another_zone_is_converted():
    rows = [weekly()]
    assert is_open(rows, datetime(2026, 3, 2, 4, 30, tzinfo=ZoneInfo("America/New_York")))  # 09:30 GMT
    assert not is_open(rows, datetime(2026, 3, 2, 14, 30, tzinfo=ZoneInfo("Asia/Dhaka")))  # 08:30 GMT


def test_naive_instant_is_refused():
    with pytest.raises(ValueError, match="at must be an aware datetime"):
        is_open([weekly()], datetime(2026, 3, 2, 12))


# Overrides


def test_override_without_times_closes_a_bank_holiday():
    rows = [weekly(), override(date(2026, 12, 25))]
    assert is_open(rows, london("2026-12-24 12:00"))
    assert not is_open(rows, london("2026-12-25 12:00"))


def test_override_with_times_replaces_the_regular_hours_that_day():
    rows = [weekly(), override(date(2026, 12, 24), opens="10:00", closes="14:00")]
    assert not is_open(rows, london("2026-12-24 09:30"))
    assert is_open(rows, london("2026-12-24 13:59"))
    assert not is_open(rows, london("2026-12-24 15:00"))
    assert is_open(rows, london("2026-12-23 15:00"))


def test_override_covers_every_date_of_its_range():
    rows = [weekly(), override(date(2026, 12, 24), date(2026, 12, 28))]
    assert not is_open(rows, london("2026-12-28 12:00"))
    assert is_open(rows, london("2026-12-29 12:00"))


def test_override_does_not_cut_short_the_previous_evenings_session():
    rows = [weekly("22:00", "02:00", byday="FR"), override(date(2026, 3, 7))]
    assert is_open(rows, london("2026-03-07 01:00"))


def test_location_override_closes_only_that_location():
    first, second = uuid.uuid4(), uuid.uuid4()
    rows = [
        weekly(service_at_location_id=first),
        override(date(2026, 12, 24), service_at_location_id=first),
        weekly(service_at_location_id=second),
    ]
    assert is_open(rows, london("2026-12-24 12:00"))
    assert not is_open(rows[:2], london("2026-12-24 12:00"))


def test_service_wide_override_closes_every_location():
    rows = [weekly(service_at_location_id=uuid.uuid4()), weekly(service_at_location_id=uuid.uuid4())]
    assert not is_open([*rows, override(date(2026, 12, 24))], london("2026-12-24 12:00"))


# The clocks changing: last Sundays of March and October, instants given in UTC

SPRING_DAYS = [date(2026, 3, 29), date(2027, 3, 28)]
AUTUMN_DAYS = [date(2026, 10, 25), date(2027, 10, 31)]
SPRING_INSTANTS = [("00:59 GMT", 59), ("02:00 BST", 60), ("02:30 BST", 90)]  # minutes after 00:00 UTC
AUTUMN_INSTANTS = [
    ("00:59 BST", -1),
    ("01:00 BST", 0),
    ("01:30 BST", 30),
    ("01:00 GMT", 60),
    ("01:30 GMT", 90),
    ("02:00 GMT", 120),
]
SPRING_EXPECTED = {
    ("00:00", "03:00"): (True, True, True),
    ("01:00", "02:00"): (False, False, False),  # the hour does not exist
    ("22:00", "02:00"): (True, False, False),
    ("09:00", "17:00"): (False, False, False),
    ("00:00", "01:30"): (True, False, False),
    ("01:30", "03:00"): (False, True, True),  # opens when the clock jumps past 01:30
}
AUTUMN_EXPECTED = {
    ("00:00", "03:00"): (True, True, True, True, True, True),
    ("01:00", "02:00"): (False, True, True, True, True, False),  # both passes of the hour
    ("22:00", "02:00"): (True, True, True, True, True, False),
    ("09:00", "17:00"): (False, False, False, False, False, False),
    ("00:00", "01:30"): (True, True, False, False, False, False),  # closes at the first 01:30
    ("01:30", "03:00"): (False, False, True, True, True, True),  # opens at the first 01:30
}


def clock_change_cases(days, instants, expected):
    return [
        pytest.param(day, label, minutes, times, want, id=f"{day}-{times[0]}-{times[1]}-{label}")
        for day in days
        for times, wants in expected.items()
        for (label, minutes), want in zip(instants, wants, strict=True)
    ]


@pytest.mark.parametrize(
    ("day", "label", "minutes", "times", "expected"),
    clock_change_cases(SPRING_DAYS, SPRING_INSTANTS, SPRING_EXPECTED)
    + clock_change_cases(AUTUMN_DAYS, AUTUMN_INSTANTS, AUTUMN_EXPECTED),
)
def test_every_day_row_across_the_clock_change(day, label, minutes, times, expected):
    instant = datetime.combine(day, time(0), UTC) + timedelta(minutes=minutes)
    assert instant.astimezone(LONDON).strftime("%H:%M %Z") == label
    assert is_open([weekly(*times, byday=None)], instant) is expected


def test_closing_time_in_the_skipped_hour_is_when_the_clock_jumps():
    status = open_status([weekly("22:00", "01:30", byday="SA")], london("2026-03-28 23:00"))
    assert status.closes_at == utc("2026-03-29 01:00")


def test_short_spring_day_is_still_open_24_hours():
    status = open_status([weekly("00:00", "00:00", byday=None)], utc("2026-03-29 12:00"))
    assert status.is_24_hours
    assert status.closes_at is None


# open_status


def test_open_status_says_when_an_open_service_closes():
    status = open_status([weekly()], london("2026-03-02 10:00"))
    assert (status.known, status.is_open, status.is_24_hours) == (True, True, False)
    assert status.closes_at == london("2026-03-02 17:00")
    assert status.closes_at.tzinfo == LONDON
    assert status.opens_next is None


def test_open_status_says_when_a_closed_service_next_opens():
    status = open_status([weekly()], london("2026-03-06 18:00"))
    assert (status.known, status.is_open, status.closes_at) == (True, False, None)
    assert status.opens_next == london("2026-03-09 09:00")


def test_open_status_merges_back_to_back_rows():
    rows = [weekly("09:00", "13:00"), weekly("13:00", "17:00")]
    assert open_status(rows, london("2026-03-02 10:00")).closes_at == london("2026-03-02 17:00")


def test_open_status_looks_no_further_than_seven_days():
    rows = [monthly(bymonthday="20")]
    assert open_status(rows, london("2026-03-02 12:00")).opens_next is None
    assert open_status(rows, london("2026-03-14 12:00")).opens_next == london("2026-03-20 10:00")


def test_open_all_week_has_no_closing_time_and_is_24_hours():
    status = open_status([weekly("00:00", "00:00", byday=None)], london("2026-03-02 10:00"))
    assert (status.is_open, status.is_24_hours, status.closes_at) == (True, True, None)


def test_24_hours_on_one_day_closes_at_midnight():
    status = open_status([weekly("00:00", "00:00", byday="MO")], london("2026-03-02 10:00"))
    assert status.is_24_hours
    assert status.closes_at == london("2026-03-03 00:00")


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([], id="no rows"),
        pytest.param([weekly(None, None)], id="no times"),
        pytest.param([weekly(valid_to=date(2026, 1, 31))], id="expired"),
        pytest.param([override(date(2026, 12, 25))], id="overrides only"),
    ],
)
def test_hours_unknown_without_current_regular_hours(rows):
    status = open_status(rows, london("2026-03-02 10:00"))
    assert (status.known, status.is_open) == (False, False)


def test_special_opening_with_no_regular_hours_is_open_and_known():
    status = open_status(
        [override(date(2026, 12, 24), opens="10:00", closes="14:00")], london("2026-12-24 11:00")
    )
    assert (status.known, status.is_open) == (True, True)


# is_open_during: the ORUK day / start_time / end_time filter

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [
        ("MO", "08:00", "10:00", True),
        ("MO", "16:59", "18:00", True),
        ("MO", "17:00", "18:00", False),
        ("MO", "06:00", "09:00", False),
        ("mo", None, None, True),
        ("Monday", "10:00", "11:00", True),
        ("SA", None, None, False),
    ],
)
def test_open_during_weekday_hours(day, start, end, expected):
    assert is_open_during([weekly()], day, clock(start), clock(end), today=MONDAY) is expected


@pytest.mark.parametrize(
    ("day", "start", "end", "expected"),
    [
        ("FR", "23:00", "00:00", True),
        ("FR", "23:00", "23:59:59", True),
        ("SA", "01:00", "03:00", True),
        ("SA", "02:00", "05:00", False),
        ("FR", "08:00", "21:00", False),
    ],
)
def test_open_during_overnight_hours(day, start, end, expected):
    rows = [weekly("22:00", "02:00", byday="FR")]
    assert is_open_during(rows, day, clock(start), clock(end), today=MONDAY) is expected


def test_open_during_sunday_night_into_monday():
    assert is_open_during([weekly("20:00", "04:00", byday="SU")], "MO", time(3), time(5), today=MONDAY)


def test_open_during_counts_monthly_rows_on_their_weekday_only():
    rows = [monthly(byday="2TU"), monthly(bymonthday="3")]
    assert is_open_during(rows, "TU", None, None, today=MONDAY)
    assert not is_open_during(rows, "WE", None, None, today=MONDAY)


def test_open_during_ignores_overrides_and_rows_not_in_force_today():
    rows = [
        override(MONDAY, opens="18:00", closes="20:00"),
        weekly("18:00", "20:00", valid_to=date(2026, 2, 27)),
        weekly("18:00", "20:00", valid_from=date(2026, 4, 1)),
    ]
    assert not is_open_during(rows, "MO", time(18), time(20), today=MONDAY)


def test_open_during_refuses_an_unknown_day():
    with pytest.raises(ValueError, match="day must be one of"):
        is_open_during([weekly()], "Mon", None, None, today=MONDAY)


def test_open_during_refuses_an_end_before_the_start():
    with pytest.raises(ValueError, match="end_time must be after start_time"):
        is_open_during([weekly()], "MO", time(12), time(11), today=MONDAY)


# describe


def test_describe_lists_every_weekday_with_closed_days():
    assert describe([weekly()], today=MONDAY) == [
        ("Monday", "9am to 5pm"),
        ("Tuesday", "9am to 5pm"),
        ("Wednesday", "9am to 5pm"),
        ("Thursday", "9am to 5pm"),
        ("Friday", "9am to 5pm"),
        ("Saturday", "Closed"),
        ("Sunday", "Closed"),
    ]


def test_describe_joins_sessions_and_words_midday_midnight_and_24_hours():
    rows = [
        weekly("14:00", "17:30", byday="MO"),
        weekly("09:30", "12:00", byday="MO"),
        weekly("22:00", "00:00", byday="TU"),
        weekly("00:00", "23:59", byday="WE"),
    ]
    described = dict(describe(rows, today=MONDAY))
    assert described["Monday"] == "9:30am to midday and 2pm to 5:30pm"
    assert described["Tuesday"] == "10pm to midnight"
    assert described["Wednesday"] == "Open 24 hours"


def test_describe_notes_fortnightly_and_time_limited_rows():
    rows = [weekly(byday="MO", interval=2, dtstart=date(2026, 1, 5), valid_to=date(2026, 7, 31))]
    assert dict(describe(rows, today=MONDAY))["Monday"] == "9am to 5pm (every 2 weeks, until 31 July 2026)"


def test_describe_lists_monthly_rows_then_overrides_by_date():
    rows = [
        override(date(2026, 12, 25), date(2026, 12, 26)),
        override(date(2026, 12, 24), opens="10:00", closes="14:00"),
        monthly(byday="2MO"),
        monthly(bymonthday="-1"),
    ]
    assert describe(rows, today=MONDAY) == [
        ("Each month: second Monday", "10am to 2pm"),
        ("Each month: last day", "10am to 2pm"),
        ("24 December 2026", "10am to 2pm"),
        ("25 December 2026 to 26 December 2026", "Closed"),
    ]


def test_describe_leaves_out_rows_that_have_ended():
    assert describe([override(date(2025, 12, 25))], today=MONDAY) == []


# Properties over any instant

ZONES = [UTC, LONDON, ZoneInfo("America/New_York"), ZoneInfo("Asia/Dhaka")]
CLOCK_CHANGES = SPRING_DAYS + AUTUMN_DAYS
anywhen = st.datetimes(
    datetime(2020, 1, 1), datetime(2035, 12, 31), timezones=st.sampled_from(ZONES), allow_imaginary=False
)
near_clock_change = st.builds(
    lambda day, minutes: datetime.combine(day, time(0), UTC) + timedelta(minutes=minutes),
    st.sampled_from(CLOCK_CHANGES),
    st.integers(-24 * 60, 48 * 60),
)
# Each clock change's edges, a day either side of it, and any time at all.
edge_instants = st.sampled_from(
    [
        datetime.combine(day, time(0), UTC) + timedelta(minutes=m)
        for day in CLOCK_CHANGES
        for m in (-1, 0, 30, 60, 90)
    ]
)
instants = st.one_of(edge_instants, near_clock_change, anywhen)
# Whole minutes; 23:59 is left out because it means midnight as a closing time.
clock_times = st.integers(0, 24 * 60 - 2).map(lambda minutes: time(minutes // 60, minutes % 60))
every_day_rows = st.lists(st.tuples(clock_times, clock_times), min_size=1, max_size=3)


def wall(at):
    """London wall-clock time, except that the second pass of the autumn's repeated hour comes after
    every time in it: a time in that hour means its first pass (ADR 0004)."""
    local = at.astimezone(UTC).astimezone(LONDON)
    return time(1, 59, 59, 999999) if local.fold else local.time()


def every_day(opens, closes):
    return weekly(opens.isoformat(), closes.isoformat(), byday=None)


@given(at=instants)
def test_24_hour_every_day_row_is_always_open(at):
    assert is_open([weekly("00:00", "00:00", byday=None)], at)
    assert is_open([weekly("00:00", "23:59", byday=None)], at)


@given(at=instants)
def test_nine_to_five_is_open_exactly_when_the_london_clock_says_so(at):
    local = at.astimezone(LONDON).time()
    assert is_open([weekly(byday=None)], at) is (time(9) <= local < time(17))


@given(at=instants)
def test_ten_till_two_overnight_is_open_exactly_when_the_london_clock_says_so(at):
    local = at.astimezone(LONDON).time()
    assert is_open([weekly("22:00", "02:00", byday=None)], at) is (local >= time(22) or local < time(2))


@given(at=instants, hours=every_day_rows)
def test_any_every_day_rows_follow_the_london_clock(at, hours):
    now = wall(at)
    expected = any(
        opens <= now < closes if opens < closes else now >= opens or now < closes for opens, closes in hours
    )
    assert is_open([every_day(*pair) for pair in hours], at) is expected


@given(at=instants, hours=every_day_rows)
def test_closed_all_day_override_leaves_only_the_previous_evenings_session(at, hours):
    closed = override(at.astimezone(LONDON).date())
    expected = any(closes <= opens and wall(at) < closes for opens, closes in hours)
    assert is_open([*(every_day(*pair) for pair in hours), closed], at) is expected


weekly_rows = st.lists(
    st.builds(
        lambda days, opens, closes: weekly(opens.isoformat(), closes.isoformat(), byday=",".join(days)),
        st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, unique=True),
        clock_times,
        clock_times,
    ),
    max_size=3,
)


@settings(deadline=None)
@given(at=instants, rows=weekly_rows)
def test_open_status_agrees_with_is_open_at_its_own_boundaries(at, rows):
    status = open_status(rows, at)
    tick = timedelta(microseconds=1)  # added in UTC: London-aware arithmetic is wall-clock arithmetic
    closes_at, opens_next = (
        moment and moment.astimezone(UTC) for moment in (status.closes_at, status.opens_next)
    )
    assert status.is_open is is_open(rows, at)
    if closes_at:
        assert is_open(rows, closes_at - tick) and not is_open(rows, closes_at)
    if opens_next:
        assert not is_open(rows, opens_next - tick) and is_open(rows, opens_next)
    if status.is_open and closes_at is None:
        assert is_open(rows, at + timedelta(days=7))
    if not status.is_open and opens_next is None:
        assert not is_open(rows, at + timedelta(days=7))


# services_open_at: the filter, against the badge's decision


def synthetic_service(name, *rows, location_rows=()):
    service = Service.objects.create(name=f"{name} (synthetic)", status="active")
    for row in rows:
        row.service = service
        row.save()
    for own_rows in location_rows:
        location = Location.objects.create(location_type="physical", name=f"{name} venue (synthetic)")
        service_at_location = ServiceAtLocation.objects.create(service=service, location=location)
        for row in own_rows:
            row.service_at_location = service_at_location
            row.save()
    return service


@pytest.fixture
def synthetic_services(db):
    return [
        synthetic_service("Example Counselling", weekly(), override(date(2026, 12, 25))),
        synthetic_service("Example Night Cafe", weekly("18:00", "02:00", byday="TH,FR,SA")),
        synthetic_service("Example Helpline", weekly("00:00", "00:00", byday=None)),
        synthetic_service("Example Drop-in", monthly(byday="1TU")),
        synthetic_service("Example Hours Unknown"),
        synthetic_service(
            "Example Two Sites",
            override(date(2026, 12, 24)),
            location_rows=[[weekly()], [weekly("10:00", "16:00", byday="SA"), override(date(2026, 3, 7))]],
        ),
    ]


def test_services_open_at_uses_one_query_and_each_services_own_rows(
    synthetic_services, django_assert_num_queries
):
    counselling, night_cafe, helpline, drop_in, _hours_unknown, two_sites = synthetic_services
    with django_assert_num_queries(1):
        open_ids = services_open_at(Service.objects.all(), london("2026-03-07 01:00"))
    assert open_ids == {night_cafe.id, helpline.id}
    assert services_open_at(Service.objects.all(), london("2026-03-02 12:00")) == {
        counselling.id,
        helpline.id,
        two_sites.id,
    }
    assert services_open_at(Service.objects.exclude(id=helpline.id), london("2026-03-03 12:00")) == {
        counselling.id,
        drop_in.id,
        two_sites.id,
    }


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=instants)
@example(at=london("2026-12-24 12:00"))
@example(at=london("2026-03-07 12:00"))
def test_services_open_at_agrees_with_is_open_on_each_service(synthetic_services, at):
    services = Service.objects.prefetch_related(*SCHEDULE_PREFETCH)
    badge = {service.id for service in services if is_open(service_schedules(service), at)}
    assert services_open_at(Service.objects.all(), at) == badge
