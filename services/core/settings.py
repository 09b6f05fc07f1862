"""Infrastructure settings, one object for every service.

Precedence: explicit argument > environment (CARELOOP_*) > the config file's `runtime:`
section > default. Secrets are held as SecretStr and never printed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from pydantic import SecretStr

from careloop.core.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "config" / "careloop.yaml"
DEMO_CONFIG = Path(__file__).resolve().parents[2] / "config" / "demo.yaml"


@dataclass(frozen=True)
class Settings:
    config_path: Path = DEFAULT_CONFIG
    kafka_bootstrap: str = "127.0.0.1:9092"
    # "auto" lets kafka-python probe the broker; the embedded mock needs "2.3".
    kafka_api_version: str = "auto"
    database_url: str = "sqlite:///var/careloop.db"
    webhook_secret: SecretStr = field(default_factory=lambda: SecretStr(""))
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8080
    api_host: str = "127.0.0.1"
    api_port: int = 8081
    metrics_host: str = "127.0.0.1"
    # Metrics port of each service: ingest, classifier, router, sla_monitor.
    metrics_port_base: int = 9301
    log_level: str = "info"
    # Kafka topic-name prefix, so tests can run side by side on one broker.
    topic_prefix: str = ""

    def kafka_api_version_tuple(self) -> tuple[int, ...] | None:
        if self.kafka_api_version in ("", "auto"):
            return None
        try:
            return tuple(int(p) for p in self.kafka_api_version.split("."))
        except ValueError as exc:
            raise ConfigError(f"CARELOOP_KAFKA_API_VERSION: {self.kafka_api_version!r} is not like '2.3' or 'auto'") from exc

    def metrics_port(self, service: str) -> int:
        order = ["ingest", "classifier", "router", "sla_monitor"]
        return self.metrics_port_base + order.index(service)

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def describe(self) -> dict[str, Any]:
        """What may be printed: everything but secrets and database passwords."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, SecretStr):
                value = "***" if value.get_secret_value() else ""
            elif f.name == "database_url":
                value = redact_url_password(str(value))
            out[f.name] = str(value)
        return out


def redact_url_password(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url


_ENV = {
    "config_path": "CARELOOP_CONFIG",
    "kafka_bootstrap": "CARELOOP_KAFKA_BOOTSTRAP",
    "kafka_api_version": "CARELOOP_KAFKA_API_VERSION",
    "database_url": "CARELOOP_DATABASE_URL",
    "webhook_secret": "CARELOOP_WEBHOOK_SECRET",
    "webhook_host": "CARELOOP_WEBHOOK_HOST",
    "webhook_port": "CARELOOP_WEBHOOK_PORT",
    "api_host": "CARELOOP_API_HOST",
    "api_port": "CARELOOP_API_PORT",
    "metrics_host": "CARELOOP_METRICS_HOST",
    "metrics_port_base": "CARELOOP_METRICS_PORT_BASE",
    "log_level": "CARELOOP_LOG_LEVEL",
    "topic_prefix": "CARELOOP_TOPIC_PREFIX",
}


def _coerce(name: str, raw: Any, source: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            return int(raw)
        if kind == "Path":
            return Path(str(raw))
        if kind == "SecretStr":
            return raw if isinstance(raw, SecretStr) else SecretStr(str(raw))
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: {raw!r} is not a valid {kind}") from exc


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    file_runtime: Mapping[str, Any] | None = None,
) -> Settings:
    """Build Settings: overrides > environ > file_runtime (the YAML `runtime:` map) > defaults."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    names = {f.name for f in fields(Settings)}
    for key, raw in (file_runtime or {}).items():
        if key not in names or key == "config_path":
            raise ConfigError(f"runtime.{key}: unknown setting (known: {', '.join(sorted(names - {'config_path'}))})")
        values[key] = _coerce(key, raw, f"runtime.{key}")
    for key, var in _ENV.items():
        if env.get(var, "") != "":
            values[key] = _coerce(key, env[var], var)
    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        if key not in names:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, raw, key)
    return replace(Settings(), **values)
