"""The classifier service: a faust agent over feedback.received."""
from __future__ import annotations

from careloop.classifier.handler import make_handler
from careloop.classifier.model import compile_patterns
from careloop.core.events import FEEDBACK_RECEIVED
from careloop.core.logging import configure_logging
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings
from careloop.core.stage import StageRunner, consume, make_faust_app, run_faust_worker
from careloop.core.timeutil import utcnow

STAGE = "classifier"


def main(settings: Settings) -> None:
    configure_logging(STAGE, settings.log_level)
    compile_patterns()  # about 0.3 s here rather than in the first messages
    metrics = Metrics()
    metrics.serve(settings.metrics_host, settings.metrics_port(STAGE))
    app = make_faust_app(STAGE, settings, metrics)
    runner = StageRunner(STAGE, settings, metrics, utcnow)
    handle = make_handler(utcnow, on_consumed=lambda t: metrics.events_consumed.labels(STAGE, t).inc())
    source = app.topic(settings.topic(FEEDBACK_RECEIVED), key_serializer="raw", value_serializer="raw")

    @app.agent(source)
    async def classify_feedback(stream):  # noqa: ANN001 - faust's stream type
        await consume(app, runner, stream, handle)

    run_faust_worker(app, settings.log_level)
