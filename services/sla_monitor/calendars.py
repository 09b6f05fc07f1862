"""Business calendars: how much SLA time passes between two instants.

Two kinds, one interface (``add`` / ``between``):

- ``TWENTY_FOUR_SEVEN`` (config name ``"24x7"``): every second counts; plain UTC
  arithmetic.
- ``BusinessCalendar``: only time inside the opening windows of a local week counts
  (``hours``: per weekday, several ``["HH:MM", "HH:MM"]`` windows allowed), minus
  whole-day holidays (a country/subdivision from the ``holidays`` package and/or
  explicit dates).

Business time is *real elapsed time* inside the windows: the windows are local wall
clock times in the calendar's IANA timezone, turned into UTC instants day by day, so a
``09:00-17:00`` day is 8 h on every day of the year, including the days the clocks
change, and a ``00:00-24:00`` day is 23 h or 25 h on those days.

Wall clock times that the timezone skips or repeats when the clocks change are resolved
like this: a time in the spring-forward gap means the first instant after the gap (the
moment the clock jumps); a time in the fall-back overlap means its first occurrence.
That keeps every day's windows in order and never overlapping.

All inputs must be timezone-aware; all outputs are UTC.

Efficiency: each calendar keeps, per local day, its windows as UTC microsecond
intervals and a running prefix sum of business time since a base day. ``between`` is
then a subtraction and ``add`` a binary search, O(log days) each, whatever the
duration; holidays are computed once per year. The cache grows with the span of days
asked about (a few kilobytes per year). Not thread-safe (the monitor is one asyncio
loop); give each thread its own calendar if that ever changes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Iterable, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_lib
from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator, model_validator

UTC = timezone.utc
TWENTY_FOUR_SEVEN_NAME = "24x7"
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US_PER_S = 1_000_000
_ONE_DAY = timedelta(days=1)
_CHUNK_DAYS = 366
_MAX_EMPTY_CHUNKS = 10  # give up after ten years without a single business minute
_MAX_SPAN_DAYS = 100 * 366  # the cache covers at most a century (guards against bogus instants)


# --------------------------------------------------------------------------- helpers

def _to_us(dt: datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime."""
    if not isinstance(dt, datetime):
        raise TypeError(f"expected a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("a naive datetime has no instant; pass a timezone-aware datetime")
    delta = dt - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * _US_PER_S + delta.microseconds


def _from_us(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


def _td_us(td: timedelta) -> int:
    if not isinstance(td, timedelta):
        raise TypeError(f"expected a timedelta, got {type(td).__name__}")
    return (td.days * 86_400 + td.seconds) * _US_PER_S + td.microseconds


def to_utc(dt: datetime) -> datetime:
    """``dt`` as an aware UTC datetime; refuses naive datetimes."""
    return _from_us(_to_us(dt))


_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def _check_time_text(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        hint = f" (YAML reads an unquoted {value // 60}:{value % 60:02d} as the number {value})"
        raise ValueError(f"times must be quoted strings like \"17:00\"{hint if 0 <= value <= 1440 else ''}")
    return value


TimeText = Annotated[str, BeforeValidator(_check_time_text)]


def _minutes(text: str, *, end: bool) -> int:
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time like \"09:00\"")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not end)):
        what = "an end time (\"24:00\" is allowed only as an end)" if hours == 24 else "a time"
        raise ValueError(f"{text!r} is not {what} of day")
    return hours * 60 + minutes


