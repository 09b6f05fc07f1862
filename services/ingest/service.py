"""Ingest wiring: files and the webhook become FeedbackReceived events on
feedback.received through an idempotent kafka-python producer; bad records become
dead-letter records with their reason. Nothing is dropped silently."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from kafka import KafkaProducer

from careloop.core.config import CareloopConfig
from careloop.core.errors import CareloopError
from careloop.core.events import (
    FEEDBACK_DEADLETTER,
    FEEDBACK_RECEIVED,
    RECEIVED_V1,
    deadletter_event,
    encode_event,
    make_event,
    original_record,
    validate_outgoing,
)
from careloop.core.logging import get_logger
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.ingest.normalize import InvalidRecord, SourceConfig, normalize
from careloop.ingest.readers import ReadStats, read_csv, read_jsonl

STAGE = "ingest"
# Seconds to wait for the broker to confirm one webhook record before answering 503.
PUBLISH_TIMEOUT_SECONDS = 10.0


def received_event(data: dict[str, Any], now: datetime) -> dict[str, Any]:
    # The id follows the content: the same record re-sent is the same event, an edited
    # review (same feedback id, new text) is a new event about the same feedback.
    digest = hashlib.sha256(json.dumps(
        {k: v for k, v in data.items() if k != "received_at"}, sort_keys=True).encode()).hexdigest()
    event = make_event(RECEIVED_V1, producer=STAGE, subject=data["feedback_id"], discriminator=digest, time=now, data=data)
    return validate_outgoing(event)


@dataclass
class IngestReport:
    accepted: int = 0
    deadlettered: int = 0
    blank_lines: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass
class Publisher:
    settings: Settings
    producer: KafkaProducer
    metrics: Metrics

    def send(self, topic: str, key: str, event: dict[str, Any]):  # noqa: ANN201 - kafka future
        future = self.producer.send(self.settings.topic(topic), key=key.encode(), value=encode_event(event))
        self.metrics.events_produced.labels(STAGE, topic).inc()
        return future

    def publish_received(self, data: dict[str, Any], now: datetime, *, wait: bool) -> None:
        future = self.send(FEEDBACK_RECEIVED, data["feedback_id"], received_event(data, now))
        if wait:
            future.get(timeout=PUBLISH_TIMEOUT_SECONDS)

    def deadletter(self, reason_code: str, reason: str, original_text: str, now: datetime) -> None:
        original = original_record(topic=None, partition=None, offset=None, key=None, value=original_text)
        event = deadletter_event(stage=STAGE, reason_code=reason_code, reason=reason, original=original, now=now)
        self.send(FEEDBACK_DEADLETTER, event["subject"], validate_outgoing(event))
        self.metrics.deadletters.labels(STAGE, reason_code).inc()


def ingest_file(
    path: Path,
    *,
    source: SourceConfig | None,
    config: CareloopConfig,
    publisher: Publisher,
    clock: Callable[[], datetime],
    fmt: str | None = None,
) -> IngestReport:
    """Publish every good record of a JSONL or CSV file; dead-letter the rest."""
    log = get_logger(STAGE)
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    stats = ReadStats()
    if fmt == "csv":
        if source is None:
            raise CareloopError("a CSV file needs --source: its rows carry no source name")
        records = read_csv(path, source.csv_columns, stats=stats)
    else:
        records = read_jsonl(path, stats=stats)
    report = IngestReport()

    def reject(reason_code: str, reason: str, original: str, line_no: int) -> None:
        publisher.deadletter(reason_code, f"line {line_no}: {reason}", original, clock())
        report.deadlettered += 1
        report.reasons[reason_code] = report.reasons.get(reason_code, 0) + 1
        publisher.metrics.ingest_records.labels(source.name if source else "unknown", "deadlettered").inc()
        log.warning("record rejected", path=str(path), line=line_no, reason_code=reason_code, reason=reason)

    for rec in records:
        if rec.error is not None:
            reject("unparseable_record", rec.error, rec.original, rec.line_no)
            continue
        record_source = source
        if record_source is None:
            name = rec.raw.get("source")
            record_source = config.sources_by_name.get(name) if isinstance(name, str) else None
            if record_source is None:
                reject("unknown_source", "field source: not a configured source (or give --source)", rec.original, rec.line_no)
                continue
        try:
            data = normalize(rec.raw, record_source, now=clock())
        except InvalidRecord as exc:
            reject("invalid_record", f"field {exc.field}: {exc.reason}", rec.original, rec.line_no)
            continue
        publisher.publish_received(data, clock(), wait=False)
        publisher.metrics.ingest_records.labels(record_source.name, "accepted").inc()
        report.accepted += 1
    publisher.producer.flush()
    report.blank_lines = stats.blank
    log.info("file ingested", path=str(path), accepted=report.accepted, deadlettered=report.deadlettered)
    return report
