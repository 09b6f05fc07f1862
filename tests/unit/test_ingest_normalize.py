from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from careloop.core.errors import CareloopError
from careloop.core.ids import CARELOOP_NS
from careloop.ingest.normalize import InvalidRecord, SourceConfig, clean_text, normalize

NOW = datetime(2026, 11, 26, 10, 0, 0, tzinfo=timezone.utc)

SURVEY = SourceConfig(
    name="fft_survey", kind="survey", reply_channel="survey", rating_scale=(1, 5),
    default_facility="general",
)
REVIEWS = SourceConfig(name="google_reviews", kind="review", rating_scale=(0, 10))
NO_SCALE = SourceConfig(name="web", kind="web_form", reply_channel="web_form")


def rec(**fields):
    base = {"external_id": "ext-1", "text": "The ward was clean.", "facility": "st-marys"}
    base.update(fields)
    return base


def reject(raw, source=SURVEY, now=NOW) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as info:
        normalize(raw, source, now=now)
    return info.value


# --- whole record ------------------------------------------------------------------

def test_a_full_record_becomes_the_contract_shape_in_contract_order():
    data = normalize(
        rec(department="Emergency", created_at="2026-11-25T09:15:00Z", rating=4,
            language="EN", question="How was your visit?", reply_channel="phone",
            unknown_extra="ignored"),
        SURVEY, now=NOW,
    )
    assert list(data) == [
        "feedback_id", "source", "source_kind", "external_id", "facility", "department",
        "created_at", "received_at", "rating", "text", "language", "question", "reply_channel",
    ]
    assert data == {
        "feedback_id": str(uuid.uuid5(CARELOOP_NS, "feedback|fft_survey|ext-1")),
        "source": "fft_survey",
        "source_kind": "survey",
        "external_id": "ext-1",
        "facility": "st-marys",
        "department": "Emergency",
        "created_at": "2026-11-25T09:15:00.000000Z",
        "received_at": "2026-11-26T10:00:00.000000Z",
        "rating": {"value": 0.75, "raw": 4, "scale_min": 1, "scale_max": 5},
        "text": "The ward was clean.",
        "language": "en",
        "question": "How was your visit?",
        "reply_channel": "phone",
    }


def test_a_minimal_record_gets_defaults_and_nulls():
    data = normalize({"external_id": "x", "text": "ok"}, SURVEY, now=NOW)
    assert data["facility"] == "general"
    assert data["department"] is None
    assert data["created_at"] == data["received_at"] == "2026-11-26T10:00:00.000000Z"
    assert data["rating"] is None
    assert data["language"] is None
    assert data["question"] is None
    assert data["reply_channel"] == "survey"


def test_a_non_mapping_record_is_invalid():
    assert reject(["not", "a", "dict"]).field == "record"


def test_invalid_record_is_a_careloop_error_with_field_and_reason():
    err = reject(rec(text=""))
    assert isinstance(err, CareloopError)
    assert (err.field, str(err)) == ("text", f"text: {err.reason}")


# --- ids ------------------------------------------------------------------------------

def test_the_same_source_and_external_id_always_give_the_same_feedback_id():
    a = normalize(rec(text="first version"), SURVEY, now=NOW)
    b = normalize(rec(text="edited later", rating=1), SURVEY, now=NOW + timedelta(days=3))
    assert a["feedback_id"] == b["feedback_id"]


def test_a_different_source_gives_a_different_feedback_id_for_the_same_external_id():
    a = normalize(rec(), SURVEY, now=NOW)
    b = normalize(rec(), NO_SCALE, now=NOW)
    assert a["feedback_id"] != b["feedback_id"]


def test_an_integer_external_id_is_the_same_feedback_as_its_string():
    a = normalize(rec(external_id=42), SURVEY, now=NOW)
    b = normalize(rec(external_id=" 42 "), SURVEY, now=NOW)
    assert a["external_id"] == b["external_id"] == "42"
    assert a["feedback_id"] == b["feedback_id"]


# --- external_id ------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_missing_or_blank_external_id_is_invalid(value):
    raw = rec(external_id=value)
    assert reject(raw).field == "external_id"


@pytest.mark.parametrize("value", [True, 1.5, ["a"], {"a": 1}])
def test_an_external_id_that_is_not_a_string_or_integer_is_invalid(value):
    assert reject(rec(external_id=value)).field == "external_id"


