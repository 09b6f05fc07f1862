"""`careloop ingest serve`: the HMAC-signed webhook on uvicorn, publishing through an
idempotent kafka-python producer."""
from __future__ import annotations

import uvicorn

from careloop.core.config import load_config
from careloop.core.errors import ConfigError
from careloop.core.kafka import make_producer
from careloop.core.logging import configure_logging, get_logger
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.core.timeutil import utcnow
from careloop.ingest.service import STAGE, Publisher
from careloop.ingest.webhook import RESULT_LABELS, create_app


def main(settings: Settings) -> None:
    configure_logging(STAGE, settings.log_level)
    log = get_logger(STAGE)
    secret = settings.webhook_secret.get_secret_value()
    if not secret:
        raise ConfigError("CARELOOP_WEBHOOK_SECRET is not set: the webhook refuses to run without a signing secret")
    config = load_config(settings.config_path)
    metrics = Metrics()
    for label in RESULT_LABELS:
        metrics.webhook_requests.labels(label)
    metrics.serve(settings.metrics_host, settings.metrics_port(STAGE))
    publisher = Publisher(settings, make_producer(settings, client_id="careloop-webhook"), metrics)

    def publish(data: dict) -> None:
        publisher.publish_received(data, utcnow(), wait=True)
        metrics.ingest_records.labels(data["source"], "accepted").inc()

    app = create_app(
        sources=config.sources_by_name,
        secret=secret,
        publish=publish,
        clock=utcnow,
        on_result=lambda status: metrics.webhook_requests.labels(status).inc(),
    )
    log.info("webhook listening", url=f"http://{settings.webhook_host}:{settings.webhook_port}/v1/feedback")
    try:
        uvicorn.run(app, host=settings.webhook_host, port=settings.webhook_port, log_level="warning", access_log=False)
    finally:
        publisher.producer.flush()
        publisher.producer.close()
