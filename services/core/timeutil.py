"""Instants on the wire: RFC 3339 in UTC with microseconds and a trailing ``Z``.

``format_time`` is the only way careloop writes a time into an event; ``parse_time`` is
the lenient reader for what sources send (RFC 3339, a bare ISO date, epoch seconds).
``utcnow`` is the one wall-clock read, for the edges of the system (CLI, web app
factories); pure modules take ``now`` as an argument instead.
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timezone

UTC = timezone.utc

# RFC 3339 date-time (seconds and offset optional, as ISO 8601 allows; "T", "t" or a
# space between date and time) or a bare ISO date.
_DATE_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)([Zz]|[+-]\d{2}:?\d{2})?$"
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH = re.compile(r"^-?\d{1,12}(?:\.\d+)?$")


def utcnow() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(UTC)


def ensure_utc(dt: datetime) -> datetime:
    """``dt`` converted to UTC; a naive datetime is taken to be UTC already."""
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def format_time(dt: datetime) -> str:
    """``2026-11-26T10:00:00.000000Z``: RFC 3339, UTC, microseconds, ``Z``.

    A naive datetime is taken to be UTC.
    """
    return ensure_utc(dt).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_time(value: object) -> datetime:
    """A timezone-aware UTC datetime from what a source may send.

    Accepted: a ``datetime`` (naive = UTC), a ``date`` (midnight UTC), an RFC 3339 /
    ISO 8601 extended date-time string (no offset = UTC; fractions beyond microseconds
    are truncated), a bare ISO date ``YYYY-MM-DD`` (midnight UTC), or epoch seconds as a
    number or numeric string. Raises ``ValueError`` (never echoing the value) otherwise.
    """
    if isinstance(value, datetime):
        return ensure_utc(value)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=UTC)
    if isinstance(value, bool):
        raise ValueError("a time must be RFC 3339, an ISO date or epoch seconds")
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if not isinstance(value, str):
        raise ValueError("a time must be RFC 3339, an ISO date or epoch seconds")
    text = value.strip()
    if _EPOCH.match(text):
        return _from_epoch(float(text) if "." in text else int(text))
    if _DATE.match(text):
        try:
            return datetime.combine(date.fromisoformat(text), time(0, 0), tzinfo=UTC)
        except ValueError:
            raise ValueError("not a valid calendar date") from None
    match = _DATE_TIME.match(text)
    if not match:
        raise ValueError("a time must be RFC 3339, an ISO date or epoch seconds")
    day, clock, offset = match.groups()
    if "." in clock:  # fromisoformat wants at most 6 fractional digits on some inputs
        whole, frac = clock.split(".")
        clock = f"{whole}.{frac[:6].ljust(6, '0')}"
    if offset in ("Z", "z"):
        offset = "+00:00"
    elif offset and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        parsed = datetime.fromisoformat(f"{day}T{clock}{offset or ''}")
    except ValueError:
        raise ValueError("not a valid date-time") from None
    return ensure_utc(parsed)


def _from_epoch(seconds: int | float) -> datetime:
    if isinstance(seconds, float) and not math.isfinite(seconds):
        raise ValueError("epoch seconds must be finite")
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError("epoch seconds out of range") from None
