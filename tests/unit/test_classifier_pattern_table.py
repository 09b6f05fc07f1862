"""The shipped table of pattern gates (pattern_table.py) only saves time: it must match
what the patterns' texts give, and a PatternSet must find the same matches with it or
without it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careloop.classifier import inbox_cues, lexicon, pattern_table
from careloop.classifier.patterns import PatternFacts, PatternSet, pattern_facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classifier"


def test_the_shipped_table_is_what_the_classifiers_patterns_give_now():
    # Fails when a pattern or the analysis changed without `make patterns`.
    expected = pattern_table.render(pattern_table.classifier_patterns())
    assert pattern_table.TABLE_PATH.read_text(encoding="utf-8") == expected, "run `make patterns`"


def test_every_pattern_the_classifier_builds_is_in_the_table():
    table = pattern_table.load()
    assert set(pattern_table.classifier_patterns()) <= set(table)


def test_the_table_reads_back_as_the_facts_it_was_written_from():
    table = pattern_table.load()
    for pattern in list(table)[:200]:
        assert table[pattern] == pattern_facts(pattern)


@pytest.mark.parametrize("name", ["lexicon", "inbox_cues"])
def test_a_matcher_built_from_the_table_gates_and_matches_like_one_built_without_it(name, monkeypatch):
    monkeypatch.setattr(pattern_table, "load", lambda *args: {})
    if name == "lexicon":
        shipped, untabled = lexicon._MATCHER, lexicon._build_matcher()
    else:
        shipped, untabled = inbox_cues._FACT_MATCHER, inbox_cues._build_fact_matcher()
    assert untabled._facts == {} and shipped._facts
    assert shipped.patterns() == untabled.patterns()
    assert shipped._whole_words == untabled._whole_words and shipped._word_starts == untabled._word_starts
    assert shipped._always == untabled._always
    texts = [json.loads(line).get("text") or "" for path in sorted(FIXTURES.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 3000
    for text in texts:
        prepared = lexicon.prepare(text)
        assert shipped.scan(prepared) == untabled.scan(prepared), text[:80]
    # Every prefix and required-text check the shipped matcher used came from the table
    # and is the one the pattern's text gives.
    for i, (_, pattern) in enumerate(shipped.patterns()):
        assert shipped._literal_prefixes(i) == untabled._literal_prefixes(i)
        assert shipped._required_texts(i) == untabled._required_texts(i)


def test_a_pattern_missing_from_the_table_is_still_checked_and_analysed_when_built():
    table = {r"\bfine\b": pattern_facts(r"\bfine\b")}
    with pytest.raises(re.error):
        PatternSet({"x": [r"\bfine\b", r"\bunclosed (group"]}, facts=table)
    with pytest.raises(ValueError, match="named groups"):
        PatternSet({"x": [r"\b(?P<name>x)\b"]}, facts=table)
    matcher = PatternSet({"x": [r"\bfine\b"], "y": [r"\bnot (?:good|great)\b"]}, facts=table)
    assert matcher.scan("not great, but fine") == {"x": 1, "y": 1}
    assert matcher._literal_prefixes(1) == ("not good", "not great")


def test_a_table_entry_is_what_gates_a_pattern():
    # The table is trusted: an entry that gates a pattern on another word moves where it
    # is tried (which is why the test above keeps the shipped table exact).
    wrong = {r"\bfine\b": PatternFacts({"okay": True}, ("okay",), None)}
    assert PatternSet({"x": [r"\bfine\b"]}, facts=wrong).scan("all fine") == {}
    assert PatternSet({"x": [r"\bfine\b"]}).scan("all fine") == {"x": 1}


@pytest.mark.parametrize("content", [None, "not json", '{"format": 999, "patterns": {}}', "[]"])
def test_a_missing_or_foreign_table_loads_as_empty(tmp_path, content):
    path = tmp_path / "facts.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert pattern_table.load(path) == {}


def test_the_check_fails_on_a_stale_table_and_a_rewrite_mends_it(tmp_path, monkeypatch, capsys):
    path = tmp_path / "facts.json"
    monkeypatch.setattr(pattern_table, "TABLE_PATH", path)
    monkeypatch.setattr(pattern_table, "classifier_patterns", lambda: [r"\bfine\b", r"\bnot (?:good|great)\b"])
    path.write_text(pattern_table.render([r"\bfine\b"]), encoding="utf-8")
    assert pattern_table.main(["--check"]) == 1
    assert "make patterns" in capsys.readouterr().err
    assert pattern_table.main([]) == 0
    assert pattern_table.main(["--check"]) == 0
    written = path.read_text(encoding="utf-8")
    assert pattern_table.main([]) == 0 and path.read_text(encoding="utf-8") == written   # byte-identical rewrite
    assert set(pattern_table.load.__wrapped__(path)) == {r"\bfine\b", r"\bnot (?:good|great)\b"}
