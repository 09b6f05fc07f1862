"""Behaviour of the batch interface (careloop classify --in IN.jsonl --out OUT.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

from careloop.classifier.batch import EXIT_FATAL, MAX_EXIT_FAILED, main

FIELDS = {"id", "sentiment", "score", "confidence", "topics", "risk_flags", "severity", "language",
          "needs_review"}


def _run(tmp_path: Path, content: str | bytes) -> tuple[int, list[dict]]:
    src = tmp_path / "in.jsonl"
    dst = tmp_path / "out.jsonl"
    if isinstance(content, str):
        content = content.encode("utf-8")
    src.write_bytes(content)
    code = main(["--in", str(src), "--out", str(dst)])
    lines = dst.read_text(encoding="utf-8").splitlines() if dst.exists() else []
    return code, [json.loads(x) for x in lines]


def _jsonl(*records: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_every_good_record_gets_one_output_line_in_input_order(tmp_path):
    code, out = _run(tmp_path, _jsonl(
        {"id": "a", "text": "The staff were rude and I waited four hours."},
        {"id": "b", "text": "Wonderful care, thank you.", "rating": 1.0},
        {"id": "c", "text": "More parking.", "question": "What could we do better?"},
    ))
    assert code == 0
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert all(set(o) == FIELDS for o in out)
    assert out[0]["sentiment"] == "negative"
    assert out[1]["sentiment"] == "positive"
    assert out[2]["sentiment"] == "negative"
    assert "parking_transport" in out[2]["topics"]


def test_output_values_follow_the_contract(tmp_path):
    _, out = _run(tmp_path, _jsonl({"id": "x", "text": "They gave my dad the wrong medication."}))
    o = out[0]
    assert -1 <= o["score"] <= 1 and 0 <= o["confidence"] <= 1
    assert isinstance(o["topics"], list) and isinstance(o["risk_flags"], list)
    assert o["risk_flags"] == ["patient_safety"]
    assert o["severity"] == "critical"
    assert o["language"] == "en"


def test_a_bad_line_gets_an_error_line_in_place_and_the_run_goes_on(tmp_path):
    content = (
        json.dumps({"id": "1", "text": "Great nurses."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "3", "text": "Dirty toilets."}) + "\n"
    )
    code, out = _run(tmp_path, content)
    assert code == 1
    assert len(out) == 3
    assert out[0]["id"] == "1" and "error" not in out[0]
    assert out[1]["id"] is None and out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    assert out[2]["id"] == "3" and out[2]["sentiment"] == "negative"


def test_the_exit_code_counts_failed_records(tmp_path):
    content = _jsonl(
        {"id": "ok", "text": "Fine."},
        {"text": "no id"},
        {"id": "no-text"},
        {"id": "bad-rating", "text": "ok", "rating": 7},
        {"id": "bad-language", "text": "ok", "language": 5},
    ) + "[1, 2]\n"
    code, out = _run(tmp_path, content)
    assert code == 5
    errors = [o for o in out if "error" in o]
    assert [e["line"] for e in errors] == [2, 3, 4, 5, 6]
    assert errors[1]["id"] == "no-text" and "text" in errors[1]["error"]
    assert errors[2]["id"] == "bad-rating" and "rating" in errors[2]["error"]
    assert "not a JSON object" in errors[4]["error"]


def test_invalid_utf8_is_reported_not_fatal(tmp_path):
    content = b'{"id": "a", "text": "caf\xe9"}\n' + _jsonl({"id": "b", "text": "Good."}).encode()
    code, out = _run(tmp_path, content)
    assert code == 1
    assert "UTF-8" in out[0]["error"] and out[1]["id"] == "b"


def test_blank_lines_are_not_records(tmp_path):
    code, out = _run(tmp_path, "\n" + _jsonl({"id": "a", "text": "Good."}) + "\n\n")
    assert code == 0 and len(out) == 1


def test_the_exit_code_is_capped(tmp_path):
    code, out = _run(tmp_path, "nope\n" * (MAX_EXIT_FAILED + 20))
    assert code == MAX_EXIT_FAILED
    assert len(out) == MAX_EXIT_FAILED + 20


def test_numeric_ids_are_accepted_as_strings(tmp_path):
    code, out = _run(tmp_path, _jsonl({"id": 42, "text": "Good."}))
    assert code == 0 and out[0]["id"] == "42"


def test_unsupported_language_is_marked_for_review(tmp_path):
    _, out = _run(tmp_path, _jsonl({"id": "de", "text": "Das Personal war unfreundlich und ich habe lange gewartet."},
                                   {"id": "es", "text": "El médico fue muy amable y me explicó todo."}))
    assert out[0]["needs_review"] is True and out[0]["language"] == "de"
    assert out[1]["needs_review"] is False and out[1]["language"] == "es"


def test_a_missing_input_file_is_fatal(tmp_path):
    assert main(["--in", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o.jsonl")]) == EXIT_FATAL


def test_missing_arguments_are_fatal():
    assert main(["--in", "x.jsonl"]) == EXIT_FATAL


def test_batch_results_equal_single_calls(tmp_path):
    from careloop.classifier.model import classify
    recs = [
        {"id": "1", "text": "Nothing.", "question": "What could we improve?"},
        {"id": "2", "text": "It was ok.", "rating": 0.1},
        {"id": "3", "text": "Excelente atención, gracias."},
        {"id": "4", "text": ""},
    ]
    _, out = _run(tmp_path, _jsonl(*recs))
    for rec, o in zip(recs, out):
        c = classify(rec["text"], rating=rec.get("rating"), question=rec.get("question")).to_dict()
        assert {k: c[k] for k in FIELDS - {"id"}} == {k: o[k] for k in FIELDS - {"id"}}


def test_a_byte_order_mark_at_the_start_of_the_file_is_ignored(tmp_path):
    code, out = _run(tmp_path, b"\xef\xbb\xbf" + _jsonl({"id": "a", "text": "Rude receptionist."}).encode())
    assert code == 0
    assert out[0]["id"] == "a" and out[0]["sentiment"] == "negative"


def test_an_undecodable_line_names_its_id_when_the_rest_is_readable(tmp_path):
    code, out = _run(tmp_path, b'{"id": "q7", "text": "caf\xe9 was cold"}\n')
    assert code == 1
    assert out == [{"id": "q7", "line": 1, "error": "line is not valid UTF-8"}]


def test_an_overlong_line_is_an_error_record_and_the_next_line_is_still_read(tmp_path, monkeypatch):
    from careloop.classifier import batch
    monkeypatch.setattr(batch, "MAX_LINE_BYTES", 100)
    monkeypatch.setattr(batch, "_DRAIN", 7)  # drain in small pieces, as a huge line would be
    long_line = json.dumps({"id": "big", "text": "word " * 200})
    code, out = _run(tmp_path, long_line + "\n" + _jsonl({"id": "next", "text": "Lovely staff."}))
    assert code == 1
    assert out[0] == {"id": None, "line": 1, "error": "line longer than 100 bytes"}
    assert out[1]["id"] == "next" and out[1]["sentiment"] == "positive"


def test_a_byte_order_mark_does_not_count_towards_the_first_line_s_length(tmp_path, monkeypatch):
    from careloop.classifier import batch
    first = json.dumps({"id": "a", "text": "Rude receptionist."})
    monkeypatch.setattr(batch, "MAX_LINE_BYTES", len(first))  # the first line is exactly at the limit
    code, out = _run(tmp_path, b"\xef\xbb\xbf" + (first + "\n" + json.dumps({"id": "b", "text": "Kind."}) + "\n").encode())
    assert code == 0
    assert [o["id"] for o in out] == ["a", "b"]


def test_json_nested_too_deeply_is_an_error_record_and_the_run_goes_on(tmp_path):
    code, out = _run(tmp_path, "[" * 100_000 + "]" * 100_000 + "\n" + _jsonl({"id": "ok", "text": "Lovely staff."}))
    assert code == 1
    assert out[0] == {"id": None, "line": 1, "error": "invalid JSON: nested too deeply"}
    assert out[1]["id"] == "ok"
