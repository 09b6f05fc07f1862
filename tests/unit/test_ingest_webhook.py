from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient

from careloop.core.errors import ConfigError
from careloop.ingest.normalize import SourceConfig, normalize
from careloop.ingest.signing import sign, signed_headers
from careloop.ingest.webhook import MAX_BATCH, create_app

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
TS = int(NOW.timestamp())
SECRET = "webhook-secret-do-not-leak"
SOURCES = {
    "web_form": SourceConfig(name="web_form", kind="web_form", default_facility="st-marys"),
    "fft_survey": SourceConfig(name="fft_survey", kind="survey", rating_scale=(1, 5), default_facility="general"),
}
PATIENT_TEXT = "Jane Doe waited six hours in A&E with chest pain"


class Harness:
    def __init__(self, *, fail: bool = False, max_body_bytes: int = 4096) -> None:
        self.published: list[dict] = []
        self.results: list[str] = []
        self.fail = fail

        def publish(data: dict) -> None:
            if self.fail:
                raise RuntimeError(f"broker down while sending {data['text']}")
            self.published.append(data)

        self.app = create_app(
            sources=SOURCES, secret=SECRET, publish=publish, clock=lambda: NOW,
            max_body_bytes=max_body_bytes, on_result=self.results.append,
        )
        self.client = TestClient(self.app)

    def post(self, payload=None, *, body: bytes | None = None, headers=None, timestamp: int = TS, secret=SECRET):
        if body is None:
            body = json.dumps(payload).encode()
        sent_headers = signed_headers(secret, body, timestamp=timestamp) if headers is None else headers
        return self.client.post("/v1/feedback", content=body, headers=sent_headers)


def record(**extra):
    base = {"source": "web_form", "external_id": "form-77", "text": PATIENT_TEXT}
    base.update(extra)
    return base


@pytest.fixture
def hook() -> Harness:
    return Harness()


# --- success --------------------------------------------------------------------------

def test_a_correctly_signed_record_is_published_normalized_and_answered_202(hook):
    response = hook.post(record(rating=None, language="en"))
    expected = normalize(record(language="en"), SOURCES["web_form"], now=NOW)
    assert response.status_code == 202
    assert response.json() == {"feedback_id": expected["feedback_id"], "status": "accepted"}
    assert hook.published == [expected]
    assert hook.results == ["accepted"]


def test_a_batch_is_published_in_order_and_answered_with_every_id(hook):
    payload = {"source": "fft_survey", "records": [
        {"external_id": "1", "text": "good", "rating": 5},
        {"external_id": "2", "text": "bad", "source": "web_form"},
    ]}
    response = hook.post(payload)
    assert response.status_code == 202
    assert [d["source"] for d in hook.published] == ["fft_survey", "web_form"]
    assert response.json() == {"feedback_ids": [d["feedback_id"] for d in hook.published], "status": "accepted"}


def test_healthz_needs_no_signature(hook):
    assert hook.client.get("/healthz").json() == {"status": "ok"}


# --- 401 ------------------------------------------------------------------------------------

def test_a_wrong_signature_is_401_and_nothing_is_published(hook):
    response = hook.post(record(), secret="not-the-secret")
    assert response.status_code == 401
    assert response.json() == {"error": "unauthorized", "reason": "signature does not match"}
    assert hook.published == [] and hook.results == ["unauthorized"]


def test_a_body_changed_after_signing_is_401(hook):
    body = json.dumps(record()).encode()
    headers = signed_headers(SECRET, body, timestamp=TS)
    response = hook.post(body=body.replace(b"form-77", b"form-78"), headers=headers)
    assert response.status_code == 401


def test_a_stale_timestamp_is_401_even_with_a_valid_signature(hook):
    response = hook.post(record(), timestamp=TS - 301)
    assert response.status_code == 401
    assert "tolerance" in response.json()["reason"]
    assert hook.published == []


def test_a_timestamp_too_far_in_the_future_is_401(hook):
    assert hook.post(record(), timestamp=TS + 301).status_code == 401


@pytest.mark.parametrize("drop", ["X-Careloop-Timestamp", "X-Careloop-Signature"])
def test_a_missing_signature_header_is_401_naming_it(hook, drop):
    body = json.dumps(record()).encode()
    headers = signed_headers(SECRET, body, timestamp=TS)
    del headers[drop]
    response = hook.post(body=body, headers=headers)
    assert response.status_code == 401
    assert drop in response.json()["reason"]


def test_no_headers_at_all_is_401(hook):
    assert hook.post(record(), headers={}).status_code == 401


def test_a_malformed_signature_header_is_401(hook):
    assert hook.post(record(), headers={"X-Careloop-Timestamp": str(TS), "X-Careloop-Signature": "nope"}).status_code == 401


# --- 413 ------------------------------------------------------------------------------------

def test_a_body_over_the_limit_with_content_length_is_413(hook):
    response = hook.post(record(text="x" * 5000))
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"
    assert hook.published == [] and hook.results == ["too_large"]


