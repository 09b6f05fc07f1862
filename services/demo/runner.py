"""`careloop demo`: the whole pipeline on generated feedback, checked end to end.

It feeds N records through ingest, acknowledges about a third of the tickets through
tickets.commands as soon as they open, waits until every SLA window has passed and the
pipeline is idle, then compares what came out with what should have: tickets from the
routing rules applied to what was classified, escalations from the demo policies'
round-the-clock windows computed here independently of the monitor's own schedule.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from careloop.core.config import CareloopConfig, load_config
from careloop.core.events import (
    CLASSIFIED_V1,
    DEADLETTER_V1,
    ESCALATION_RAISED_V1,
    FEEDBACK_CLASSIFIED,
    FEEDBACK_DEADLETTER,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_OPENED_V1,
    TICKET_RESOLVED_V1,
    TICKETS_COMMANDS,
    TICKETS_ESCALATIONS,
    TICKETS_LIFECYCLE,
    encode_event,
)
from careloop.core.ids import format_threshold, ticket_id as derive_ticket_id
from careloop.core.kafka import make_consumer, make_producer
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.core.timeutil import parse_time, utcnow
from careloop.demo.feed import generate_feed, write_jsonl
from careloop.ingest.service import Publisher, ingest_file
from careloop.pipeline import Pipeline, free_port_base
from careloop.router.handler import facts_from
from careloop.router.rules import route
from careloop.tickets_cli import command_event

# Seconds after the last threshold instant before the run may end (lateness allowance).
SETTLE_SECONDS = 3.0
# Seconds with no new event that count as "idle".
IDLE_SECONDS = 2.0


@dataclass
class Observed:
    """Everything the demo saw on the output topics (filled by the observer thread)."""

    classified: dict[str, dict] = field(default_factory=dict)
    opened: dict[str, dict] = field(default_factory=dict)
    opened_messages: int = 0
    acknowledged: dict[str, datetime] = field(default_factory=dict)
    resolved: dict[str, datetime] = field(default_factory=dict)
    escalations: dict[str, dict] = field(default_factory=dict)
    escalation_messages: Counter = field(default_factory=Counter)
    received_at: dict[str, datetime] = field(default_factory=dict)
    deadletters: Counter = field(default_factory=Counter)
    ack_sent: set[str] = field(default_factory=set)
    last_event_at: float = field(default_factory=time.monotonic)
    last_classified_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _wants_ack(ticket_id: str) -> bool:
    """About a third of tickets, chosen by id so a rerun chooses the same ones."""
    return int(hashlib.sha256(ticket_id.encode()).hexdigest(), 16) % 3 == 0


def _observe(settings: Settings, observed: Observed, stop: threading.Event, ready: threading.Event) -> None:
    topics = [settings.topic(t) for t in (FEEDBACK_CLASSIFIED, TICKETS_LIFECYCLE, TICKETS_ESCALATIONS, FEEDBACK_DEADLETTER)]
    consumer = make_consumer(settings, *topics, group_id=None)
    producer = make_producer(settings, client_id="careloop-demo-staff")
    try:
        while not stop.is_set():
            batch = consumer.poll(timeout_ms=100)
            ready.set()
            now = utcnow()
            for records in batch.values():
                for msg in records:
                    _record(settings, observed, producer, json.loads(msg.value), now)
            producer.flush()
    finally:
        consumer.close()
        producer.close()


def _record(settings: Settings, observed: Observed, producer: Any, event: dict, now: datetime) -> None:
    kind, data = event["type"], event["data"]
    with observed.lock:
        observed.last_event_at = time.monotonic()
        if kind == CLASSIFIED_V1:
            observed.classified[data["feedback"]["feedback_id"]] = data
            observed.last_classified_at = time.monotonic()
        elif kind == TICKET_OPENED_V1:
            observed.opened_messages += 1
            observed.opened[data["ticket_id"]] = data
            tid = data["ticket_id"]
            if _wants_ack(tid) and tid not in observed.ack_sent:
                observed.ack_sent.add(tid)
                command = command_event("ack", tid, "demo-staff", note=None, command_id=f"demo-ack-{tid}")
                producer.send(settings.topic(TICKETS_COMMANDS), key=tid.encode(), value=encode_event(command))
        elif kind == TICKET_ACKNOWLEDGED_V1:
            observed.acknowledged[data["ticket_id"]] = parse_time(data["at"])
        elif kind == TICKET_RESOLVED_V1:
            observed.resolved[data["ticket_id"]] = parse_time(data["at"])
        elif kind == ESCALATION_RAISED_V1:
            observed.escalation_messages[data["escalation_id"]] += 1
            observed.escalations.setdefault(data["escalation_id"], data)
            observed.received_at.setdefault(data["escalation_id"], now)
        elif kind == DEADLETTER_V1:
            observed.deadletters[data["stage"]] += 1


def expected_escalations(config: CareloopConfig, opened: dict, acknowledged: dict, resolved: dict) -> dict[tuple, datetime]:
    """(ticket, clock, threshold, level) -> due instant, for round-the-clock policies."""
    out: dict[tuple, datetime] = {}
    for tid, data in opened.items():
        policy = config.sla.policies[data["sla_policy"]]
        if policy.calendar != "24x7":
            raise ValueError("the demo checks round-the-clock SLA policies only (calendar: 24x7)")
        chain = config.escalation_chains.get(data["escalation_chain"]) or config.escalation_chains["default"]
        top = len(chain) - 1
        breach_level = min(1, top)
        reescalations = 0
        if policy.reescalate_every is not None:
            reescalations = max(0, min(top, breach_level + policy.max_reescalations) - breach_level)
        opened_at = parse_time(data["at"])
        stops = {"acknowledge": min(filter(None, [acknowledged.get(tid), resolved.get(tid)]), default=None),
                 "resolve": resolved.get(tid)}
        for clock, window in (("acknowledge", policy.acknowledge_within), ("resolve", policy.resolve_within)):
            steps = [(t, 0, window * t) for t in policy.thresholds]
            steps.append((1.0, breach_level, window))
            steps += [(1.0, breach_level + n, window + n * policy.reescalate_every) for n in range(1, reescalations + 1)]
            for threshold, level, offset in steps:
                due_at = opened_at + offset
                if stops[clock] is None or due_at < stops[clock]:
                    out[(tid, clock, format_threshold(threshold), level)] = due_at
    return out


def run_demo(args: argparse.Namespace, settings: Settings) -> int:
    started = time.monotonic()
    config = load_config(settings.config_path)
    run_id = uuid.uuid4().hex[:8]
    embedded = not args.bootstrap and not _env_set("CARELOOP_KAFKA_BOOTSTRAP")
    workdir = Path(tempfile.mkdtemp(prefix=f"careloop-demo-{run_id}-"))
    settings = replace(
        settings,
        metrics_port_base=free_port_base(),
        # A fresh set of topics per run on a shared broker; the embedded one is new anyway.
        topic_prefix="" if embedded else f"demo-{run_id}.",
        log_level="info",
    )
    if not (args.database_url or _env_set("CARELOOP_DATABASE_URL")):
        settings = replace(settings, database_url=f"sqlite:///{workdir / 'careloop.db'}")
    pipeline = Pipeline(settings, config, workdir, embedded=embedded, with_webhook=False)
    observed = Observed()
    stop = threading.Event()
    log = (lambda msg: print(f"demo: {msg}", file=sys.stderr, flush=True))
    try:
        pipeline.start()
        settings = pipeline.settings
        pipeline.wait_ready()
        ready = threading.Event()
        observer = threading.Thread(target=_observe, args=(settings, observed, stop, ready), daemon=True)
        observer.start()
        ready.wait(30)
        feed = generate_feed(args.events, seed=args.seed, now=utcnow())
        for record in feed.records:  # a new run is new feedback, even on a reused database
            record["external_id"] = f"{run_id}-{record.get('external_id')}"
        feed_path = workdir / "feed.jsonl"
        write_jsonl(feed.records, feed_path)
        log(f"pipeline up in {time.monotonic() - started:.1f} s; feeding {args.events} records")
        ingest_started = time.monotonic()
        producer = make_producer(settings, client_id="careloop-demo-ingest")
        report = ingest_file(feed_path, source=None, config=config, publisher=Publisher(settings, producer, Metrics()), clock=utcnow)
        producer.close()
        deadline = started + args.timeout
        result = _wait_and_check(config, observed, report, deadline, log)
        # Throughput of the whole path, from the first record sent to the last classified.
        pipeline_seconds = max(1e-9, observed.last_classified_at - ingest_started)
        result.update({
            "events_in": args.events,
            "elapsed_seconds": round(time.monotonic() - started, 2),
            "events_per_second": round(report.accepted / pipeline_seconds, 1) if observed.last_classified_at else 0.0,
            "broker": "embedded mock cluster" if embedded else settings.kafka_bootstrap,
            "database": settings.database_url.split(":", 1)[0],
        })
    finally:
        stop.set()
        codes = pipeline.stop()
    result["service_exit_codes"] = codes
    bad = result["tickets_missing"] + result["tickets_duplicate"] + result["escalations_missing"] + result["escalations_duplicate"]
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")
    if not args.keep and bad == 0:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    else:
        log(f"state kept in {workdir}")
    return 1 if bad else 0


def _wait_and_check(config: CareloopConfig, observed: Observed, report: Any, deadline: float, log: Any) -> dict:
    def snapshot() -> dict:
        with observed.lock:
            classified = dict(observed.classified)
            opened = dict(observed.opened)
            acknowledged = dict(observed.acknowledged)
            resolved = dict(observed.resolved)
            deadletters = Counter(observed.deadletters)
        expected_tickets = {
            derive_ticket_id(fid)
            for fid, data in classified.items()
            if route(config.routing, facts_from(data["feedback"], data["classification"])).ticket
        }
        return {"classified": classified, "opened": opened, "acknowledged": acknowledged, "resolved": resolved,
                "deadletters": deadletters, "expected_tickets": expected_tickets}

    while True:
        snap = snapshot()
        processed = len(snap["classified"]) + snap["deadletters"]["classifier"]
        with observed.lock:
            acks_pending = len(observed.ack_sent - set(snap["acknowledged"]))
            idle = time.monotonic() - observed.last_event_at
        expected = expected_escalations(config, snap["opened"], snap["acknowledged"], snap["resolved"])
        last_due = max(expected.values(), default=None)
        settled = (
            processed >= report.accepted
            and snap["expected_tickets"] <= set(snap["opened"])
            and acks_pending == 0
            and (last_due is None or utcnow() >= last_due + timedelta(seconds=SETTLE_SECONDS))
            and idle >= IDLE_SECONDS
        )
        if settled or time.monotonic() > deadline:
            if not settled:
                log("timed out waiting for the pipeline to settle")
            break
        time.sleep(0.25)

    with observed.lock:
        received = dict(observed.escalations)
        messages = Counter(observed.escalation_messages)
        received_at = dict(observed.received_at)
        opened_messages = observed.opened_messages
    by_key = {(e["ticket_id"], e["clock"], format_threshold(e["threshold"]), e["level"]): e for e in received.values()}
    missing = [k for k in expected if k not in by_key]
    unexpected = [k for k in by_key if k not in expected]
    wrong_time = [
        k for k, e in by_key.items() if k in expected and abs((parse_time(e["due_at"]) - expected[k]).total_seconds()) > 0.001
    ]
    lateness = [(received_at[e["escalation_id"]] - parse_time(e["due_at"])).total_seconds() for e in received.values()]
    raise_lateness = [(parse_time(e["raised_at"]) - parse_time(e["due_at"])).total_seconds() for e in received.values()]
    return {
        "classified": len(snap["classified"]),
        "deadletters": sum(snap["deadletters"].values()),
        "deadletters_by_stage": dict(snap["deadletters"]),
        "ingest_rejected": report.deadlettered,
        "tickets_expected": len(snap["expected_tickets"]),
        "tickets_opened": len(snap["opened"]),
        "tickets_missing": len(snap["expected_tickets"] - set(snap["opened"])),
        "tickets_unexpected": len(set(snap["opened"]) - snap["expected_tickets"]),
        "tickets_duplicate": opened_messages - len(snap["opened"]),
        "acknowledged": len(snap["acknowledged"]),
        "escalations_expected": len(expected),
        "escalations": len(received),
        "escalations_missing": len(missing),
        "escalations_duplicate": sum(n - 1 for n in messages.values()),
        "escalations_unexpected": len(unexpected),
        "escalations_wrong_time": len(wrong_time),
        "escalation_lateness_seconds_max": round(max(lateness, default=0.0), 3),
        "escalation_raise_lateness_seconds_max": round(max(raise_lateness, default=0.0), 3),
    }


def _env_set(name: str) -> bool:
    import os

    return bool(os.environ.get(name))
