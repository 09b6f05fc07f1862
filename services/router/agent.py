"""The router service: faust agents over feedback.classified and tickets.commands."""
from __future__ import annotations

import asyncio

from careloop.core.config import load_config
from careloop.core.db import make_engine, make_sessionmaker
from careloop.core.events import FEEDBACK_CLASSIFIED, TICKETS_COMMANDS
from careloop.core.kafka import event_ids_on_topic
from careloop.core.logging import configure_logging, get_logger
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.core.stage import StageRunner, consume, make_faust_app, run_faust_worker, send_all
from careloop.core.timeutil import utcnow
from careloop.router import store
from careloop.router.handler import Router

STAGE = "router"
# Seconds between marking delivered outbox events as published.
OUTBOX_SWEEP_SECONDS = 0.5


def main(settings: Settings) -> None:
    configure_logging(STAGE, settings.log_level)
    log = get_logger(STAGE)
    config = load_config(settings.config_path)
    metrics = Metrics()
    metrics.serve(settings.metrics_host, settings.metrics_port(STAGE))
    sessions = make_sessionmaker(make_engine(settings.database_url))
    router = Router(config, sessions, utcnow, metrics)
    router.refresh_open_gauge()
    runner = StageRunner(STAGE, settings, metrics, utcnow)
    app = make_faust_app(STAGE, settings, metrics)
    in_flight: list[tuple[str, asyncio.Future]] = []

    def topic(name: str):  # noqa: ANN202
        return app.topic(settings.topic(name), key_serializer="raw", value_serializer="raw")

    @app.agent(topic(FEEDBACK_CLASSIFIED))
    async def open_tickets(stream):  # noqa: ANN001
        await consume(app, runner, stream, router.handle_classified, sent=in_flight)

    @app.agent(topic(TICKETS_COMMANDS))
    async def apply_commands(stream):  # noqa: ANN001
        await consume(app, runner, stream, router.handle_command, sent=in_flight)

    @app.task
    async def relay_outbox() -> None:
        # Events left unpublished by a crash between commit and send go out first.
        pending = router.pending()
        if pending:
            # Left unconfirmed by a previous run: send only what the topics lack.
            on_topic: set[str] = set()
            for topic_name in sorted({o.topic for o in pending}):
                ids = {o.event["id"] for o in pending if o.topic == topic_name}
                on_topic |= event_ids_on_topic(settings, settings.topic(topic_name), ids)
            with sessions.begin() as session:
                store.mark_published(session, sorted(on_topic), utcnow())
            missing = [o for o in pending if o.event["id"] not in on_topic]
            log.info("recovering outbox events left by a previous run", pending=len(pending), count=len(missing))
            in_flight.extend(await send_all(app, settings, metrics, STAGE, missing))
        while True:
            await asyncio.sleep(OUTBOX_SWEEP_SECONDS)
            done = [(eid, f) for eid, f in in_flight if f.done()]
            if not done:
                continue
            in_flight[:] = [(eid, f) for eid, f in in_flight if not f.done()]
            delivered = [eid for eid, f in done if not f.cancelled() and f.exception() is None]
            if len(delivered) < len(done):
                log.warning("some events were not delivered; they stay in the outbox", count=len(done) - len(delivered))
            with sessions.begin() as session:
                store.mark_published(session, delivered, utcnow())

    run_faust_worker(app, settings.log_level)
