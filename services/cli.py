"""`careloop`: the command line. Each command loads settings, builds its clients and
runs; nothing connects at import time."""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careloop.core.errors import CareloopError

if TYPE_CHECKING:  # imported where used: `careloop classify` needs no settings (pydantic, 0.17 s)
    from careloop.core.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
RUN_STATE = Path("var") / "run"
ENDPOINTS_FILE = "endpoints.json"


# --------------------------------------------------------------------------- settings
def settings_from(args: argparse.Namespace) -> Settings:
    """Flags > environment > the endpoints of a running `careloop run` > defaults."""
    from careloop.core.settings import load_settings

    overrides = {
        "config_path": getattr(args, "config", None),
        "kafka_bootstrap": getattr(args, "bootstrap", None),
        "database_url": getattr(args, "database_url", None),
    }
    endpoints = RUN_STATE / ENDPOINTS_FILE
    running: dict[str, Any] = {}
    if endpoints.exists() and not overrides["kafka_bootstrap"] and not os.environ.get("CARELOOP_KAFKA_BOOTSTRAP"):
        running = json.loads(endpoints.read_text())
    return load_settings(overrides, file_runtime=running)


def _config(settings: Settings):  # noqa: ANN202
    from careloop.core.config import load_config

    return load_config(settings.config_path)


