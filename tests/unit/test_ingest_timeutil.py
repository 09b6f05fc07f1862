from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from careloop.core.timeutil import format_time, parse_time, utcnow


def test_format_time_is_rfc3339_utc_with_microseconds_and_z():
    plus_one = timezone(timedelta(hours=1))
    assert format_time(datetime(2026, 11, 26, 11, 0, 0, 5, tzinfo=plus_one)) == "2026-11-26T10:00:00.000005Z"


def test_format_time_takes_a_naive_datetime_as_utc():
    assert format_time(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000000Z"


def test_format_time_pads_small_years():
    assert format_time(datetime(5, 1, 1, tzinfo=timezone.utc)) == "0005-01-01T00:00:00.000000Z"


def test_parse_time_round_trips_format_time():
    instant = datetime(2026, 11, 26, 10, 0, 0, 123456, tzinfo=timezone.utc)
    assert parse_time(format_time(instant)) == instant


def test_parse_time_accepts_dates_and_datetimes():
    assert parse_time(date(2026, 1, 2)) == datetime(2026, 1, 2, tzinfo=timezone.utc)
    assert parse_time(datetime(2026, 1, 2, 3)) == datetime(2026, 1, 2, 3, tzinfo=timezone.utc)


def test_parse_time_accepts_an_offset_without_a_colon():
    assert parse_time("2026-11-26T12:00:00+0200") == datetime(2026, 11, 26, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("bad", ["", "20261126T100000Z", "2026-11-26T25:00:00Z", None, object(), float("inf")])
def test_parse_time_rejects_what_is_not_a_time(bad):
    with pytest.raises(ValueError):
        parse_time(bad)


def test_utcnow_is_timezone_aware_utc():
    assert utcnow().utcoffset() == timedelta(0)
