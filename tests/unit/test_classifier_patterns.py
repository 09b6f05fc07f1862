"""PatternSet tries a pattern only at words its leading literal admits; that gating must
never lose a match."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careloop.classifier import inbox_cues, lexicon
from careloop.classifier.patterns import (
    WORD_RX, PatternSet, leading_literals, literal_prefixes, top_level_alternatives, words_at)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classifier"


@pytest.mark.parametrize("pattern, expected", [
    (r"\bno (?:doctor|nurse)s? came", {"no": True}),          # a space follows: whole word
    (r"\bdon'?t\b", {"don": False}),                            # an apostrophe may continue it
    (r"\bwon't\b", {"won": False}),
    (r"\bmix(?:ed)?[- ]up\b", {"mix": False}),                  # optional letters may follow
    (r"\b(?:was|were|had been) hit", {"was": True, "were": True, "had": True}),
    (r"\bagony\b", {"agony": False}),                           # "agony's" is one word
    (r"\bthe(?:y| man)", {"they": False, "the": True}),
    (r"\bx-ray", {"x": True}),
    (r"(?<!not )(?<!never )\brecomm?end\w*", {"recom": False}),  # lookbehinds consume nothing
    (r"\b(?<!never )(?:felt|feel) like", {"felt": True, "feel": True}),  # ... on either side of \b
    (r"(?<=\d )\btimes in", {"times": True}),
])
def test_leading_literals_say_which_prefixes_must_be_whole_words(pattern, expected):
    assert leading_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [r"(?!x)\bfoo", r"(?<=a )foo", r"\b(?:\w+|\d+) times", r"foo\b"])
def test_patterns_without_a_leading_word_are_not_gated(pattern):
    assert leading_literals(pattern) is None


_MANY = "|".join(f"{chr(ord('a') + i % 26)}{i}" for i in range(70))  # no common first letter


@pytest.mark.parametrize("pattern, expected", [
    (r"\bno (?:doctor|nurse)s? came", ("no doctor came", "no doctors came", "no nurse came",
                                        "no nurses came")),          # across spaces, "s" or not
    (r"\bi'?ll\b", ("i'll", "ill")),                                # with and without the "'"
    (r"\b(?:very )?rude", ("rude", "very rude")),

    (r"(?!x)\bfoo", None),                                            # nothing certain at the start
    (r"\b\w+ times", None),
])
def test_literal_prefixes_run_across_words_and_through_optional_characters(pattern, expected):
    assert literal_prefixes(pattern) == expected


def test_too_many_literal_prefixes_are_cut_short_rather_than_given_up():
    prefixes = literal_prefixes(rf"\b(?:all the|the whole) (?:{_MANY})")
    assert prefixes is not None and len(prefixes) <= 64
    assert all(p.startswith(("all the ", "the whole")) for p in prefixes)
    assert any(len(p) > len("all the ") for p in prefixes)  # cut after the next letter, not before it


def test_a_word_whose_patterns_need_a_longer_start_is_skipped_unless_the_text_has_it():
    matcher = PatternSet({"x": [r"\bthe (?:man|woman) in the next bed\b"]})
    _, must_start_with, _ = matcher._for_token("the")
    assert must_start_with == ("the man in the next bed", "the woman in the next bed")
    assert matcher.scan("the nurse gave the man in the next bed my tablets") == {"x": 1}
    assert matcher.scan("the man next door") == {}


def _reference(patterns: dict[str, list[str]]):
    """Every pattern, whole, tried at every word start (gated kinds) or searched (the
    others): the (label, start, end) of each match, sorted."""
    compiled = [(label, re.compile(pat, re.IGNORECASE), leading_literals(pat) is None)
                for label, pats in patterns.items() for pat in pats]

    def matches(text: str) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        starts = [pos for _, pos in words_at(text)]
        for label, rx, searched in compiled:
            found = rx.finditer(text) if searched else filter(None, (rx.match(text, pos) for pos in starts))
            out += [(label, m.start(), m.end()) for m in found]
        return sorted(out)
    return matches


def _counts(matches: list[tuple[str, int, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for label, _, _ in matches:
        out[label] = out.get(label, 0) + 1
    return out


TRICKY = [
    "now the nurse said no one came, not now, nottingham is not near",
    "no-one came; the x-ray was lost; don't worry, she doesn't care",
    "i would not recommend it. i would highly recommend ward 3. never recommended",
    "the man in the next bed was given my tablets. the mans notes were mixed up",
    "it wasn't safe. was hit. were pushed. had been shoved, agony's end",
    "he was given ten times the dose, 3 times in a day and twice in one night; made me feel like a number",
]


def _lexicon_patterns() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for label, pattern in lexicon._MATCHER.patterns():
        if not label.startswith("\x00"):  # a veto's alternative (see veto_alternatives)
            out.setdefault(label, []).append(pattern)
    return out


@pytest.fixture(scope="module")
def every_pattern_at_every_word() -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Prepared fixture texts with what trying every lexicon pattern at every word finds."""
    reference = _reference(_lexicon_patterns())
    texts = list(TRICKY)
    for path in sorted(FIXTURES.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(prepared, reference(prepared)) for prepared in map(lexicon.prepare, texts)]


