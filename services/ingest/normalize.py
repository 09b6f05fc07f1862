"""Raw source record + source config -> the ``data`` of ``feedback.received.v1``.

Pure: no I/O, no wall clock (``now`` is an argument). Every rejection is an
``InvalidRecord(field, reason)`` whose reason never contains the record's values, so it
can go into a log line, an HTTP response or a dead-letter event without leaking patient
text.

Input fields of a raw record (``INPUT_FIELDS``):

=============  =====================================================================
external_id    required; str or int (-> str), stripped, 1..200 chars, no control chars
text           required; control characters removed, whitespace normalised (runs of
               spaces/tabs -> one space, line breaks kept, at most one blank line in a
               row, ends stripped), Unicode NFC; 1..20000 chars after that. An email or
               web form longer than that (a long quoted thread, verbose HTML) is first
               reduced to its writer's words (``careloop.core.message_body``), so the
               complaint on top is not lost to the thread under it
facility       str; else the source's ``default_facility``; else rejected
department     optional str (blank = absent)
created_at     optional: RFC 3339, ISO date or epoch seconds; no offset = UTC; more
               than 1 day after ``now`` is rejected; default ``now``
rating         optional number or numeric string on the rating scale (inclusive)
rating_scale   optional per-record scale ``[min, max]`` (or ``"min..max"`` /
               ``"min,max"``), used only when the source has none configured; a
               record scale that differs from the configured one is rejected
language       optional ISO 639-1 code, lower-cased; a BCP 47 tag such as ``en-GB`` is
               reduced to its primary language ``en``
question       optional str (survey question), at most 2000 chars
reply_channel  optional override of the source's reply channel
=============  =====================================================================

Any other key is ignored (lenient, for JSON and CSV alike): sources add metadata we do
not need, and ignoring it never changes the meaning of the fields we do read. A key
whose value is ``None`` or a blank string counts as absent (CSV has no null).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from careloop.core.errors import CareloopError
from careloop.core.ids import feedback_id
from careloop.core.message_body import authored_text
from careloop.core.timeutil import ensure_utc, format_time, parse_time

SourceKind = Literal["survey", "review", "web_form", "email"]
ReplyChannel = Literal["public_review", "email", "survey", "web_form", "phone", "none"]

REPLY_CHANNELS: frozenset[str] = frozenset(
    ("public_review", "email", "survey", "web_form", "phone", "none")
)
INPUT_FIELDS: tuple[str, ...] = (
    "external_id",
    "text",
    "facility",
    "department",
    "created_at",
    "rating",
    "rating_scale",
    "language",
    "question",
    "reply_channel",
)
DEFAULT_REPLY_CHANNEL: dict[str, str] = {
    "survey": "survey",
    "review": "public_review",
    "web_form": "web_form",
    "email": "email",
}

MAX_EXTERNAL_ID = 200
MAX_TEXT = 20000
MAX_SHORT = 200  # facility, department
MAX_QUESTION = 2000
FUTURE_TOLERANCE = timedelta(days=1)


class InvalidRecord(CareloopError):
    """A raw record that cannot become a FeedbackReceived; ``reason`` never holds values."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class SourceConfig(BaseModel):
    """One entry of the ``sources`` config section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9_-]+$", max_length=64)
    kind: SourceKind
    # Defaults by kind when omitted: review -> public_review, survey -> survey,
    # web_form -> web_form, email -> email.
    reply_channel: ReplyChannel
    rating_scale: tuple[float, float] | None = None
    default_facility: str | None = None
    csv_columns: dict[str, str] | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_reply_channel(cls, values: Any) -> Any:
        if isinstance(values, Mapping) and values.get("reply_channel") is None:
            kind = values.get("kind")
            if isinstance(kind, str) and kind in DEFAULT_REPLY_CHANNEL:
                values = {**values, "reply_channel": DEFAULT_REPLY_CHANNEL[kind]}
        return values

    @field_validator("rating_scale")
    @classmethod
    def _scale(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is None:
            return None
        low, high = value
        if not (math.isfinite(low) and math.isfinite(high)):
            raise ValueError("rating_scale bounds must be finite numbers")
        if not low < high:
            raise ValueError("rating_scale must be [min, max] with min < max (min = worst)")
        return value

    @field_validator("default_facility")
    @classmethod
    def _facility(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not value or len(value) > MAX_SHORT:
            raise ValueError(f"default_facility must be 1..{MAX_SHORT} characters")
        return value

    @field_validator("csv_columns")
    @classmethod
    def _columns(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is None:
            return None
        unknown = sorted(set(value) - set(INPUT_FIELDS))
        if unknown:
            raise ValueError(
                f"csv_columns keys must be input fields ({', '.join(INPUT_FIELDS)}); "
                f"unknown: {', '.join(unknown)}"
            )
        blank = sorted(k for k, v in value.items() if not v.strip())
        if blank:
            raise ValueError(f"csv_columns has blank column names for: {', '.join(blank)}")
        return value


def normalize(raw: Mapping[str, Any], source: SourceConfig, *, now: datetime) -> dict:
    """The FeedbackReceived ``data`` dict for ``raw``, or ``InvalidRecord``."""
    if not isinstance(raw, Mapping):
        raise InvalidRecord("record", "must be a JSON object")
    now = ensure_utc(now)

    external_id = _external_id(raw.get("external_id"))
    text = _text(raw.get("text"), source.kind)
    facility = _short(raw, "facility", MAX_SHORT) or source.default_facility
    if facility is None:
        raise InvalidRecord("facility", "is required (the source has no default_facility)")
    department = _short(raw, "department", MAX_SHORT)
    created_at = _created_at(raw.get("created_at"), now)
    rating = _rating(raw.get("rating"), raw.get("rating_scale"), source.rating_scale)
    language = _language(raw.get("language"))
    question = _short(raw, "question", MAX_QUESTION)
    reply_channel = _reply_channel(raw.get("reply_channel"), source.reply_channel)

    return {
        "feedback_id": feedback_id(source.name, external_id),
        "source": source.name,
        "source_kind": source.kind,
        "external_id": external_id,
        "facility": facility,
        "department": department,
        "created_at": format_time(created_at),
        "received_at": format_time(now),
        "rating": rating,
        "text": text,
        "language": language,
        "question": question,
        "reply_channel": reply_channel,
    }


# --- fields -------------------------------------------------------------------------

def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _external_id(value: Any) -> str:
    if _absent(value):
        raise InvalidRecord("external_id", "is required")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidRecord("external_id", "must be a string or an integer")
    text = str(value).strip()
    if len(text) > MAX_EXTERNAL_ID:
        raise InvalidRecord("external_id", f"must be at most {MAX_EXTERNAL_ID} characters")
    if any(_is_unprintable(ch) for ch in text):
        raise InvalidRecord("external_id", "must not contain control characters")
    return text


# Sources whose messages carry threads, markup and signatures (message_body).
_MAIL_KINDS = frozenset(("email", "web_form"))


def _text(value: Any, kind: str) -> str:
    if _absent(value):
        raise InvalidRecord("text", "is required and must not be blank")
    if not isinstance(value, str):
        raise InvalidRecord("text", "must be a string")
    text = clean_text(value)
    if not text:
        raise InvalidRecord("text", "is blank after removing control characters")
    if len(text) > MAX_TEXT:
        if kind not in _MAIL_KINDS:
            raise InvalidRecord("text", f"must be at most {MAX_TEXT} characters")
        text = clean_text(authored_text(text))
        if len(text) > MAX_TEXT:
            raise InvalidRecord("text", f"must be at most {MAX_TEXT} characters (after dropping the quoted thread)")
    return text


def _short(raw: Mapping[str, Any], field: str, limit: int) -> str | None:
    value = raw.get(field)
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise InvalidRecord(field, "must be a string")
    text = " ".join(clean_text(value).split())
    if not text:
        return None
    if len(text) > limit:
        raise InvalidRecord(field, f"must be at most {limit} characters")
    return text


def _created_at(value: Any, now: datetime) -> datetime:
    if _absent(value):
        return now
    try:
        created = parse_time(value)
    except ValueError as exc:
        raise InvalidRecord("created_at", str(exc)) from None
    if created > now + FUTURE_TOLERANCE:
        raise InvalidRecord("created_at", "is more than 1 day in the future")
    return created


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool):
        raise InvalidRecord(field, "must be a number")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise InvalidRecord(field, "must be a number") from None
    else:
        raise InvalidRecord(field, "must be a number")
    if not math.isfinite(number):
        raise InvalidRecord(field, "must be a finite number")
    return number


_SCALE_TEXT = re.compile(r"^\s*(-?[\d.]+)\s*(?:\.\.|,)\s*(-?[\d.]+)\s*$")


def _record_scale(value: Any) -> tuple[float, float] | None:
    if _absent(value):
        return None
    if isinstance(value, str):
        match = _SCALE_TEXT.match(value)
        if not match:
            raise InvalidRecord("rating_scale", "must be [min, max], 'min..max' or 'min,max'")
        parts: Any = match.groups()
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        parts = value
    else:
        raise InvalidRecord("rating_scale", "must be [min, max], 'min..max' or 'min,max'")
    low, high = (_number(p, "rating_scale") for p in parts)
    if not low < high:
        raise InvalidRecord("rating_scale", "must have min < max (min = worst)")
    return low, high


def _plain(number: float) -> int | float:
    return int(number) if number.is_integer() else number


def _rating(value: Any, record_scale: Any, configured: tuple[float, float] | None) -> dict | None:
    scale_in_record = _record_scale(record_scale)
    if configured is not None and scale_in_record is not None:
        if tuple(map(float, configured)) != scale_in_record:
            raise InvalidRecord("rating_scale", "differs from the source's configured scale")
    if _absent(value):
        return None
    raw = _number(value, "rating")
    scale = configured if configured is not None else scale_in_record
    if scale is None:
        raise InvalidRecord("rating", "the source has no rating_scale and the record gives none")
    low, high = float(scale[0]), float(scale[1])
    if not low <= raw <= high:
        raise InvalidRecord("rating", f"is outside the rating scale {_plain(low)}..{_plain(high)}")
    return {
        "value": round((raw - low) / (high - low), 6),
        "raw": _plain(raw),
        "scale_min": _plain(low),
        "scale_max": _plain(high),
    }


_LANG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$")


def _language(value: Any) -> str | None:
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise InvalidRecord("language", "must be a string")
    match = _LANG.match(value.strip().lower())
    if not match:
        raise InvalidRecord("language", "must be an ISO 639-1 code such as 'en' (or a tag like 'en-GB')")
    return match.group(1)


def _reply_channel(value: Any, default: str) -> str:
    if _absent(value):
        return default
    if not isinstance(value, str) or value.strip().lower() not in REPLY_CHANNELS:
        raise InvalidRecord("reply_channel", f"must be one of {', '.join(sorted(REPLY_CHANNELS))}")
    return value.strip().lower()


# --- text cleaning ------------------------------------------------------------------

_HSPACE = re.compile(r"[^\S\n]+")  # whitespace other than a line feed
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _is_unprintable(ch: str) -> bool:
    # Cc = control characters, Cs = lone surrogates (cannot be encoded as UTF-8),
    # plus the bidi override/isolate controls that can disguise text.
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cs") or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def clean_text(value: str) -> str:
    """Patient text with control characters removed and whitespace normalised.

    Line breaks (``\\r\\n``, ``\\r``, U+2028/U+2029) become ``\\n``; tabs and other
    horizontal whitespace runs become one space; lines are stripped; more than one blank
    line in a row collapses to one; NFC normalisation. Words are never changed.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = "".join(
        ch if ch in "\n\t" or not _is_unprintable(ch) else " " if ch in "\x0b\x0c\x85" else ""
        for ch in text
    )
    text = unicodedata.normalize("NFC", text)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
