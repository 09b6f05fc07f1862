"""Fixtures for tests on real Apache Kafka and real PostgreSQL.

`.ci/run` starts both and exports CARELOOP_TEST_KAFKA_BOOTSTRAP and
CARELOOP_TEST_DATABASE_URL; locally, `make kafka-up postgres-up` and export the two
(README). Without them these tests skip — except in CI, where they fail instead.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml
from sqlalchemy import text

from careloop.core.config import load_config
from careloop.core.db import Base, make_engine, upgrade
from careloop.core.kafka import make_consumer, make_producer
from careloop.core.settings import Settings, load_settings
from careloop.pipeline import Pipeline, free_port_base

ROOT = Path(__file__).resolve().parents[2]


def _required_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{name} must be set in CI: .ci/run starts the service and exports it")
        pytest.skip(f"{name} is not set (start Kafka/PostgreSQL: see README, 'Tests')")
    return value


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    return _required_env("CARELOOP_TEST_KAFKA_BOOTSTRAP")


@pytest.fixture(scope="session")
def database_url() -> str:
    url = _required_env("CARELOOP_TEST_DATABASE_URL")
    engine = make_engine(url)
    # A clean database for this session, built by the migrations.
    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    upgrade(url)
    return url


@pytest.fixture
def fast_sla_config(tmp_path: Path) -> Path:
    """The demo config with short round-the-clock windows (seconds) for every policy."""
    document = yaml.safe_load((ROOT / "config" / "demo.yaml").read_text())
    for policy in document["sla"]["policies"].values():
        policy.update({"acknowledge_within": "6s", "resolve_within": "12s", "calendar": "24x7"})
        policy.pop("reescalate_every", None)
    path = tmp_path / "careloop-test.yaml"
    path.write_text(yaml.safe_dump(document))
    load_config(path)  # fail here, not in a child process, if the edit broke it
    return path


@pytest.fixture
def settings_for(kafka_bootstrap: str, database_url: str) -> Callable[[Path], Settings]:
    def build(config_path: Path) -> Settings:
        # One run of free ports for everything a test may start: four metrics ports,
        # the webhook and the ticket API. Probing for the API's port separately could
        # hand it one of the metrics ports, which are only bound later.
        base = free_port_base(6)
        return replace(
            load_settings({}, environ={}),
            config_path=config_path,
            kafka_bootstrap=kafka_bootstrap,
            database_url=database_url,
            topic_prefix=f"it-{uuid.uuid4().hex[:8]}.",
            metrics_port_base=base,
            webhook_port=base + 4,
            api_port=base + 5,
            log_level="info",
        )

    return build


@pytest.fixture
def pipeline_factory(tmp_path: Path) -> Iterator[Callable[..., Pipeline]]:
    started: list[Pipeline] = []

    def start(settings: Settings, *, with_webhook: bool = False) -> Pipeline:
        pipeline = Pipeline(settings, load_config(settings.config_path), tmp_path / f"run{len(started)}",
                            embedded=False, with_webhook=with_webhook)
        started.append(pipeline)
        pipeline.start()
        pipeline.wait_ready(timeout=120)
        return pipeline

    yield start
    for pipeline in started:
        pipeline.stop()


class TopicReader:
    """Reads whole topics from the beginning, without a consumer group."""

    def __init__(self, settings: Settings, *topics: str) -> None:
        self.settings = settings
        self.consumer = make_consumer(settings, *(settings.topic(t) for t in topics), group_id=None)
        self.events: list[dict[str, Any]] = []
        self.raw: list[Any] = []

    def poll(self) -> None:
        for records in self.consumer.poll(timeout_ms=200).values():
            for record in records:
                self.raw.append(record)
                self.events.append(json.loads(record.value))

    def wait_for(self, predicate: Callable[[list[dict]], bool], timeout: float, what: str) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.poll()
            if predicate(self.events):
                return self.events
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}; saw {len(self.events)} events")

    def of_type(self, suffix: str) -> list[dict]:
        return [e for e in self.events if e["type"].endswith(suffix)]

    def close(self) -> None:
        self.consumer.close()


@pytest.fixture
def reader_for() -> Iterator[Callable[..., TopicReader]]:
    readers: list[TopicReader] = []

    def build(settings: Settings, *topics: str) -> TopicReader:
        reader = TopicReader(settings, *topics)
        readers.append(reader)
        return reader

    yield build
    for reader in readers:
        reader.close()


@pytest.fixture
def producer_for() -> Iterator[Callable[[Settings], Any]]:
    producers = []

    def build(settings: Settings) -> Any:
        producer = make_producer(settings, client_id="careloop-tests")
        producers.append(producer)
        return producer

    yield build
    for producer in producers:
        producer.close()


@pytest.fixture
def sample_records() -> Callable[[], list[dict]]:
    """Hand-written feedback (synthetic, written for careloop), new external ids per call."""
    return records


def records(run: str | None = None) -> list[dict]:
    run = run or uuid.uuid4().hex[:8]
    rows = [
        ("google_reviews", "We waited over six hours in A&E with no update at all. Awful.", 1, "emergency"),
        ("google_reviews", "The receptionist was rude and dismissive when my father asked for help.", 1, "outpatients"),
        ("fft_survey", "More parking please, I drove round for forty minutes.", 2, "radiology"),
        ("fft_survey", "Lovely caring nurses on the ward, thank you so much.", 5, "maternity"),
        ("web_form", "I was billed twice for the same appointment and nobody answers the phone.", None, "outpatients"),
        ("email", "My mother was given the wrong medication and then fell on the ward. "
                  "I am speaking to a solicitor about this.", None, "cardiology"),
        ("google_reviews", "Clean, quick and friendly. Best clinic experience I have had.", 5, "radiology"),
        ("fft_survey", "The toilets were filthy and the food was cold.", 1, "orthopaedics"),
        ("web_form", "Nadie me explicó nada sobre el alta y esperé horas sin información.", None, "emergency"),
        ("fft_survey", "Appointment cancelled three times by text with no explanation.", 2, "cardiology"),
    ]
    out = []
    for i, (source, comment, rating, department) in enumerate(rows):
        record = {"source": source, "external_id": f"it-{run}-{i}", "text": comment,
                  "facility": "st-marys", "department": department}
        if rating is not None:
            record["rating"] = rating
        if source == "fft_survey":
            record["question"] = ("What could we have done better?" if rating and rating < 3
                                  else "What was good about your care?")
        out.append(record)
    return out
