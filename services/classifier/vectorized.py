"""Scoring a batch of token lists with numpy instead of one string per feature.

`features.features(tokens, cues)` builds a string for every word, bigram, "^" first
word and "~" negated word, and `LinearModel.indices` looks each string up in a dict.
For long stories that is most of the classifier's time. Here one model's vocabulary is
compiled into integer arrays once, and a whole batch of units (a unit is one token list
plus its non-word features) is featurised with a few array operations: words become
ids with one dict lookup each, bigrams become pair keys found with a binary search,
and the negation scope is a shifted mask.

The result is exactly `model.logits(ngram_features(tokens) + extras)` for each unit: the
same sorted feature indices, gathered and summed in the same order (the unit tests
compare the two bit for bit on real feedback).
"""
from __future__ import annotations

import weakref
from itertools import chain, repeat
from typing import Sequence

import numpy as np

from .features import NEG_SCOPE, NEGATORS
from .linear import LinearModel

# One unit: (tokens as the model sees them, non-word features such as "#long").
Unit = tuple[Sequence[str], Sequence[str]]


# (unit, feature) keys are sorted as int32 while the largest fits (units x features).
INT32_KEYS_UP_TO = 2**31 - 1


class CompiledVocab:
    """The word features of one model's vocabulary as integer lookup tables."""

    def __init__(self, index: dict[str, int]) -> None:
        words: dict[str, int] = {}

        def word_id(w: str) -> int:
            return words.setdefault(w, len(words))

        unigram: dict[int, int] = {}
        caret: dict[int, int] = {}
        negated: dict[int, int] = {}
        bigram: dict[tuple[int, int], int] = {}
        self.extras: dict[str, int] = {}
        self.weights: dict[int, np.ndarray] = {}  # outputs -> weight columns (_weights)
        for feat, i in index.items():
            head = feat[0]
            if head == "#":
                self.extras[feat] = i
            elif head == "^":
                caret[word_id(feat[1:])] = i
            elif head == "~":
                negated[word_id(feat[1:])] = i
            elif " " in feat:
                parts = feat.split(" ")
                if len(parts) != 2 or not all(parts):
                    raise ValueError(f"vocabulary entry is not a word bigram: {feat!r}")
                bigram[(word_id(parts[0]), word_id(parts[1]))] = i
            else:
                unigram[word_id(feat)] = i
        for w in NEGATORS:
            word_id(w)
        self.word_ids = words
        n = len(words)
        # Id n stands for every word outside the vocabulary: each table has a last
        # entry -1 (no feature), so unknown words need no special case.
        self.unknown = n
        self.unigram = _table(unigram, n)
        self.caret = _table(caret, n)
        self.negated = _table(negated, n)
        self.is_negator = np.zeros(n + 1, dtype=bool)
        self.is_negator[[words[w] for w in NEGATORS]] = True
        self.key_base = n + 1
        keys = np.fromiter((a * self.key_base + b for a, b in bigram), dtype=np.int64, count=len(bigram))
        order = np.argsort(keys)
        self.bigram_keys = keys[order]
        self.bigram_feats = np.fromiter(bigram.values(), dtype=np.int64, count=len(bigram))[order]

    def pairs(self, units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray]:
        """(unit number, feature index) of every feature of every unit, duplicates
        included (see `features.ngram_features` and `features.extra_features`)."""
        lengths = np.fromiter(map(len, (u[0] for u in units)), dtype=np.int64, count=len(units))
        total = int(lengths.sum())
        ids = np.fromiter(map(self.word_ids.get, chain.from_iterable(u[0] for u in units),
                              repeat(self.unknown)), dtype=np.int64, count=total)
        unit_of = np.repeat(np.arange(len(units), dtype=np.int64), lengths)
        first = np.cumsum(lengths) - lengths          # offset of each unit's first word
        pos = np.arange(total, dtype=np.int64) - first[unit_of]   # word's place in its unit

        unit_parts = [unit_of]
        feat_parts = [self.unigram[ids]]

        nonempty = np.flatnonzero(lengths)
        unit_parts.append(nonempty)
        feat_parts.append(self.caret[ids[first[nonempty]]])

        same_unit = unit_of[:-1] == unit_of[1:]
        keys = ids[:-1][same_unit] * self.key_base + ids[1:][same_unit]
        at = np.minimum(np.searchsorted(self.bigram_keys, keys), max(len(self.bigram_keys) - 1, 0))
        found = self.bigram_keys[at] == keys if len(self.bigram_keys) else np.zeros(len(keys), bool)
        unit_parts.append(unit_of[:-1][same_unit][found])
        feat_parts.append(self.bigram_feats[at[found]])

        # A word is negated when a negator stands at most NEG_SCOPE words before it in
        # the same unit and it is not a negator itself.
        negator = self.is_negator[ids]
        in_scope = np.zeros(total, dtype=bool)
        for d in range(1, NEG_SCOPE + 1):
            in_scope[d:] |= negator[:-d] & (pos[d:] >= d)
        in_scope &= ~negator
        unit_parts.append(unit_of[in_scope])
        feat_parts.append(self.negated[ids[in_scope]])

        extra_units: list[int] = []
        extra_feats: list[int] = []
        get = self.extras.get
        for u, (_, extras) in enumerate(units):
            for name in extras:
                i = get(name)
                if i is not None:
                    extra_units.append(u)
                    extra_feats.append(i)
        unit_parts.append(np.asarray(extra_units, dtype=np.int64))
        feat_parts.append(np.asarray(extra_feats, dtype=np.int64))
        return np.concatenate(unit_parts), np.concatenate(feat_parts)