def test_a_body_over_the_limit_without_content_length_is_413_by_counting_streamed_bytes(hook):
    body = json.dumps(record(text="x" * 5000)).encode()
    headers = signed_headers(SECRET, body, timestamp=TS)

    def chunks():
        for i in range(0, len(body), 1000):
            yield body[i:i + 1000]

    response = hook.client.post("/v1/feedback", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert hook.published == []


def test_a_small_streamed_body_without_content_length_is_accepted(hook):
    body = json.dumps(record()).encode()

    def chunks():
        yield body[:10]
        yield body[10:]

    response = hook.client.post("/v1/feedback", content=chunks(), headers=signed_headers(SECRET, body, timestamp=TS))
    assert response.status_code == 202


def test_a_body_exactly_at_the_limit_is_accepted():
    body = json.dumps(record()).encode()
    hook = Harness(max_body_bytes=len(body))
    assert hook.post(body=body).status_code == 202


# --- 400 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2]", b'"text"', b"\xff\xfe", b'{"text": NaN}'])
def test_a_malformed_or_non_object_body_is_400(hook, body):
    response = hook.post(body=body)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"
    assert hook.results == ["bad_request"]


# --- 422 ------------------------------------------------------------------------------------

def test_an_invalid_record_is_422_naming_the_field(hook):
    response = hook.post(record(rating=3))            # web_form has no rating scale
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_record" and body["field"] == "rating"
    assert body["reason"]
    assert hook.published == [] and hook.results == ["invalid"]


def test_an_out_of_scale_rating_is_422(hook):
    response = hook.post(record(source="fft_survey", rating=9))
    assert (response.status_code, response.json()["field"]) == (422, "rating")


def test_a_missing_text_is_422_on_text(hook):
    payload = record()
    del payload["text"]
    assert hook.post(payload).json()["field"] == "text"


@pytest.mark.parametrize("source", ["nope", None, 5])
def test_an_unknown_or_missing_source_is_422_on_source(hook, source):
    payload = record(source=source)
    response = hook.post(payload)
    assert (response.status_code, response.json()["field"]) == (422, "source")


def test_one_bad_record_rejects_the_whole_batch_and_names_it(hook):
    payload = {"records": [record(external_id="1"), record(external_id="2", created_at="soon")]}
    response = hook.post(payload)
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_record", "field": "records[1].created_at",
        "reason": response.json()["reason"], "index": 1,
    }
    assert hook.published == []


@pytest.mark.parametrize("records", [[], "x", [record()] * (MAX_BATCH + 1)])
def test_an_empty_malformed_or_oversized_batch_is_422_on_records(records):
    hook = Harness(max_body_bytes=10 * 1024 * 1024)
    response = hook.post({"records": records})
    assert (response.status_code, response.json()["field"]) == (422, "records")


# --- 503 ------------------------------------------------------------------------------------

def test_a_publish_failure_is_503_and_not_acknowledged():
    hook = Harness(fail=True)
    response = hook.post(record())
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"
    assert "feedback_id" not in response.json()
    assert hook.results == ["unavailable"]


def test_a_publish_failure_mid_batch_reports_how_many_went_out():
    calls = {"n": 0}

    def flaky(data: dict) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("broker gone")

    app = create_app(sources=SOURCES, secret=SECRET, publish=flaky, clock=lambda: NOW)
    body = json.dumps({"records": [record(external_id=str(i)) for i in range(3)]}).encode()
    response = TestClient(app).post("/v1/feedback", content=body, headers=signed_headers(SECRET, body, timestamp=TS))
    assert response.status_code == 503
    assert response.json()["published"] == 1


# --- privacy --------------------------------------------------------------------------------

def test_no_response_echoes_patient_text_or_the_secret(caplog):
    caplog.set_level("DEBUG")
    responses = []
    failing = Harness(fail=True)
    responses.append(failing.post(record()))
    hook = Harness()
    responses.append(hook.post(record(rating=3)))
    responses.append(hook.post(record(created_at=PATIENT_TEXT)))
    responses.append(hook.post(record(language=PATIENT_TEXT)))
    responses.append(hook.post(record(source=PATIENT_TEXT)))
    responses.append(hook.post(record(), secret="wrong"))
    responses.append(hook.post(body=b'{"text": "' + PATIENT_TEXT.encode() + b'" broken'))
    for response in responses:
        assert "Jane" not in response.text
        assert SECRET not in response.text
    assert "Jane" not in caplog.text
    assert SECRET not in caplog.text


def test_the_secret_is_not_in_the_app_repr_or_routes():
    app = create_app(sources=SOURCES, secret=SECRET, publish=lambda d: None, clock=lambda: NOW)
    assert SECRET not in repr(app) and SECRET not in repr(app.routes) and SECRET not in repr(vars(app.state))


@pytest.mark.parametrize("secret", ["", "   "])
def test_an_empty_secret_is_refused_at_start(secret):
    with pytest.raises(ConfigError):
        create_app(sources=SOURCES, secret=secret, publish=lambda d: None, clock=lambda: NOW)


def test_an_on_result_hook_that_raises_does_not_break_the_request():
    def boom(label: str) -> None:
        raise RuntimeError("metrics down")

    app = create_app(sources=SOURCES, secret=SECRET, publish=lambda d: None, clock=lambda: NOW, on_result=boom)
    body = json.dumps(record()).encode()
    response = TestClient(app).post("/v1/feedback", content=body, headers=signed_headers(SECRET, body, timestamp=TS))
    assert response.status_code == 202


def test_the_signature_covers_the_exact_bytes_sent(hook):
    body = json.dumps(record(), indent=2).encode()
    headers = {"X-Careloop-Timestamp": str(TS), "X-Careloop-Signature": sign(SECRET, TS, body)}
    assert hook.post(body=body, headers=headers).status_code == 202
