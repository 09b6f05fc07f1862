"""The ingest webhook: signed HTTP POSTs of feedback records -> ``publish(data)``.

``POST /v1/feedback`` takes a JSON object, either

* one record: ``{"source": "<configured source name>", "external_id": ..., "text": ..., ...}``
  -> ``202 {"feedback_id": ..., "status": "accepted"}``, or
* a batch: ``{"records": [record, ...], "source": "<default for records without one>"}``
  with 1..``MAX_BATCH`` (500) records -> ``202 {"feedback_ids": [...], "status": "accepted"}``.
  A batch is validated as a whole first: if any record is invalid the response is 422
  naming the first bad one (``"index"`` and ``"field": "records[3].rating"``) and
  nothing is published. Records are then published in order; if publishing fails part
  way the response is 503 with ``"published"`` (how many went out) — resending the
  whole batch is safe because feedback ids are deterministic (source, external id).

Responses (all JSON, never containing patient text or the secret):

======  ==================================================================  ============
status  when                                                                label
======  ==================================================================  ============
202     published (``publish`` returned for every record)                  accepted
400     body is not UTF-8 JSON / not an object / bad Content-Length         bad_request
401     signature headers missing, malformed, stale, or not matching        unauthorized
413     body over ``max_body_bytes`` (by Content-Length, or counted while   too_large
        streaming, so a missing or lying Content-Length does not help)
422     ``{"error": "invalid_record", "field", "reason"}``; unknown or      invalid
        missing ``source`` -> field ``source``
503     ``publish`` raised: the record is not acknowledged, retry            unavailable
500     unexpected bug                                                      error
======  ==================================================================  ============

``on_result(label)`` is called once per POST with the label above (for a metric).
The checks run in the order: signature headers and timestamp (no body needed),
size, signature over the body, JSON, records, publish. ``GET /healthz`` needs no
signature. Content-Type is not checked. ``publish`` is a blocking callable and runs in
the thread pool, so a slow broker does not stall the event loop.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from careloop.core.errors import ConfigError
from careloop.ingest.normalize import InvalidRecord, SourceConfig, normalize
from careloop.ingest.signing import (
    DEFAULT_TOLERANCE_SECONDS,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureError,
    check_timestamp,
    verify_signature,
)

log = logging.getLogger("careloop.ingest.webhook")

MAX_BATCH = 500
DEFAULT_MAX_BODY_BYTES = 256 * 1024
RESULT_LABELS: tuple[str, ...] = (
    "accepted",
    "bad_request",
    "unauthorized",
    "too_large",
    "invalid",
    "unavailable",
    "error",
)


class _Secret:
    """Holds the shared secret; its repr and str never show it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "_Secret('**********')"

    __str__ = __repr__


class _Reject(Exception):
    def __init__(self, status: int, label: str, body: dict[str, Any]) -> None:
        super().__init__(label)
        self.status, self.label, self.body = status, label, body


def _invalid(field: str, reason: str, index: int | None = None) -> _Reject:
    body: dict[str, Any] = {"error": "invalid_record", "field": field, "reason": reason}
    if index is not None:
        body["index"] = index
    return _Reject(422, "invalid", body)


