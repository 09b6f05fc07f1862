"""Business calendars: business time added and measured, in UTC out."""
from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from careloop.sla_monitor.calendars import (
    TWENTY_FOUR_SEVEN,
    BusinessCalendar,
    CalendarConfig,
    build_calendar,
)

UTC = timezone.utc
LONDON = ZoneInfo("Europe/London")
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
ALL_DAYS = WEEKDAYS + ["sat", "sun"]


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def calendar(hours: dict, timezone_: str = "Europe/London", holidays: dict | None = None) -> BusinessCalendar:
    data = {"timezone": timezone_, "hours": hours}
    if holidays is not None:
        data["holidays"] = holidays
    return BusinessCalendar(CalendarConfig.model_validate(data), name="test")


def office(days=WEEKDAYS, holidays: dict | None = None, tz: str = "Europe/London") -> BusinessCalendar:
    return calendar({d: [["09:00", "17:00"]] for d in days}, tz, holidays)


H = timedelta(hours=1)


# --------------------------------------------------------------------------- 24x7

def test_24x7_adds_plain_utc_time():
    assert TWENTY_FOUR_SEVEN.add(z(2026, 11, 26, 10), 4 * H) == z(2026, 11, 26, 14)
    assert TWENTY_FOUR_SEVEN.add(z(2026, 11, 26, 10), timedelta(days=3)) == z(2026, 11, 29, 10)


def test_24x7_counts_real_hours_across_a_dst_change():
    start = datetime(2026, 3, 29, 0, 0, tzinfo=LONDON)  # 00:00 GMT
    end = TWENTY_FOUR_SEVEN.add(start, 24 * H)
    assert end == z(2026, 3, 30, 0)
    assert end.tzinfo is UTC
    assert TWENTY_FOUR_SEVEN.between(start, datetime(2026, 3, 30, 0, 0, tzinfo=LONDON)) == 23 * H


def test_24x7_between_is_negative_backwards_and_add_of_zero_is_identity():
    assert TWENTY_FOUR_SEVEN.between(z(2026, 1, 1, 12), z(2026, 1, 1, 10)) == -2 * H
    assert TWENTY_FOUR_SEVEN.add(z(2026, 1, 1, 12), timedelta(0)) == z(2026, 1, 1, 12)


def test_build_calendar_gives_the_shared_24x7_calendar_by_name():
    assert build_calendar("24x7", None) is TWENTY_FOUR_SEVEN
    with pytest.raises(KeyError):
        build_calendar("uk-office", None)


@pytest.mark.parametrize("cal", [TWENTY_FOUR_SEVEN, office()])
def test_naive_datetimes_and_negative_durations_are_refused(cal):
    with pytest.raises(ValueError, match="naive"):
        cal.add(datetime(2026, 1, 1, 9), H)
    with pytest.raises(ValueError, match="naive"):
        cal.between(datetime(2026, 1, 1, 9), z(2026, 1, 1, 10))
    with pytest.raises(ValueError, match="negative"):
        cal.add(z(2026, 1, 1, 9), -H)


# --------------------------------------------------------------------------- business hours

def test_business_hours_carry_over_a_weekend():
    cal = office()
    friday_3pm = z(2026, 11, 27, 15)  # GMT == UTC in November
    assert cal.add(friday_3pm, 4 * H) == z(2026, 11, 30, 11)
    assert cal.between(friday_3pm, z(2026, 11, 30, 11)) == 4 * H


def test_time_outside_business_hours_does_not_count():
    cal = office()
    assert cal.add(z(2026, 11, 28, 12), H) == z(2026, 11, 30, 10)  # Saturday noon
    assert cal.add(z(2026, 11, 26, 20), H) == z(2026, 11, 27, 10)  # Thursday evening
    assert cal.between(z(2026, 11, 27, 17), z(2026, 11, 30, 9)) == timedelta(0)


def test_a_duration_ending_exactly_at_closing_time_ends_at_closing_time():
    cal = office()
    assert cal.add(z(2026, 11, 27, 9), 8 * H) == z(2026, 11, 27, 17)
    assert cal.add(z(2026, 11, 27, 9), 8 * H + timedelta(microseconds=1)) == z(2026, 11, 30, 9, 0, 0, 1)


def test_add_of_zero_returns_the_start_in_utc():
    start = datetime(2026, 11, 28, 12, tzinfo=LONDON)
    assert office().add(start, timedelta(0)) == z(2026, 11, 28, 12)