def _fmt_minutes(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


# --------------------------------------------------------------------------- config

class HolidaysConfig(BaseModel):
    """Whole days on which the calendar is closed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str | None = None
    subdiv: str | None = None
    dates: tuple[date, ...] = ()

    @field_validator("dates", mode="before")
    @classmethod
    def _iso_dates(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, datetime) or not isinstance(item, (str, date)):
                    raise ValueError(f"{item!r} is not a date like \"2026-12-29\"")
                if isinstance(item, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.strip()):
                    raise ValueError(f"{item!r} is not a date like \"2026-12-29\"")
        return value

    @model_validator(mode="after")
    def _known_country(self) -> "HolidaysConfig":
        if self.subdiv is not None and self.country is None:
            raise ValueError("holidays.subdiv needs holidays.country")
        if self.country is not None:
            try:
                holidays_lib.country_holidays(self.country, subdiv=self.subdiv, years=2000)
            except NotImplementedError as exc:
                raise ValueError(f"holidays: {exc} (the `holidays` package knows no such "
                                 f"country/subdivision)") from None
        return self


class CalendarConfig(BaseModel):
    """One business calendar under ``sla.calendars``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    timezone: str
    hours: dict[Weekday, tuple[tuple[TimeText, TimeText], ...]]
    holidays: HolidaysConfig | None = None

    @field_validator("timezone")
    @classmethod
    def _iana_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValueError(
                f"unknown timezone {value!r}: use an IANA name such as 'Europe/London'"
            ) from None
        return value

    @field_validator("hours")
    @classmethod
    def _valid_windows(cls, hours: dict[str, tuple[tuple[str, str], ...]]) -> dict:
        total = 0
        for day in WEEKDAYS:
            spans = []
            for start_text, end_text in hours.get(day, ()):
                start, end = _minutes(start_text, end=False), _minutes(end_text, end=True)
                if end <= start:
                    raise ValueError(
                        f"{day}: window {start_text}-{end_text} ends before it starts "
                        f"(split a window across midnight into two days, using \"24:00\")"
                    )
                spans.append((start, end))
            spans.sort()
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                if s2 < e1:
                    raise ValueError(
                        f"{day}: windows {_fmt_minutes(s1)}-{_fmt_minutes(e1)} and "
                        f"{_fmt_minutes(s2)}-{_fmt_minutes(e2)} overlap"
                    )
            total += len(spans)
        if total == 0:
            raise ValueError("a calendar needs at least one opening window in the week")
        return hours

    def weekly_minutes(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Per weekday (Monday first) the sorted windows in minutes since local midnight,
        touching windows merged."""
        week = []
        for day in WEEKDAYS:
            spans = sorted(
                (_minutes(s, end=False), _minutes(e, end=True)) for s, e in self.hours.get(day, ())
            )
            merged: list[tuple[int, int]] = []
            for s, e in spans:
                if merged and merged[-1][1] == s:
                    merged[-1] = (merged[-1][0], e)
                else:
                    merged.append((s, e))
            week.append(tuple(merged))
        return tuple(week)


# --------------------------------------------------------------------------- calendars

class Calendar:
    """The interface both calendar kinds share."""

    name: str

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest instant at which ``duration`` of business time has passed since
        ``start`` (``start`` itself, in UTC, for a zero duration)."""
        raise NotImplementedError

    def between(self, a: datetime, b: datetime) -> timedelta:
        """Business time in ``[a, b]``; negative when ``b`` is before ``a``."""
        raise NotImplementedError

    def add_many(self, start: datetime, durations: Iterable[timedelta]) -> list[datetime]:
        """``[add(start, d) for d in durations]``, cheaper for a business calendar."""
        return [self.add(start, d) for d in durations]


class TwentyFourSeven(Calendar):
    """Every second counts: plain UTC arithmetic."""

    name = TWENTY_FOUR_SEVEN_NAME

    def add(self, start: datetime, duration: timedelta) -> datetime:
        d = _td_us(duration)
        if d < 0:
            raise ValueError("cannot add a negative duration")
        return _from_us(_to_us(start) + d)

    def between(self, a: datetime, b: datetime) -> timedelta:
        return timedelta(microseconds=_to_us(b) - _to_us(a))

    def __repr__(self) -> str:
        return "TwentyFourSeven()"


TWENTY_FOUR_SEVEN = TwentyFourSeven()


class BusinessCalendar(Calendar):
    """Opening windows of a local week, minus holidays, in one IANA timezone."""

    def __init__(self, config: CalendarConfig, name: str = "business") -> None:
        self.name = name
        self.config = config
        self.tz = ZoneInfo(config.timezone)
        self._weekly = config.weekly_minutes()
        h = config.holidays
        self._explicit_holidays = frozenset(h.dates) if h else frozenset()
        self._country = h.country if h else None
        self._subdiv = h.subdiv if h else None
        self._holiday_years: dict[int, frozenset[date]] = {}
        self._base: date | None = None
        # _days[i]: windows of local day base+i as (start_us, end_us); _cum[i]: business
        # microseconds before day base+i, counted from an arbitrary fixed origin (so
        # len(_cum) == len(_days) + 1; values may be negative after extending backwards).
        self._days: list[tuple[tuple[int, int], ...]] = []
        self._cum: list[int] = [0]

    def __repr__(self) -> str:
        return f"BusinessCalendar(name={self.name!r}, timezone={self.config.timezone!r})"

    # -- public --------------------------------------------------------------------

    def is_holiday(self, day: date) -> bool:
        """Whether the local date ``day`` is a holiday (closed all day)."""
        return day in self._holidays(day.year)

    def windows_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The opening windows of local date ``day`` as UTC instants (empty on a holiday)."""
        return [(_from_us(s), _from_us(e)) for s, e in self._compute_day(day)]

    def between(self, a: datetime, b: datetime) -> timedelta:
        a_us, b_us = _to_us(a), _to_us(b)
        return timedelta(microseconds=self._position(b_us) - self._position(a_us))

    def add(self, start: datetime, duration: timedelta) -> datetime:
        return self.add_many(start, (duration,))[0]

    def add_many(self, start: datetime, durations: Iterable[timedelta]) -> list[datetime]:
        start_us = _to_us(start)
        origin: int | None = None
        out = []
        for duration in durations:
            d = _td_us(duration)
            if d < 0:
                raise ValueError("cannot add a negative duration")
            if d == 0:
                out.append(_from_us(start_us))
                continue
            if origin is None:
                origin = self._position(start_us)
            out.append(_from_us(self._instant_at(origin + d)))
        return out

    # -- internals -----------------------------------------------------------------

    def _instant_at(self, target: int) -> int:
        """The earliest instant (UTC us) whose position is ``target`` (> some position
        already asked about, so never before the cached range)."""
        empty_chunks = 0
        while self._cum[-1] < target:
            if len(self._days) > _MAX_SPAN_DAYS:
                raise ValueError(f"calendar {self.name!r}: duration reaches more than a century ahead")
            before = self._cum[-1]
            self._extend_forward(len(self._days) + _CHUNK_DAYS)
            if self._cum[-1] == before:
                empty_chunks += 1
                if empty_chunks >= _MAX_EMPTY_CHUNKS:
                    raise ValueError(f"calendar {self.name!r} has no business hours for years")
        j = bisect_left(self._cum, target)  # _cum[j-1] < target <= _cum[j]
        acc = self._cum[j - 1]
        for s, e in self._days[j - 1]:
            if acc + (e - s) >= target:
                return s + (target - acc)
            acc += e - s
        raise AssertionError("business calendar prefix sums are inconsistent")  # pragma: no cover

    def _holidays(self, year: int) -> frozenset[date]:
        days = self._holiday_years.get(year)
        if days is None:
            found = {d for d in self._explicit_holidays if d.year == year}
            if self._country:
                found.update(holidays_lib.country_holidays(
                    self._country, subdiv=self._subdiv, years=year).keys())
            days = self._holiday_years[year] = frozenset(found)
        return days

    def _wall_to_us(self, day: date, minute: int) -> int:
        """UTC microseconds of local wall time ``minute`` (0..1440) on ``day``."""
        if minute >= 1440:
            day, minute = day + _ONE_DAY, minute - 1440
        naive = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
        first = naive.replace(tzinfo=self.tz)  # fold=0: first occurrence when repeated
        u0 = _to_us(first)
        if _from_us(u0).astimezone(self.tz).replace(tzinfo=None) == naive:
            return u0
        # In a spring-forward gap: the first instant whose wall time is past `naive`,
        # i.e. the transition itself. Transitions fall on whole seconds.
        u1 = _to_us(first.replace(fold=1))
        lo, hi = (x // _US_PER_S for x in sorted((u0, u1)))
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if _from_us(mid * _US_PER_S).astimezone(self.tz).replace(tzinfo=None) >= naive:
                hi = mid
            else:
                lo = mid
        return hi * _US_PER_S

    def _compute_day(self, day: date) -> tuple[tuple[int, int], ...]:
        spans = self._weekly[day.weekday()]
        if not spans or self.is_holiday(day):
            return ()
        out = []
        for s_min, e_min in spans:
            s, e = self._wall_to_us(day, s_min), self._wall_to_us(day, e_min)
            if e > s:
                out.append((s, e))
        return tuple(out)

    def _extend_forward(self, length: int) -> None:
        assert self._base is not None
        days, cum = self._days, self._cum
        while len(days) < length:
            windows = self._compute_day(self._base + timedelta(days=len(days)))
            days.append(windows)
            cum.append(cum[-1] + sum(e - s for s, e in windows))

    def _ensure(self, first: date, last: date) -> None:
        """Make local days ``first..last`` (inclusive) available."""
        if self._base is None:
            self._base = first - timedelta(days=7)
        span_end = self._base + timedelta(days=len(self._days))
        if (max(last, span_end) - min(first, self._base)).days > _MAX_SPAN_DAYS:
            raise ValueError(
                f"calendar {self.name!r}: {first.isoformat()} is more than "
                f"{_MAX_SPAN_DAYS // 365} years away from the other instants asked about"
            )
        if first < self._base:
            new_base = first - timedelta(days=31)
            prefix = [self._compute_day(new_base + timedelta(days=i))
                      for i in range((self._base - new_base).days)]
            # Positions already handed out stay valid: the prefix gets negative positions.
            cum = [self._cum[0] - sum(e - s for windows in prefix for s, e in windows)]
            for windows in prefix:
                cum.append(cum[-1] + sum(e - s for s, e in windows))
            self._cum = cum + self._cum[1:]
            self._days = prefix + self._days
            self._base = new_base
        need = (last - self._base).days + 1
        if need > len(self._days):
            self._extend_forward(need + 31)

    def _position(self, us: int) -> int:
        """Business microseconds up to instant ``us``, from the cache's fixed origin."""
        local_day = _from_us(us).astimezone(self.tz).date()
        # The windows of local day D lie within [D 00:00, D+1 00:00]; looking at the day
        # before and after too keeps this right around DST changes at midnight.
        self._ensure(local_day - _ONE_DAY, local_day + _ONE_DAY)
        i = (local_day - self._base).days - 1
        pos = self._cum[i]
        for j in (i, i + 1, i + 2):
            for s, e in self._days[j]:
                if s >= us:
                    return pos
                pos += min(e, us) - s
        return pos


def build_calendar(name: str, config: CalendarConfig | None) -> Calendar:
    """The calendar for a policy's ``calendar:`` value (``"24x7"`` needs no config)."""
    if name == TWENTY_FOUR_SEVEN_NAME:
        return TWENTY_FOUR_SEVEN
    if config is None:
        raise KeyError(f"no calendar named {name!r}")
    return BusinessCalendar(config, name=name)
