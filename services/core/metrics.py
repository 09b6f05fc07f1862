"""Every careloop metric, declared once. Services receive a Metrics object (tests build
one on a fresh CollectorRegistry). Labels are bounded: stage, topic, event type, team,
severity, reason code, threshold — never ids, names or text."""
from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

# Seconds. Processing latency of one record in one stage.
PROCESSING_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
# Seconds. How late an escalation left after its threshold instant (target: < 1 s).
LATENESS_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 30.0, 300.0)


# Seconds of business time. Used when no SLA windows are known.
DEFAULT_WINDOW_BUCKETS = (900.0, 3600.0, 4 * 3600.0, 8 * 3600.0, 16 * 3600.0, 24 * 3600.0, 48 * 3600.0)


def window_buckets(windows_seconds: "list[float] | tuple[float, ...]") -> tuple[float, ...]:
    """Histogram bounds at each SLA window and at half of it, so a dashboard reads
    "within the window" and "within half of it" straight off the buckets."""
    bounds = {round(w, 3) for w in windows_seconds} | {round(w / 2, 3) for w in windows_seconds}
    return tuple(sorted(b for b in bounds if b > 0)) or DEFAULT_WINDOW_BUCKETS


class Metrics:
    def __init__(
        self,
        registry: CollectorRegistry | None = None,
        *,
        acknowledge_buckets: tuple[float, ...] = DEFAULT_WINDOW_BUCKETS,
    ) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.events_consumed = Counter(
            "careloop_events_consumed", "Records consumed, by stage and event type.", ["stage", "event_type"], registry=r
        )
        self.events_produced = Counter(
            "careloop_events_produced", "Events produced, by stage and topic.", ["stage", "topic"], registry=r
        )
        self.processing_seconds = Histogram(
            "careloop_processing_seconds",
            "Time to process one record, in seconds.",
            ["stage"],
            buckets=PROCESSING_BUCKETS,
            registry=r,
        )
        self.deadletters = Counter(
            "careloop_deadletters", "Records sent to the dead-letter topic.", ["stage", "reason_code"], registry=r
        )
        self.tickets_opened = Counter(
            "careloop_tickets_opened", "Tickets opened, by team and severity.", ["team", "severity"], registry=r
        )
        self.tickets_open = Gauge("careloop_tickets_open", "Tickets not yet resolved, by team.", ["team"], registry=r)
        self.escalations = Counter(
            "careloop_escalations",
            "Escalations emitted, by kind, threshold and chain level.",
            ["kind", "threshold", "level"],
            registry=r,
        )
        self.escalation_lateness_seconds = Histogram(
            "careloop_escalation_lateness_seconds",
            "Seconds between an escalation's threshold instant and its emission.",
            buckets=LATENESS_BUCKETS,
            registry=r,
        )
        self.time_to_acknowledge_seconds = Histogram(
            "careloop_time_to_acknowledge_seconds",
            "Business seconds from opening to acknowledgement (bounds at the policies' windows).",
            buckets=acknowledge_buckets,
            registry=r,
        )
        self.sla_breaches = Counter(
            "careloop_sla_breaches", "SLA clocks that reached their deadline, by clock.", ["clock"], registry=r
        )
        self.sla_open_tickets = Gauge(
            "careloop_sla_open_tickets",
            "Open tickets by team, clock and clock state (running, paused, breached).",
            ["team", "clock", "state"],
            registry=r,
        )
        self.sla_compliance_ratio = Gauge(
            "careloop_sla_compliance_ratio",
            "Share of stopped clocks that stopped within their window, by clock.",
            ["clock"],
            registry=r,
        )
        self.sla_recovery_seconds = Gauge(
            "careloop_sla_recovery_seconds", "Seconds the last start took to rebuild the schedule.", registry=r
        )
        self.sla_clocks_running = Gauge(
            "careloop_sla_clocks_running", "Tickets with a running SLA clock in this monitor.", registry=r
        )
        self.partitions_assigned = Gauge(
            "careloop_partitions_assigned",
            "Input partitions this worker currently owns (0 = not consuming yet).",
            ["stage"],
            registry=r,
        )
        self.consumer_lag = Gauge(
            "careloop_consumer_lag",
            "Records not yet processed on the partitions this worker owns.",
            ["stage", "topic"],
            registry=r,
        )
        self.webhook_requests = Counter(
            "careloop_webhook_requests", "Webhook requests, by outcome.", ["status"], registry=r
        )
        self.ingest_records = Counter(
            "careloop_ingest_records", "Records read by ingest, by source and outcome.", ["source", "outcome"], registry=r
        )
        self.api_requests = Counter(
            "careloop_api_requests",
            "Ticket API requests, by route template and status class (2xx, 4xx, 5xx).",
            ["route", "status_class"],
            registry=r,
        )

    def serve(self, host: str, port: int) -> None:
        """Expose /metrics on host:port in a background thread."""
        start_http_server(port, addr=host, registry=self.registry)
