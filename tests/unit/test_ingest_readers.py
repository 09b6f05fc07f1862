from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from careloop.ingest.normalize import InvalidRecord, SourceConfig, normalize
from careloop.ingest.readers import RawRecord, ReaderError, ReadStats, read_csv, read_jsonl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


# --- JSON Lines -----------------------------------------------------------------------

def test_jsonl_fixture_yields_good_records_and_error_records_with_editor_line_numbers():
    stats = ReadStats()
    records = list(read_jsonl(FIXTURES / "reviews.jsonl", stats=stats))
    assert [r.line_no for r in records] == [1, 3, 4, 5]
    assert records[0].raw["external_id"] == "r-1"          # the BOM did not leak into the key
    assert records[0].error is None
    assert records[1].raw is None and records[1].error.startswith("invalid JSON")
    assert records[1].original == '{"external_id": "r-2", "text": "Waited four hours", "rating": "1"'
    assert records[2].error.startswith("invalid JSON") and records[2].original == "not json at all"
    assert records[3].raw["external_id"] == 3
    assert stats == ReadStats(lines=5, blank=1, records=4, errors=2)


def test_a_bad_json_line_never_stops_the_reader():
    data = b'{"a": 1}\n{oops\n{"a": 2}\n'
    records = list(read_jsonl(io.BytesIO(data)))
    assert [(r.line_no, r.raw) for r in records] == [(1, {"a": 1}), (2, None), (3, {"a": 2})]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[1, 2]", "expected a JSON object, got an array"),
        ('"text"', "expected a JSON object, got a string"),
        ("null", "expected a JSON object, got null"),
        ("42", "expected a JSON object, got a number"),
        ('{"rating": NaN}', "invalid JSON: NaN is not valid JSON"),
    ],
)
def test_a_json_line_that_is_not_an_object_is_an_error_record(line, expected):
    (record,) = read_jsonl(io.StringIO(line + "\n"))
    assert record == RawRecord(1, None, expected, line)


def test_a_deeply_nested_json_line_is_an_error_record_not_a_crash():
    line = "[" * 100000 + "]" * 100000
    (record,) = read_jsonl(io.StringIO(line))
    assert record.raw is None and "invalid JSON" in record.error


def test_a_utf8_bom_is_ignored_in_binary_and_text_input():
    for source in (io.BytesIO(b'\xef\xbb\xbf{"a": 1}\n'), io.StringIO('\ufeff{"a": 1}\n')):
        (record,) = read_jsonl(source)
        assert record.raw == {"a": 1}


def test_blank_and_whitespace_lines_are_skipped_and_counted_but_keep_line_numbers():
    stats = ReadStats()
    records = list(read_jsonl(io.BytesIO(b'\n   \r\n{"a": 1}\r\n\n{"a": 2}'), stats=stats))
    assert [(r.line_no, r.raw) for r in records] == [(3, {"a": 1}), (5, {"a": 2})]
    assert stats.blank == 3 and stats.records == 2 and stats.errors == 0


def test_a_line_that_is_not_utf8_is_an_error_record_with_an_escaped_original():
    (record,) = read_jsonl(io.BytesIO(b'{"t": "\xff"}\n'))
    assert record.error == "line is not valid UTF-8"
    assert record.original == '{"t": "\\xff"}'


def test_a_huge_line_is_an_error_record_with_a_truncated_original_and_the_next_line_still_reads():
    data = b'{"text": "' + b"x" * 5000 + b'"}\n{"a": 1}\n'
    records = list(read_jsonl(io.BytesIO(data), max_line_bytes=100))
    assert records[0].error == "line longer than 100 bytes"
    assert len(records[0].original) == 100
    assert records[1] == RawRecord(2, {"a": 1}, None, '{"a": 1}')


def test_json_line_separators_inside_strings_do_not_split_a_record():
    (record,) = read_jsonl(io.BytesIO('{"text": "a\u2028b"}\n'.encode()))
    assert record.raw == {"text": "a\u2028b"}


def test_a_path_is_opened_and_read(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"a": 1}\n')
    assert [r.raw for r in read_jsonl(str(path))] == [{"a": 1}]


def test_error_records_do_not_quote_the_line_in_the_reason():
    (record,) = read_jsonl(io.StringIO('{"text": "Jane Doe has cancer" oops}\n'))
    assert "Jane" not in record.error


# --- CSV ------------------------------------------------------------------------------------

FFT_COLUMNS = {"external_id": "id", "text": "comment", "facility": "site", "rating": "score", "question": "asked"}


