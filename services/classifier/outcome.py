"""The fields of a Classification that follow from the decided sentiment: the score,
the severity, the order of the topics (the main one first), and the outcome of a
comment with no words to read (a rating, or emoji).

Pure module: no Kafka, database or web code.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import numpy as np

from careloop.core.taxonomy import TRAILING_TOPICS

from . import lexicon
from .evidence import clamp
from .linear import LinearModel, logit


def severity(sentiment: str, flags: Sequence[str], p_neg: float, rating: float | None,
              counts: Mapping[str, int]) -> str:
    """critical with any risk flag; low unless negative; high for a negative comment
    with strong evidence (P(negative) >= 0.85, a strong complaint word, a rating of at
    most 0.2), else medium."""
    if flags:
        return "critical"
    if sentiment != "negative":
        return "low"
    strong = p_neg >= 0.85 or bool(counts.get("cue:strong")) or (rating is not None and rating <= 0.2)
    return "high" if strong else "medium"


def order_topics(topics: set[str], weight: Mapping[str, float] | None = None) -> tuple[str, ...]:
    """`topics` as the contract lists them: the main one first.

    weight: how strongly the comment is about each topic (the model's topic-head logits,
    see topic_weights); the heaviest comes first, topics without a weight after those
    with one, ties in the taxonomy's order. Without weights (no model), the taxonomy's
    order. "enquiry" and "other" come last; "other" only when nothing else was found.
    """
    if len(topics) > 1:
        topics.discard("other")
    if not topics:
        return ("other",)
    canonical = [t for t in lexicon.TOPIC_CODES if t in topics]
    if not weight:
        return tuple(canonical)
    lowest = float("-inf")
    return tuple(sorted(canonical, key=lambda t: (t in TRAILING_TOPICS, -weight.get(t, lowest))))


# How sure a topic head must be to put its topic ahead of one that only keywords can
# name (billing, parking, pain: too few NHS examples to learn a head): keywords name
# such a topic outright ("charged £12 for parking"), where the broad clinical-care head
# reads 0.52 on that comment and 0.62 on a prescription charge. On the labelled
# complaints (EVALUATION.md, "Topics as routing sees them") any value from 0.35 to 0.85 routes
# them the same but one.
KEYWORD_ONLY_TOPIC_P = 0.75


def topic_weights(logits: np.ndarray, model: LinearModel, topics: Iterable[str]) -> dict[str, float]:
    """Each of `topics`' weight for choosing the main one (order_topics): its model
    head's logit. The heads were trained on the NHS subcategory, one main subject per
    comment, so the highest is the best estimate of what a complaint is mainly about.
    A topic without a head weighs as much as a head at KEYWORD_ONLY_TOPIC_P."""
    keyword_only = logit(KEYWORD_ONLY_TOPIC_P)
    weights = {}
    for t in topics:
        i = model.out_index.get("topic:" + t)
        weights[t] = float(logits[i]) if i is not None else keyword_only
    return weights


# The score is P(positive) - P(negative), kept on the side of the decision. Negative is
# decided at a recall-first threshold (about 0.25), so about one comment in ten called
# negative has P(pos) > P(neg); its score is then -SCORE_MARGIN instead of positive
# (likewise for positive), so a consumer that sorts or splits scores at 0 agrees with
# the sentiment. Neutral scores are left as they are.
SCORE_MARGIN = 0.05


def signed_score(raw: float, sentiment: str) -> float:
    if sentiment == "negative":
        raw = min(raw, -SCORE_MARGIN)
    elif sentiment == "positive":
        raw = max(raw, SCORE_MARGIN)
    return round(clamp(raw, -1.0, 1.0), 4)


def rating_only(rating: float | None) -> tuple[str, float, float]:
    if rating is None:
        return "neutral", 0.0, 0.0
    score = round(-1 + 2 * rating, 4)
    if rating <= 0.4:
        return "negative", score, 0.6
    if rating >= 0.7:
        return "positive", score, 0.6
    return "neutral", score, 0.5



# Common emoji, for a comment made of symbols only ("👍", "😡 😡").
_POSITIVE_SYMBOLS = frozenset("👍👏😀😃😄😁😊🙂😍🥰❤💕💖💙💚⭐🌟🙏💯✅🤗😇")
_NEGATIVE_SYMBOLS = frozenset("👎😡😠🤬😞😢😭🙁☹😤💩😒😩😫❌😷🤮😖😣")


def symbols_only(text: str) -> tuple[str, float, float]:
    """(sentiment, score, confidence) of a comment with no words, from its emoji."""
    pos = sum(ch in _POSITIVE_SYMBOLS for ch in text)
    neg = sum(ch in _NEGATIVE_SYMBOLS for ch in text)
    if pos > neg:
        return "positive", 0.5, 0.6
    if neg > pos:
        return "negative", -0.5, 0.6
    return "neutral", 0.0, 0.0