def test_gated_scanning_finds_exactly_what_trying_every_pattern_at_every_word_finds(every_pattern_at_every_word):
    matcher = PatternSet(_lexicon_patterns())  # no vetoes: the reference has none
    assert len(every_pattern_at_every_word) > 600
    found = 0
    for prepared, expected in every_pattern_at_every_word:
        got = matcher.scan(prepared)
        assert got == _counts(expected), prepared
        assert sorted((label, start, end) for label, start, end, _ in matcher._matches(prepared, words_at(prepared))) \
            == expected, prepared
        found += sum(got.values())
    assert found > 500


def test_every_lexicon_pattern_and_veto_is_gated_on_a_leading_word():
    # An ungated pattern is searched through the whole of every comment: three of them
    # cost a Care Opinion story 21 of its scan's 145 us (2026-11-27). Open with the word
    # (r"\bdehydrated", not r"\b(?:severely )?dehydrated") or spell the options out.
    assert lexicon._MATCHER.ungated() == []
    assert inbox_cues._FACT_MATCHER.ungated() == []


def test_a_pattern_with_an_optional_first_word_is_reported_as_ungated():
    matcher = PatternSet({"x": [r"\b(?:very )?rude\b", r"\bcold food\b"]},
                         veto={"x": r"\bnot rude\b|(?=\w)kind"})
    assert matcher.ungated() == [r"\b(?:very )?rude\b", r"(?=\w)kind"]


def test_a_whole_word_gate_does_not_fire_on_longer_words_but_the_pattern_still_matches_its_word():
    matcher = PatternSet({"x": [r"\bno (?:doctor|nurse)s? came\b"]})
    assert matcher.scan("nottingham doctors came. now doctor came") == {}
    assert matcher.scan("sadly no nurses came") == {"x": 1}
    apostrophe = PatternSet({"x": [r"\bwon't (?:help|listen)\b"]})
    assert apostrophe.scan("they won't listen, won't help") == {"x": 2}


def test_patterns_with_their_own_groups_still_count_each_match():
    matcher = PatternSet({"a": [r"\b(no|not) (doctor|nurse)s? came\b"], "b": [r"\bnot (\w+) came\b", r"\bnot\b"]})
    assert matcher.scan("not nurse came, no doctors came") == {"a": 2, "b": 2}


@pytest.mark.parametrize("pattern", [r"\b(?P<w>no) (?P=w)\b", r"\b(no) \1\b", r"(?i)\bno\b"])
def test_named_groups_backreferences_and_global_flags_are_refused_with_a_clear_error(pattern):
    with pytest.raises(ValueError, match="not supported"):
        PatternSet({"x": [pattern]})


def test_a_veto_reaching_far_past_the_match_still_vetoes_it():
    # The veto runs 60 characters past the end of "lawyer"; it once had to fit in 40.
    veto = r"\blawyer of (?:\w+ ){0,8}recommended this hospital\b"
    matcher = PatternSet({"risk": [r"\blawyer\b"]}, veto={"risk": veto})
    assert matcher.scan("the lawyer of our large and very well known family recommended this hospital") == {}
    assert matcher.scan("the lawyer will be in touch") == {"risk": 1}


@pytest.mark.parametrize("pattern, text", [
    (r"\bno nurses came\b", "sadly no nur\u017fes came"),            # long s, after the first word
    (r"\bthe man in the next bed\b", "the man \u0131n the next bed"),  # dotless i
    (r"\bsuicid\w*", "he is \u017fuicidal"),                         # in the first word itself
])
def test_letters_that_ignorecase_folds_to_ascii_are_still_found(pattern, text):
    # re.IGNORECASE matches "s" to "\u017f" and "i" to "\u0131"; str.lower() does not.
    assert re.compile(pattern, re.IGNORECASE).search(text)
    assert PatternSet({"x": [pattern]}).scan(text) == {"x": 1}


def test_a_vetoed_match_is_not_counted_but_others_at_other_words_are():
    matcher = PatternSet({"risk": [r"\babuse\w*"]}, veto={"risk": r"\bsubstance abuse\b"})
    assert matcher.scan("substance abuse clinic") == {}
    assert matcher.scan("substance abuse clinic; then staff abused him") == {"risk": 1}


