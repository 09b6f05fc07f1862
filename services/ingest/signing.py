"""Webhook request signing: HMAC-SHA256 over ``f"{timestamp}.".encode() + body``.

A client sends two headers::

    X-Careloop-Timestamp: 1795687200            (unix seconds, digits only)
    X-Careloop-Signature: sha256=<64 lowercase hex digits>

The server accepts a request when the timestamp is within ``tolerance_seconds`` of its
clock (either direction) and the signature matches under a constant-time comparison.
The timestamp is inside the signed bytes, so a captured request cannot be replayed
with a fresh timestamp, and a stale one is refused.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime

from careloop.core.errors import CareloopError
from careloop.core.timeutil import ensure_utc

TIMESTAMP_HEADER = "X-Careloop-Timestamp"
SIGNATURE_HEADER = "X-Careloop-Signature"
DEFAULT_TOLERANCE_SECONDS = 300

_TIMESTAMP = re.compile(r"^\d{1,12}$")
_SIGNATURE = re.compile(r"^sha256=([0-9a-fA-F]{64})$")


class SignatureError(CareloopError):
    """The request is not authentic; ``reason`` is safe to return to the client."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)


def sign(secret: str | bytes, timestamp: int | str, body: bytes) -> str:
    """The ``X-Careloop-Signature`` value: ``sha256=<hex>``."""
    message = f"{timestamp}.".encode("ascii") + body
    return "sha256=" + hmac.new(_key(secret), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str | bytes, body: bytes, *, timestamp: int) -> dict[str, str]:
    """Both headers for a request with ``body`` sent at ``timestamp`` (unix seconds)."""
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(secret, timestamp, body)}


def check_timestamp(
    timestamp_header: str | None,
    signature_header: str | None,
    *,
    now: datetime,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
) -> str:
    """The timestamp digits as sent, after the checks that need no body (presence,
    format, freshness). The literal text is what the client signed."""
    if not timestamp_header or not signature_header:
        missing = [
            name
            for name, value in ((TIMESTAMP_HEADER, timestamp_header), (SIGNATURE_HEADER, signature_header))
            if not value
        ]
        raise SignatureError(f"missing header(s): {', '.join(missing)}")
    if not _TIMESTAMP.match(timestamp_header.strip()):
        raise SignatureError(f"{TIMESTAMP_HEADER} must be unix seconds")
    if not _SIGNATURE.match(signature_header.strip()):
        raise SignatureError(f"{SIGNATURE_HEADER} must be 'sha256=<64 hex digits>'")
    timestamp = int(timestamp_header.strip())
    skew = abs(ensure_utc(now).timestamp() - timestamp)
    if skew > tolerance_seconds:
        raise SignatureError(f"timestamp outside the {tolerance_seconds} s tolerance")
    return timestamp_header.strip()


def verify_signature(secret: str | bytes, timestamp: int | str, signature_header: str, body: bytes) -> None:
    """Raise ``SignatureError`` unless ``signature_header`` signs ``timestamp`` + ``body``."""
    match = _SIGNATURE.match(signature_header.strip())
    given = match.group(1).lower() if match else ""
    expected = sign(secret, timestamp, body)[len("sha256="):]
    if not hmac.compare_digest(given.encode("ascii"), expected.encode("ascii")):
        raise SignatureError("signature does not match")


def verify(
    secret: str | bytes,
    *,
    timestamp_header: str | None,
    signature_header: str | None,
    body: bytes,
    now: datetime,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
) -> None:
    """Both checks at once (for callers that already hold the body)."""
    timestamp = check_timestamp(
        timestamp_header, signature_header, now=now, tolerance_seconds=tolerance_seconds
    )
    verify_signature(secret, timestamp, signature_header or "", body)
