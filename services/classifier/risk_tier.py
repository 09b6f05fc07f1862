"""Which flags the learned risk tier adds, and the rules that bound the broad tier.

A flag makes a ticket critical. The patterns (lexicon.risk_flags) raise most flags;
this module decides what the learned tier (data/risk_model.json) may add to them, and
which of the second tier's loose-word flags a long document keeps. Pure module: the
caller passes the loaded model and its logits.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np

from . import lexicon
from .linear import LinearModel, float32_bar, per_model


def merge_flags(flags: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """`flags` plus `extra`, in lexicon.RISK_FLAG_ORDER."""
    extra = set(extra)
    if not extra:
        return tuple(flags)
    return tuple(f for f in lexicon.RISK_FLAG_ORDER if f in flags or f in extra)


# The learned risk tier's bar for a comment not called a complaint. Its own threshold
# (risk_model.json, 0.85) applies to complaints; on other comments it mostly fires on
# style, so there it counts only when nearly certain. At 0.95, trained on half of
# text_data, it flagged none of the other half (5,149) nor any Care Opinion story, and
# caught "they gave my son an adult dose of morphine and he stopped responding", which
# the sentiment model read as praise (bench, 2026-11-27).
LEARNED_RISK_P_NOT_COMPLAINT = 0.95

# The learned tier's bar for a comment in another language than English, complaint or
# not. Spanish reaches the tier through a word-by-word English gloss (es.py), which none
# of its training examples were. On the Spanish sets (2026-11-28), the flags the tier
# alone gave below P 0.95 were right 2 times and wrong 5 where the sets label flags, and
# 10 more fell on messages of sets that label none: a three-hour wait and a double
# charge as patient safety, a returned wedding ring and plain rudeness as abuse. At 0.95
# and above: right 2, wrong 0, and 1 more on a set that labels none.
LEARNED_RISK_P_GLOSSED = 0.95

# The flags the second tier's loose words may raise in a long document (more than
# LONG_DOC_WORDS words). A story or a letter uses "claim", "investigation", "called
# me", "disabled" or "details" in passing; in the labelled sample of real NHS feedback
# (EVALUATION.md, "Risk flags on real feedback") the second tier alone raised 37 legal-threat,
# privacy or discrimination flags on long documents, 3 of them right, and 19 on the
# written sets' long documents, 4 right. Patient safety and self-harm keep it: their
# misses cost most, and there it raised 83 flags on real long documents, 29 right.
# Privacy keeps it too: it was right once in 10 real long documents, but each of the
# two written sets made after the rule (blind sets 24 and 25) had a long email whose
# breach only it caught (a neighbour who works on reception, a name called out in a
# full waiting room), and a breach can have to be reported within 72 hours.
LONG_DOC_BROAD_FLAGS = frozenset({"patient_safety", "privacy_breach", "self_harm"})


# Words of self-harm, its means and its warning signs. The learned tier's self-harm head
# has a low bar for complaints (0.5) and learned "nobody" from the written examples:
# "Nobody told me anything" and "my son was taken to theatre and nobody told us" were
# self-harm flags. An English comment without one of these words does not get the flag
# from the tier alone; every self-harm flag the tier alone gave on the written sets has
# one ("better off if I wasn't around", "couldn't see a future", "swallowed everything").
SELF_HARM_WORDS = re.compile(
    r"\b(?:suicid\w*|kill\w*|die|died|dying|dead|death|overdos\w*|harm\w*|hurt\w*|cut\w*|ligature\w*|hang\w*|hung|"
    r"jump\w*|end (?:it|everything|my life|his life|her life|things)|life|live|living|alive|pills?|tablets|paracetamol|sertraline|"
    r"citalopram|fluoxetine|amitriptyline|codeine|tramadol|meds|myself|himself|herself|themselves|burn\w*|bridge|"
    r"railway|river|sea|cliff|rope|knife|blade|razor|starv\w*|wake up|waking up|goodbye|notes?|anymore|any more|voices|"
    r"crisis|samaritans|disappear\w*|bleach|"
    r"drown\w*|neck|wrists?|scratch\w*|punch\w*|better off|happier (?:if|without)|around|future|swallow\w*|"
    r"(?:it|everything|it all) to stop|going like this|go on|point)\b", re.IGNORECASE)


def learned_risk_flags(risk: LinearModel | None, risk_logits: np.ndarray | None, language: str, text: str,
                       min_p: float | None = None) -> frozenset[str]:
    """Flags the learned risk tier `risk` (train.fit_risk) gives P >= `min_p` (default: its
    own threshold, per flag where the model names one, for English only: the per-flag
    thresholds were measured on English, and a Spanish comment reaches the tier through
    a word-by-word gloss, so it never counts below LEARNED_RISK_P_GLOSSED), from its
    logits for the comment (None: no risk model).
    Self-harm from the tier needs a word of self-harm in an English comment
    (SELF_HARM_WORDS).

    It catches some wordings no pattern has (blind set 2: recall 0.56 -> 0.72 at the
    shipped threshold 0.85); below 0.85 it flagged ordinary complaints ("the wrong
    date on the letter", "sent to the wrong department").
    """
    if risk is None or risk_logits is None:
        return frozenset()
    english = language == "en"
    z = risk_logits.tolist() if isinstance(risk_logits, np.ndarray) else risk_logits
    flags = {flag for flag, i, bar in _risk_bars(risk, english, min_p) if z[i] >= bar}
    if "self_harm" in flags and english and not SELF_HARM_WORDS.search(text):
        flags.discard("self_harm")
    return frozenset(flags)


@per_model
def _risk_bars(risk: LinearModel, english: bool, min_p: float | None) -> tuple[tuple[str, int, float], ...]:
    """(flag, output row, the logit it must reach) of each head of the learned risk
    tier (see learned_risk_flags), worked out once per model (bars: float32_bar)."""
    default = float(risk.meta.get("flag_threshold", 0.5)) if min_p is None else min_p
    if not english:
        default = max(default, LEARNED_RISK_P_GLOSSED)
    thresholds = (risk.meta.get("flag_thresholds") or {}) if english and min_p is None else {}
    return tuple((name[5:], i, float32_bar(float(thresholds.get(name[5:], default))))
                 for name, i in risk.out_index.items() if name.startswith("risk:"))