def test_an_external_id_longer_than_200_characters_is_invalid_and_200_is_fine():
    assert normalize(rec(external_id="a" * 200), SURVEY, now=NOW)["external_id"] == "a" * 200
    assert reject(rec(external_id="a" * 201)).field == "external_id"


def test_an_external_id_with_control_characters_is_invalid():
    assert reject(rec(external_id="ab\x00c")).field == "external_id"


# --- text ---------------------------------------------------------------------------------

def test_a_missing_text_is_invalid():
    raw = rec()
    del raw["text"]
    assert reject(raw).field == "text"


@pytest.mark.parametrize("value", ["", "   ", "\n\t ", "\x00\x01\x02"])
def test_a_text_that_is_blank_after_cleaning_is_invalid(value):
    assert reject(rec(text=value)).field == "text"


def test_a_non_string_text_is_invalid():
    assert reject(rec(text=123)).field == "text"


def test_text_loses_control_characters_but_keeps_its_words():
    data = normalize(rec(text="Rude\x00 recept\x07ionist\u202e!"), SURVEY, now=NOW)
    assert data["text"] == "Rude receptionist!"


def test_text_whitespace_is_normalised_and_paragraphs_are_kept():
    raw = "  Waited\t\t 4 hours.  \r\n\r\n\r\n\r\nNobody   explained why.\rThanks  "
    assert clean_text(raw) == "Waited 4 hours.\n\nNobody explained why.\nThanks"


def test_text_keeps_non_ascii_content_and_emoji():
    text = "Très bien 👍🏽 — 谢谢"
    assert normalize(rec(text=text), SURVEY, now=NOW)["text"] == text


def test_text_lone_surrogates_are_removed_so_it_can_be_encoded():
    data = normalize(rec(text="ok \ud800 fine"), SURVEY, now=NOW)
    data["text"].encode("utf-8")
    assert data["text"] == "ok fine"


def test_text_of_20000_characters_is_accepted_and_longer_is_invalid():
    assert len(normalize(rec(text="a" * 20000), SURVEY, now=NOW)["text"]) == 20000
    err = reject(rec(text="a" * 20001))
    assert err.field == "text"


EMAIL = SourceConfig(name="pals_inbox", kind="email")


def test_an_email_too_long_for_its_thread_keeps_the_writers_words():
    thread = "\n".join(f"> We are sorry about point {i} of your complaint." for i in range(800))
    text = f"My mother was left without her insulin again last night.\n\nOn Tue, 3 Nov 2026 at 09:14, PALS wrote:\n{thread}"
    assert len(text) > 20000

    data = normalize(rec(text=text), EMAIL, now=NOW)

    assert data["text"] == "My mother was left without her insulin again last night."


def test_a_survey_answer_too_long_is_still_rejected_not_cut():
    text = "Fine.\n\nOn Tue, 3 Nov 2026 at 09:14, PALS wrote:\n" + "> x\n" * 6000
    assert reject(rec(text=text)).field == "text"  # SURVEY source: no thread handling


def test_an_email_still_too_long_after_dropping_its_thread_is_rejected_with_that_reason():
    err = reject(rec(text="a " * 10001), source=EMAIL)
    assert err.field == "text" and "after dropping the quoted thread" in str(err)


def test_the_length_limit_applies_after_whitespace_normalisation():
    assert len(normalize(rec(text="a" * 20000 + "   \n\n\n\n"), SURVEY, now=NOW)["text"]) == 20000


def test_rejection_reasons_never_contain_the_patient_text():
    secret_text = "my name is Jane Doe and my diagnosis is X" * 600
    err = reject(rec(text=secret_text))
    assert "Jane" not in str(err)


# --- facility, department, question -------------------------------------------------------

def test_a_record_facility_wins_over_the_default_facility():
    assert normalize(rec(facility=" st-marys "), SURVEY, now=NOW)["facility"] == "st-marys"


def test_a_blank_facility_falls_back_to_the_default_facility():
    assert normalize(rec(facility=""), SURVEY, now=NOW)["facility"] == "general"


def test_a_missing_facility_without_a_default_is_invalid():
    raw = rec()
    del raw["facility"]
    assert reject(raw, NO_SCALE).field == "facility"


def test_a_non_string_facility_is_invalid():
    assert reject(rec(facility=7)).field == "facility"