def test_a_veto_of_several_alternatives_vetoes_through_any_of_them():
    # Vetoes are split into their alternatives and gated like patterns (one pass per text).
    matcher = PatternSet({"risk": [r"\babuse\w*", r"\bunsafe\b"]},
                         veto={"risk": r"\bsubstance abuse\b|\b(?:never|not) (?:\w+ )?unsafe\b|(?<=drug )abuse"})
    assert matcher.scan("a substance abuse clinic") == {}
    assert matcher.scan("i never felt unsafe") == {}
    assert matcher.scan("the drug abuse team") == {}
    assert matcher.scan("i felt unsafe and they abused him") == {"risk": 2}


@pytest.mark.parametrize("pattern, parts", [
    (r"\ba\b|\bb\b", [r"\ba\b", r"\bb\b"]),
    (r"\b(?:a|b) c|d", [r"\b(?:a|b) c", "d"]),
    (r"[|(]x|y\|z", ["[|(]x", r"y\|z"]),
    (r"[]|]a|b", ["[]|]a", "b"]),
    (r"[^]|]a|(?<!x)b", ["[^]|]a", "(?<!x)b"]),
    ("solo", ["solo"]),
])
def test_a_pattern_splits_into_its_top_level_alternatives_only(pattern, parts):
    assert top_level_alternatives(pattern) == parts
    for part in parts:
        re.compile(part)


def _admitted(matcher: PatternSet, word: str) -> list[str]:
    """The patterns a word admits, whatever follows it."""
    always, _, by_next = matcher._for_token(word)
    attempts = list(always) + [a for group in (by_next or {}).values() for a in group]
    return list(dict.fromkeys(rx.pattern for _, rx, _, _ in attempts))


def _tried_at(matcher: PatternSet, text: str, word: str) -> list[str]:
    """The patterns whose regex runs at the first `word` of `text` (lower-cased)."""
    pos = next(p for w, p in words_at(text) if w == word)
    always, must, by_next = matcher._for_token(word)
    if must is not None and not text.startswith(must, pos):
        return []
    after = pos + len(word)
    attempts = by_next.get(text[after:after + 2], always) if by_next is not None else always
    return [rx.pattern for _, rx, own, needs in attempts
            if (own is None or text.startswith(own, pos)) and (needs is None or any(n in text for n in needs))]


def test_a_word_tries_only_the_patterns_its_leading_literals_admit():
    matcher = PatternSet({"legal": [r"\b(?:to|will|going to) sue\b", r"\bsolicitor\b", r"\bno win no fee\b"]})
    assert _admitted(matcher, "will") == [r"\b(?:to|will|going to) sue\b"]
    assert _admitted(matcher, "no") == [r"\bno win no fee\b"]
    assert _admitted(matcher, "now") == []   # "no" must be the whole word: a space follows it
    assert _admitted(matcher, "tomorrow") == []
    # "going to sue" counts at "going" and again at "to", as trying every word would.
    assert matcher.scan("i will sue, going to sue; my solicitor") == {"legal": 4}


