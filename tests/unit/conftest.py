"""Shared fixtures for the unit tests of careloop.core, the router handler and the SLA
monitor engine: a fake clock, a fresh metrics registry, the demo configuration and a
migrated SQLite database under tmp_path. No Kafka, no network."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from careloop.core.config import CareloopConfig, load_config
from careloop.core.db import make_engine, make_sessionmaker, upgrade
from careloop.core.events import CLASSIFIED_V1, make_event
from careloop.core.ids import feedback_id as derive_feedback_id
from careloop.core.metrics import Metrics
from careloop.core.settings import DEMO_CONFIG
from careloop.core.timeutil import format_time

START = datetime(2026, 11, 26, 10, 0, 0, tzinfo=timezone.utc)


class FakeClock:
    """A mutable clock: call it for "now", advance it by seconds or a timedelta."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float | timedelta) -> datetime:
        self.now += seconds if isinstance(seconds, timedelta) else timedelta(seconds=seconds)
        return self.now

    def set(self, when: datetime) -> datetime:
        self.now = when
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(CollectorRegistry())


@pytest.fixture(scope="session")
def demo_config() -> CareloopConfig:
    return load_config(DEMO_CONFIG)


@pytest.fixture
def db_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'careloop.db'}"
    upgrade(url)
    return url


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine):
    return make_sessionmaker(engine)


def classified_event(
    *,
    external_id: str = "g-review-829341",
    source: str = "google_reviews",
    sentiment: str = "negative",
    severity: str = "medium",
    topics: tuple[str, ...] = ("communication",),
    risk_flags: tuple[str, ...] = (),
    facility: str = "st-marys",
    text: str = "Nobody told us anything for hours and the nurse was rude.",
    at: datetime = START,
) -> dict[str, Any]:
    """A valid feedback.classified.v1 event shaped like the fixture in tests/fixtures."""
    fid = derive_feedback_id(source, external_id)
    kinds = {"google_reviews": ("review", "public_review"), "fft_survey": ("survey", "survey"),
             "web_form": ("web_form", "email"), "email": ("email", "email")}
    kind, channel = kinds[source]
    data = {
        "feedback": {
            "feedback_id": fid,
            "source": source,
            "source_kind": kind,
            "external_id": external_id,
            "facility": facility,
            "department": "emergency",
            "created_at": format_time(at - timedelta(hours=1)),
            "received_at": format_time(at),
            "rating": {"value": 0.0, "raw": 1, "scale_min": 1, "scale_max": 5},
            "text": text,
            "language": "en",
            "question": None,
            "reply_channel": channel,
        },
        "classification": {
            "sentiment": sentiment,
            "score": -0.8 if sentiment == "negative" else (0.8 if sentiment == "positive" else 0.0),
            "confidence": 0.9,
            "topics": list(topics),
            "risk_flags": list(risk_flags),
            "severity": severity,
            "language": "en",
            "needs_review": False,
            "model_version": "test-1",
        },
    }
    return make_event(CLASSIFIED_V1, producer="classifier", subject=fid, data=data, time=at)


@pytest.fixture
def make_classified():
    """The `classified_event` builder, as a fixture."""
    return classified_event
