"""`careloop run`: the pipeline on one machine with a live status line."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

from careloop.core.config import load_config
from careloop.core.kafka import make_producer
from careloop.core.logging import configure_logging
from careloop.core.metrics import Metrics
from careloop.core.settings import Settings, redact_url_password
from careloop.core.timeutil import utcnow
from careloop.ingest.service import Publisher, ingest_file
from careloop.pipeline import Pipeline, sample_totals

SAMPLE_FEED = Path(__file__).resolve().parents[1] / "samples" / "sample_feed.jsonl"
DEFAULT_SQLITE = "sqlite:///var/careloop.db"
# Seconds between status lines.
STATUS_EVERY_SECONDS = 1.0


def status_counts(totals: dict[str, float]) -> dict[str, int]:
    def total(prefix: str, **labels: str) -> int:
        want = [f"|{k}={v}" for k, v in labels.items()]
        return int(sum(v for k, v in totals.items() if k.split("|", 1)[0] == prefix and all(w in k for w in want)))

    return {
        "events_in": total("careloop_events_produced_total", stage="ingest", topic="feedback.received"),
        "classified": total("careloop_events_produced_total", stage="classifier", topic="feedback.classified"),
        "tickets_opened": total("careloop_tickets_opened_total"),
        "tickets_open": total("careloop_tickets_open"),
        "escalations": total("careloop_escalations_total"),
        "dead_letters": total("careloop_deadletters_total"),
    }


def run_pipeline(args: argparse.Namespace, settings: Settings) -> int:
    embedded = not (args.bootstrap or _env("CARELOOP_KAFKA_BOOTSTRAP"))
    state_dir = Path(args.state_dir)
    if not (args.database_url or _env("CARELOOP_DATABASE_URL")):
        settings = replace(settings, database_url=f"sqlite:///{state_dir / 'careloop.db'}")
    config = load_config(settings.config_path)
    # The terminal shows the status line; this process's own log lines go to a file.
    (state_dir / "logs").mkdir(parents=True, exist_ok=True)
    configure_logging("run", settings.log_level, stream=open(state_dir / "logs" / "run.log", "a"))  # noqa: SIM115
    local_metrics = Metrics()  # what this process sends itself (the sample feed)
    pipeline = Pipeline(settings, config, state_dir, embedded=embedded, with_api=True)
    stop_requested = False

    def request_stop(_signum: int, _frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    print(f"careloop: starting ({'embedded broker' if embedded else settings.kafka_bootstrap}, "
          f"database {redact_url_password(settings.database_url)}, config {settings.config_path})", flush=True)
    endpoints_file = state_dir / "endpoints.json"
    try:
        pipeline.start()
        s = pipeline.settings
        endpoints_file.write_text(json.dumps({
            "kafka_bootstrap": s.kafka_bootstrap, "kafka_api_version": s.kafka_api_version,
            "database_url": s.database_url, "webhook_host": s.webhook_host, "webhook_port": s.webhook_port,
        }))
        pipeline.wait_ready()
        print(f"  kafka bootstrap : {s.kafka_bootstrap}")
        print(f"  webhook         : POST http://{s.webhook_host}:{s.webhook_port}/v1/feedback "
              f"(HMAC secret in {state_dir / 'webhook.secret'}; try `.venv/bin/careloop webhook send samples/webhook_example.json`)")
        print(f"  ticket API      : http://{s.api_host}:{s.api_port}/v1/tickets  (docs /docs; admin bearer token in "
              f"{state_dir / 'api.token'})")
        for svc, url in pipeline.metrics_urls().items():
            print(f"  metrics {svc:<8}: {url}")
        print(f"  logs            : {state_dir / 'logs'}/")
        print("  Ctrl-C stops the pipeline.", flush=True)
        if not args.no_sample and SAMPLE_FEED.exists():
            producer = make_producer(s, client_id="careloop-sample")
            report = ingest_file(SAMPLE_FEED, source=None, config=config,
                                 publisher=Publisher(s, producer, local_metrics), clock=utcnow)
            producer.close()
            print(f"  sample feed     : {report.accepted} records sent, {report.deadlettered} dead-lettered "
                  f"({SAMPLE_FEED.name})", flush=True)
        started = time.monotonic()
        tty = sys.stdout.isatty()
        last_line = 0.0
        while not stop_requested:
            dead = pipeline.dead_services()
            if dead:
                print(f"\ncareloop: service(s) stopped unexpectedly: {', '.join(dead)}; "
                      f"see {state_dir / 'logs'}", file=sys.stderr)
                return 1
            if args.duration is not None and time.monotonic() - started >= args.duration:
                break
            now = time.monotonic()
            if tty or now - last_line >= 5.0:
                local = sample_totals(local_metrics.registry.collect())
                scraped = pipeline.scrape()
                c = status_counts({k: scraped.get(k, 0.0) + local.get(k, 0.0) for k in scraped.keys() | local.keys()})
                line = (f"events in {c['events_in']} | classified {c['classified']} | tickets opened "
                        f"{c['tickets_opened']}, open {c['tickets_open']} | escalations {c['escalations']} | "
                        f"dead letters {c['dead_letters']}")
                print(("\r" + line) if tty else line, end="" if tty else "\n", flush=True)
                last_line = now
            time.sleep(STATUS_EVERY_SECONDS)
        return 0
    finally:
        print("\ncareloop: stopping...", flush=True)
        codes = pipeline.stop()
        endpoints_file.unlink(missing_ok=True)
        print("careloop: stopped (" + ", ".join(f"{k} exit {v}" for k, v in codes.items()) + ")", flush=True)


def _env(name: str) -> str:
    import os

    return os.environ.get(name, "")