# Compiled once per loaded model (about 0.1 s for the shipped one), dropped with it.
_COMPILED: "weakref.WeakKeyDictionary[LinearModel, CompiledVocab]" = weakref.WeakKeyDictionary()


def _table(mapping: dict[int, int], n_words: int) -> np.ndarray:
    table = np.full(n_words + 1, -1, dtype=np.int64)
    if mapping:
        table[np.fromiter(mapping.keys(), dtype=np.int64)] = np.fromiter(mapping.values(), dtype=np.int64)
    return table


def _weights(model: LinearModel, compiled: CompiledVocab, outputs: int) -> np.ndarray:
    """The model's weight columns for its first `outputs` outputs (and the norm column),
    as one contiguous array: gathering 4 columns of 15 for every feature of every
    sentence of a story costs a quarter of gathering all of them."""
    w = compiled.weights.get(outputs)
    if w is None:
        k = len(model.outputs)
        columns = list(range(outputs)) + list(range(k, model.weights.shape[1]))
        w = compiled.weights[outputs] = np.ascontiguousarray(model.weights[:, columns])
    return w


def logits(model: LinearModel, units: Sequence[Unit], outputs: int | None = None) -> np.ndarray:
    """One row of logits per unit, equal to `model.logits` of each unit's string
    features, or to its first `outputs` columns (the sentiment of a story's sentences
    needs 3 of the model's 14)."""
    compiled = _COMPILED.get(model)
    if compiled is None:
        compiled = _COMPILED[model] = CompiledVocab(model.index)
    k = len(model.outputs) if outputs is None else min(outputs, len(model.outputs))
    out = np.tile(model.bias[:k], (len(units), 1))
    if not units:
        return out
    unit_of, feat = compiled.pairs(units)
    keep = feat >= 0
    if not keep.any():
        return out
    n_feats = len(model.index)
    # Sorting (unit, feature) keys gives each unit's distinct features in ascending
    # order, the order LinearModel.indices uses, so the float32 sums agree exactly.
    # int32 keys when they fit sort in about 60% of the time of int64 ones.
    key_type = np.int32 if len(units) * n_feats <= INT32_KEYS_UP_TO else np.int64
    keys = np.sort((unit_of[keep] * n_feats + feat[keep]).astype(key_type, copy=False))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]   # np.unique, without its hashing
    rows, feats = np.divmod(keys, n_feats)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    # Each column is summed on its own, in feature order, whichever columns are taken.
    weights = model.weights if k == len(model.outputs) else _weights(model, compiled, k)
    sums = np.add.reduceat(weights[feats], starts, axis=0)
    if model.normalized:
        sums = sums[:, :k] / np.sqrt(sums[:, k:])
    out[rows[starts]] += sums
    return out
