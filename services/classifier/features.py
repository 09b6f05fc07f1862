"""Feature extraction shared by training (train.py) and the runtime model.

A document becomes a list of string features: lower-cased words, word bigrams, words
in the scope of a negation ("not", "never", "n't", ...) marked with "~", the first word
marked with "^" (suggestions: "More parking.", "Better signs."), and a few cue features
from the lexicon. Keep this module fast: it runs for every comment.
"""
from __future__ import annotations

from typing import Mapping

from . import lexicon

NEGATORS = frozenset({
    "not", "no", "never", "nothing", "nobody", "none", "cannot", "without", "hardly", "nor",
    "don't", "didn't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "couldn't", "wouldn't",
    "shouldn't", "won't", "can't", "haven't", "hasn't", "hadn't", "dont", "didnt", "wasnt", "cant",
})
NEG_SCOPE = 3


def features(tokens: list[str], cues: dict[str, int] | None = None) -> list[str]:
    """String features of a token list (see module docstring)."""
    return ngram_features(tokens) + extra_features(len(tokens), cues)


def ngram_features(tokens: list[str]) -> list[str]:
    """The features made of words: words, "^" first word, bigrams, "~" negated words.
    (vectorized.py computes the same set in integer space; keep the two in step.)"""
    feats = list(tokens)
    n = len(tokens)
    if n:
        feats.append("^" + tokens[0])
        if n > 1:
            feats.extend([a + " " + b for a, b in zip(tokens, tokens[1:])])
        scope = 0
        for tok in tokens:
            if tok in NEGATORS:
                scope = NEG_SCOPE
                continue
            if scope:
                feats.append("~" + tok)
                scope -= 1
    return feats


def extra_features(n_tokens: int, cues: Mapping[str, int] | None = None) -> list[str]:
    """The features that are not words: document length and lexicon cue counts."""
    feats: list[str] = []
    if n_tokens <= 3:
        feats.append("#short")
    elif n_tokens > 40:
        feats.append("#long")
    if cues:
        for key in ("cue:strong", "cue:neg", "cue:pos"):
            c = cues.get(key, 0)
            if c:
                feats.append("#" + key + (":1" if c == 1 else ":2+"))
    return feats


def prepare_tokens(text: str) -> tuple[str, list[str]]:
    """(prepared text, tokens)."""
    prepared = lexicon.prepare(text)
    return prepared, lexicon.tokenize(prepared)