def test_the_veto_pass_gives_the_same_verdicts_as_a_window_search_on_real_feedback():
    # The earlier veto searched a window of 160 characters either side of each match with the
    # whole alternation; the gated pass must agree with it on the written fixtures.
    VETO_REACH = 160  # noqa: N806 - the constant the earlier code used (characters)

    matcher = lexicon._MATCHER

    # Each label's veto as the one alternation it was written as (its alternatives rejoined).
    vetoes = {label: re.compile("|".join(alternatives), re.IGNORECASE)
              for label, alternatives in matcher.veto_alternatives().items()}

    def window_vetoed(label: str, text: str, start: int, end: int) -> bool:
        veto = vetoes.get(label)
        if veto is None:
            return False
        lo, hi = max(0, start - VETO_REACH), end + VETO_REACH
        return any(v.start() < end and start < v.end() for v in veto.finditer(text, lo, hi))

    texts = [json.loads(line)["text"] for path in sorted(FIXTURES.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    checked = 0
    for raw in texts:
        text = lexicon.prepare(lexicon.normalize_text(raw))
        tokens = words_at(text)
        expected: dict[str, int] = {}
        for label, start, end, _pos in matcher._matches(text, tokens):
            if label.startswith("\x00"):
                continue  # a veto's own match
            checked += label in vetoes
            if not window_vetoed(label, text, start, end):
                expected[label] = expected.get(label, 0) + 1
        assert matcher.scan(text, tokens) == expected, raw
    assert checked > 200


def test_each_pattern_a_common_word_admits_runs_only_where_its_own_next_words_follow():
    matcher = PatternSet({"x": [r"\bhad\b", r"\bhad had enough\b", r"\bhad been (?:sent|left) home\b"]})
    assert _tried_at(matcher, "we had been left home alone", "had") == [
        r"\bhad\b", r"\bhad been (?:sent|left) home\b"]
    assert _tried_at(matcher, "we had a good day", "had") == [r"\bhad\b"]
    # "had" three times, "had been left home", "had had enough".
    assert matcher.scan("we had been left home, had had enough") == {"x": 5}
    assert matcher.scan("we had been seen, had a rest") == {"x": 2}


def test_a_pattern_naming_a_rare_word_late_runs_only_in_texts_that_have_it():
    police = r"\b(?:i|we|my \w+) (?:\w+ ){0,2}(?:called|rang) the police\b"
    matcher = PatternSet({"legal": [police]})
    assert _tried_at(matcher, "i waited and i rang the desk", "i") == []
    assert _tried_at(matcher, "i waited and i rang the police", "i") == [police]
    assert matcher.scan("i waited and i rang the police") == {"legal": 1}
    assert matcher.scan("my husband then called the police. i called the police too") == {"legal": 2}
    assert matcher.scan("i rang the ward, no answer") == {}


def test_veto_matches_found_in_the_same_pass_cancel_only_the_matches_they_overlap():
    matcher = PatternSet({"risk": [r"\babuse\w*"], "cue": [r"\bdrug\b"]},
                         veto={"risk": r"\bsubstance abuse\b|\bdrug abuse\b"})
    assert matcher.scan("drug abuse team then abused me") == {"risk": 1, "cue": 1}
    assert matcher.spans("substance abuse") == [(10, 15)]   # vetoes' own matches are not spans
    assert matcher.veto_alternatives() == {"risk": [r"\bsubstance abuse\b", r"\bdrug abuse\b"]}


def test_a_label_that_looks_like_a_veto_label_is_refused():
    with pytest.raises(ValueError, match="reserved"):
        PatternSet({"\x00veto:0": [r"\bx\b"]})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60)
       | st.text(alphabet="ab'_ -é1ſ\u0131", max_size=30))
def test_the_ascii_shortcut_finds_the_same_words_as_the_unicode_pattern(text):
    assert words_at(text) == [(m.group(), m.start()) for m in WORD_RX.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="ab ", min_size=1, max_size=5), max_size=4) | st.none(), max_size=4))
def test_one_check_made_of_several_passes_wherever_one_of_them_passes(checks):
    from careloop.classifier.patterns import _fewest_starts

    tuples = [None if c is None else tuple(c) for c in checks]
    merged = _fewest_starts(tuples)
    if any(c is None for c in tuples):
        assert merged is None
        return
    texts = {p for c in tuples for p in c}
    assert set(merged) <= texts
    assert all(p.startswith(merged) for p in texts)        # nothing that passed fails
    assert not any(a != b and a.startswith(b) for a in merged for b in merged)  # no text twice over


def test_pattern_matchers_names_every_matcher_the_classifier_builds_and_plans_can_be_put_back():
    import sys

    from careloop.classifier import model

    # Every matcher a classifier module holds at module level.
    built = {id(value) for name, module in list(sys.modules.items()) if name.startswith("careloop.classifier")
             for value in vars(module).values() if isinstance(value, PatternSet)}
    assert built and {id(m) for m in model.pattern_matchers()} == built
    matcher = PatternSet({"x": [r"\bhad had\b"]})
    matcher.scan("we had had enough")
    kept = matcher.plans()
    matcher.scan("a brand new word")
    assert "brand" in matcher.plans() and "brand" not in kept
    matcher.use_plans(kept)
    assert matcher.plans() == kept and matcher.scan("we had had enough") == {"x": 1}


def test_every_pattern_of_every_matcher_compiles():
    # Regexes are compiled when a word first admits them; a pattern that parses but does
    # not compile would otherwise fail only in the comment that first needs it.
    from careloop.classifier import model

    model.compile_patterns()
    assert all(rx is not None for matcher in model.pattern_matchers() for rx in matcher._regex)


def test_a_pattern_is_checked_when_built_and_compiled_when_first_needed():
    with pytest.raises(re.error):
        PatternSet({"x": [r"\bunclosed (group"]})
    with pytest.raises(ValueError, match="named groups"):
        PatternSet({"x": [r"\b(?P<name>x)\b"]})
    late = PatternSet({"x": [r"\bfine\b", r"(?<=a|bc)\bodd\b"]})   # a lookbehind of varying width
    assert late.scan("all fine") == {"x": 1}
    with pytest.raises(re.error, match="look-behind"):
        late.compile_all()
