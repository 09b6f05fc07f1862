"""structlog JSON logs with an allow-list: only keys named here are written as they
are; any other key's value is replaced by "[redacted]", so patient text, names and
contact details cannot reach the logs by accident."""
from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

# Keys whose values are safe to log: ids, counts, codes, positions, timings.
ALLOWED_KEYS = frozenset(
    {
        "event", "level", "timestamp", "logger", "service", "stage", "where", "topic", "partition",
        "offset", "event_type", "event_id", "feedback_id", "ticket_id", "escalation_id", "command_id",
        "source", "team", "severity", "sentiment", "status", "reason_code", "reason", "count", "seconds",
        "elapsed_seconds", "threshold", "clock", "level_index", "kind", "due_at", "lateness_seconds",
        "bootstrap", "database", "config", "port", "url", "urls", "settings", "error", "error_type",
        "rule", "policy", "records", "accepted", "rejected", "deadlettered", "exit_code", "pid",
        "worker", "recovered", "pending", "path", "line", "exc_info", "exception",
    }
)
REDACTED = "[redacted]"


def redact(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in list(event_dict):
        if key not in ALLOWED_KEYS:
            event_dict[key] = REDACTED
    return event_dict


def where(topic: str, partition: int | None, offset: int | None) -> str:
    """The position of a record, as every processing log line carries it."""
    return f"{topic}[{partition}]@{offset}"


def configure_logging(service: str, level: str = "info", stream: Any = None) -> None:
    numeric = getattr(logging, level.upper(), logging.INFO)
    logging.basicConfig(stream=stream or sys.stderr, level=numeric, format="%(message)s")
    # Client libraries chatter at INFO; keep their warnings and errors only.
    for noisy in ("kafka", "aiokafka", "faust", "mode", "uvicorn", "alembic"):
        logging.getLogger(noisy).setLevel(max(numeric, logging.WARNING))
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=stream or sys.stderr),
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.bind_contextvars(service=service)


def get_logger(name: str = "careloop") -> Any:
    return structlog.get_logger(name)