# --------------------------------------------------------------------------- commands
def cmd_worker(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.service == "classifier":
        from careloop.classifier.agent import main
    elif args.service == "router":
        from careloop.router.agent import main
    else:
        from careloop.sla_monitor.agent import main
    main(settings)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.file == "serve":
        from careloop.ingest.server import main

        main(settings)
        return 0
    from careloop.core.kafka import make_producer
    from careloop.core.logging import configure_logging
    from careloop.core.metrics import Metrics
    from careloop.core.timeutil import utcnow
    from careloop.ingest.service import Publisher, ingest_file

    configure_logging("ingest", settings.log_level)
    config = _config(settings)
    source = None
    if args.source:
        source = config.sources_by_name.get(args.source)
        if source is None:
            raise CareloopError(f"--source {args.source!r} is not configured (known: {', '.join(config.sources_by_name)})")
    producer = make_producer(settings, client_id="careloop-ingest-file")
    try:
        report = ingest_file(
            Path(args.file), source=source, config=config,
            publisher=Publisher(settings, producer, Metrics()), clock=utcnow, fmt=args.format,
        )
    finally:
        producer.close()
    print(json.dumps({"accepted": report.accepted, "deadlettered": report.deadlettered,
                      "blank_lines": report.blank_lines, "reasons": report.reasons}))
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    from careloop.core.kafka import create_topics

    settings = settings_from(args)
    config = _config(settings)
    result = create_topics(
        settings, partitions=args.partitions or config.topics.partitions,
        replication_factor=args.replication_factor or config.topics.replication_factor,
    )
    for name, status in sorted(result.items()):
        print(f"{status:8} {name}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from careloop.core.db import upgrade
    from careloop.core.settings import redact_url_password

    settings = settings_from(args)
    upgrade(settings.database_url)
    print(f"database at head: {redact_url_password(settings.database_url)}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    config = _config(settings)
    print(f"{settings.config_path}: ok ({len(config.sources)} sources, {len(config.teams)} teams, "
          f"{len(config.routing.rules)} routing rules, {len(config.sla.policies)} SLA policies)")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from careloop.runner import run_pipeline

    return run_pipeline(args, settings_from(args))


def cmd_demo(args: argparse.Namespace) -> int:
    from careloop.core.settings import DEMO_CONFIG
    from careloop.demo.runner import run_demo

    if args.config is None:
        args.config = str(DEMO_CONFIG)
    return run_demo(args, settings_from(args))


def cmd_tickets(args: argparse.Namespace) -> int:
    from careloop.tickets_cli import run_tickets_command

    return run_tickets_command(args, settings_from(args))


def cmd_api(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.action == "serve":
        from careloop.router.api_server import main

        main(settings, wait_seconds=args.wait_seconds)
        return 0
    from careloop.tickets_cli import run_api_token_command

    return run_api_token_command(args, settings)


def cmd_tail(args: argparse.Namespace) -> int:
    from careloop.tickets_cli import tail

    return tail(args, settings_from(args))


def cmd_webhook_send(args: argparse.Namespace) -> int:
    from careloop.tickets_cli import webhook_send

    return webhook_send(args, settings_from(args))


# --------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careloop", description="Close the loop on patient feedback.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--config", help="config YAML (default: $CARELOOP_CONFIG or config/careloop.yaml)")
        p.add_argument("--bootstrap", help="Kafka bootstrap servers host:port (default: $CARELOOP_KAFKA_BOOTSTRAP)")
        p.add_argument("--database-url", help="SQLAlchemy URL (default: $CARELOOP_DATABASE_URL)")
        return p

    p = common(sub.add_parser("run", help="run the whole pipeline locally (embedded broker unless --bootstrap)"))
    p.add_argument("--no-sample", action="store_true", help="do not replay samples/sample_feed.jsonl at start")
    p.add_argument("--state-dir", default=str(RUN_STATE), help="where logs, the SQLite file and secrets go")
    p.add_argument("--duration", type=float, default=None, help="stop after this many seconds (default: until Ctrl-C)")
    p.set_defaults(func=cmd_run)

    p = common(sub.add_parser("demo", help="run the pipeline end to end on generated feedback and check it"))
    p.add_argument("--events", type=int, default=500)
    p.add_argument("--json", action="store_true", help="print one JSON object with the results")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    p.add_argument("--keep", action="store_true", help="keep the demo's state directory")
    p.set_defaults(func=cmd_demo)

    p = common(sub.add_parser("worker", help="run one stream-processing service"))
    p.add_argument("service", choices=["classifier", "router", "sla_monitor"])
    p.set_defaults(func=cmd_worker)

    p = common(sub.add_parser("ingest", help="ingest a JSONL/CSV file, or `ingest serve` for the webhook"))
    p.add_argument("file", help="path of a .jsonl or .csv file, or `serve`")
    p.add_argument("--source", help="source name from the config (required for CSV)")
    p.add_argument("--format", choices=["jsonl", "csv"], help="default: from the file extension")
    p.set_defaults(func=cmd_ingest)

    p = common(sub.add_parser("topics", help="provision Kafka topics"))
    p.add_argument("action", choices=["create"])
    p.add_argument("--partitions", type=int)
    p.add_argument("--replication-factor", type=int)
    p.set_defaults(func=cmd_topics)

    p = common(sub.add_parser("db", help="database migrations"))
    p.add_argument("action", choices=["upgrade"])
    p.set_defaults(func=cmd_db)

    p = common(sub.add_parser("config", help="check a configuration file"))
    p.add_argument("action", choices=["check"])
    p.set_defaults(func=cmd_config)

    # Handled before parsing (see main); listed here for --help.
    sub.add_parser("classify", help="classify a JSONL file: --in IN.jsonl --out OUT.jsonl", add_help=False)

    p = common(sub.add_parser("tickets", help="list, show, acknowledge, resolve or assign tickets"))
    tsub = p.add_subparsers(dest="action", required=True)
    t = tsub.add_parser("list")
    t.add_argument("--status", choices=["open", "acknowledged", "resolved"])
    t.add_argument("--team")
    t.add_argument("--severity", choices=["low", "medium", "high", "critical"])
    t.add_argument("--limit", type=int, default=50)
    t.add_argument("--json", action="store_true")
    t = tsub.add_parser("show")
    t.add_argument("ticket_id")
    t.add_argument("--json", action="store_true")
    for action in ("ack", "resolve"):
        t = tsub.add_parser(action)
        t.add_argument("ticket_id")
        t.add_argument("--actor", default=os.environ.get("USER", "staff"))
        t.add_argument("--note")
    t = tsub.add_parser("assign")
    t.add_argument("ticket_id")
    t.add_argument("--team", required=True)
    t.add_argument("--assignee")
    t.add_argument("--actor", default=os.environ.get("USER", "staff"))
    p.set_defaults(func=cmd_tickets)

    p = common(sub.add_parser("api", help="the ticket API: `api serve`, `api token create|revoke|list`"))
    asub = p.add_subparsers(dest="action", required=True)

    def leaf(q: argparse.ArgumentParser) -> argparse.ArgumentParser:
        # The common options also after the subcommand; SUPPRESS keeps a value given before it.
        q.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        q.add_argument("--bootstrap", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        q.add_argument("--database-url", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return q

    a = leaf(asub.add_parser("serve", help="serve the ticket API on $CARELOOP_API_HOST:$CARELOOP_API_PORT "
                                           "(default 127.0.0.1:8081)"))
    a.add_argument("--wait-seconds", type=float, default=5.0,
                   help="how long an action waits for the router before answering 202 (default 5)")
    a = asub.add_parser("token", help="bearer tokens of the ticket API (stored hashed)")
    tok = a.add_subparsers(dest="token_action", required=True)
    t = leaf(tok.add_parser("create", help="create a token and print it once on stdout"))
    t.add_argument("--name", required=True, help="unique name; becomes the actor of the token's commands")
    scope = t.add_mutually_exclusive_group(required=True)
    scope.add_argument("--team", action="append", help="a team the token may read and act on (repeatable)")
    scope.add_argument("--admin", action="store_true", help="every team")
    t = leaf(tok.add_parser("revoke", help="revoke a token by name"))
    t.add_argument("name")
    t = leaf(tok.add_parser("list", help="list tokens (names, scopes, dates; never hashes)"))
    t.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_api)

    p = common(sub.add_parser("tail", help="print a topic's events readably"))
    p.add_argument("topic")
    p.add_argument("--follow", "-f", action="store_true", help="keep waiting for new events")
    p.add_argument("--limit", type=int, default=0, help="stop after this many events (0 = no limit)")
    p.add_argument("--json", action="store_true", help="print each event as one JSON line")
    p.set_defaults(func=cmd_tail)

    p = common(sub.add_parser("webhook", help="send a JSON file to the webhook, signed with the shared secret"))
    p.add_argument("action", choices=["send"])
    p.add_argument("file")
    p.add_argument("--url", help="default: http://$CARELOOP_WEBHOOK_HOST:$CARELOOP_WEBHOOK_PORT/v1/feedback")
    p.add_argument("--secret-file", help="file holding the secret (default: $CARELOOP_WEBHOOK_SECRET or var/run/webhook.secret)")
    p.set_defaults(func=cmd_webhook_send)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["classify"]:
        # The batch classifier owns its flags (--in/--out), which argparse's REMAINDER
        # would not pass through.
        from careloop.classifier.batch import main as classify_main

        return classify_main(argv[1:])
    args = build_parser().parse_args(argv)
    from careloop.core.logging import configure_logging

    # Logs go to stderr as JSON from the first line on; stdout is for results.
    configure_logging(f"cli-{args.command}", os.environ.get("CARELOOP_LOG_LEVEL", "info"))
    try:
        return int(args.func(args) or 0)
    except CareloopError as exc:
        print(f"careloop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
