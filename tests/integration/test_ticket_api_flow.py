"""The ticket API as deployed: `careloop api serve` (uvicorn, real producer) next to the
pipeline on real Kafka and PostgreSQL. A token made with the CLI acknowledges a ticket
opened from real feedback; the router applies the command, the acknowledged lifecycle
event reaches Kafka and the audit trail has the row, with the token's name as actor."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import select

from careloop.core.config import load_config
from careloop.core.db import TicketEvent, make_engine, make_sessionmaker
from careloop.core.events import TICKETS_COMMANDS, TICKETS_LIFECYCLE
from careloop.core.metrics import Metrics
from careloop.core.schema_registry import validate_event
from careloop.core.timeutil import utcnow
from careloop.ingest.service import Publisher, ingest_file

pytestmark = pytest.mark.integration


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "careloop.cli", *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_token_from_the_cli_acknowledges_a_ticket_through_the_http_api(
    fast_sla_config, settings_for, pipeline_factory, reader_for, producer_for, tmp_path, sample_records
):
    settings = settings_for(fast_sla_config)  # its api_port is part of the fixture's run of free ports
    pipeline = pipeline_factory(settings)
    env = {**os.environ, **pipeline.child_env(), "CARELOOP_API_HOST": settings.api_host,
           "CARELOOP_API_PORT": str(settings.api_port)}

    log_path = tmp_path / "api.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "careloop.cli", "api", "serve", "--wait-seconds", "10"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
    base = f"http://{settings.api_host}:{settings.api_port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "the API did not come up: " + log_path.read_text()
            time.sleep(0.3)
        assert httpx.get(f"{base}/openapi.json", timeout=5).status_code == 200
        assert httpx.get(f"{base}/v1/tickets", timeout=5).status_code == 401

        # A complaint that routes to patient-experience (waiting, no risk flags).
        record = next(r for r in sample_records() if "six hours" in r["text"])
        feed = tmp_path / "feed.jsonl"
        feed.write_text(json.dumps(record) + "\n")
        report = ingest_file(feed, source=None, config=load_config(settings.config_path),
                             publisher=Publisher(settings, producer_for(settings), Metrics()), clock=utcnow)
        assert report.accepted == 1

        lifecycle = reader_for(settings, TICKETS_LIFECYCLE)
        opened = lifecycle.wait_for(lambda ev: any(e["type"].endswith("ticket.opened.v1") for e in ev), 90,
                                    "the complaint's ticket")
        ticket = next(e for e in opened if e["type"].endswith("ticket.opened.v1"))
        ticket_id, team = ticket["data"]["ticket_id"], ticket["data"]["team"]
        made = _cli(env, "api", "token", "create", "--name", "it-desk", "--team", team)
        assert made.returncode == 0, made.stderr
        token = made.stdout.strip()
        assert token.startswith("clp_")
        auth = {"Authorization": f"Bearer {token}"}

        listed = httpx.get(f"{base}/v1/tickets", headers=auth, timeout=10)
        assert listed.status_code == 200
        assert ticket_id in {t["ticket_id"] for t in listed.json()["tickets"]}
        shown = httpx.get(f"{base}/v1/tickets/{ticket_id}", headers=auth, timeout=10).json()
        assert shown["feedback_text"] == record["text"]
        assert shown["sla"]["clocks"]["acknowledge"]["status"] == "running"

        acked = httpx.post(f"{base}/v1/tickets/{ticket_id}/acknowledge", json={"note": "called the patient"},
                           headers=auth, timeout=30)
        assert acked.status_code == 200, acked.text
        assert acked.json()["status"] == "acknowledged"
        assert acked.json()["sla"]["clocks"]["acknowledge"]["status"] == "stopped"
        again = httpx.post(f"{base}/v1/tickets/{ticket_id}/acknowledge", headers=auth, timeout=30)
        assert again.status_code == 409 and again.json()["error"] == "invalid_transition"

        events = lifecycle.wait_for(lambda ev: any(e["type"].endswith("ticket.acknowledged.v1") for e in ev), 60,
                                    "the acknowledged lifecycle event on Kafka")
        (ack,) = [e for e in events if e["type"].endswith("ticket.acknowledged.v1")]
        validate_event(ack)
        assert ack["subject"] == ticket_id
        assert ack["data"]["actor"] == "it-desk" and ack["data"]["note"] == "called the patient"

        commands = reader_for(settings, TICKETS_COMMANDS)
        sent = commands.wait_for(lambda ev: len(ev) >= 1, 30, "the command on tickets.commands")
        assert [c["source"] for c in sent] == ["careloop/api"]
        validate_event(sent[0])

        sessions = make_sessionmaker(make_engine(settings.database_url))
        with sessions() as session:
            audit = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
                                    .order_by(TicketEvent.id)).all()
        assert [a.type.rsplit(".", 2)[-2] for a in audit] == ["opened", "acknowledged"]
        assert audit[-1].actor == "it-desk" and audit[-1].event_id == ack["id"]

        # Another team's token does not see the ticket at all.
        elsewhere = next(t.name for t in load_config(settings.config_path).teams if t.name != team)
        other = _cli(env, "api", "token", "create", "--name", "it-other", "--team", elsewhere)
        assert other.returncode == 0, other.stderr
        foreign = httpx.get(f"{base}/v1/tickets/{ticket_id}", headers={"Authorization": f"Bearer {other.stdout.strip()}"},
                            timeout=10)
        assert foreign.status_code == 404
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
