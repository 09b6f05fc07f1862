"""Batch classification of a JSON Lines file: `careloop classify --in IN.jsonl --out OUT.jsonl`.

Input: one JSON object per line with
  id        string (required; an integer is accepted and turned into a string)
  text      string (required)
  question  string or null (optional: the survey question answered)
  rating    number 0..1 or null, 1 = best (optional)
  source    string or null (optional, informational)
  language  ISO 639-1 code or null (optional; detected when absent)
Blank lines are ignored (they are not records). A UTF-8 byte order mark at the start
of the file (as Windows tools write) is ignored. A line longer than MAX_LINE_BYTES is an
error record; the run reads past it without holding it in memory.

Output: one JSON object per input record, in input order:
  {"id", "sentiment", "score", "confidence", "topics", "risk_flags", "severity",
   "language", "needs_review"}
A record that cannot be used (invalid JSON, not an object, missing/invalid field,
undecodable UTF-8) yields {"id": <id or null>, "line": <1-based line number>,
"error": "<reason>"} in its place, and the run goes on.

Exit status: the number of failed records, capped at 100 (0 = every record
classified); 125 when the run itself cannot proceed (unreadable input, unwritable
output, bad arguments).
"""
from __future__ import annotations

import argparse
import io
import json
import math
import sys
from typing import IO, Any, Iterator

from .model import classify_batch

MAX_EXIT_FAILED = 100
EXIT_FATAL = 125
CHUNK = 2000
# Longest line read as a record (bytes, newline excluded): a review is a few kilobytes;
# a line of megabytes is a broken export, not feedback.
MAX_LINE_BYTES = 1 << 20
_BOM = b"\xef\xbb\xbf"
_DRAIN = 1 << 16
OUTPUT_FIELDS = ("sentiment", "score", "confidence", "topics", "risk_flags", "severity", "language", "needs_review")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _id_of_undecodable(raw: bytes) -> str | None:
    """The id of a line that is not valid UTF-8, when the rest of it is readable JSON
    (so its error record can name it)."""
    try:
        obj = json.loads(raw.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    rid = obj.get("id") if isinstance(obj, dict) else None
    return str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None


def _parse_record(raw: bytes) -> tuple[dict[str, Any] | None, Any, str | None]:
    """(classify_batch record, id, error)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, _id_of_undecodable(raw), "line is not valid UTF-8"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return None, None, "invalid JSON: nested too deeply"
    if not isinstance(obj, dict):
        return None, None, "record is not a JSON object"
    rid = obj.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or (isinstance(rid, str) and not rid.strip()):
        return None, rid if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None, \
            "missing or invalid 'id' (a non-empty string is required)"
    rid = str(rid)
    text = obj.get("text")
    if not isinstance(text, str):
        return None, rid, "missing or invalid 'text' (a string is required)"
    rating = obj.get("rating")
    if rating is not None:
        if isinstance(rating, bool) or not isinstance(rating, (int, float)) or math.isnan(rating) \
                or not 0.0 <= float(rating) <= 1.0:
            return None, rid, "invalid 'rating' (a number from 0 to 1, 1 = best, or null)"
    for key in ("question", "source", "language"):
        val = obj.get(key)
        if val is not None and not isinstance(val, str):
            return None, rid, f"invalid '{key}' (a string or null)"
    return {"text": text, "rating": rating, "question": obj.get("question"),
            "language": obj.get("language"), "source_kind": obj.get("source")}, rid, None


def _lines(fh: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line without its newline) for every non-blank line; None in place
    of a line longer than MAX_LINE_BYTES."""
    n = 0
    while True:
        # Room for "\r\n", and on the first line for a byte order mark.
        raw = fh.readline(MAX_LINE_BYTES + 2 + (len(_BOM) if n == 0 else 0))
        if not raw:
            return
        n += 1
        if n == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        if not raw.endswith(b"\n") and len(raw) > MAX_LINE_BYTES:
            while True:  # skip the rest of the line without keeping it
                rest = fh.readline(_DRAIN)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
            continue
        raw = raw.rstrip(b"\r\n")
        if len(raw) > MAX_LINE_BYTES:
            yield n, None
        elif raw.strip():
            yield n, raw


def run(inp: IO[bytes], out: IO[str]) -> tuple[int, int]:
    """Classify every record of `inp` into `out`; return (records, failed)."""
    total = failed = 0
    pending: list[tuple[int, Any, dict[str, Any] | None, str | None]] = []

    def flush() -> None:
        nonlocal failed
        good = [rec for _, _, rec, err in pending if err is None]
        results = iter(classify_batch(good)) if good else iter(())
        for n, rid, rec, err in pending:
            if err is not None:
                failed += 1
                out.write(json.dumps({"id": rid, "line": n, "error": err}, ensure_ascii=False) + "\n")
                continue
            d = next(results).to_dict()
            row = {"id": rid}
            row.update({k: d[k] for k in OUTPUT_FIELDS})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        pending.clear()

    for n, raw in _lines(inp):
        total += 1
        if raw is None:
            rec, rid, err = None, None, f"line longer than {MAX_LINE_BYTES} bytes"
        else:
            rec, rid, err = _parse_record(raw)
        pending.append((n, rid, rec, err))
        if len(pending) >= CHUNK:
            flush()
    flush()
    return total, failed


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="careloop classify", description="Classify feedback records (JSON Lines).",
                     epilog="Exit status: number of failed records (capped at 100); 125 on a fatal error.")
    parser.add_argument("--in", dest="inp", required=True, help="input JSONL file ('-' = stdin)")
    parser.add_argument("--out", dest="out", required=True, help="output JSONL file ('-' = stdout)")
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(f"careloop classify: {exc}", file=sys.stderr)
        parser.print_usage(sys.stderr)
        return EXIT_FATAL
    try:
        inp: IO[bytes] = sys.stdin.buffer if args.inp == "-" else open(args.inp, "rb")
    except OSError as exc:
        print(f"careloop classify: cannot read {args.inp}: {exc.strerror}", file=sys.stderr)
        return EXIT_FATAL
    try:
        out: IO[str] = (io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=False)
                        if args.out == "-" else open(args.out, "w", encoding="utf-8"))
    except OSError as exc:
        print(f"careloop classify: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        if inp is not sys.stdin.buffer:
            inp.close()
        return EXIT_FATAL
    try:
        total, failed = run(inp, out)
        out.flush()
    except OSError as exc:
        print(f"careloop classify: I/O error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    finally:
        if inp is not sys.stdin.buffer:
            inp.close()
        if args.out != "-":
            out.close()
        else:
            out.detach()
    print(f"careloop classify: {total} records, {total - failed} classified, {failed} failed", file=sys.stderr)
    return min(failed, MAX_EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
