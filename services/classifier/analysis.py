"""What the classifier reads in a text: its words, its cue matches, and the units the
model scores (the whole text, and each sentence of a long one).

Pure module: no Kafka, database or web code. `model.classify` runs `analyze` on every
comment in a supported language; `train` runs it on every training row, so training
and serving see the same features.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping

from . import es, lexicon
from .features import extra_features, ngram_features
from .patterns import words_at
from .vectorized import Unit


@dataclass
class Analysis:
    prepared: str
    tokens: list[str]
    counts: dict[str, int]
    # (word, offset) of `tokens` in `prepared`, kept for the second, rarer scan of the
    # inbox cues (model._finish) so it need not tokenise again.
    tokens_at: list[tuple[str, int]]
    # What the model scores, as (words as the model sees them, non-word features): the
    # whole document, then, for long documents only, each sentence. The model was
    # trained on survey comments (median 8 words), so a story is scored one sentence
    # at a time.
    units: list[Unit]
    # A short English comment's words after its last "but/however/apart from/..."
    # (None if it has none): a mixed comment's complaint usually comes last (model._finish).
    tail: Unit | None = None

    @cached_property
    def features(self) -> list[str]:
        """The whole document's model features (built once: a complaint's are read by
        both the sentiment model and the learned risk tier)."""
        return unit_features(self.units[0])

    @property
    def sentences(self) -> list[list[str]] | None:
        """Each sentence's model features (long documents only)."""
        return [unit_features(u) for u in self.units[1:]] if len(self.units) > 1 else None


# Lexicon labels read from the English gloss of a Spanish comment as well as from the
# Spanish itself (es.gloss): the English cue and topic patterns are far richer than
# the Spanish ones. Risk patterns are not read from the gloss: a word-by-word gloss is
# too loose for a flag that makes a ticket critical.
GLOSS_LABEL_KINDS = ("cue", "topic")
CONTRAST_CUE = "cue:contrast"


def _with_gloss(counts: dict[str, int], prepared: str) -> dict[str, int]:
    """`counts` of a Spanish comment, each cue and topic count raised to what its
    English gloss shows, plus CONTRAST_CUE when a "but" clause of the gloss complains."""
    gloss = es.gloss(prepared)
    merged = dict(counts)
    for label, n in lexicon.scan(gloss).items():
        if label.split(":", 1)[0] in GLOSS_LABEL_KINDS:
            merged[label] = max(merged.get(label, 0), n)
    if lexicon.contrast_complaint(gloss):
        merged[CONTRAST_CUE] = 1
    return merged


def _unit(model_tokens: list[str], cues: Mapping[str, int]) -> Unit:
    return model_tokens, extra_features(len(model_tokens), cues)


def unit_features(unit: Unit) -> list[str]:
    return ngram_features(list(unit[0])) + list(unit[1])


# Documents longer than this (in words) that have at least two sentences are scored
# sentence by sentence: their sentiment logits are the mean of the sentences' logits
# (the geometric mean of the odds), so one critical line in a long story of praise does
# not outweigh the rest, and a story critical throughout still scores as critical.
LONG_DOC_WORDS = 40
MIN_SENTENCE_WORDS = 3
# Longer than LONG_DOC_WORDS but at most this many words, a message that asks something
# is read by the question cue as a comment scored whole is: emails with a greeting and a
# sign-off that ask or request run 40-90 words. Past that the questions in NHS stories
# are mostly rhetorical ("if I didn't try how do I know?"): with no limit, five of the
# 1,970 Care Opinion stories (94-918 words) became enquiries; with it, none (2026-11-27).
LONG_ENQUIRY_MAX_WORDS = 90
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n+")