def test_a_blank_department_becomes_null():
    assert normalize(rec(department="  "), SURVEY, now=NOW)["department"] is None


def test_a_question_longer_than_2000_characters_is_invalid():
    assert reject(rec(question="q" * 2001)).field == "question"


# --- created_at -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-25T09:15:00Z", "2026-11-25T09:15:00.000000Z"),
        ("2026-11-25T09:15:00.123456789Z", "2026-11-25T09:15:00.123456Z"),
        ("2026-11-25T10:15:00+01:00", "2026-11-25T09:15:00.000000Z"),
        ("2026-11-25t09:15:00z", "2026-11-25T09:15:00.000000Z"),
        ("2026-11-25 09:15", "2026-11-25T09:15:00.000000Z"),
        ("2026-11-25T09:15:00", "2026-11-25T09:15:00.000000Z"),
        ("2026-11-25", "2026-11-25T00:00:00.000000Z"),
        (1795600800, "2026-11-25T10:00:00.000000Z"),
        (1795600800.5, "2026-11-25T10:00:00.500000Z"),
        ("1795600800", "2026-11-25T10:00:00.000000Z"),
    ],
)
def test_created_at_accepts_rfc3339_iso_dates_and_epoch_seconds_and_comes_out_utc(value, expected):
    assert normalize(rec(created_at=value), SURVEY, now=NOW)["created_at"] == expected


@pytest.mark.parametrize(
    "value", ["yesterday", "2026-13-01", "2026-02-30T10:00:00Z", "25/11/2026", True, [2026], float("nan"), 10**20]
)
def test_an_unparseable_created_at_is_invalid(value):
    assert reject(rec(created_at=value)).field == "created_at"


def test_a_created_at_up_to_one_day_ahead_is_accepted_for_clock_skew():
    ahead = NOW + timedelta(days=1)
    assert normalize(rec(created_at=ahead.isoformat()), SURVEY, now=NOW)["created_at"] == "2026-11-27T10:00:00.000000Z"


def test_a_created_at_more_than_one_day_in_the_future_is_invalid():
    ahead = NOW + timedelta(days=1, seconds=1)
    assert reject(rec(created_at=ahead.isoformat())).field == "created_at"


def test_a_naive_now_is_taken_as_utc():
    data = normalize(rec(), SURVEY, now=datetime(2026, 11, 26, 10, 0))
    assert data["received_at"] == "2026-11-26T10:00:00.000000Z"


def test_received_at_is_now_converted_to_utc():
    plus_two = timezone(timedelta(hours=2))
    data = normalize(rec(), SURVEY, now=datetime(2026, 11, 26, 12, 0, 0, 7, tzinfo=plus_two))
    assert data["received_at"] == "2026-11-26T10:00:00.000007Z"


# --- ratings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "value"), [(1, 0.0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1.0), ("4", 0.75), (" 2.5 ", 0.375)]
)
def test_a_rating_on_a_one_to_five_scale_is_normalised_to_zero_to_one(raw, value):
    rating = normalize(rec(rating=raw), SURVEY, now=NOW)["rating"]
    assert rating["value"] == value
    assert (rating["scale_min"], rating["scale_max"]) == (1, 5)


def test_the_raw_rating_is_kept_as_a_number():
    assert normalize(rec(rating="4"), SURVEY, now=NOW)["rating"]["raw"] == 4
    assert normalize(rec(rating=2.5), SURVEY, now=NOW)["rating"]["raw"] == 2.5


@pytest.mark.parametrize(("raw", "value"), [(0, 0.0), (10, 1.0), (7, 0.7), (3, 0.3)])
def test_a_rating_on_a_zero_to_ten_scale_is_normalised_to_zero_to_one(raw, value):
    rating = normalize(rec(rating=raw), REVIEWS, now=NOW)["rating"]
    assert rating == {"value": value, "raw": raw, "scale_min": 0, "scale_max": 10}


@pytest.mark.parametrize("raw", [0, 5.01, 6, -1])
def test_a_rating_outside_the_scale_is_invalid(raw):
    assert reject(rec(rating=raw)).field == "rating"


@pytest.mark.parametrize("raw", ["four", True, [4], {"v": 4}, "nan", "inf"])
def test_a_rating_that_is_not_a_finite_number_is_invalid(raw):
    assert reject(rec(rating=raw)).field == "rating"


