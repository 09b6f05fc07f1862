"""Static checks of deploy/ and .ci/: files parse, reference what exists, and agree with
each other. No services needed; promtool checks run only where promtool is installed."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

METRICS = {
    "careloop_events_consumed_total",
    "careloop_events_produced_total",
    "careloop_processing_seconds",
    "careloop_deadletters_total",
    "careloop_tickets_opened_total",
    "careloop_tickets_open",
    "careloop_escalations_total",
    "careloop_escalation_lateness_seconds",
    "careloop_webhook_requests_total",
    "careloop_consumer_lag",
}
SERVICE_PORTS = {"ingest": 9301, "classifier": 9302, "router": 9303, "sla_monitor": 9304}


def _metric_names(expr: str) -> set[str]:
    # bare metric names only: recorded series (level:metric:ops) have colons around them
    names = set(re.findall(r"(?<![:\w])careloop_[a-z_]+(?![:\w])", expr))
    out = set()
    for n in names:
        for suffix in ("_bucket", "_sum", "_count"):
            if n.endswith(suffix) and n[: -len(suffix)] in METRICS:
                n = n[: -len(suffix)]
        out.add(n)
    return out


@pytest.mark.parametrize(
    "script", ["deploy/kafka/kafka.sh", "deploy/postgres/postgres.sh", ".ci/run", "deploy/k8s/sync-config.sh"]
)
def test_shell_scripts_parse(script: str) -> None:
    path = ROOT / script
    assert path.exists()
    subprocess.run(["bash", "-n", str(path)], check=True)
    assert "set -euo pipefail" in path.read_text()


def test_compose_structure() -> None:
    doc = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = doc["services"]
    assert {"kafka", "postgres", "topics", "migrate", "ingest", "classifier", "router", "sla-monitor", "prometheus"} <= set(
        services
    )
    assert "apache/kafka:" in services["kafka"]["image"]
    assert services["postgres"]["image"].startswith("postgres:16")
    commands = {name: " ".join(svc.get("command", [])) for name, svc in services.items()}
    assert commands["ingest"] == "ingest serve"
    assert commands["classifier"] == "worker classifier"
    assert commands["router"] == "worker router"
    assert commands["sla-monitor"] == "worker sla_monitor"
    assert commands["topics"] == "topics create"
    assert commands["migrate"] == "db upgrade"
    for name in ("ingest", "classifier", "router", "sla-monitor", "topics", "migrate"):
        env = services[name]["environment"]
        for var in ("CARELOOP_KAFKA_BOOTSTRAP", "CARELOOP_DATABASE_URL", "CARELOOP_CONFIG", "CARELOOP_WEBHOOK_SECRET"):
            assert var in env, (name, var)
        assert env["CARELOOP_CONFIG"] == "/app/config/careloop.yaml"
        # secrets are interpolated from deploy/.env, never written here
        assert env["CARELOOP_WEBHOOK_SECRET"].startswith("${")
    assert (DEPLOY / "Dockerfile").exists()
    assert (DEPLOY / ".env.example").exists()


def test_k8s_manifests() -> None:
    docs = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                docs.append((path.name, doc))
    kinds: dict[str, list[dict]] = {}
    for name, doc in docs:
        if doc.get("kind") == "Kustomization":
            for res in doc["resources"]:
                assert (DEPLOY / "k8s" / res).exists(), res
            continue
        for key in ("apiVersion", "kind", "metadata"):
            assert key in doc, (name, key)
        assert doc["metadata"]["name"], name
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == "careloop", name
        kinds.setdefault(doc["kind"], []).append(doc)
    deployments = {d["metadata"]["name"]: d for d in kinds["Deployment"]}
    assert set(deployments) == {"careloop-ingest", "careloop-classifier", "careloop-router", "careloop-sla-monitor"}
    for name, dep in deployments.items():
        spec = dep["spec"]
        assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items(), name
        containers = spec["template"]["spec"]["containers"]
        for extra in containers[1:]:  # the ticket API beside the router
            assert extra["args"] == ["api", "serve"] and extra["readinessProbe"]["httpGet"]["path"] == "/healthz"
            assert {p["name"]: p["containerPort"] for p in extra["ports"]} == {"api": 8081}
        container = containers[0]
        assert container["resources"]["requests"]["cpu"] and container["resources"]["requests"]["memory"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/metrics"
        stage = name.removeprefix("careloop-").replace("-", "_")
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports["metrics"] == SERVICE_PORTS[stage], name
    services = {s["metadata"]["name"]: s for s in kinds["Service"]}
    assert {p["port"] for p in services["careloop-ingest"]["spec"]["ports"]} >= {8080}
    assert {p["port"] for p in services["careloop-router"]["spec"]["ports"]} >= {8081}
    (job,) = kinds["Job"]
    pod = job["spec"]["template"]["spec"]
    steps = [c["args"] for c in pod.get("initContainers", []) + pod["containers"]]
    assert steps == [["topics", "create"], ["db", "upgrade"]]
    secret = next(s for s in kinds["Secret"])
    assert all("REPLACE_ME" in v for v in secret["stringData"].values())


def test_k8s_configmap_matches_config_file() -> None:
    cm = yaml.safe_load((DEPLOY / "k8s" / "configmap.yaml").read_text())
    embedded = yaml.safe_load(cm["data"]["careloop.yaml"])
    source = yaml.safe_load((ROOT / "config" / "careloop.yaml").read_text())
    assert embedded == source, "deploy/k8s/configmap.yaml is stale: run deploy/k8s/sync-config.sh"


def test_prometheus_rules_use_known_metrics() -> None:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "rules.yml").read_text())
    recorded = set()
    alerts = set()
    for group in rules["groups"]:
        for rule in group["rules"]:
            names = _metric_names(rule["expr"])
            assert names <= METRICS | recorded, (rule.get("record") or rule.get("alert"), names - METRICS)
            if "record" in rule:
                recorded.add(rule["record"])
            else:
                alerts.add(rule["alert"])
    assert {"CareloopSlaBreach", "CareloopDeadLettersRising", "CareloopStageDown", "CareloopProcessingSlow",
            "CareloopConsumerLagGrowing"} <= alerts
    scrape = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    targets = [t for job in scrape["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]]
    for port in SERVICE_PORTS.values():
        assert any(t.endswith(f":{port}") for t in targets), port


def test_grafana_dashboard() -> None:
    dash = json.loads((DEPLOY / "grafana" / "careloop-dashboard.json").read_text())
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
    assert exprs
    used = set().union(*(_metric_names(e) for e in exprs))
    assert used <= METRICS, used - METRICS
    assert len({p["id"] for p in dash["panels"]}) == len(dash["panels"])


def test_prometheus_config_and_rules_pass_promtool_checks_and_rule_unit_tests() -> None:
    if shutil.which("promtool") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("promtool must be installed in CI (.ci/run installs Debian's prometheus package)")
        pytest.skip("promtool not installed (apt-get install prometheus)")
    prom = DEPLOY / "prometheus"
    subprocess.run(["promtool", "check", "config", "prometheus.yml"], cwd=prom, check=True, capture_output=True)
    subprocess.run(["promtool", "check", "rules", "rules.yml"], cwd=prom, check=True, capture_output=True)
    result = subprocess.run(["promtool", "test", "rules", "rules.test.yml"], cwd=prom, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
