"""The running webhook (uvicorn, real producer, real Kafka): signed feedback is
accepted and flows on; anything unsigned, mis-signed, stale, too big or invalid is
refused with the right status and reaches nothing downstream."""
from __future__ import annotations

import json
import time

import httpx
import pytest

from careloop.core.events import FEEDBACK_CLASSIFIED, FEEDBACK_RECEIVED
from careloop.ingest.signing import signed_headers

pytestmark = pytest.mark.integration


def test_the_webhook_accepts_only_fresh_correctly_signed_feedback_of_bounded_size(
    fast_sla_config, settings_for, pipeline_factory, reader_for, sample_records
):
    settings = settings_for(fast_sla_config)
    pipeline = pipeline_factory(settings, with_webhook=True)
    secret = pipeline.settings.webhook_secret.get_secret_value()
    url = f"http://{settings.webhook_host}:{settings.webhook_port}/v1/feedback"
    record = sample_records()[0]
    body = json.dumps(record).encode()
    now = int(time.time())

    def post(content: bytes, headers: dict) -> httpx.Response:
        return httpx.post(url, content=content, headers={"Content-Type": "application/json", **headers}, timeout=15)

    good = post(body, signed_headers(secret, body, timestamp=now))
    assert good.status_code == 202, good.text
    feedback_id = good.json()["feedback_id"]

    assert post(body, {}).status_code == 401
    assert post(body, signed_headers("not-the-secret", body, timestamp=now)).status_code == 401
    assert post(body, signed_headers(secret, body, timestamp=now - 3600)).status_code == 401
    tampered = body.replace(b"six hours", b"six minutes")
    assert post(tampered, signed_headers(secret, body, timestamp=now)).status_code == 401
    huge = json.dumps({**record, "text": "x" * (600 * 1024)}).encode()
    assert post(huge, signed_headers(secret, huge, timestamp=now)).status_code == 413
    invalid = json.dumps({**record, "external_id": "it-invalid", "rating": 9}).encode()
    refused = post(invalid, signed_headers(secret, invalid, timestamp=now))
    assert refused.status_code == 422
    assert refused.json()["field"] == "rating"
    for response in (refused,):
        assert record["text"] not in response.text

    reader = reader_for(settings, FEEDBACK_RECEIVED, FEEDBACK_CLASSIFIED)
    reader.wait_for(lambda ev: any(e["type"].endswith("classified.v1") for e in ev), 60, "the accepted feedback classified")
    time.sleep(1)
    reader.poll()
    received = reader.of_type("feedback.received.v1")
    assert [e["subject"] for e in received] == [feedback_id], "only the accepted request reached Kafka"
    scraped = pipeline.scrape()
    assert scraped.get("careloop_webhook_requests_total|status=accepted") == 1
    assert scraped.get("careloop_webhook_requests_total|status=unauthorized") == 4