def test_csv_fixture_maps_columns_handles_bom_quotes_crlf_and_multiline_cells():
    stats = ReadStats()
    records = list(read_csv(FIXTURES / "fft.csv", FFT_COLUMNS, stats=stats))
    assert records[0] == RawRecord(
        2,
        {"external_id": "1001", "text": 'Lovely staff, "really" lovely', "facility": "st-marys",
         "rating": "5", "question": "How was your visit?"},
        None,
        '1001,"Lovely staff, ""really"" lovely",st-marys,5,How was your visit?',
    )
    # line 3 is blank; the record on lines 4-5 has an empty (omitted) facility cell
    assert records[1].line_no == 4
    assert records[1].raw == {"external_id": "1002", "text": "Long wait,\r\nno updates",
                              "rating": "2", "question": "How was your visit?"}
    assert records[1].original == '1002,"Long wait,\r\nno updates",,2,How was your visit?'
    assert records[2].line_no == 6
    assert records[2].error == "row has 6 cells but the header has 5"
    assert stats == ReadStats(lines=6, blank=1, records=3, errors=1)


def test_csv_rows_normalise_with_the_source_default_facility():
    src = SourceConfig(name="fft_survey", kind="survey", rating_scale=(1, 5), default_facility="general",
                       csv_columns=FFT_COLUMNS)
    good = [r for r in read_csv(FIXTURES / "fft.csv", src.csv_columns) if r.raw]
    data = [normalize(r.raw, src, now=NOW) for r in good]
    assert [d["facility"] for d in data] == ["st-marys", "general"]
    assert [d["rating"]["value"] for d in data] == [1.0, 0.25]
    assert data[1]["text"] == "Long wait,\nno updates"


def test_a_mapped_column_missing_from_the_header_is_a_reader_error_raised_before_iterating():
    columns = {"external_id": "id", "text": "body", "department": "ward"}
    with pytest.raises(ReaderError) as info:
        read_csv(FIXTURES / "fft.csv", columns)      # no next() needed
    assert info.value.missing_columns == ("body", "ward")
    assert "body" in str(info.value) and "ward" in str(info.value)


def test_without_a_mapping_the_header_must_use_the_field_names():
    records = list(read_csv(io.StringIO("external_id,text,other\n1,hello,zzz\n"), None))
    assert records == [RawRecord(2, {"external_id": "1", "text": "hello"}, None, "1,hello,zzz")]


def test_unmapped_fields_fall_back_to_a_column_of_the_same_name():
    data = "id,comment,facility\n1,hello,st-marys\n"
    (record,) = read_csv(io.StringIO(data), {"external_id": "id", "text": "comment"})
    assert record.raw == {"external_id": "1", "text": "hello", "facility": "st-marys"}


def test_a_csv_without_a_column_for_text_is_a_reader_error():
    with pytest.raises(ReaderError) as info:
        read_csv(io.StringIO("external_id,comment\n1,hi\n"), None)
    assert info.value.missing_columns == ("text",)


def test_a_mapping_to_an_unknown_field_is_a_reader_error():
    with pytest.raises(ReaderError):
        read_csv(io.StringIO("id,comment\n"), {"external_id": "id", "text": "comment", "stars": "x"})


def test_a_repeated_mapped_column_is_a_reader_error():
    with pytest.raises(ReaderError):
        read_csv(io.StringIO("id,comment,comment\n"), {"external_id": "id", "text": "comment"})


def test_an_empty_csv_is_a_reader_error():
    with pytest.raises(ReaderError):
        read_csv(io.BytesIO(b"\xef\xbb\xbf\n\n"), None)


def test_a_csv_header_after_blank_lines_is_found():
    records = list(read_csv(io.StringIO("\n\nexternal_id,text\n1,hi\n"), None))
    assert records == [RawRecord(4, {"external_id": "1", "text": "hi"}, None, "1,hi")]


def test_a_csv_row_with_broken_quoting_is_an_error_record_and_reading_goes_on():
    data = 'external_id,text\n1,"bad"quote\n2,fine\n'
    records = list(read_csv(io.StringIO(data), None))
    assert records[0].raw is None and records[0].error.startswith("CSV row cannot be parsed")
    assert records[1] == RawRecord(3, {"external_id": "2", "text": "fine"}, None, "2,fine")


def test_a_huge_csv_line_is_an_error_record_and_reading_goes_on():
    data = b"external_id,text\n1," + b"y" * 5000 + b"\n2,fine\n"
    records = list(read_csv(io.BytesIO(data), None, max_line_bytes=200))
    assert records[0].error == "line longer than 200 bytes" and records[0].line_no == 2
    assert records[1].raw == {"external_id": "2", "text": "fine"}


def test_a_csv_row_that_is_not_utf8_is_an_error_record():
    records = list(read_csv(io.BytesIO(b"external_id,text\n1,caf\xe9\n2,ok\n"), None))
    assert records[0].error == "line is not valid UTF-8"
    assert records[0].original == "1,caf\\xe9"
    assert records[1].raw == {"external_id": "2", "text": "ok"}


def test_a_csv_row_with_all_empty_cells_is_a_record_that_normalize_will_reject():
    (record,) = read_csv(io.StringIO("external_id,text\n,\n"), None)
    assert record.raw == {} and record.error is None
    with pytest.raises(InvalidRecord):
        normalize(record.raw, SourceConfig(name="s", kind="survey"), now=NOW)