@pytest.mark.parametrize("raw", [None, ""])
def test_an_absent_or_empty_rating_is_null(raw):
    assert normalize(rec(rating=raw), SURVEY, now=NOW)["rating"] is None


def test_a_rating_without_any_scale_is_invalid():
    assert reject(rec(rating=3), NO_SCALE).field == "rating"


@pytest.mark.parametrize("scale", [[1, 5], (1, 5), "1..5", "1,5"])
def test_a_record_may_carry_its_own_scale_when_the_source_has_none(scale):
    rating = normalize(rec(rating=2, rating_scale=scale), NO_SCALE, now=NOW)["rating"]
    assert rating == {"value": 0.25, "raw": 2, "scale_min": 1, "scale_max": 5}


@pytest.mark.parametrize("scale", [[5, 1], [3, 3], [1], "5", "a..b", [1, "x"]])
def test_an_inverted_or_malformed_record_scale_is_invalid(scale):
    assert reject(rec(rating=2, rating_scale=scale), NO_SCALE).field == "rating_scale"


def test_a_record_scale_that_contradicts_the_configured_scale_is_invalid():
    assert reject(rec(rating=2, rating_scale=[0, 10])).field == "rating_scale"


def test_a_record_scale_equal_to_the_configured_scale_is_fine():
    assert normalize(rec(rating=2, rating_scale=[1, 5]), SURVEY, now=NOW)["rating"]["value"] == 0.25


def test_a_negative_scale_works():
    src = SourceConfig(name="nps_like", kind="survey", rating_scale=(-2, 2))
    assert normalize(rec(rating=-1), src, now=NOW)["rating"]["value"] == 0.25


# --- language and reply channel -------------------------------------------------------------

@pytest.mark.parametrize(("raw", "code"), [("en", "en"), ("FR", "fr"), (" de ", "de"), ("en-GB", "en"), ("pt_BR", "pt")])
def test_language_becomes_a_lower_case_iso_639_1_code(raw, code):
    assert normalize(rec(language=raw), SURVEY, now=NOW)["language"] == code


@pytest.mark.parametrize("raw", ["eng", "e", "english", "12", 5])
def test_a_language_that_is_not_an_iso_639_1_code_is_invalid(raw):
    assert reject(rec(language=raw)).field == "language"


def test_a_record_reply_channel_overrides_the_source_default():
    assert normalize(rec(reply_channel="EMAIL"), SURVEY, now=NOW)["reply_channel"] == "email"


def test_an_unknown_reply_channel_is_invalid():
    assert reject(rec(reply_channel="carrier_pigeon")).field == "reply_channel"


# --- SourceConfig -------------------------------------------------------------------------------

def test_source_config_reads_the_contract_example():
    src = SourceConfig.model_validate({
        "name": "fft_survey", "kind": "survey", "reply_channel": "survey",
        "rating_scale": [1, 5], "default_facility": "general",
        "csv_columns": {"external_id": "id", "text": "comment"},
    })
    assert src.rating_scale == (1.0, 5.0)
    assert src.csv_columns == {"external_id": "id", "text": "comment"}


@pytest.mark.parametrize(("kind", "channel"), [("review", "public_review"), ("survey", "survey"), ("web_form", "web_form"), ("email", "email")])
def test_source_config_reply_channel_defaults_by_kind(kind, channel):
    assert SourceConfig(name="s", kind=kind).reply_channel == channel


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "Bad Name", "kind": "survey"},
        {"name": "ok", "kind": "tweet"},
        {"name": "ok", "kind": "survey", "reply_channel": "fax"},
        {"name": "ok", "kind": "survey", "rating_scale": [5, 1]},
        {"name": "ok", "kind": "survey", "rating_scale": [3, 3]},
        {"name": "ok", "kind": "survey", "rating_scale": [1, 2, 3]},
        {"name": "ok", "kind": "survey", "csv_columns": {"comment": "text"}},
        {"name": "ok", "kind": "survey", "csv_columns": {"text": " "}},
        {"name": "ok", "kind": "survey", "default_facility": "  "},
        {"name": "ok", "kind": "survey", "surprise": 1},
    ],
)
def test_source_config_rejects_bad_entries(bad):
    with pytest.raises(ValidationError):
        SourceConfig.model_validate(bad)