def test_several_windows_a_day_skip_the_gap_between_them():
    cal = calendar({d: [["13:00", "17:00"], ["09:00", "12:00"]] for d in WEEKDAYS}, "UTC")
    assert cal.add(z(2026, 11, 30, 11), 2 * H) == z(2026, 11, 30, 14)
    assert cal.between(z(2026, 11, 30, 11), z(2026, 11, 30, 14)) == 2 * H
    assert cal.between(z(2026, 11, 30, 0), z(2026, 12, 1, 0)) == 7 * H
    # 7 h on Monday, so 8 h from Monday 09:00 ends Tuesday 10:00
    assert cal.add(z(2026, 11, 30, 9), 8 * H) == z(2026, 12, 1, 10)


def test_touching_windows_behave_as_one_window():
    cal = calendar({"mon": [["09:00", "12:00"], ["12:00", "17:00"]]}, "UTC")
    assert cal.windows_on(date(2026, 11, 30)) == [(z(2026, 11, 30, 9), z(2026, 11, 30, 17))]


def test_a_window_may_end_at_midnight_and_an_overnight_shift_spans_two_days():
    cal = calendar({"fri": [["22:00", "24:00"]], "sat": [["00:00", "06:00"]]}, "UTC")
    assert cal.add(z(2026, 11, 27, 23), 3 * H) == z(2026, 11, 28, 2)
    assert cal.between(z(2026, 11, 27, 0), z(2026, 11, 29, 0)) == 8 * H


# --------------------------------------------------------------------------- holidays

def test_english_bank_holidays_are_skipped_including_the_substitute_boxing_day():
    cal = office(holidays={"country": "GB", "subdiv": "ENG"})
    assert cal.is_holiday(date(2026, 12, 25)) and cal.is_holiday(date(2026, 12, 28))
    # Thursday 24 Dec 16:00: one hour left, then Fri 25 (Christmas), the weekend and
    # Mon 28 (Boxing Day substitute) are closed.
    assert cal.add(z(2026, 12, 24, 16), 2 * H) == z(2026, 12, 29, 10)
    assert cal.between(z(2026, 12, 24, 16), z(2026, 12, 29, 10)) == 2 * H


def test_explicit_holiday_dates_are_skipped_with_or_without_a_country():
    only_dates = office(holidays={"dates": ["2026-12-29"]})
    assert only_dates.add(z(2026, 12, 28, 16), 2 * H) == z(2026, 12, 30, 10)
    assert only_dates.add(z(2026, 12, 24, 16), 2 * H) == z(2026, 12, 25, 10)  # no country: Christmas is open
    both = office(holidays={"country": "GB", "subdiv": "ENG", "dates": ["2026-12-29"]})
    assert both.add(z(2026, 12, 24, 16), 2 * H) == z(2026, 12, 30, 10)
    assert both.windows_on(date(2026, 12, 29)) == []


def test_holidays_of_any_year_are_known():
    cal = office(holidays={"country": "GB", "subdiv": "ENG"})
    assert cal.is_holiday(date(2031, 12, 25))
    assert cal.add(z(2031, 12, 24, 16), 2 * H) == z(2031, 12, 29, 10)  # Thu 25, Fri 26, weekend


# --------------------------------------------------------------------------- DST (Europe/London)

def test_spring_forward_keeps_the_local_opening_hours():
    cal = office(ALL_DAYS)
    # Saturday 28 March 16:00 GMT; Sunday 29 March opens 09:00 BST = 08:00 UTC.
    assert cal.add(z(2026, 3, 28, 16), 2 * H) == z(2026, 3, 29, 9)
    assert cal.windows_on(date(2026, 3, 29)) == [(z(2026, 3, 29, 8), z(2026, 3, 29, 16))]
    assert cal.between(z(2026, 3, 28, 0), z(2026, 3, 30, 0)) == 16 * H


def test_fall_back_keeps_the_local_opening_hours():
    cal = office(ALL_DAYS)
    # Saturday 24 October 16:00 BST = 15:00 UTC; Sunday 25 October opens 09:00 GMT.
    assert cal.add(z(2026, 10, 24, 15), 2 * H) == z(2026, 10, 25, 10)
    assert cal.windows_on(date(2026, 10, 25)) == [(z(2026, 10, 25, 9), z(2026, 10, 25, 17))]


def test_a_round_the_clock_local_day_is_23_or_25_hours_on_dst_days():
    cal = calendar({d: [["00:00", "24:00"]] for d in ALL_DAYS})
    day = lambda y, m, d: datetime(y, m, d, tzinfo=LONDON)  # noqa: E731
    assert cal.between(day(2026, 3, 29), day(2026, 3, 30)) == 23 * H
    assert cal.between(day(2026, 10, 25), day(2026, 10, 26)) == 25 * H
    assert cal.add(day(2026, 3, 29), 24 * H) == z(2026, 3, 30, 0)  # 01:00 BST on Monday


