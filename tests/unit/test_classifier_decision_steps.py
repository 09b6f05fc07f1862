"""The classifier's decision steps as pure functions: the evidence folded into the
model's probabilities (evidence.py), the fields that follow from the decision
(outcome.py) and what the learned risk tier may add (risk_tier.py)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from careloop.classifier import evidence, outcome, risk_tier
from careloop.classifier.linear import NORM_OUTPUT, LinearModel

THRESHOLD = 0.3


def _adjust(p, *, text="the food", counts=None, qkind=None, rating=None, long_doc=False):
    return evidence.adjust(p, rating=rating, qkind=qkind, text=text, counts=counts or {},
                           threshold=THRESHOLD, long_doc=long_doc)


# --------------------------------------------------------------------------- evidence


def test_an_answer_to_what_could_we_do_better_scales_p_negative_by_the_question_factor():
    p_neg, _, _ = _adjust((0.2, 0.3, 0.5), text="more parking", qkind="improve")
    assert p_neg == pytest.approx(0.2 * evidence.IMPROVE_QUESTION_FACTOR)


def test_nothing_to_improve_is_not_a_complaint_whatever_the_model_says():
    p_neg, _, p_pos = _adjust((0.9, 0.05, 0.05), text="Nothing, all good", qkind="improve")
    assert p_neg < THRESHOLD
    assert p_pos > 0.5


def test_an_answer_to_what_was_good_is_a_complaint_only_when_it_says_so_plainly():
    plain, _, _ = _adjust((0.5, 0.2, 0.3), text="food service", qkind="praise")
    assert plain == pytest.approx(0.5 * evidence.PRAISE_QUESTION_FACTOR)
    strong, _, _ = _adjust((0.5, 0.2, 0.3), text="awful, rude staff", qkind="praise", counts={"cue:strong": 1})
    assert strong >= THRESHOLD


def test_a_strong_complaint_word_lifts_a_short_comment_over_the_threshold_but_not_a_story():
    short, _, _ = _adjust((0.05, 0.15, 0.8), text="very bad experience", counts={"cue:strong": 1})
    assert short >= THRESHOLD
    story, _, _ = _adjust((0.05, 0.15, 0.8), text="very bad experience", counts={"cue:strong": 1}, long_doc=True)
    assert story == pytest.approx(0.05)


def test_a_rating_of_one_star_in_five_makes_any_text_a_complaint():
    p_neg, _, _ = _adjust((0.01, 0.09, 0.9), text="lovely", rating=0.0)
    assert p_neg >= 0.9


def test_a_top_rating_quarters_the_odds_of_a_complaint_without_a_strong_word():
    p_neg, _, _ = _adjust((0.5, 0.2, 0.3), text="the food", rating=1.0)
    assert p_neg / (1 - p_neg) == pytest.approx(1.0 * evidence.TOP_RATING_COMPLAINT_ODDS)
    plain, _, _ = _adjust((0.9, 0.05, 0.05), text="the food", rating=1.0)
    assert plain > THRESHOLD  # a complaint the model reads plainly stays one


def test_a_top_rating_leaves_a_strong_complaint_word_alone():
    p_neg, _, _ = _adjust((0.5, 0.2, 0.3), text="awful food", rating=1.0, counts={"cue:strong": 1})
    assert p_neg == pytest.approx(0.5)


def test_top_stars_written_in_the_text_soften_a_complaint_less_than_a_rating_field():
    in_text, _, _ = evidence.adjust((0.5, 0.2, 0.3), rating=1.0, qkind=None, text="the food", counts={},
                                    threshold=THRESHOLD, rating_in_text=True)
    assert in_text == pytest.approx(0.5 * evidence.HIGH_RATING_FACTOR)


def test_eight_out_of_ten_softens_a_complaint_less_than_a_top_rating():
    p_neg, _, _ = _adjust((0.5, 0.2, 0.3), text="the food", rating=0.8)
    assert p_neg == pytest.approx(0.5 * evidence.HIGH_RATING_FACTOR)


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1),
       st.none() | st.floats(0, 1), st.sampled_from([None, "improve", "praise"]))
def test_adjusted_probabilities_are_probabilities(a, b, c, rating, qkind):
    total = a + b + c
    p = (a / total, b / total, c / total) if total > 0 else (1 / 3, 1 / 3, 1 / 3)
    out = _adjust(p, text="the ward", rating=rating, qkind=qkind)
    assert all(0.0 <= x <= 1.0 for x in out)
    assert math.isclose(sum(out), 1.0, abs_tol=1e-9)


@pytest.mark.parametrize("p_neu, p_pos", [(0.0, 5e-324), (5e-324, 0.0), (5e-324, 5e-324), (1e-320, 3e-320)])
def test_renorm_stays_a_probability_when_neutral_and_positive_are_vanishingly_small(p_neu, p_pos):
    # Found by the property test above: 1 / 5e-324 overflowed to inf, and inf * 0 is nan.
    out = evidence.renorm(0.3, p_neu, p_pos)
    assert all(0.0 <= x <= 1.0 for x in out) and math.isclose(sum(out), 1.0)
    assert (out[1] == 0.0) == (p_neu == 0.0) and (out[2] == 0.0) == (p_pos == 0.0)


def test_renorm_keeps_the_odds_of_neutral_to_positive():
    p_neg, p_neu, p_pos = evidence.renorm(0.6, 0.1, 0.3)
    assert p_neg == 0.6
    assert p_neu / p_pos == pytest.approx(1 / 3)
    assert p_neu + p_pos == pytest.approx(0.4)


def test_without_a_model_file_complaint_words_outweigh_praise_words():
    p_neg, _, _ = evidence.lexicon_probs({"cue:strong": 1, "cue:pos": 1}, "lovely staff but awful food")
    assert p_neg > 0.5
    p_neg, _, _ = evidence.lexicon_probs({"cue:pos": 2}, "lovely caring staff")
    assert p_neg < 0.5


# --------------------------------------------------------------------------- outcome


def test_any_risk_flag_makes_severity_critical_even_for_praise():
    assert outcome.severity("positive", ("patient_safety",), 0.0, None, {}) == "critical"


@pytest.mark.parametrize("p_neg, rating, counts, expected", [
    (0.9, None, {}, "high"),              # confident complaint
    (0.5, None, {"cue:strong": 1}, "high"),  # a plain complaint word
    (0.5, 0.1, {}, "high"),               # a one-star rating
    (0.5, None, {}, "medium"),
])
def test_severity_of_a_complaint_follows_the_strength_of_its_evidence(p_neg, rating, counts, expected):
    assert outcome.severity("negative", (), p_neg, rating, counts) == expected


def test_comments_that_are_not_complaints_are_low_severity():
    assert outcome.severity("neutral", (), 0.29, None, {"cue:strong": 1}) == "low"


def test_the_score_never_contradicts_the_sentiment():
    assert outcome.signed_score(0.3, "negative") == -outcome.SCORE_MARGIN
    assert outcome.signed_score(-0.2, "positive") == outcome.SCORE_MARGIN
    assert outcome.signed_score(-0.2, "neutral") == -0.2
    assert outcome.signed_score(-1.7, "negative") == -1.0


@pytest.mark.parametrize("rating, sentiment", [(None, "neutral"), (0.0, "negative"), (0.4, "negative"),
                                               (0.5, "neutral"), (0.7, "positive"), (1.0, "positive")])
def test_a_rating_alone_decides_the_sentiment_of_a_comment_with_nothing_to_read(rating, sentiment):
    assert outcome.rating_only(rating)[0] == sentiment


@pytest.mark.parametrize("text, sentiment", [("👍👍", "positive"), ("😡", "negative"), ("👍😡", "neutral"),
                                             ("...", "neutral")])
def test_emoji_decide_a_comment_without_words(text, sentiment):
    assert outcome.symbols_only(text)[0] == sentiment


def test_the_heaviest_topic_comes_first_and_other_only_when_nothing_else_was_found():
    assert outcome.order_topics({"food", "waiting"}, {"food": 2.0, "waiting": -1.0}) == ("food", "waiting")
    assert outcome.order_topics({"other", "food"}) == ("food",)
    assert outcome.order_topics(set()) == ("other",)


# --------------------------------------------------------------------------- risk tier


def _tier(flag: str, logit: float) -> LinearModel:
    return LinearModel({"flag_threshold": 0.5}, ["w"], [f"risk:{flag}", NORM_OUTPUT],
                       np.array([[logit, 1.0]]), np.array([0.0, 0.0]))


def test_merged_flags_keep_the_canonical_order_without_repeats():
    merged = risk_tier.merge_flags(("self_harm",), ["patient_safety", "self_harm"])
    assert merged == ("patient_safety", "self_harm")


def test_the_learned_tier_adds_nothing_without_a_model_or_its_logits():
    assert risk_tier.learned_risk_flags(None, np.array([9.0]), "en", "text") == frozenset()
    assert risk_tier.learned_risk_flags(_tier("patient_safety", 9.0), None, "en", "text") == frozenset()


def test_the_learned_tier_flags_only_at_or_above_its_bar():
    tier = _tier("patient_safety", 0.0)
    assert risk_tier.learned_risk_flags(tier, np.array([2.0]), "en", "x") == {"patient_safety"}
    assert risk_tier.learned_risk_flags(tier, np.array([2.0]), "en", "x", min_p=0.95) == frozenset()


def test_self_harm_from_the_learned_tier_needs_a_word_of_self_harm_in_english():
    tier = _tier("self_harm", 0.0)
    z = np.array([5.0])
    assert risk_tier.learned_risk_flags(tier, z, "en", "Nobody told us anything") == frozenset()
    assert risk_tier.learned_risk_flags(tier, z, "en", "I want to end it all, nobody listens") == {"self_harm"}
    # Spanish reaches the tier through a gloss, so the English word list does not apply.
    assert risk_tier.learned_risk_flags(tier, z, "es", "Nadie nos dijo nada") == {"self_harm"}
