"""The SLA monitor service: a faust agent over tickets.lifecycle and a scheduler task
that wakes at the next threshold instant and emits EscalationRaised events.

SIGHUP reloads the configuration file: tickets whose policy, calendar or escalation
chain changed get new instants from the change on."""
from __future__ import annotations

import asyncio
import signal
import time

from careloop.core.config import load_config
from careloop.core.db import make_engine, make_sessionmaker
from careloop.core.errors import ConfigError
from careloop.core.events import TICKETS_ESCALATIONS, TICKETS_LIFECYCLE
from careloop.core.kafka import event_ids_on_topic
from careloop.core.logging import configure_logging, get_logger
from careloop.core.metrics import Metrics, window_buckets
from careloop.core.settings import Settings
from careloop.core.stage import StageRunner, consume, make_faust_app, run_faust_worker, send_all
from careloop.core.timeutil import utcnow
from careloop.sla_monitor.monitor import SlaMonitor

STAGE = "sla_monitor"
# Seconds an instant may pass unfired before any worker takes it on (a dead worker's).
ORPHAN_GRACE_SECONDS = 0.3
# Seconds between those checks (one indexed query each).
ORPHAN_SWEEP_SECONDS = 0.5
# Seconds between refreshes of the open-ticket and compliance gauges: a grouped scan of
# the open clocks that costs about 2.5 s of CPU per million on SQLite, so about 1 % of a
# core at this interval.
GAUGE_REFRESH_SECONDS = 300.0


def main(settings: Settings) -> None:
    configure_logging(STAGE, settings.log_level)
    log = get_logger(STAGE)
    config = load_config(settings.config_path)
    windows = [p.acknowledge_within.total_seconds() for p in config.sla.policies.values()]
    metrics = Metrics(acknowledge_buckets=window_buckets(windows))
    metrics.serve(settings.metrics_host, settings.metrics_port(STAGE))
    sessions = make_sessionmaker(make_engine(settings.database_url))
    monitor = SlaMonitor(config, sessions, utcnow, metrics)
    runner = StageRunner(STAGE, settings, metrics, utcnow)
    app = make_faust_app(STAGE, settings, metrics)
    lifecycle_topic = settings.topic(TICKETS_LIFECYCLE)
    wake = asyncio.Event()
    in_flight: list[tuple[str, asyncio.Future]] = []
    owned: set[int] = set()

    loaded_at_start: list[bool] = []

    def load_everything_once() -> None:
        # Until the group assigns partitions (after a kill -9 that can take a session
        # timeout), time every running clock: the database claim keeps each escalation
        # to one emission even if another worker times the same ticket.
        if loaded_at_start:
            return
        loaded_at_start.append(True)
        started = time.perf_counter()
        recovered = monitor.load(None)
        metrics.sla_recovery_seconds.set(time.perf_counter() - started)
        log.info("clocks loaded at start", recovered=recovered, seconds=round(time.perf_counter() - started, 3))

    @app.on_partitions_assigned.connect
    async def on_assigned(sender, assigned, **kwargs) -> None:  # noqa: ANN001
        load_everything_once()
        owned.update(tp.partition for tp in assigned if tp.topic == lifecycle_topic)
        # Keep only the clocks of owned partitions; another worker times the rest.
        monitor.retain(owned)
        loaded = monitor.load(sorted(owned))
        log.info("partitions assigned; clocks loaded", count=len(owned), recovered=loaded)
        wake.set()

    @app.on_partitions_revoked.connect
    async def on_revoked(sender, revoked, **kwargs) -> None:  # noqa: ANN001
        gone = {tp.partition for tp in revoked if tp.topic == lifecycle_topic}
        owned.difference_update(gone)
        monitor.forget(gone)

    @app.agent(app.topic(lifecycle_topic, key_serializer="raw", value_serializer="raw"))
    async def track_clocks(stream):  # noqa: ANN001
        await consume(app, runner, stream, monitor.handle_lifecycle, after=wake.set)

    def reload_config() -> None:
        try:
            changed = monitor.reload(load_config(settings.config_path))
        except ConfigError as exc:
            log.error("configuration not reloaded: it is invalid; the previous one stays", error=str(exc))
            return
        log.info("configuration reloaded", count=changed)
        wake.set()

    @app.task
    async def fire_escalations() -> None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, reload_config)
        load_everything_once()
        pending = monitor.unpublished()
        if pending:
            # Claimed by a previous run but never confirmed: send only what the topic lacks.
            on_topic = event_ids_on_topic(settings, settings.topic(TICKETS_ESCALATIONS), {o.event["id"] for o in pending})
            monitor.mark_published(sorted(on_topic))
            missing = [o for o in pending if o.event["id"] not in on_topic]
            log.info("recovering escalations claimed by a previous run", pending=len(pending), count=len(missing))
            in_flight.extend(await send_all(app, settings, metrics, STAGE, missing))
        last_sweep = 0.0
        while True:
            if time.monotonic() - last_sweep >= ORPHAN_SWEEP_SECONDS:
                last_sweep = time.monotonic()
                taken = monitor.sweep_overdue(ORPHAN_GRACE_SECONDS)
                if taken:
                    log.warning("took on overdue clocks nobody fired", count=taken)
                adopted = monitor.adopt_unseen(ORPHAN_GRACE_SECONDS)
                if adopted:
                    log.warning("started clocks for tickets whose opened event no monitor has read", count=adopted)
            outgoing = monitor.fire_due()
            if outgoing:
                in_flight.extend(await send_all(app, settings, metrics, STAGE, outgoing))
            await _confirm_delivered(monitor, in_flight)
            next_at = monitor.next_wake()
            sleep = ORPHAN_SWEEP_SECONDS if next_at is None else (next_at - utcnow()).total_seconds()
            wake.clear()
            try:
                await asyncio.wait_for(wake.wait(), timeout=min(ORPHAN_SWEEP_SECONDS, max(0.0, sleep)))
            except asyncio.TimeoutError:
                pass

    @app.timer(GAUGE_REFRESH_SECONDS)
    async def refresh_gauges() -> None:
        await asyncio.to_thread(monitor.refresh_gauges)

    run_faust_worker(app, settings.log_level)


async def _confirm_delivered(monitor: SlaMonitor, in_flight: list[tuple[str, asyncio.Future]]) -> None:
    done = [(eid, f) for eid, f in in_flight if f.done()]
    if not done:
        return
    in_flight[:] = [(eid, f) for eid, f in in_flight if not f.done()]
    monitor.mark_published([eid for eid, f in done if not f.cancelled() and f.exception() is None])
