"""`careloop ingest FILE` on real Kafka: a CSV export read through the source's column
mapping becomes FeedbackReceived events; its bad rows become dead letters with reasons."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from careloop.core.events import FEEDBACK_DEADLETTER, FEEDBACK_RECEIVED
from careloop.core.kafka import create_topics
from careloop.core.settings import load_settings

pytestmark = pytest.mark.integration

CSV = """response_id,comment,score,site,ward,submitted,question
r-1,The discharge letter never reached my GP.,2,st-marys,cardiology,2026-11-20,What could we have done better?
r-2,Kind and patient midwives.,5,riverside,maternity,2026-11-21T10:15:00Z,What was good about your care?
r-3,Score out of range on purpose.,9,riverside,maternity,2026-11-21,What was good about your care?
r-4,,3,northgate,radiology,2026-11-22,What could we have done better?
"""


def test_a_csv_export_is_ingested_through_the_sources_column_mapping(kafka_bootstrap, tmp_path: Path, reader_for):
    prefix = f"it-csv-{uuid.uuid4().hex[:8]}."
    settings = load_settings({"kafka_bootstrap": kafka_bootstrap, "topic_prefix": prefix}, environ={})
    create_topics(settings, partitions=1, replication_factor=1)
    path = tmp_path / "fft.csv"
    path.write_text(CSV)
    env = {**os.environ, "CARELOOP_KAFKA_BOOTSTRAP": kafka_bootstrap, "CARELOOP_TOPIC_PREFIX": prefix}
    done = subprocess.run(
        [sys.executable, "-m", "careloop.cli", "ingest", str(path), "--source", "fft_survey", "--config", "config/careloop.yaml"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["accepted"] == 2 and report["deadlettered"] == 2

    reader = reader_for(settings, FEEDBACK_RECEIVED, FEEDBACK_DEADLETTER)
    reader.wait_for(lambda ev: len(ev) >= 4, 30, "two records and two dead letters")
    received = {e["data"]["external_id"]: e["data"] for e in reader.of_type("feedback.received.v1")}
    assert set(received) == {"r-1", "r-2"}
    assert received["r-1"]["department"] == "cardiology"
    assert received["r-1"]["rating"] == {"value": 0.25, "raw": 2, "scale_min": 1, "scale_max": 5}
    assert received["r-1"]["question"] == "What could we have done better?"
    reasons = sorted(e["data"]["reason"] for e in reader.of_type("deadletter.v1"))
    assert any("rating" in r for r in reasons) and any("text" in r for r in reasons)
    assert all(e["data"]["stage"] == "ingest" for e in reader.of_type("deadletter.v1"))
