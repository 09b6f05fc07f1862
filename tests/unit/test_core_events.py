"""careloop.core.events: deterministic ids, decoding with reason codes, dead letters."""
from __future__ import annotations

import base64
import copy
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from careloop.core.errors import BadEvent
from careloop.core.events import (
    CLASSIFIED_V1,
    DEADLETTER_V1,
    RECEIVED_V1,
    TICKET_OPENED_V1,
    deadletter_event,
    decode_event,
    encode_event,
    make_event,
    original_record,
    schema_url,
)
from careloop.core.ids import event_id
from careloop.core.schema_registry import validate_event

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
PATIENT_TEXT = "Waited six hours in A&E with nobody telling us anything. The nurse was rude when we asked."


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / f"{name}.json").read_bytes()


def reason_code_of(value, **kwargs) -> str:
    with pytest.raises(BadEvent) as info:
        decode_event(value, **kwargs)
    return info.value.reason_code


# ---------------------------------------------------------------------------- make_event

def test_make_event_ids_are_the_same_for_the_same_type_subject_and_discriminator():
    a = make_event(TICKET_OPENED_V1, producer="router", subject="t-1", discriminator="opened", data={}, time=NOW)
    b = make_event(TICKET_OPENED_V1, producer="other", subject="t-1", discriminator="opened", data={"x": 1},
                   time=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert a["id"] == b["id"] == event_id(TICKET_OPENED_V1, "t-1", "opened")


@pytest.mark.parametrize(
    "change",
    [{"event_type": RECEIVED_V1}, {"subject": "t-2"}, {"discriminator": "command|c-1"}],
    ids=["type", "subject", "discriminator"],
)
def test_make_event_ids_differ_when_type_subject_or_discriminator_differs(change):
    base = {"event_type": TICKET_OPENED_V1, "subject": "t-1", "discriminator": "opened"}
    args = {**base, **change}
    a = make_event(base["event_type"], producer="p", subject=base["subject"], discriminator=base["discriminator"],
                   data={}, time=NOW)
    b = make_event(args["event_type"], producer="p", subject=args["subject"], discriminator=args["discriminator"],
                   data={}, time=NOW)
    assert a["id"] != b["id"]


def test_make_event_uses_an_explicit_id_when_given():
    e = make_event(TICKET_OPENED_V1, producer="p", subject="t", data={}, time=NOW, event_id="given-id")
    assert e["id"] == "given-id"


def test_make_event_builds_a_structured_mode_cloudevent_envelope():
    e = make_event(CLASSIFIED_V1, producer="classifier", subject="s", data={"k": 1}, time=NOW)
    assert e["specversion"] == "1.0"
    assert e["source"] == "careloop/classifier"
    assert e["type"] == CLASSIFIED_V1
    assert e["subject"] == "s"
    assert e["time"] == "2026-11-26T10:00:00.000000Z"
    assert e["datacontenttype"] == "application/json"
    assert e["dataschema"] == "https://careloop.dev/schemas/feedback.classified.v1.json" == schema_url(CLASSIFIED_V1)
    assert e["data"] == {"k": 1}


def test_an_encoded_event_decodes_to_the_same_event():
    event = fixture("feedback.classified.v1")
    assert decode_event(encode_event(event)) == event


def test_encoding_keeps_non_ascii_text_as_utf8():
    event = fixture("feedback.classified.v1")
    event["data"]["feedback"]["text"] = "Très bien — merci ✓"
    raw = encode_event(event)
    assert "Très bien — merci ✓".encode("utf-8") in raw


# -------------------------------------------------------------------------- decode_event

def test_every_fixture_event_decodes():
    for path in sorted(FIXTURES.glob("*.json")):
        decode_event(path.read_bytes())


def test_a_value_that_is_not_json_is_invalid_json():
    assert reason_code_of(b"{not json") == "invalid_json"


def test_json_nested_too_deeply_to_parse_is_invalid_json_not_a_crash():
    assert reason_code_of(b"[" * 100_000 + b"]" * 100_000) == "invalid_json"


def test_a_value_that_is_not_utf8_is_invalid_encoding():
    assert reason_code_of(b'{"type": "\xff\xfe"}') == "invalid_encoding"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_json_event_in_utf16_or_utf32_is_invalid_encoding_not_guessed(codec):
    value = json.dumps(fixture("feedback.classified.v1")).encode(codec)
    assert reason_code_of(value) == "invalid_encoding"


def test_a_json_event_in_utf16_without_a_byte_order_mark_is_rejected_too():
    # ASCII in UTF-16-LE is valid UTF-8 byte for byte (with NULs), so it fails as JSON.
    value = json.dumps(fixture("feedback.classified.v1")).encode("utf-16-le")
    assert reason_code_of(value) in {"invalid_encoding", "invalid_json"}


@pytest.mark.parametrize("value", [b"[]", b"42", b'"a string"', b"null"])
def test_json_that_is_not_an_object_is_an_invalid_envelope(value):
    assert reason_code_of(value) == "invalid_envelope"


@pytest.mark.parametrize("event_type", ["org.careloop.nope.v1", None, 7])
def test_an_event_of_an_unknown_type_is_unknown_event_type(event_type):
    event = fixture("feedback.classified.v1")
    event["type"] = event_type
    assert reason_code_of(encode_event(event)) == "unknown_event_type"


def test_an_event_without_a_type_is_unknown_event_type():
    event = fixture("feedback.classified.v1")
    del event["type"]
    assert reason_code_of(encode_event(event)) == "unknown_event_type"


def test_a_known_type_on_the_wrong_topic_is_an_unexpected_event_type():
    value = fixture_bytes("ticket.opened.v1")
    assert reason_code_of(value, expected_types=frozenset({CLASSIFIED_V1})) == "unexpected_event_type"


def test_an_expected_type_decodes():
    value = fixture_bytes("feedback.classified.v1")
    assert decode_event(value, expected_types=frozenset({CLASSIFIED_V1}))["type"] == CLASSIFIED_V1


def test_an_event_that_breaks_its_schema_is_schema_invalid():
    event = fixture("feedback.classified.v1")
    event["data"]["classification"]["sentiment"] = "furious"
    assert reason_code_of(encode_event(event)) == "schema_invalid"


def test_an_event_missing_a_required_field_is_schema_invalid():
    event = fixture("feedback.classified.v1")
    del event["data"]["feedback"]["feedback_id"]
    assert reason_code_of(encode_event(event)) == "schema_invalid"


def test_a_record_without_a_value_is_an_empty_record():
    assert reason_code_of(None) == "empty_record"


def test_a_schema_error_reason_never_quotes_the_patient_text():
    event = fixture("feedback.classified.v1")
    event["data"]["feedback"]["text"] = PATIENT_TEXT * 300  # longer than the schema allows
    with pytest.raises(BadEvent) as info:
        decode_event(encode_event(event))
    assert info.value.reason_code == "schema_invalid"
    assert "Waited" not in info.value.reason
    assert "$.data.feedback.text" in info.value.reason


def test_an_invalid_json_reason_never_quotes_the_record():
    with pytest.raises(BadEvent) as info:
        decode_event(b'{"text": "my name is Jane Smith" oops}')
    assert "Jane" not in info.value.reason


def test_an_unknown_event_type_reason_quotes_at_most_eighty_characters_of_the_type():
    event = fixture("feedback.classified.v1")
    event["type"] = "x" * 500
    with pytest.raises(BadEvent) as info:
        decode_event(encode_event(event))
    assert "x" * 81 not in info.value.reason


# ------------------------------------------------------------------------- dead letters

def utf8_original(value: bytes | str | None = b'{"text": "' + PATIENT_TEXT.encode() + b'"', **kw) -> dict:
    args = {"topic": "feedback.classified", "partition": 3, "offset": 42, "key": b"k-1", "value": value, **kw}
    return original_record(**args)


def test_a_deadletter_event_validates_against_its_schema():
    event = deadletter_event(stage="router", reason_code="invalid_json", reason="not JSON", original=utf8_original(),
                             now=NOW)
    validate_event(event)
    assert event["type"] == DEADLETTER_V1
    assert event["data"]["stage"] == "router"
    assert event["data"]["reason_code"] == "invalid_json"
    assert event["data"]["failed_at"] == "2026-11-26T10:00:00.000000Z"


def test_a_deadletter_event_keeps_the_original_utf8_value_as_it_was():
    raw = b'{"text": "' + PATIENT_TEXT.encode() + b'"'
    event = deadletter_event(stage="router", reason_code="invalid_json", reason="not JSON",
                             original=utf8_original(raw), now=NOW)
    original = event["data"]["original"]
    assert original["value"] == raw.decode("utf-8")
    assert original["value_encoding"] == "utf-8"
    assert (original["topic"], original["partition"], original["offset"], original["key"]) == (
        "feedback.classified", 3, 42, "k-1"
    )


def test_a_deadletter_event_keeps_a_non_utf8_value_as_base64():
    raw = b"\xff\xfe\x00binary\x80"
    event = deadletter_event(stage="classifier", reason_code="invalid_encoding", reason="not UTF-8",
                             original=utf8_original(raw), now=NOW)
    validate_event(event)
    original = event["data"]["original"]
    assert original["value_encoding"] == "base64"
    assert base64.b64decode(original["value"]) == raw


def test_a_deadletter_of_an_empty_record_validates_with_an_empty_value():
    event = deadletter_event(stage="router", reason_code="empty_record", reason="no value",
                             original=utf8_original(None), now=NOW)
    validate_event(event)
    assert event["data"]["original"]["value"] == ""


@pytest.mark.parametrize(
    "value",
    [
        b"{broken " + PATIENT_TEXT.encode(),
        b'{"type": "org.careloop.nope.v1", "data": {"text": "' + PATIENT_TEXT.encode() + b'"}}',
    ],
    ids=["invalid_json", "unknown_event_type"],
)
def test_a_deadletter_reason_built_from_a_decode_error_never_contains_the_record_text(value):
    with pytest.raises(BadEvent) as info:
        decode_event(value)
    event = deadletter_event(stage="router", reason_code=info.value.reason_code, reason=info.value.reason,
                             original=utf8_original(value), now=NOW)
    validate_event(event)
    assert "Waited six hours" not in event["data"]["reason"]
    assert "Waited six hours" in event["data"]["original"]["value"]  # kept, but only there


def test_a_schema_invalid_deadletter_reason_never_contains_the_record_text():
    event = fixture("feedback.classified.v1")
    event["data"]["feedback"]["text"] = 12345
    event["data"]["feedback"]["external_id"] = PATIENT_TEXT
    event["data"]["classification"]["severity"] = PATIENT_TEXT
    value = encode_event(event)
    with pytest.raises(BadEvent) as info:
        decode_event(value)
    dl = deadletter_event(stage="router", reason_code=info.value.reason_code, reason=info.value.reason,
                          original=utf8_original(value), now=NOW)
    assert dl["data"]["reason_code"] == "schema_invalid"
    assert "Waited" not in dl["data"]["reason"]


def test_a_very_long_deadletter_reason_is_cut_to_a_thousand_characters():
    event = deadletter_event(stage="router", reason_code="processing_error", reason="x" * 5000,
                             original=utf8_original(), now=NOW)
    assert len(event["data"]["reason"]) == 1000
    validate_event(event)


def test_the_same_failed_record_gives_the_same_deadletter_id():
    a = deadletter_event(stage="router", reason_code="invalid_json", reason="r", original=utf8_original(), now=NOW)
    b = deadletter_event(stage="router", reason_code="invalid_json", reason="r", original=utf8_original(),
                         now=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert a["id"] == b["id"]


def test_records_at_different_offsets_give_different_deadletter_ids():
    a = deadletter_event(stage="router", reason_code="invalid_json", reason="r", original=utf8_original(), now=NOW)
    b = deadletter_event(stage="router", reason_code="invalid_json", reason="r",
                         original=utf8_original(offset=43), now=NOW)
    assert a["id"] != b["id"]


def test_records_without_an_offset_are_told_apart_by_their_content():
    a = original_record(topic=None, partition=None, offset=None, key=None, value=b"my name is Jane")
    b = original_record(topic=None, partition=None, offset=None, key=None, value=b"my name is John")
    ea = deadletter_event(stage="ingest", reason_code="invalid_json", reason="r", original=a, now=NOW)
    eb = deadletter_event(stage="ingest", reason_code="invalid_json", reason="r", original=b, now=NOW)
    validate_event(ea)
    assert ea["id"] != eb["id"]
    assert "Jane" not in ea["subject"]  # the content is hashed, never copied into the subject


def test_a_deadletter_reason_is_human_text_not_the_reason_code_alone():
    event = deadletter_event(stage="sla_monitor", reason_code="schema_invalid", reason="$.data: missing property",
                             original=utf8_original(), now=NOW)
    assert event["data"]["reason"] == "$.data: missing property"
    assert copy.deepcopy(event) == event
