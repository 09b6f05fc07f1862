"""What every faust stage shares: building the app, turning a record into outgoing
events with the error policy applied (see careloop.core.errors), and one processing
log line per record with its topic[partition]@offset."""
from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import faust

from careloop.core.errors import BadEvent, TransientError
from careloop.core.events import FEEDBACK_DEADLETTER, deadletter_event, encode_event, original_record
from careloop.core.kafka import faust_broker_url
from careloop.core.logging import get_logger, where
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings

# How often a transient failure is retried before the worker stops (seconds between tries).
TRANSIENT_BACKOFF_SECONDS = (0.5, 1, 2, 4, 8)


@dataclass(frozen=True)
class Outgoing:
    topic: str  # topic name before the settings' prefix
    key: str
    event: dict[str, Any]


@dataclass(frozen=True)
class RecordMeta:
    topic: str
    partition: int
    offset: int
    key: bytes | None


Handler = Callable[[bytes | None, RecordMeta], list[Outgoing]]


def make_faust_app(service: str, settings: Settings, metrics: Metrics) -> faust.App:
    data_dir = Path(os.environ.get("CARELOOP_STATE_DIR", "var")) / "faust" / service
    data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        # The app id is the consumer group; the topic prefix keeps side-by-side runs apart.
        f"careloop-{settings.topic_prefix}{service}",
        broker=faust_broker_url(settings),
        # Topics are provisioned by `careloop topics create`; the embedded broker has no
        # CreateTopics, and faust's leader topic is not needed (no tables, no timers
        # that must run on one worker only).
        topic_allow_declare=False,
        topic_disable_leader=True,
        web_enabled=False,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        broker_commit_every=200,
        # Seconds: a killed worker's partitions move to the others within this time.
        broker_session_timeout=10.0,
        broker_heartbeat_interval=1.0,
        broker_commit_interval=1.0,
        datadir=str(data_dir),
        store="memory://",
    )
    assigned: set = set()

    # Readiness: a worker counts as consuming once the group has given it partitions.
    @app.on_partitions_assigned.connect
    async def _count_assigned(sender, assigned_now, **kwargs) -> None:  # noqa: ANN001
        assigned.update(assigned_now)
        metrics.partitions_assigned.labels(service).set(len(assigned))

    @app.on_partitions_revoked.connect
    async def _count_revoked(sender, revoked, **kwargs) -> None:  # noqa: ANN001
        assigned.difference_update(revoked)
        metrics.partitions_assigned.labels(service).set(len(assigned))

    return app


class StageRunner:
    """Applies the error policy around a stage's pure-ish handler."""

    def __init__(self, stage: str, settings: Settings, metrics: Metrics, clock: Callable[[], datetime]) -> None:
        self.stage = stage
        self.settings = settings
        self.metrics = metrics
        self.clock = clock
        self.log = get_logger(stage)

    def process(self, handler: Handler, value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        started = time.perf_counter()
        position = where(meta.topic, meta.partition, meta.offset)
        try:
            out = self._with_retries(handler, value, meta, position)
            self.log.debug("processed", where=position, count=len(out))
        except BadEvent as exc:
            out = [self._deadletter(exc.reason_code, exc.reason, value, meta)]
            self.log.warning("dead-lettered", where=position, reason_code=exc.reason_code, reason=exc.reason)
        except Exception as exc:  # a bug: keep the record, keep the pipeline going
            out = [self._deadletter("processing_error", f"{type(exc).__name__} in {self.stage}", value, meta)]
            self.log.exception("processing failed", where=position, error_type=type(exc).__name__)
        self.metrics.processing_seconds.labels(self.stage).observe(time.perf_counter() - started)
        return out

    def _with_retries(self, handler: Handler, value: bytes | None, meta: RecordMeta, position: str) -> list[Outgoing]:
        for attempt, pause in enumerate((*TRANSIENT_BACKOFF_SECONDS, None)):
            try:
                return handler(value, meta)
            except TransientError as exc:
                if pause is None:
                    self.log.error("giving up after retries; stopping the worker", where=position, error=str(exc))
                    # Stop without committing: the record is redelivered when a worker returns.
                    os._exit(75)
                self.log.warning("transient failure, retrying", where=position, error=str(exc), count=attempt + 1)
                time.sleep(pause)
        raise AssertionError("unreachable")

    def _deadletter(self, reason_code: str, reason: str, value: bytes | None, meta: RecordMeta) -> Outgoing:
        self.metrics.deadletters.labels(self.stage, reason_code).inc()
        original = original_record(
            topic=meta.topic, partition=meta.partition, offset=meta.offset, key=meta.key, value=value
        )
        event = deadletter_event(stage=self.stage, reason_code=reason_code, reason=reason, original=original, now=self.clock())
        return Outgoing(FEEDBACK_DEADLETTER, str(original.get("key") or event["subject"]), event)


async def send_all(
    app: faust.App, settings: Settings, metrics: Metrics, stage: str, outgoing: list[Outgoing]
) -> list[tuple[str, "asyncio.Future[Any]"]]:
    """Queue every event for sending; returns (event id, delivery future) pairs.

    faust flushes the producer before it commits consumer offsets, so a record is
    never committed ahead of the events it caused.
    """
    futures = []
    for item in outgoing:
        topic = app.topic(settings.topic(item.topic), key_serializer="raw", value_serializer="raw")
        fut = await topic.send(key=item.key.encode(), value=encode_event(item.event))
        metrics.events_produced.labels(stage, item.topic).inc()
        futures.append((item.event["id"], fut))
    return futures


def run_faust_worker(app: faust.App, log_level: str) -> None:
    """Run a faust worker in this process until SIGINT/SIGTERM."""
    level = {"debug": "debug", "info": "info", "warning": "warn", "warn": "warn", "error": "error"}.get(log_level, "info")
    worker = faust.Worker(app, loglevel=level, redirect_stdouts=False, console_port=0)
    worker.execute_from_commandline()


def new_event_loop() -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    return loop


async def consume(
    app: faust.App,
    runner: StageRunner,
    stream: Any,
    handler: Handler,
    sent: list[tuple[str, "asyncio.Future[Any]"]] | None = None,
    after: Callable[[], None] | None = None,
) -> None:
    """The loop every agent runs: handle each record under the error policy, send what
    it produced, keep the lag gauge current. `sent` collects delivery futures for callers
    that confirm an outbox; `after` runs after each record."""
    lag_by_partition: dict[tuple[str, int], int] = {}
    async for event in stream.events():
        msg = event.message
        meta = RecordMeta(msg.topic, msg.partition, msg.offset, msg.key)
        outgoing = runner.process(handler, msg.value, meta)
        futures = await send_all(app, runner.settings, runner.metrics, runner.stage, outgoing)
        if sent is not None:
            sent.extend(futures)
        try:
            highwater = app.consumer.highwater(msg.tp)
        except Exception:  # noqa: BLE001 - lag is best effort, never a reason to stop
            highwater = None
        if highwater is not None:
            lag_by_partition[(msg.topic, msg.partition)] = max(0, highwater - msg.offset - 1)
            total = sum(v for (t, _p), v in lag_by_partition.items() if t == msg.topic)
            runner.metrics.consumer_lag.labels(runner.stage, msg.topic).set(total)
        if after is not None:
            after()
