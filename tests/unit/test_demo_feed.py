from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from careloop.demo.feed import (
    FACILITIES,
    QUESTION_BETTER,
    QUESTION_GOOD,
    STAFF_NAMES,
    Feed,
    generate_feed,
    write_jsonl,
)
from careloop.ingest.normalize import InvalidRecord, SourceConfig, normalize

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 9, 0, 0, tzinfo=UTC)
SAMPLE = ROOT / "samples" / "sample_feed.jsonl"
SAMPLE_ARGS = {"n": 80, "seed": 118, "now": NOW, "malformed_ratio": 0.05}
SAMPLE_BAD_JSON_LINES = 2


def _sources() -> dict[str, SourceConfig]:
    try:
        from careloop.core.config import load_config

        return dict(load_config(ROOT / "config" / "careloop.yaml").sources_by_name)
    except ImportError:  # another module mid-edit: the same sources, built directly
        return {
            "fft_survey": SourceConfig(name="fft_survey", kind="survey", reply_channel="survey", rating_scale=(1, 5)),
            "google_reviews": SourceConfig(name="google_reviews", kind="review", reply_channel="public_review", rating_scale=(1, 5)),
            "web_form": SourceConfig(name="web_form", kind="web_form", reply_channel="email"),
            "email": SourceConfig(name="email", kind="email", reply_channel="email", default_facility="st-marys"),
        }


SOURCES = _sources()


def _rejected(record: dict) -> bool:
    source = SOURCES.get(record.get("source"))
    if source is None:
        return True
    try:
        normalize(record, source, now=NOW)
    except InvalidRecord:
        return True
    return False


@pytest.fixture(scope="module")
def big() -> Feed:
    return generate_feed(2000, seed=7, now=NOW)


# --- determinism and identity -------------------------------------------------------

def test_the_same_seed_and_now_give_the_same_feed():
    a = generate_feed(300, seed=11, now=NOW)
    b = generate_feed(300, seed=11, now=NOW)
    assert a.records == b.records
    assert a.malformed_indices == b.malformed_indices
    assert a.labels == b.labels


def test_a_different_seed_gives_a_different_feed():
    assert generate_feed(50, seed=1, now=NOW).records != generate_feed(50, seed=2, now=NOW).records


def test_generating_does_not_change_global_random_state():
    import random

    random.seed(123)
    expected = random.random()
    random.seed(123)
    generate_feed(100, now=NOW)
    assert random.random() == expected


def test_it_returns_n_records_with_unique_external_ids(big):
    assert len(big.records) == 2000 == len(big.labels)
    ids = [r["external_id"] for r in big.records if "external_id" in r]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(fft|grv|web|eml)-\d{6}", i) for i in ids)


def test_zero_records_is_an_empty_feed():
    feed = generate_feed(0, now=NOW)
    assert feed.records == [] and feed.malformed_indices == frozenset()


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        generate_feed(-1, now=NOW)
    with pytest.raises(ValueError):
        generate_feed(10, now=NOW, malformed_ratio=1.5)


# --- content ------------------------------------------------------------------------

def test_the_sentiment_mix_is_roughly_45_15_40_for_2000_records(big):
    mix = Counter(label.sentiment for label in big.labels)
    assert mix["negative"] / 2000 == pytest.approx(0.45, abs=0.04)
    assert mix["neutral"] / 2000 == pytest.approx(0.15, abs=0.03)
    assert mix["positive"] / 2000 == pytest.approx(0.40, abs=0.04)


def test_about_3_percent_carry_serious_risk_content_of_every_kind(big):
    flagged = [label for label in big.labels if label.risk_flags]
    assert 0.015 <= len(flagged) / 2000 <= 0.05
    kinds = Counter(label.risk_flags[0] for label in flagged)
    assert set(kinds) == {"patient_safety", "legal_threat", "privacy_breach", "discrimination_abuse", "self_harm"}
    assert kinds["self_harm"] < kinds["patient_safety"]  # rare
    assert all(label.sentiment == "negative" for label in flagged)


def test_languages_are_mostly_english_with_some_spanish_and_a_few_others(big):
    langs = Counter(label.language for label in big.labels)
    assert langs["es"] / 2000 == pytest.approx(0.03, abs=0.015)
    others = sum(c for lang, c in langs.items() if lang not in ("en", "es"))
    assert 0.003 <= others / 2000 <= 0.02


def test_negative_comments_spread_over_all_topics(big):
    topics = Counter(t for label in big.labels if label.sentiment == "negative" for t in label.topics)
    expected = {"waiting", "staff_attitude", "communication", "clinical_care", "medication", "pain",
                "discharge", "billing", "scheduling_access", "cleanliness_facilities", "food",
                "parking_transport", "privacy_dignity", "safety"}
    assert expected <= set(topics)
    assert max(topics.values()) < 4 * min(topics[t] for t in expected)


