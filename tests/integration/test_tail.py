"""`careloop tail TOPIC` prints a topic's events readably: one line each, with the event
type, the ids and codes that matter, and the record's position — never patient text."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from careloop.core.events import FEEDBACK_CLASSIFIED, encode_event
from careloop.core.kafka import create_topics, make_producer
from careloop.core.settings import load_settings
from careloop.tickets_cli import command_event

pytestmark = pytest.mark.integration


def test_tail_prints_each_event_on_one_readable_line_with_its_position(kafka_bootstrap):
    prefix = f"it-tail-{uuid.uuid4().hex[:8]}."
    settings = load_settings({"kafka_bootstrap": kafka_bootstrap, "topic_prefix": prefix}, environ={})
    create_topics(settings, partitions=1, replication_factor=1)
    producer = make_producer(settings, client_id="tests")
    ticket = "11111111-1111-5111-8111-111111111111"
    command = command_event("ack", ticket, "px-agent-1", note="called the family back")
    producer.send(settings.topic("tickets.commands"), key=ticket.encode(), value=encode_event(command)).get(timeout=15)
    producer.send(settings.topic(FEEDBACK_CLASSIFIED), key=b"x", value=b"not json at all").get(timeout=15)
    producer.close()
    env = {**os.environ, "CARELOOP_KAFKA_BOOTSTRAP": kafka_bootstrap, "CARELOOP_TOPIC_PREFIX": prefix}
    done = subprocess.run([sys.executable, "-m", "careloop.cli", "tail", "tickets.commands", "--limit", "1"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip()
    assert "ticket.command.acknowledge.v1" in line
    assert f"ticket_id={ticket}" in line and "actor=px-agent-1" in line
    assert f"({prefix}tickets.commands[0]@0)" in line
    assert "called the family back" not in line
    odd = subprocess.run([sys.executable, "-m", "careloop.cli", "tail", FEEDBACK_CLASSIFIED, "--limit", "1"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert "not JSON" in odd.stdout
