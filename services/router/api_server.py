"""`careloop api serve`: the ticket API on uvicorn, publishing commands to
tickets.commands through an idempotent kafka-python producer (waiting for the broker's
acknowledgement, so a 200/202 means the command is durably on the topic)."""
from __future__ import annotations

import uvicorn

from careloop.core.config import load_config
from careloop.core.db import make_engine, make_sessionmaker
from careloop.core.events import TICKETS_COMMANDS, encode_event
from careloop.core.kafka import make_producer
from careloop.core.logging import configure_logging, get_logger
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.core.timeutil import utcnow
from careloop.router.api import create_api

STAGE = "api"
PUBLISH_TIMEOUT_SECONDS = 10.0


def main(settings: Settings, *, wait_seconds: float = 5.0) -> None:
    configure_logging(STAGE, settings.log_level)
    log = get_logger(STAGE)
    config = load_config(settings.config_path)
    engine = make_engine(settings.database_url)
    producer = make_producer(settings, client_id="careloop-api")
    metrics = Metrics()
    topic = settings.topic(TICKETS_COMMANDS)

    def publish(event: dict) -> None:
        key = event["data"]["ticket_id"].encode()
        producer.send(topic, key=key, value=encode_event(event)).get(timeout=PUBLISH_TIMEOUT_SECONDS)
        metrics.events_produced.labels(STAGE, TICKETS_COMMANDS).inc()

    app = create_api(sessions=make_sessionmaker(engine), config=config, publish_command=publish, clock=utcnow,
                     wait_seconds=wait_seconds, metrics=metrics)
    log.info("ticket API listening", url=f"http://{settings.api_host}:{settings.api_port}/v1/tickets",
             docs=f"http://{settings.api_host}:{settings.api_port}/docs")
    try:
        uvicorn.run(app, host=settings.api_host, port=settings.api_port, log_level="warning", access_log=False)
    finally:
        producer.flush()
        producer.close()
        engine.dispose()
