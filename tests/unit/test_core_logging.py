"""careloop.core.logging: JSON lines with an allow-list, so patient text, names and
contact details never reach the logs."""
from __future__ import annotations

import io
import json

import pytest
import structlog

from careloop.core.logging import ALLOWED_KEYS, REDACTED, configure_logging, get_logger, redact, where

PATIENT_TEXT = "my name is Jane, call 07700900123"


@pytest.fixture
def stream():
    out = io.StringIO()
    configure_logging("router", level="debug", stream=out)
    yield out
    structlog.contextvars.clear_contextvars()
    structlog.reset_defaults()


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_patient_text_names_and_contact_details_are_redacted(stream):
    get_logger("router").info(
        "ticket opened",
        text=PATIENT_TEXT,
        email="jane@example.org",
        name="Jane Smith",
        phone="07700900123",
    )
    (record,) = lines(stream)
    assert record["text"] == REDACTED
    assert record["email"] == REDACTED
    assert record["name"] == REDACTED
    assert record["phone"] == REDACTED
    raw = stream.getvalue()
    for secret in ("Jane", "07700900123", "jane@example.org"):
        assert secret not in raw


def test_allowed_keys_pass_through_unchanged(stream):
    get_logger("router").info(
        "ticket opened",
        ticket_id="543b88e7-56b6-528f-8455-af6870c41a39",
        where="feedback.classified[3]@42",
        reason_code="schema_invalid",
        count=2,
    )
    (record,) = lines(stream)
    assert record["ticket_id"] == "543b88e7-56b6-528f-8455-af6870c41a39"
    assert record["where"] == "feedback.classified[3]@42"
    assert record["reason_code"] == "schema_invalid"
    assert record["count"] == 2
    assert record["event"] == "ticket opened"


def test_every_line_carries_the_service_level_and_a_utc_timestamp(stream):
    get_logger().warning("one")
    (record,) = lines(stream)
    assert record["service"] == "router"
    assert record["level"] == "warning"
    assert record["timestamp"].endswith("Z")


def test_a_redacted_value_hides_nested_structures_whole(stream):
    get_logger().info("details", details={"text": PATIENT_TEXT, "ticket_id": "t-1"}, values=[PATIENT_TEXT])
    (record,) = lines(stream)
    assert record["details"] == REDACTED
    assert record["values"] == REDACTED


def test_context_bound_values_are_redacted_too(stream):
    log = get_logger().bind(patient_name="Jane Smith", ticket_id="t-1")
    structlog.contextvars.bind_contextvars(contact="07700900123")
    log.info("bound")
    (record,) = lines(stream)
    assert record["patient_name"] == REDACTED
    assert record["contact"] == REDACTED
    assert record["ticket_id"] == "t-1"
    structlog.contextvars.unbind_contextvars("contact")


def test_every_line_is_valid_json_even_with_exceptions_and_odd_values(stream):
    log = get_logger()
    log.info("plain")
    log.info("quotes and newlines", reason='a "quoted"\nmulti-line reason', text="line1\nline2")
    log.debug("non-ascii", reason="Très bien ✓", team="patient-experience")
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("processing failed", where="t[0]@1", error_type="ValueError", text=PATIENT_TEXT)
    raw_lines = stream.getvalue().splitlines()
    assert len(raw_lines) == 4
    records = [json.loads(line) for line in raw_lines]
    assert records[1]["reason"] == 'a "quoted"\nmulti-line reason'
    assert records[3]["level"] == "error"
    assert "ValueError" in records[3]["exception"]
    assert records[3]["text"] == REDACTED


def test_lines_below_the_configured_level_are_dropped():
    out = io.StringIO()
    configure_logging("ingest", level="warning", stream=out)
    try:
        get_logger().info("hidden")
        get_logger().warning("shown")
    finally:
        structlog.contextvars.clear_contextvars()
        structlog.reset_defaults()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["event"] for r in records] == ["shown"]
    assert records[0]["service"] == "ingest"


def test_the_redact_processor_replaces_every_key_not_on_the_allow_list():
    event = {"event": "x", "ticket_id": "t", "text": "secret", "email": "a@b", "reason_code": "c"}
    assert redact(None, "info", dict(event)) == {
        "event": "x", "ticket_id": "t", "text": REDACTED, "email": REDACTED, "reason_code": "c",
    }


@pytest.mark.parametrize("key", ["text", "name", "email", "phone", "feedback_text", "patient", "address", "message",
                                 "comment", "body", "value", "raw", "original", "contact", "public_reply_draft"])
def test_keys_that_may_carry_patient_data_are_not_on_the_allow_list(key):
    assert key not in ALLOWED_KEYS


def test_where_formats_a_record_position():
    assert where("feedback.classified", 3, 42) == "feedback.classified[3]@42"
    assert where("file", None, None) == "file[None]@None"
