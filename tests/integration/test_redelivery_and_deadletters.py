"""Redelivery never duplicates a ticket; bad input lands on the dead-letter topic with
its reason while the pipeline keeps going (real Kafka, real PostgreSQL)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from careloop.core.config import load_config
from careloop.core.db import Ticket, make_engine, make_sessionmaker
from careloop.core.events import (
    CLASSIFIED_V1,
    FEEDBACK_CLASSIFIED,
    FEEDBACK_DEADLETTER,
    FEEDBACK_RECEIVED,
    TICKETS_COMMANDS,
    TICKETS_LIFECYCLE,
    encode_event,
    make_event,
)
from careloop.core.ids import ticket_id
from careloop.core.timeutil import utcnow
from careloop.ingest.normalize import normalize
from careloop.ingest.service import received_event
from careloop.tickets_cli import command_event

pytestmark = pytest.mark.integration


def _received(config, record: dict) -> dict:
    data = normalize(record, config.sources_by_name[record["source"]], now=utcnow())
    return received_event(data, utcnow())


def test_a_classified_event_delivered_twice_opens_exactly_one_ticket(
    fast_sla_config, settings_for, pipeline_factory, reader_for, producer_for, sample_records
):
    settings = settings_for(fast_sla_config)
    config = load_config(settings.config_path)
    pipeline_factory(settings)
    complaint = sample_records()[0]
    received = _received(config, complaint)
    feedback = received["data"]
    classified = make_event(
        CLASSIFIED_V1, producer="tests", subject=feedback["feedback_id"], discriminator="dup", time=utcnow(),
        data={"feedback": feedback, "classification": {
            "sentiment": "negative", "score": -0.8, "confidence": 0.9, "topics": ["waiting"], "risk_flags": [],
            "severity": "high", "language": "en", "needs_review": False, "model_version": "test"}},
    )
    producer = producer_for(settings)
    value = encode_event(classified)
    key = feedback["feedback_id"].encode()
    # The same record twice, as a producer retry or a consumer restart would deliver it,
    # and the same feedback once more through the whole pipeline.
    producer.send(settings.topic(FEEDBACK_CLASSIFIED), key=key, value=value)
    producer.send(settings.topic(FEEDBACK_CLASSIFIED), key=key, value=value)
    producer.send(settings.topic(FEEDBACK_RECEIVED), key=key, value=encode_event(received))
    producer.send(settings.topic(FEEDBACK_RECEIVED), key=key, value=encode_event(received))
    producer.flush()

    reader = reader_for(settings, FEEDBACK_CLASSIFIED, TICKETS_LIFECYCLE)
    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("classified.v1")]) >= 4, 60,
                    "all four deliveries processed by the classifier")
    reader.wait_for(lambda ev: any(e["type"].endswith("ticket.opened.v1") for e in ev), 60, "the ticket")
    sessions = make_sessionmaker(make_engine(settings.database_url))
    import time

    time.sleep(3)  # give the router time to process every delivery
    reader.poll()
    opened = [e for e in reader.of_type("ticket.opened.v1") if e["data"]["feedback_id"] == feedback["feedback_id"]]
    assert len(opened) == 1
    assert opened[0]["subject"] == ticket_id(feedback["feedback_id"])
    with sessions() as session:
        count = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.feedback_id == feedback["feedback_id"]))
    assert count == 1


def test_malformed_and_schema_invalid_records_are_dead_lettered_with_reasons_and_the_pipeline_keeps_going(
    fast_sla_config, settings_for, pipeline_factory, reader_for, producer_for, sample_records
):
    settings = settings_for(fast_sla_config)
    config = load_config(settings.config_path)
    pipeline = pipeline_factory(settings)
    producer = producer_for(settings)
    good = _received(config, sample_records()[1])
    schema_invalid = json.loads(encode_event(good))
    schema_invalid["data"]["rating"] = {"value": 7, "raw": 7, "scale_min": 1, "scale_max": 5}
    wrong_topic = json.loads(encode_event(good))
    wrong_topic["type"] = "org.careloop.ticket.command.resolve.v1"
    bad_records = {
        "invalid_encoding": b"\xff\xfe\x00 not text",
        "invalid_json": b"{ this is not json",
        "invalid_envelope": b"[1, 2, 3]",
        "unknown_event_type": json.dumps({"specversion": "1.0", "type": "com.example.unknown"}).encode(),
        "schema_invalid": json.dumps(schema_invalid).encode(),
        "unexpected_event_type": json.dumps(wrong_topic).encode(),
    }
    for value in bad_records.values():
        producer.send(settings.topic(FEEDBACK_RECEIVED), key=b"bad", value=value)
    producer.send(settings.topic(FEEDBACK_RECEIVED), key=good["subject"].encode(), value=encode_event(good))
    # A command about a ticket that does not exist is dead-lettered by the router.
    unknown = command_event("ack", "00000000-0000-5000-8000-000000000000", "px-agent-1", note=None)
    producer.send(settings.topic(TICKETS_COMMANDS), key=unknown["subject"].encode(), value=encode_event(unknown))
    producer.flush()

    reader = reader_for(settings, FEEDBACK_DEADLETTER, FEEDBACK_CLASSIFIED)
    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("deadletter.v1")]) >= len(bad_records) + 1
                    and any(e["type"].endswith("classified.v1") for e in ev), 60,
                    "every bad record dead-lettered and the good one classified")
    letters = [e["data"] for e in reader.of_type("deadletter.v1")]
    by_code = {d["reason_code"]: d for d in letters}
    assert set(bad_records) | {"unknown_ticket"} <= set(by_code)
    for code, value in bad_records.items():
        letter = by_code[code]
        assert letter["stage"] == "classifier"
        assert letter["original"]["topic"] == settings.topic(FEEDBACK_RECEIVED)
        assert letter["original"]["offset"] is not None and letter["reason"]
        encoded = value.decode("utf-8") if letter["original"]["value_encoding"] == "utf-8" else None
        if encoded is not None:
            assert letter["original"]["value"] == encoded, "the original record is kept whole"
    assert by_code["unknown_ticket"]["stage"] == "router"
    assert "$.data.rating.value" in by_code["schema_invalid"]["reason"]
    assert good["data"]["text"] not in json.dumps(letters[0]["reason"])
    classified = reader.of_type("feedback.classified.v1")
    assert [c["data"]["feedback"]["feedback_id"] for c in classified] == [good["subject"]]
    assert pipeline.dead_services() == []
