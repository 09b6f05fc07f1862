"""The batch scorer (vectorized.py) must give exactly the logits of the string features."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from careloop.classifier import model, vectorized
from careloop.classifier.features import extra_features, ngram_features
from careloop.classifier.linear import LinearModel
from careloop.classifier.analysis import analyze

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classifier"


def _fixture_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                default = "es" if path.stem.startswith("spanish") else "en"
                out.append((rec["text"], rec.get("language") or default))
    return out


# Long enough to be scored sentence by sentence; negators sit at sentence ends so a
# negation scope that leaked into the next sentence would show.
STORIES = [
    ("My father was admitted on a Tuesday evening and the nurses on the ward were kind from the start. "
     "The doctor explained the scan results clearly and did not rush us. "
     "Parking was a nightmare and the machine took no cards, not. "
     "Good food, warm rooms and a clean bathroom made the week easier. "
     "We never felt ignored. Thank you all.", "en"),
    ("I waited nine hours in the emergency department with chest pain and nobody checked on me. "
     "When I asked for water the receptionist rolled her eyes and said she was not my servant. "
     "The doctor I finally saw was lovely but clearly exhausted and the ward had no beds. "
     "I am writing because I do not want this to happen to anyone else.", "en"),
    ("Mi madre estuvo ingresada una semana y las enfermeras fueron muy amables con ella. "
     "Pero esperamos seis horas en urgencias sin que nadie nos dijera nada. "
     "El baño estaba sucio y no había papel en toda la planta. "
     "El médico no nos explicó el tratamiento y nos fuimos sin saber qué hacer.", "es"),
]


def _string_logits(m: LinearModel, units) -> np.ndarray:
    return np.stack([m.logits(ngram_features(list(toks)) + list(extras)) for toks, extras in units])


def _tiny_model() -> LinearModel:
    vocab = ["not", "good", "not good", "~good", "^not", "^good", "#short", "staff", "rude", "staff rude",
             "~rude", "#long"]
    rng = np.random.default_rng(7)
    weights = rng.normal(size=(len(vocab), 4)).astype(np.float32)
    weights[:, 3] = rng.uniform(0.5, 2.0, size=len(vocab))  # squared idf: positive
    return LinearModel({}, vocab, ["a", "b", "c", "__norm2"], weights, np.zeros(4, np.float32))


def test_batch_logits_equal_string_feature_logits_bit_for_bit_on_every_fixture_text():
    m = model._model()
    texts = _fixture_texts() + STORIES
    assert sum(lang == "es" for _, lang in texts) >= 35
    units = [u for text, lang in texts for u in analyze(text, lang if lang in ("en", "es") else "en").units]
    assert len(units) > 600
    assert all(len(analyze(text, lang).units) > 3 for text, lang in STORIES)
    assert np.array_equal(vectorized.logits(m, units), _string_logits(m, units))


def test_negation_scope_stops_after_three_words_and_at_the_end_of_a_unit():
    m = _tiny_model()
    units = [
        (["not", "a", "b", "good"], []),          # good is 3 words after "not": negated
        (["not", "a", "b", "c", "good"], []),     # 4 words after: not negated
        (["not"], []), (["good", "rude"], []),    # the scope does not run into the next unit
        (["not", "not", "x", "rude"], ["#long"]),
    ]
    got = vectorized.logits(m, units)
    assert np.array_equal(got, _string_logits(m, units))
    assert "~good" in ngram_features(["not", "a", "b", "good"])
    assert "~good" not in ngram_features(["not", "a", "b", "c", "good"])


def test_units_with_no_known_word_or_no_word_at_all_score_as_the_bias():
    m = _tiny_model()
    units = [([], []), (["zzz", "qqq"], []), (["staff", "rude"], ["#short", "#not-in-vocab"]), ([], [])]
    got = vectorized.logits(m, units)
    assert np.array_equal(got, _string_logits(m, units))
    assert np.array_equal(got[0], m.bias) and np.array_equal(got[1], m.bias)
    assert not np.array_equal(got[2], m.bias)


def test_an_empty_batch_gives_no_rows():
    assert vectorized.logits(_tiny_model(), []).shape == (0, 3)


def test_a_vocabulary_entry_that_is_not_a_word_bigram_is_refused():
    with pytest.raises(ValueError, match="bigram"):
        vectorized.CompiledVocab({"a b c": 0})


def test_repeated_words_count_once_as_in_the_string_features():
    m = _tiny_model()
    once = vectorized.logits(m, [(["staff", "rude"], extra_features(2))])
    thrice = vectorized.logits(m, [(["staff", "rude", "staff", "rude", "staff", "rude"], extra_features(2))])
    assert np.array_equal(once, thrice)


def test_the_first_outputs_alone_are_the_same_bits_as_those_columns_of_all_outputs():
    # A story's sentences are scored for sentiment only (3 columns of the shipped 14).
    m = model._model()
    units = [u for text, lang in STORIES for u in analyze(text, lang).units]
    full = vectorized.logits(m, units)
    assert np.array_equal(vectorized.logits(m, units, outputs=3), full[:, :3])
    tiny = _tiny_model()
    assert np.array_equal(vectorized.logits(tiny, units, outputs=1), vectorized.logits(tiny, units)[:, :1])
    assert vectorized.logits(tiny, [], outputs=2).shape == (0, 2)


def test_batches_too_large_for_int32_keys_give_the_same_logits_with_int64_keys(monkeypatch):
    m = model._model()
    units = [u for text, lang in _fixture_texts()[:200] + STORIES
             for u in analyze(text, lang if lang in ("en", "es") else "en").units]
    narrow = vectorized.logits(m, units)
    monkeypatch.setattr(vectorized, "INT32_KEYS_UP_TO", 0)
    assert np.array_equal(vectorized.logits(m, units), narrow)
