from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone

import pytest

from careloop.ingest.signing import (
    SignatureError,
    check_timestamp,
    sign,
    signed_headers,
    verify,
)

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
TS = int(NOW.timestamp())
SECRET = "s3cret-shared-key"


def test_sign_is_hmac_sha256_over_timestamp_dot_body():
    body = b'{"a": 1}'
    expected = hmac.new(SECRET.encode(), f"{TS}.".encode() + body, hashlib.sha256).hexdigest()
    assert sign(SECRET, TS, body) == "sha256=" + expected


def test_signed_headers_carry_timestamp_and_signature():
    headers = signed_headers(SECRET, b"x", timestamp=TS)
    assert headers == {"X-Careloop-Timestamp": str(TS), "X-Careloop-Signature": sign(SECRET, TS, b"x")}


def test_a_correct_signature_verifies():
    verify(SECRET, timestamp_header=str(TS), signature_header=sign(SECRET, TS, b"body"), body=b"body", now=NOW)


def test_an_upper_case_hex_signature_verifies():
    verify(SECRET, timestamp_header=str(TS), signature_header=sign(SECRET, TS, b"b").upper().replace("SHA256", "sha256"),
           body=b"b", now=NOW)


@pytest.mark.parametrize(
    ("secret", "ts", "body"),
    [("other-secret", TS, b"body"), (SECRET, TS - 1, b"body"), (SECRET, TS, b"bodY")],
)
def test_a_signature_over_anything_else_does_not_verify(secret, ts, body):
    with pytest.raises(SignatureError, match="does not match"):
        verify(SECRET, timestamp_header=str(TS), signature_header=sign(secret, ts, body), body=b"body", now=NOW)


@pytest.mark.parametrize("skew", [-301, 301, 10**6])
def test_a_timestamp_beyond_the_tolerance_is_stale(skew):
    with pytest.raises(SignatureError, match="tolerance"):
        check_timestamp(str(TS + skew), sign(SECRET, TS + skew, b""), now=NOW)


@pytest.mark.parametrize("skew", [-300, 0, 300])
def test_a_timestamp_within_the_tolerance_is_fresh(skew):
    assert check_timestamp(str(TS + skew), sign(SECRET, TS + skew, b""), now=NOW) == str(TS + skew)


def test_the_tolerance_is_configurable():
    with pytest.raises(SignatureError):
        check_timestamp(str(TS - 31), sign(SECRET, TS - 31, b""), now=NOW, tolerance_seconds=30)


@pytest.mark.parametrize(
    ("ts", "sig", "match"),
    [
        (None, "sha256=" + "0" * 64, "missing"),
        (str(TS), None, "missing"),
        ("", "", "missing"),
        ("12.5", "sha256=" + "0" * 64, "unix seconds"),
        ("-5", "sha256=" + "0" * 64, "unix seconds"),
        (str(TS), "md5=abc", "sha256="),
        (str(TS), "sha256=" + "z" * 64, "sha256="),
    ],
)
def test_missing_or_malformed_headers_are_rejected(ts, sig, match):
    with pytest.raises(SignatureError, match=match):
        check_timestamp(ts, sig, now=NOW)
