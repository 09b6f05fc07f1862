"""`careloop topics create` provisions every topic with the configured partitions, and
running it again changes nothing (real Kafka)."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from kafka import KafkaAdminClient

from careloop.core.events import ALL_TOPICS

pytestmark = pytest.mark.integration


def test_topics_create_provisions_every_topic_with_the_configured_partitions_and_is_idempotent(kafka_bootstrap):
    prefix = f"it-topics-{uuid.uuid4().hex[:8]}."
    env = {**os.environ, "CARELOOP_KAFKA_BOOTSTRAP": kafka_bootstrap, "CARELOOP_TOPIC_PREFIX": prefix}
    command = [sys.executable, "-m", "careloop.cli", "topics", "create", "--config", "config/careloop.yaml"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("created") == len(ALL_TOPICS)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and again.stdout.count("exists") == len(ALL_TOPICS)

    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    try:
        described = {t["name"]: t for t in admin.describe_topics([prefix + name for name in ALL_TOPICS])}
    finally:
        admin.close()
    for name in ALL_TOPICS:
        assert len(described[prefix + name]["partitions"]) == 6  # topics.partitions in config/careloop.yaml