def test_window_boundaries_in_the_skipped_or_repeated_hour_resolve_in_order():
    spring = calendar({"sun": [["01:30", "03:00"]]})
    # 01:30 does not exist on 29 March: the window opens when the clock jumps (01:00 UTC)
    assert spring.windows_on(date(2026, 3, 29)) == [(z(2026, 3, 29, 1), z(2026, 3, 29, 2))]
    autumn = calendar({"sun": [["01:30", "02:30"]]})
    # 01:30 happens twice on 25 October: the first occurrence (00:30 UTC) opens it
    assert autumn.windows_on(date(2026, 10, 25)) == [(z(2026, 10, 25, 0, 30), z(2026, 10, 25, 2, 30))]


# --------------------------------------------------------------------------- consistency & speed

def _brute_force_minutes(cal: BusinessCalendar, a: datetime, b: datetime) -> int:
    """Count business minutes by stepping minute by minute (reference implementation)."""
    weekly = cal.config.weekly_minutes()
    t, minutes = a, 0
    while t < b:
        local = t.astimezone(cal.tz)
        m = local.hour * 60 + local.minute
        if not cal.is_holiday(local.date()) and any(s <= m < e for s, e in weekly[local.weekday()]):
            minutes += 1
        t += timedelta(minutes=1)
    return minutes


@pytest.mark.parametrize("start", [z(2026, 3, 25), z(2026, 10, 21), z(2026, 12, 21)])
def test_between_agrees_with_minute_by_minute_counting_around_dst_and_holidays(start):
    cal = calendar(
        {"mon": [["08:00", "12:00"], ["13:30", "18:15"]], "wed": [["00:00", "24:00"]],
         "sat": [["10:00", "14:00"]], "sun": [["03:00", "04:00"]], "fri": [["09:00", "17:00"]]},
        holidays={"country": "GB", "subdiv": "ENG"},
    )
    end = start + timedelta(days=8)
    assert cal.between(start, end) == timedelta(minutes=_brute_force_minutes(cal, start, end))


def test_add_and_between_are_inverse_for_random_instants_and_durations():
    rng = random.Random(7)
    cal = calendar({"mon": [["09:00", "12:00"], ["13:00", "17:30"]], "tue": [["09:00", "17:00"]],
                    "thu": [["07:15", "19:45"]], "sat": [["10:00", "12:00"]]},
                   holidays={"country": "GB", "subdiv": "ENG"})
    for _ in range(500):
        start = z(2026, 1, 1) + timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
        duration = timedelta(seconds=rng.randrange(1, 400 * 3600))
        end = cal.add(start, duration)
        assert end > start
        assert cal.between(start, end) == duration
        assert cal.between(start, end - timedelta(microseconds=1)) < duration


def test_instants_before_earlier_queries_extend_the_cache_backwards():
    cal = office(holidays={"country": "GB", "subdiv": "ENG"})
    assert cal.add(z(2026, 12, 24, 16), 2 * H) == z(2026, 12, 29, 10)
    assert cal.add(z(2020, 12, 24, 16), 2 * H) == z(2020, 12, 29, 10)  # Fri 25, weekend, Mon 28 (Boxing Day substitute)
    assert cal.between(z(2020, 12, 24, 16), z(2020, 12, 29, 10)) == 2 * H
    assert cal.add(z(2026, 12, 24, 16), 2 * H) == z(2026, 12, 29, 10)


def test_long_durations_and_many_calls_are_fast():
    cal = office(holidays={"country": "GB", "subdiv": "ENG"})
    start = z(2026, 11, 26, 10)
    far = cal.add(start, timedelta(hours=8 * 250 * 5))  # about five working years
    assert cal.between(start, far) == timedelta(hours=8 * 250 * 5)
    began = time.perf_counter()
    for i in range(20_000):
        cal.add(start + timedelta(minutes=i), timedelta(hours=40))
    assert time.perf_counter() - began < 5.0


def test_an_instant_centuries_away_is_refused_instead_of_filling_memory():
    cal = office()
    cal.add(z(2026, 11, 26, 10), H)
    with pytest.raises(ValueError, match="years away"):
        cal.between(z(2026, 11, 26, 10), datetime(9999, 1, 1, tzinfo=UTC))
    assert cal.add(z(2026, 11, 26, 10), H) == z(2026, 11, 26, 11)  # still usable
