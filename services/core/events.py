"""CloudEvents 1.0 in structured mode: one JSON object per Kafka record value.

Every event careloop emits is built by `make_event`, and every record it consumes is
read by `decode_event`, which turns anything unusable into a BadEvent whose reason code
goes on the dead-letter record. `schemas/` is the source of truth for the shapes.
"""
from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from careloop.core.errors import BadEvent
from careloop.core.ids import event_id as derive_event_id
from careloop.core.schema_registry import known_event_types, validate_event
from careloop.core.timeutil import format_time

TYPE_PREFIX = "org.careloop."
SCHEMA_BASE = "https://careloop.dev/schemas/"

# Topics (names before any test prefix) and the event types on each.
FEEDBACK_RECEIVED = "feedback.received"
FEEDBACK_CLASSIFIED = "feedback.classified"
TICKETS_LIFECYCLE = "tickets.lifecycle"
TICKETS_COMMANDS = "tickets.commands"
TICKETS_ESCALATIONS = "tickets.escalations"
FEEDBACK_DEADLETTER = "feedback.deadletter"
ALL_TOPICS = (
    FEEDBACK_RECEIVED,
    FEEDBACK_CLASSIFIED,
    TICKETS_LIFECYCLE,
    TICKETS_COMMANDS,
    TICKETS_ESCALATIONS,
    FEEDBACK_DEADLETTER,
)

RECEIVED_V1 = "org.careloop.feedback.received.v1"
CLASSIFIED_V1 = "org.careloop.feedback.classified.v1"
TICKET_OPENED_V1 = "org.careloop.ticket.opened.v1"
TICKET_ASSIGNED_V1 = "org.careloop.ticket.assigned.v1"
TICKET_ACKNOWLEDGED_V1 = "org.careloop.ticket.acknowledged.v1"
TICKET_RESOLVED_V1 = "org.careloop.ticket.resolved.v1"
TICKET_REOPENED_V1 = "org.careloop.ticket.reopened.v1"
TICKET_PAUSED_V1 = "org.careloop.ticket.paused.v1"
TICKET_RESUMED_V1 = "org.careloop.ticket.resumed.v1"
TICKET_NOTE_ADDED_V1 = "org.careloop.ticket.note_added.v1"
COMMAND_ACKNOWLEDGE_V1 = "org.careloop.ticket.command.acknowledge.v1"
COMMAND_RESOLVE_V1 = "org.careloop.ticket.command.resolve.v1"
COMMAND_ASSIGN_V1 = "org.careloop.ticket.command.assign.v1"
COMMAND_REOPEN_V1 = "org.careloop.ticket.command.reopen.v1"
COMMAND_PAUSE_V1 = "org.careloop.ticket.command.pause.v1"
COMMAND_RESUME_V1 = "org.careloop.ticket.command.resume.v1"
COMMAND_NOTE_V1 = "org.careloop.ticket.command.note.v1"
ESCALATION_RAISED_V1 = "org.careloop.escalation.raised.v1"
DEADLETTER_V1 = "org.careloop.deadletter.v1"


def schema_url(event_type: str) -> str:
    return f"{SCHEMA_BASE}{event_type.removeprefix(TYPE_PREFIX)}.json"


def make_event(
    event_type: str,
    *,
    producer: str,
    subject: str,
    data: dict[str, Any],
    time: datetime,
    discriminator: str = "",
    event_id: str | None = None,
) -> dict[str, Any]:
    """A CloudEvent whose id is derived from (type, subject, discriminator) unless given,
    so a retried emission of the same fact carries the same id."""
    return {
        "specversion": "1.0",
        "id": event_id or derive_event_id(event_type, subject, discriminator),
        "source": f"careloop/{producer}",
        "type": event_type,
        "subject": subject,
        "time": format_time(time),
        "datacontenttype": "application/json",
        "dataschema": schema_url(event_type),
        "data": data,
    }


def encode_event(event: dict[str, Any]) -> bytes:
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode_event(value: bytes | None, *, expected_types: frozenset[str] | None = None) -> dict[str, Any]:
    """Parse and validate one record value, or raise BadEvent with a reason code."""
    if value is None:
        raise BadEvent("empty_record", "the record has no value")
    try:
        # Decode first: json.loads on bytes would also accept UTF-16/32, which we do not.
        event = json.loads(value.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadEvent("invalid_encoding", "the record value is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BadEvent("invalid_json", f"not JSON: {exc.msg} at character {exc.pos}") from None
    except RecursionError:
        raise BadEvent("invalid_json", "not JSON this service can read: nested too deeply") from None
    if not isinstance(event, dict):
        raise BadEvent("invalid_envelope", "the record is not a JSON object")
    event_type = event.get("type")
    if not isinstance(event_type, str) or event_type not in known_event_types():
        raise BadEvent("unknown_event_type", f"event type {str(event_type)[:80]!r} is not known")
    if expected_types is not None and event_type not in expected_types:
        raise BadEvent("unexpected_event_type", f"event type {event_type!r} does not belong on this topic")
    validate_event(event)  # SchemaValidationError is a BadEvent with reason code schema_invalid
    return event


def validate_outgoing(event: dict[str, Any]) -> dict[str, Any]:
    """Every emitted event passes its schema; a failure here is a bug, not bad input."""
    validate_event(event)
    return event


def original_record(
    *, topic: str | None, partition: int | None, offset: int | None, key: bytes | str | None, value: bytes | str | None
) -> dict[str, Any]:
    if isinstance(key, bytes):
        key = key.decode("utf-8", errors="replace")
    if isinstance(value, str):
        text, encoding = value, "utf-8"
    elif value is None:
        text, encoding = "", "utf-8"
    else:
        try:
            text, encoding = value.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = base64.b64encode(value).decode("ascii"), "base64"
    return {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "key": key,
        "value": text,
        "value_encoding": encoding,
    }


def deadletter_event(
    *, stage: str, reason_code: str, reason: str, original: dict[str, Any], now: datetime
) -> dict[str, Any]:
    where = f"{original.get('topic')}|{original.get('partition')}|{original.get('offset')}|{original.get('key')}"
    if original.get("offset") is None:  # from a file or webhook: derive from the content
        import hashlib

        where += "|" + hashlib.sha256(original["value"].encode()).hexdigest()
    return make_event(
        DEADLETTER_V1,
        producer=stage,
        subject=str(original.get("key") or where),
        discriminator=f"{stage}|{where}",
        time=now,
        data={
            "stage": stage,
            "reason_code": reason_code,
            "reason": reason[:1000],
            "original": original,
            "failed_at": format_time(now),
        },
    )
