"""Runs the whole pipeline on one machine: the embedded broker (or a given Kafka), the
topics, the database migrations, and one process per service. Used by `careloop run`
and `careloop demo`; production runs each service on its own (see deploy/)."""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import http.client
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from prometheus_client.parser import text_string_to_metric_families

from careloop.core.config import CareloopConfig
from careloop.core.db import upgrade
from careloop.core.events import ALL_TOPICS
from careloop.core.kafka import create_topics
from careloop.core.mockbroker import MockCluster
from careloop.core.settings import Settings

WORKERS = ("classifier", "router", "sla_monitor")
# Seconds a service gets to stop after SIGINT before it is killed.
STOP_GRACE_SECONDS = 20.0


@dataclass
class Pipeline:
    settings: Settings
    config: CareloopConfig
    state_dir: Path
    embedded: bool
    with_webhook: bool = True
    with_api: bool = False
    mock: MockCluster | None = None
    children: dict[str, subprocess.Popen] = field(default_factory=dict)
    log_files: dict[str, Path] = field(default_factory=dict)
    extra_ports: dict[str, tuple[str, int]] = field(default_factory=dict)

    def start(self) -> "Pipeline":
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.embedded:
            self.mock = MockCluster().start()
            self.settings = replace(self.settings, kafka_bootstrap=self.mock.bootstrap, kafka_api_version="2.3")
            for name in ALL_TOPICS:
                self.mock.create_topic(self.settings.topic(name), self.config.topics.partitions, 1)
        else:
            create_topics(
                self.settings,
                partitions=self.config.topics.partitions,
                replication_factor=self.config.topics.replication_factor,
            )
        upgrade(self.settings.database_url)
        if self.with_webhook and not self.settings.webhook_secret.get_secret_value():
            self.settings = replace(self.settings, webhook_secret=_local_secret(self.state_dir))
        if self.with_api:
            self._local_api_token()
        for service in (*WORKERS, *(("webhook",) if self.with_webhook else ()), *(("api",) if self.with_api else ())):
            self._spawn(service)
        return self

    def add_worker(self, service: str, name: str) -> None:
        """Start one more worker of `service` in the same consumer group (own metrics port)."""
        self._spawn(service, name=name, metrics_port_base=free_port_base())

    def _spawn(self, service: str, *, name: str | None = None, metrics_port_base: int | None = None) -> None:
        name = name or service
        log_path = self.state_dir / "logs" / f"{name}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        args = {"webhook": ["ingest", "serve"], "api": ["api", "serve"]}.get(service, ["worker", service])
        env = {**os.environ, **self.child_env(), "CARELOOP_STATE_DIR": str(self.state_dir / "workers" / name)}
        if metrics_port_base is not None:
            env["CARELOOP_METRICS_PORT_BASE"] = str(metrics_port_base)
            self.extra_ports[name] = (service, metrics_port_base)
        with open(log_path, "ab") as log:
            self.children[name] = subprocess.Popen(
                [sys.executable, "-m", "careloop.cli", *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                # Own process group: a terminal's Ctrl-C reaches the supervisor, which
                # then stops the services in order.
                start_new_session=True,
            )
        self.log_files[name] = log_path

    def restart(self, service: str) -> None:
        """Start a service again after it stopped (or was killed)."""
        proc = self.children.get(service)
        if proc is not None and proc.poll() is None:
            raise RuntimeError(f"{service} is still running")
        self._spawn(service)

    def child_env(self) -> dict[str, str]:
        s = self.settings
        return {
            "CARELOOP_CONFIG": str(s.config_path),
            "CARELOOP_KAFKA_BOOTSTRAP": s.kafka_bootstrap,
            "CARELOOP_KAFKA_API_VERSION": s.kafka_api_version,
            "CARELOOP_DATABASE_URL": s.database_url,
            "CARELOOP_WEBHOOK_SECRET": s.webhook_secret.get_secret_value(),
            "CARELOOP_WEBHOOK_HOST": s.webhook_host,
            "CARELOOP_WEBHOOK_PORT": str(s.webhook_port),
            "CARELOOP_API_HOST": s.api_host,
            "CARELOOP_API_PORT": str(s.api_port),
            "CARELOOP_METRICS_HOST": s.metrics_host,
            "CARELOOP_METRICS_PORT_BASE": str(s.metrics_port_base),
            "CARELOOP_LOG_LEVEL": s.log_level,
            "CARELOOP_TOPIC_PREFIX": s.topic_prefix,
        }

    def dead_services(self) -> list[str]:
        return [name for name, proc in self.children.items() if proc.poll() is not None]

    def metrics_urls(self) -> dict[str, str]:
        s = self.settings
        names = {"webhook": "ingest"}
        urls = {}
        for name in self.children:
            if name == "api":
                urls[name] = f"http://{s.api_host}:{s.api_port}/metrics"
                continue
            if name in self.extra_ports:
                service, base = self.extra_ports[name]
                port = replace(s, metrics_port_base=base).metrics_port(service)
            else:
                port = s.metrics_port(names.get(name, name))
            urls[name] = f"http://{s.metrics_host}:{port}/metrics"
        return urls

    def scrape_one(self, name: str) -> dict[str, float]:
        return self._scrape([self.metrics_urls()[name]])

    def scrape(self) -> dict[str, float]:
        """Sum every sample across the services' /metrics, by name and labels."""
        return self._scrape(self.metrics_urls().values())

    def _scrape(self, urls: Iterable[str]) -> dict[str, float]:
        texts = []
        for url in urls:
            try:
                with urllib.request.urlopen(url, timeout=1) as resp:  # noqa: S310 - loopback only
                    texts.append(resp.read().decode())
            except OSError:
                continue
        return sample_totals(family for text in texts for family in text_string_to_metric_families(text))

    def wait_ready(self, timeout: float = 90.0, names: "Iterable[str] | None" = None) -> None:
        """Wait until every service (or those named) serves metrics and every worker
        owns partitions."""
        deadline = time.monotonic() + timeout
        pending = set(self.children if names is None else names)
        while pending and time.monotonic() < deadline:
            dead = self.dead_services()
            if dead:
                raise RuntimeError(f"service(s) exited during start: {', '.join(dead)}; see {self.state_dir / 'logs'}")
            for svc in list(pending):
                if self._ready(svc):
                    pending.discard(svc)
            time.sleep(0.2)
        if pending:
            raise RuntimeError(f"service(s) not ready after {timeout:.0f} s: {', '.join(sorted(pending))}")

    def _ready(self, service: str) -> bool:
        try:
            with urllib.request.urlopen(self.metrics_urls()[service], timeout=1) as resp:  # noqa: S310 - loopback
                text = resp.read().decode()
        except (OSError, http.client.HTTPException):  # not listening yet, or a reply that is not HTTP
            return False
        if service not in WORKERS and self.extra_ports.get(service, ("",))[0] not in WORKERS:
            return True
        for family in text_string_to_metric_families(text):
            if family.name == "careloop_partitions_assigned":
                return any(s.value > 0 for s in family.samples)
        return False

    def stop(self) -> dict[str, int]:
        codes: dict[str, int] = {}
        for proc in self.children.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for name, proc in self.children.items():
            try:
                codes[name] = proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                codes[name] = proc.wait()
        if self.mock is not None:
            self.mock.stop()
            self.mock = None
        return codes


    def _local_api_token(self) -> None:
        """A fresh admin token for a local run, kept in a file only its owner can read
        (the database holds only its hash)."""
        from sqlalchemy import delete

        from careloop.core.db import ApiToken, make_engine, make_sessionmaker
        from careloop.core.timeutil import utcnow
        from careloop.router.api_tokens import create_token

        engine = make_engine(self.settings.database_url)
        sessions = make_sessionmaker(engine)
        with sessions.begin() as session:
            session.execute(delete(ApiToken).where(ApiToken.name == "local-admin"))
        token = create_token(sessions, name="local-admin", admin=True, now=utcnow())
        engine.dispose()
        path = self.state_dir / "api.token"
        path.write_text(token)
        path.chmod(0o600)


def _local_secret(state_dir: Path) -> "object":
    """A webhook secret for a local run, kept in a file only its owner can read."""
    from pydantic import SecretStr

    path = state_dir / "webhook.secret"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return SecretStr(path.read_text().strip())


def sample_totals(families: Iterable) -> dict[str, float]:
    """Every sample summed by name and labels, keyed "name|label=value|..."."""
    totals: dict[str, float] = {}
    for family in families:
        for sample in family.samples:
            key = sample.name + "".join(f"|{k}={v}" for k, v in sorted(sample.labels.items()))
            totals[key] = totals.get(key, 0.0) + sample.value
    return totals


def free_port_base(count: int = 4) -> int:
    """The first of `count` consecutive free loopback ports (for side-by-side runs).

    Taken below the kernel's ephemeral range: a readiness probe that connects to an
    ephemeral port before its service listens can be given that same port as its own
    source port and connect to itself (TCP self-connect), reading back its own request
    and holding the port the service is about to bind (seen once in CI, 2026-11-27)."""
    low = _ephemeral_low()
    first, last = max(1024, low - 12_000), low - count
    if last <= first:  # an unusual kernel setting: any unprivileged ports will do
        first, last = 20_000, 30_000
    rng = secrets.SystemRandom()
    for _ in range(200):
        base = rng.randrange(first, last)
        try:
            for offset in range(count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
    raise RuntimeError("no free run of loopback ports below the ephemeral range")


def _ephemeral_low(default: int = 32768) -> int:
    """The first port of the kernel's ephemeral range (Linux; the IANA default elsewhere
    is 49152, above this default)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return default
