"""File readers: JSON Lines and CSV -> ``RawRecord`` s, never raising on a bad record.

Every non-blank record comes out as a ``RawRecord``: either ``raw`` (a dict for
``normalize``) or ``error`` (a reason without patient text) — a bad line is reported,
never dropped and never fatal. ``original`` is the record's text as read (for the
dead-letter topic), without its trailing line break; bytes that are not UTF-8 appear as
``\\xNN`` escapes and a line over ``max_line_bytes`` keeps only its first
``max_line_bytes`` bytes (the rest is read and discarded without holding it in memory).

``line_no`` is the 1-based physical line the record starts on, counting blank lines and
the CSV header, so it matches what an editor shows. Blank lines are skipped and counted
in ``ReadStats.blank`` when a ``stats`` object is passed.

A UTF-8 byte order mark at the start of the file is ignored. Inputs: a path (``str`` or
``os.PathLike``, opened in binary and closed when the iterator finishes) or an open
file object, binary or text (left open).
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from careloop.core.errors import CareloopError
from careloop.ingest.normalize import INPUT_FIELDS

DEFAULT_MAX_LINE_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_DRAIN_CHUNK = 64 * 1024


class RawRecord(NamedTuple):
    line_no: int
    raw: dict | None
    error: str | None
    original: str


class ReaderError(CareloopError):
    """The file as a whole cannot be read (e.g. a mapped CSV column is missing)."""

    def __init__(self, message: str, missing_columns: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing_columns = missing_columns


@dataclass
class ReadStats:
    lines: int = 0     # physical lines read (header included)
    blank: int = 0     # blank lines skipped
    records: int = 0   # RawRecords yielded (good + bad)
    errors: int = 0    # RawRecords yielded with an error



# --- physical lines -------------------------------------------------------------------

class _Line(NamedTuple):
    text: str          # decoded, line break kept (as read)
    problem: str | None


def _lines(source: Any, max_line_bytes: int) -> Iterator[_Line]:
    """Physical lines of ``source`` (split on ``\\n`` only), each bounded in size."""
    owned = isinstance(source, (str, os.PathLike))
    handle = open(source, "rb") if owned else source
    try:
        first = True
        while True:
            chunk = handle.readline(max_line_bytes + 1)
            if not chunk:
                return
            binary = isinstance(chunk, (bytes, bytearray))
            problem = None
            if first:
                first = False
                if binary and chunk.startswith(_BOM):
                    chunk = chunk[len(_BOM):]
                elif not binary and chunk.startswith("\ufeff"):
                    chunk = chunk[1:]
            newline = b"\n" if binary else "\n"
            if len(chunk) > max_line_bytes and not chunk.endswith(newline):
                problem = f"line longer than {max_line_bytes} bytes"
                chunk = chunk[:max_line_bytes]
                while True:  # drain the rest of the line without keeping it
                    rest = handle.readline(_DRAIN_CHUNK)
                    if not rest or rest.endswith(newline):
                        break
                chunk += newline
            if binary:
                try:
                    text = chunk.decode("utf-8")
                except UnicodeDecodeError:
                    text = chunk.decode("utf-8", errors="backslashreplace")
                    problem = problem or "line is not valid UTF-8"
            else:
                text = chunk
            yield _Line(text, problem)
    finally:
        if owned:
            handle.close()


def _strip_newline(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n") or text.endswith("\r"):
        return text[:-1]
    return text


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# --- JSON Lines -----------------------------------------------------------------------

def read_jsonl(
    path_or_file: Any,
    *,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    stats: ReadStats | None = None,
) -> Iterator[RawRecord]:
    """One ``RawRecord`` per non-blank line; a line that is not a JSON object is an error."""
    stats = stats if stats is not None else ReadStats()
    for line_no, line in enumerate(_lines(path_or_file, max_line_bytes), start=1):
        stats.lines += 1
        original = _strip_newline(line.text)
        if not original.strip():
            stats.blank += 1
            continue
        stats.records += 1
        error = line.problem
        raw = None
        if error is None:
            try:
                value = json.loads(original, parse_constant=_reject_constant)
            except json.JSONDecodeError as exc:
                error = f"invalid JSON at column {exc.colno}: {exc.msg}"
            except (ValueError, RecursionError) as exc:
                error = f"invalid JSON: {exc}" if isinstance(exc, ValueError) else "invalid JSON: nested too deeply"
            else:
                if isinstance(value, dict):
                    raw = value
                else:
                    error = f"expected a JSON object, got {_json_type(value)}"
        if error is not None:
            stats.errors += 1
        yield RawRecord(line_no, raw, error, original)


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


# --- CSV --------------------------------------------------------------------------------

class _LineFeed:
    """Feeds physical lines to ``csv.reader`` and remembers the ones of the current row."""

    def __init__(self, lines: Iterator[_Line]) -> None:
        self._lines = lines
        self.line_no = 0
        self.pending: list[str] = []
        self.problem: str | None = None
        self.start = 1

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.line_no += 1
        if not self.pending:
            self.start = self.line_no
        self.pending.append(line.text)
        if line.problem and self.problem is None:
            self.problem = line.problem
        # A truncated line is replaced by an empty one so the parser stays in step.
        return "\n" if line.problem and line.problem.startswith("line longer") else line.text

    def take(self) -> tuple[int, str, str | None]:
        start, original, problem = self.start, _strip_newline("".join(self.pending)), self.problem
        self.pending, self.problem = [], None
        return start, original, problem


def read_csv(
    path_or_file: Any,
    columns: dict[str, str] | None,
    *,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    stats: ReadStats | None = None,
) -> Iterator[RawRecord]:
    """One ``RawRecord`` per CSV row, its cells mapped to input fields.

    ``columns`` maps input field -> CSV column name (the ``csv_columns`` config). A field
    not in ``columns`` is read from a column with the field's own name if there is one
    (so ``columns=None`` means "the header uses the field names"). Empty cells are left
    out of ``raw``; columns that map to no field are ignored.

    Raises ``ReaderError`` *here, before iteration* when the file has no header, a
    mapped column is missing from the header (``missing_columns`` lists them), a mapped
    column name appears twice, or no column provides ``external_id`` or ``text``.
    A row with a different number of cells than the header is an error record.
    """
    stats = stats if stats is not None else ReadStats()
    feed = _LineFeed(_lines(path_or_file, max_line_bytes))
    reader = csv.reader(feed, strict=True)
    try:
        header = _read_header(reader, feed, stats)
        mapping = _resolve_columns(header, columns or {})
    except BaseException:
        feed._lines.close()  # type: ignore[attr-defined]
        raise
    return _csv_rows(reader, feed, header, mapping, stats)


def _read_header(reader: Any, feed: _LineFeed, stats: ReadStats) -> list[str]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            raise ReaderError("the CSV file is empty: no header row") from None
        except csv.Error as exc:
            raise ReaderError(f"the CSV header cannot be parsed: {exc}") from None
        _, original, problem = feed.take()
        stats.lines = feed.line_no
        if problem:
            raise ReaderError(f"the CSV header cannot be read: {problem}")
        if not original.strip():
            stats.blank += 1
            continue
        return [cell.strip() for cell in row]


def _resolve_columns(header: list[str], columns: dict[str, str]) -> dict[str, int]:
    unknown = sorted(set(columns) - set(INPUT_FIELDS))
    if unknown:
        raise ReaderError(f"csv columns map unknown fields: {', '.join(unknown)}")
    missing = tuple(name for name in columns.values() if name not in header)
    if missing:
        raise ReaderError(
            f"the CSV header lacks the mapped column(s): {', '.join(missing)}",
            missing_columns=missing,
        )
    duplicated = sorted({name for name in columns.values() if header.count(name) > 1})
    if duplicated:
        raise ReaderError(f"the CSV header repeats the mapped column(s): {', '.join(duplicated)}")
    mapping: dict[str, int] = {}
    for field in INPUT_FIELDS:
        name = columns.get(field, field)
        if name in header:
            mapping[field] = header.index(name)
    lacking = [f for f in ("external_id", "text") if f not in mapping]
    if lacking:
        raise ReaderError(
            f"no CSV column provides the required field(s): {', '.join(lacking)}",
            missing_columns=tuple(lacking),
        )
    return mapping


def _csv_rows(
    reader: Any, feed: _LineFeed, header: list[str], mapping: dict[str, int], stats: ReadStats
) -> Iterator[RawRecord]:
    try:
        while True:
            row: list[str] | None
            error: str | None = None
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row, error = None, f"CSV row cannot be parsed: {exc}"
            start, original, problem = feed.take()
            stats.lines = feed.line_no
            if problem:
                error = problem
            if error is None and not original.strip():
                stats.blank += 1
                continue
            raw = None
            if error is None and row is not None:
                if len(row) != len(header):
                    error = f"row has {len(row)} cells but the header has {len(header)}"
                else:
                    raw = {f: row[i] for f, i in mapping.items() if row[i].strip() != ""}
            stats.records += 1
            if error is not None:
                stats.errors += 1
            yield RawRecord(start, raw, error, original)
    finally:
        feed._lines.close()  # type: ignore[attr-defined]