def _sentence_spans(prepared: str, toks_at: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Token index ranges of the sentences of `prepared`; fragments shorter than
    MIN_SENTENCE_WORDS ("Dr.", "Thanks!") join the sentence after them."""
    token_starts = [pos for _, pos in toks_at]
    n = len(token_starts)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(prepared):
        i = bisect_left(token_starts, m.end())  # first token after this sentence end
        if i >= n:
            break
        if i - start >= MIN_SENTENCE_WORDS:
            spans.append((start, i))
            start = i
    if start < len(toks_at):
        if spans and len(toks_at) - start < MIN_SENTENCE_WORDS:
            spans[-1] = (spans[-1][0], len(toks_at))
        else:
            spans.append((start, len(toks_at)))
    return spans


def analyze(text: str, language: str = "en", *, prepared: str | None = None,
            toks_at: list[tuple[str, int]] | None = None) -> Analysis:
    """Tokens, lexicon matches and model features of one text (pass `prepared` and
    `toks_at` if already computed)."""
    if prepared is None:
        prepared = lexicon.prepare(text)
    if toks_at is None:
        toks_at = words_at(prepared)
    tokens = [t for t, _ in toks_at]
    long_doc = len(tokens) > LONG_DOC_WORDS
    tail_start = _tail_start(prepared, toks_at) if language == "en" and not long_doc else None
    starts: list[tuple[str, int]] | None = [] if long_doc or tail_start is not None else None
    counts = lexicon.scan(prepared, toks_at, prepared=True, starts=starts)
    if language == "es":
        counts = _with_gloss(counts, prepared)
    to_model = es.to_english if language == "es" else (lambda toks: toks)
    units: list[Unit] = [_unit(to_model(tokens), counts)]
    if long_doc:
        spans = _sentence_spans(prepared, toks_at)
        if len(spans) >= 2:
            # Spans are contiguous: sentence k runs from its first word to the next
            # sentence's first word (the first from offset 0).
            sentence_counts = _cue_counts_by_span(starts or (), [toks_at[a][1] if a else 0 for a, _ in spans])
            units.extend(_unit(to_model(tokens[a:b]), c) for (a, b), c in zip(spans, sentence_counts))
    tail = None
    if tail_start is not None:
        tail_counts = _cue_counts_by_span(starts or (), [toks_at[tail_start][1]])[0]
        tail = _unit(tokens[tail_start:], tail_counts)
    return Analysis(prepared, tokens, counts, toks_at, units, tail)


def _cue_counts_by_span(starts: Iterable[tuple[str, int]], span_starts: list[int]) -> list[dict[str, int]]:
    """Cue counts ("cue:neg": 2, ...) of each span of the text, from the matches'
    (label, offset) pairs; span k runs from span_starts[k] (ascending) to the next
    span's start or the end, and matches before the first span are not counted."""
    per_span: list[dict[str, int]] = [{} for _ in span_starts]
    for label, pos in starts:
        if label.startswith("cue:") and pos >= span_starts[0]:
            counts = per_span[bisect_right(span_starts, pos) - 1]
            counts[label] = counts.get(label, 0) + 1
    return per_span


# Words after which a comment turns ("lovely staff, but ...", "all fine apart from ...").
_TURN = re.compile(r"\b(?:but|however|although|though|except|apart from|other than|only thing|shame|pity|"
                   r"yet|on the other hand|whereas)\b")
MIN_TAIL_WORDS = 2
# Texts one of which every _TURN match contains: nine comments in ten have none, and
# these substring tests cost less than half the regex search.
_TURN_TEXTS = ("but", "however", "though", "except", "apart from", "other than", "only thing", "shame", "pity",
               "yet", "on the other hand", "whereas")


def _tail_start(prepared: str, toks_at: list[tuple[str, int]]) -> int | None:
    """Index of the first word after a comment's last turn word that leaves at least
    MIN_TAIL_WORDS words (None if there is none)."""
    if not any(t in prepared for t in _TURN_TEXTS):
        return None
    turns = list(_TURN.finditer(prepared))
    if not turns:  # most comments
        return None
    n = len(toks_at)
    token_starts = [pos for _, pos in toks_at]
    for m in reversed(turns):
        first = bisect_left(token_starts, m.end())
        if 0 < first <= n - MIN_TAIL_WORDS:
            return first
    return None
