"""SLA monitor at scale: load N open tickets (default 1,000,000) into the database, start
the monitor, kill it with SIGKILL and start it again, then let thresholds fall due and
check every escalation against the instants computed here.

Prints the machine and the settings, then one JSON line with at least: open_tickets,
rss_mb, recovery_seconds, lateness_p99_seconds, lateness_max_seconds, duplicates, missed.

    .venv/bin/python bench/sla_bench.py [--tickets 1000000] [--window 60] [--database-url URL] [--bootstrap HOST:PORT]

How the tickets are made: every ticket is opened under a round-the-clock policy with a
4 h acknowledge window (warnings at 0.5, 0.75, 0.9, breach at 1) at a time chosen so
that its first threshold falls due between `lead` seconds and 2 h from the load. So
nothing is due while the monitor recovers and while idle CPU is measured, and about
N / 7,000 escalations fall due each second afterwards. Rows are written straight into
sla_clocks as the monitor itself would have written them (state, next instant, schedule
fingerprint), so the restart has to recover a million clocks, not replay a million
events. Lateness is measured where a subscriber sees it: when this script's consumer
receives the event, minus the threshold instant.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from prometheus_client import CollectorRegistry
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from careloop.core.config import load_config  # noqa: E402
from careloop.core.db import Base, SlaClock, make_engine, make_sessionmaker, upgrade  # noqa: E402
from careloop.core.events import ALL_TOPICS, TICKETS_ESCALATIONS  # noqa: E402
from careloop.core.ids import escalation_id, ticket_id  # noqa: E402
from careloop.core.kafka import make_consumer  # noqa: E402
from careloop.core.metrics import Metrics  # noqa: E402
from careloop.core.mockbroker import MockCluster  # noqa: E402
from careloop.core.settings import load_settings  # noqa: E402
from careloop.core.timeutil import parse_time, utcnow  # noqa: E402
from careloop.pipeline import free_port_base  # noqa: E402
from careloop.sla_monitor.deadlines import SlaState  # noqa: E402
from careloop.sla_monitor.monitor import SlaMonitor  # noqa: E402

WINDOW = timedelta(hours=4)  # acknowledge window of the bench policy
RESOLVE = timedelta(days=3)
THRESHOLDS = (0.5, 0.75, 0.9, 1.0)
PARTITIONS = 6


def bench_config(path: Path) -> Path:
    document = yaml.safe_load((ROOT / "config" / "careloop.yaml").read_text())
    document["sla"]["policies"] = {
        "bench": {"acknowledge_within": "4h", "resolve_within": "3d", "calendar": "24x7"},
    }
    document["sla"]["policy_rules"] = [{"when": {}, "policy": "bench"}]
    for rule in document["routing"]["rules"]:
        rule.pop("sla_policy", None)
    path.write_text(yaml.safe_dump(document))
    return path


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_tickets(url: str, config_path: Path, n: int, lead: float, seed: int) -> tuple[datetime, dict[str, datetime]]:
    """Write n open clocks; return the load instant and each ticket's opening time."""
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(url)
    config = load_config(config_path)
    helper = SlaMonitor(config, make_sessionmaker(engine), utcnow, Metrics(CollectorRegistry()))
    version = helper.schedule_version("bench", "default")
    rng = random.Random(seed)
    t0 = utcnow()
    half = WINDOW * 0.5
    opened_at: dict[str, datetime] = {}
    batch = []
    for i in range(n):
        tid = ticket_id(f"bench-{seed}-{i}")
        # First threshold (half the window) at least `lead` seconds after the load.
        opened = t0 - half + timedelta(seconds=lead + rng.random() * (half.total_seconds() - lead))
        opened_at[tid] = opened
        state = SlaState.open(tid, opened, "bench")
        batch.append({
            "ticket_id": tid, "feedback_id": tid, "team": "patient-experience", "assignee": "px-agent-1",
            "severity": "medium", "facility": "st-marys", "sla_policy": "bench", "escalation_chain": "default",
            "opened_at": opened, "lifecycle_partition": i % PARTITIONS, "state": state.to_dict(), "active": 1,
            "acknowledge_due_at": opened + WINDOW, "resolve_due_at": opened + RESOLVE,
            "next_due_at": opened + half, "paused": False, "schedule_version": version,
        })
        if len(batch) == 20_000:
            with engine.begin() as conn:
                conn.execute(insert(SlaClock), batch)
            batch.clear()
    if batch:
        with engine.begin() as conn:
            conn.execute(insert(SlaClock), batch)
    engine.dispose()
    return t0, opened_at