def create_app(
    *,
    sources: Mapping[str, SourceConfig],
    secret: str,
    publish: Callable[[dict], None],
    clock: Callable[[], datetime],
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    on_result: Callable[[str], None] | None = None,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
) -> FastAPI:
    """The webhook app. ``sources`` maps source name -> config; ``publish`` receives the
    FeedbackReceived ``data`` dict and must raise if the record was not durably sent."""
    if not isinstance(secret, str) or not secret.strip():
        raise ConfigError("the webhook secret (CARELOOP_WEBHOOK_SECRET) must not be empty")
    if max_body_bytes <= 0:
        raise ConfigError("max_body_bytes must be positive")
    sealed = _Secret(secret)
    sources = dict(sources)
    app = FastAPI(title="careloop ingest webhook", docs_url=None, redoc_url=None, openapi_url=None)

    def report(label: str) -> None:
        if on_result is None:
            return
        try:
            on_result(label)
        except Exception:  # a metrics hook must never break a request
            log.warning("on_result hook failed", extra={"result": label})

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/feedback")
    async def receive(request: Request) -> JSONResponse:
        try:
            status, label, body = await _handle(request)
        except _Reject as reject:
            status, label, body = reject.status, reject.label, reject.body
        except Exception as exc:  # never echo the message: it may quote the record
            log.error("webhook request failed: %s", type(exc).__name__)
            status, label, body = 500, "error", {"error": "internal", "reason": "unexpected error"}
        report(label)
        log.info("webhook request", extra={"result": label, "status": status})
        return JSONResponse(body, status_code=status)

    async def _handle(request: Request) -> tuple[int, str, dict[str, Any]]:
        now = clock()
        try:
            timestamp = check_timestamp(
                request.headers.get(TIMESTAMP_HEADER),
                request.headers.get(SIGNATURE_HEADER),
                now=now,
                tolerance_seconds=tolerance_seconds,
            )
        except SignatureError as exc:
            raise _Reject(401, "unauthorized", {"error": "unauthorized", "reason": exc.reason}) from None

        raw_body = await _read_body(request, max_body_bytes)

        try:
            verify_signature(sealed.reveal(), timestamp, request.headers[SIGNATURE_HEADER], raw_body)
        except SignatureError as exc:
            raise _Reject(401, "unauthorized", {"error": "unauthorized", "reason": exc.reason}) from None

        payload = _parse_json(raw_body)
        if "records" in payload:
            records = payload["records"]
            if not isinstance(records, list) or not records:
                raise _invalid("records", "must be a non-empty array of records")
            if len(records) > MAX_BATCH:
                raise _invalid("records", f"at most {MAX_BATCH} records per request")
            default_source = payload.get("source")
            items = [
                _normalize_one(rec, default_source, sources, now, prefix=f"records[{i}].", index=i)
                for i, rec in enumerate(records)
            ]
        else:
            items = [_normalize_one(payload, None, sources, now, prefix="", index=None)]

        published = 0
        for data in items:
            try:
                await run_in_threadpool(publish, data)
            except Exception as exc:
                log.warning(
                    "publish failed: %s", type(exc).__name__, extra={"published": published}
                )
                body: dict[str, Any] = {
                    "error": "unavailable",
                    "reason": "the record could not be published; retry later",
                }
                if "records" in payload:
                    body["published"] = published
                raise _Reject(503, "unavailable", body) from None
            published += 1

        if "records" in payload:
            return 202, "accepted", {"feedback_ids": [d["feedback_id"] for d in items], "status": "accepted"}
        return 202, "accepted", {"feedback_id": items[0]["feedback_id"], "status": "accepted"}

    return app


async def _read_body(request: Request, limit: int) -> bytes:
    too_large = _Reject(
        413, "too_large", {"error": "too_large", "reason": f"body exceeds {limit} bytes"}
    )
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise _Reject(400, "bad_request", {"error": "bad_request", "reason": "invalid Content-Length"})
        if int(declared) > limit:
            raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _parse_json(raw_body: bytes) -> dict[str, Any]:
    def bad(reason: str) -> _Reject:
        return _Reject(400, "bad_request", {"error": "bad_request", "reason": reason})

    try:
        text = raw_body.decode("utf-8")
    except UnicodeDecodeError:
        raise bad("body is not UTF-8") from None
    try:
        payload = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise bad(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError):
        raise bad("malformed JSON") from None
    if not isinstance(payload, dict):
        raise bad("body must be a JSON object")
    return payload


def _normalize_one(
    record: Any,
    default_source: Any,
    sources: Mapping[str, SourceConfig],
    now: datetime,
    *,
    prefix: str,
    index: int | None,
) -> dict:
    if not isinstance(record, dict):
        raise _invalid(prefix.rstrip(".") or "record", "must be a JSON object", index)
    name = record.get("source", default_source)
    if name is None or name == "":
        raise _invalid(f"{prefix}source", "is required", index)
    if not isinstance(name, str) or name not in sources:
        raise _invalid(f"{prefix}source", "is not a configured source", index)
    try:
        return normalize(record, sources[name], now=now)
    except InvalidRecord as exc:
        raise _invalid(f"{prefix}{exc.field}", exc.reason, index) from None