def test_texts_are_varied(big):
    texts = {r.get("text") for r in big.records}
    assert len(texts) > 1000


def test_sources_facilities_departments_and_times_are_plausible(big):
    good = [r for i, r in enumerate(big.records) if i not in big.malformed_indices]
    assert {r["source"] for r in good} == {"fft_survey", "google_reviews", "web_form", "email"}
    assert {r["facility"] for r in good if "facility" in r} == set(FACILITIES)
    assert len({r["department"] for r in good if "department" in r}) >= 8
    for r in good:
        created = datetime.fromisoformat(r["created_at"].replace("Z", "+00:00"))
        assert NOW - timedelta(days=7) <= created < NOW


def test_surveys_and_reviews_carry_ratings_and_web_forms_and_emails_do_not(big):
    for i, r in enumerate(big.records):
        if i in big.malformed_indices:
            continue
        if r["source"] == "google_reviews":
            assert r["rating"] in (1, 2, 3, 4, 5) and "question" not in r
        elif r["source"] == "fft_survey":
            assert r["question"] in (QUESTION_GOOD, QUESTION_BETTER)
        else:
            assert "rating" not in r and "question" not in r


def test_ratings_mostly_agree_with_the_sentiment_but_not_always(big):
    rated = [(label, r["rating"]) for i, (label, r) in enumerate(zip(big.labels, big.records))
             if i not in big.malformed_indices and "rating" in r and label.kind == "comment"]
    agree = sum((s == "negative" and v <= 3) or (s == "positive" and v >= 3) or s == "neutral"
                for (label, v) in rated for s in [label.sentiment])
    assert 0.85 < agree / len(rated) < 1.0


def test_improvement_answers_are_short_suggestions(big):
    suggestions = [r["text"] for r, label in zip(big.records, big.labels)
                   if label.kind == "suggestion" and "text" in r]
    assert "More parking." in suggestions or "Shorter waits in A&E." in suggestions
    assert all(len(t) < 60 for t in suggestions)


def test_some_texts_name_fictional_staff_for_redaction_checks(big):
    named = [r for r in big.records if any(n in (r.get("text") or "") for n in STAFF_NAMES)]
    assert 20 < len(named) < 400


# --- malformed records --------------------------------------------------------------

def test_malformed_indices_are_exactly_the_records_ingest_rejects(big):
    rejected = {i for i, r in enumerate(big.records) if _rejected(r)}
    assert rejected == big.malformed_indices
    assert len(big.malformed_indices) == 20


def test_every_kind_of_malformation_is_rejected_at_a_high_ratio():
    feed = generate_feed(1000, seed=3, now=NOW, malformed_ratio=0.1)
    rejected = {i for i, r in enumerate(feed.records) if _rejected(r)}
    assert rejected == feed.malformed_indices
    assert len({feed.labels[i].malformed for i in feed.malformed_indices}) == 8


def test_every_non_malformed_record_normalizes_successfully(big):
    for i, record in enumerate(big.records):
        if i not in big.malformed_indices:
            data = normalize(record, SOURCES[record["source"]], now=NOW)
            assert data["text"] and data["external_id"] == record["external_id"]


def test_nothing_in_a_malformed_record_says_it_is_malformed(big):
    keys = {k for r in big.records for k in r}
    assert keys <= {"source", "external_id", "created_at", "facility", "department", "rating",
                    "question", "language", "reply_channel", "text"}


# --- files --------------------------------------------------------------------------

def test_write_jsonl_writes_one_parseable_object_per_line(tmp_path):
    feed = generate_feed(40, now=NOW, malformed_ratio=0.1)
    path = tmp_path / "feed.jsonl"
    assert write_jsonl(feed.records, path) == 40
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == feed.records


def test_the_sample_file_parses_except_the_deliberate_bad_lines_at_the_end():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    good, bad = lines[:-SAMPLE_BAD_JSON_LINES], lines[-SAMPLE_BAD_JSON_LINES:]
    assert len(good) == 80
    assert all(isinstance(json.loads(line), dict) for line in good)
    for line in bad:
        with pytest.raises(json.JSONDecodeError):
            json.loads(line)


def test_the_sample_file_is_what_the_generator_makes_with_the_documented_arguments():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:-SAMPLE_BAD_JSON_LINES]
    feed = generate_feed(**SAMPLE_ARGS)
    assert [json.loads(line) for line in lines] == feed.records
    rejected = {i for i, line in enumerate(lines) if _rejected(json.loads(line))}
    assert rejected == feed.malformed_indices == {12, 23, 39, 46}  # lines 13, 24, 40, 47