class EscalationCollector(threading.Thread):
    def __init__(self, settings) -> None:  # noqa: ANN001
        super().__init__(daemon=True)
        self.consumer = make_consumer(settings, settings.topic(TICKETS_ESCALATIONS), group_id=None)
        self.seen: list[tuple[dict, datetime]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for records in self.consumer.poll(timeout_ms=100).values():
                now = utcnow()
                for record in records:
                    self.seen.append((json.loads(record.value)["data"], now))
        self.consumer.close()


def start_monitor(env: dict, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "ab")  # noqa: SIM115 - closed when the process ends
    return subprocess.Popen([sys.executable, "-m", "careloop.cli", "worker", "sla_monitor"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def wait_recovered(proc: subprocess.Popen, metrics_url: str, timeout: float, *, need_partitions: bool) -> float:
    """Seconds from now until the monitor has rebuilt its schedule (it fires from then
    on) and, if asked, until the consumer group has also given it partitions."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError("the monitor exited while recovering")
        try:
            text = urllib.request.urlopen(metrics_url, timeout=1).read().decode()  # noqa: S310 - loopback
        except OSError:
            time.sleep(0.1)
            continue
        loaded = any(line.startswith("careloop_sla_clocks_running ") and float(line.split()[1]) > 0
                     for line in text.splitlines())
        owns = any(line.startswith("careloop_partitions_assigned{") and float(line.split()[1]) > 0
                   for line in text.splitlines())
        if loaded and (owns or not need_partitions):
            return time.monotonic() - started
        time.sleep(0.1)
    raise RuntimeError(f"not recovered after {timeout} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--window", type=float, default=60.0, help="seconds of thresholds falling due to measure")
    parser.add_argument("--lead", type=float, default=420.0,
                        help="seconds after the load before the first threshold falls due")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle CPU to measure")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary directory")
    parser.add_argument("--bootstrap", default=None, help="a real Kafka; default: the embedded broker")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="careloop-bench-sla-"))
    url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    config_path = bench_config(workdir / "bench.yaml")
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB, Python {platform.python_version()}",
          file=sys.stderr)
    print(f"settings: tickets={args.tickets} window={args.window}s lead={args.lead}s database={url.split(':')[0]} "
          f"broker={'embedded mock' if not args.bootstrap else args.bootstrap} policy=24x7 ack 4h thresholds {THRESHOLDS}",
          file=sys.stderr)

    load_started = time.monotonic()
    t0, opened_at = load_tickets(url, config_path, args.tickets, args.lead, args.seed)
    print(f"loaded {args.tickets} open tickets in {time.monotonic() - load_started:.1f} s", file=sys.stderr)

    mock = None
    if args.bootstrap:
        bootstrap, api = args.bootstrap, "auto"
    else:
        mock = MockCluster().start()
        bootstrap, api = mock.bootstrap, "2.3"
    prefix = "" if mock else f"bench-{int(time.time())}."
    if mock:
        for name in ALL_TOPICS:
            mock.create_topic(name, PARTITIONS)
    else:
        from careloop.core.kafka import create_topics

        create_topics(load_settings({"kafka_bootstrap": bootstrap, "topic_prefix": prefix}), partitions=PARTITIONS,
                      replication_factor=1)
    port_base = free_port_base()
    env = {**os.environ, "CARELOOP_KAFKA_BOOTSTRAP": bootstrap, "CARELOOP_KAFKA_API_VERSION": api,
           "CARELOOP_DATABASE_URL": url, "CARELOOP_CONFIG": str(config_path), "CARELOOP_TOPIC_PREFIX": prefix,
           "CARELOOP_METRICS_PORT_BASE": str(port_base), "CARELOOP_STATE_DIR": str(workdir), "CARELOOP_LOG_LEVEL": "info"}
    settings = load_settings({}, environ=env)
    metrics_url = f"http://127.0.0.1:{settings.metrics_port('sla_monitor')}/metrics"
    collector = EscalationCollector(settings)
    collector.start()
    result: dict = {"open_tickets": args.tickets}
    proc = None
    try:
        proc = start_monitor(env, workdir / "monitor.log")
        result["first_start_seconds"] = round(wait_recovered(proc, metrics_url, 300, need_partitions=True), 2)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        restarted = time.monotonic()
        proc = start_monitor(env, workdir / "monitor.log")
        result["recovery_seconds"] = round(wait_recovered(proc, metrics_url, 300, need_partitions=False), 2)
        # After a SIGKILL the group waits for the dead member's session to expire.
        wait_recovered(proc, metrics_url, 300, need_partitions=True)
        result["partitions_reassigned_seconds"] = round(time.monotonic() - restarted, 2)
        result["rss_mb_after_recovery"] = round(rss_mb(proc.pid), 1)
        first_due = t0 + timedelta(seconds=args.lead)
        idle_ends = min(utcnow() + timedelta(seconds=args.idle), first_due - timedelta(seconds=1))
        cpu_before, wall_before = cpu_seconds(proc.pid), time.monotonic()
        while utcnow() < idle_ends:
            time.sleep(0.2)
        idle_wall = time.monotonic() - wall_before
        result["idle_cpu_percent"] = round(100 * (cpu_seconds(proc.pid) - cpu_before) / idle_wall, 2) if idle_wall > 0 else None
        result["idle_seconds_measured"] = round(idle_wall, 1)
        result["recovered_before_first_due"] = utcnow() < first_due
        window_start = max(first_due, utcnow())
        window_end = window_start + timedelta(seconds=args.window)
        while utcnow() < window_end + timedelta(seconds=3):
            time.sleep(0.5)
        result["rss_mb"] = round(max(rss_mb(proc.pid), result["rss_mb_after_recovery"]), 1)
    finally:
        collector.stop.set()
        collector.join(timeout=10)
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if mock is not None:
            mock.stop()

    # Every instant in [window_start, window_end] must have come out exactly once.
    expected: dict[str, datetime] = {}
    for tid, opened in opened_at.items():
        for fraction, level in zip(THRESHOLDS, (0, 0, 0, 1)):
            due = opened + WINDOW * fraction
            if window_start <= due <= window_end:
                expected[escalation_id(tid, "acknowledge", fraction, level)] = due
    counts: dict[str, int] = {}
    lateness = []
    for data, received in collector.seen:
        counts[data["escalation_id"]] = counts.get(data["escalation_id"], 0) + 1
        if data["escalation_id"] in expected and counts[data["escalation_id"]] == 1:
            lateness.append((received - parse_time(data["due_at"])).total_seconds())
    lateness.sort()
    result.update({
        "window_seconds": args.window,
        "escalations_expected": len(expected),
        "escalations_received": sum(1 for e in expected if e in counts),
        "missed": sum(1 for e in expected if e not in counts),
        "duplicates": sum(c - 1 for c in counts.values()),
        "lateness_p50_seconds": round(statistics.median(lateness), 3) if lateness else None,
        "lateness_p99_seconds": round(lateness[int(0.99 * (len(lateness) - 1))], 3) if lateness else None,
        "lateness_max_seconds": round(lateness[-1], 3) if lateness else None,
    })
    print(json.dumps(result))
    return 0 if result["missed"] == 0 and result["duplicates"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
