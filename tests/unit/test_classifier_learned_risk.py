"""The learned risk tier (data/risk_model.json, train.fit_risk): adds flags the
patterns miss, to complaints at its own threshold and to other comments only when
nearly certain, and can be switched off."""
from __future__ import annotations

import json

import numpy as np
import pytest

from careloop.classifier import analysis, dataset, model
from careloop.classifier.linear import NORM_OUTPUT, LinearModel

# A complaint and a compliment that no risk pattern flags, each with a made-up word a
# fake learned tier is certain about.
COMPLAINT = "The receptionist was rude and the food was awful, zorbly."
PRAISE = "Lovely staff and a brilliant ward, zorbly."


def _fake_risk_model(flag: str = "patient_safety", logit: float = 8.0) -> LinearModel:
    outputs = [f"risk:{flag}", NORM_OUTPUT]
    weights = np.array([[logit, 1.0]])  # one feature, idf 1: the logit is `logit` when present
    return LinearModel({"flag_threshold": 0.5}, ["zorbly"], outputs, weights, np.array([0.0, 0.0]))


@pytest.fixture
def fake_tier():
    model.use_risk_model(_fake_risk_model())
    yield
    model.reload()


def test_patterns_alone_do_not_flag_the_test_sentences():
    try:
        model.use_risk_model(None)
        assert model.classify(COMPLAINT).risk_flags == ()
        assert model.classify(PRAISE).risk_flags == ()
    finally:
        model.reload()


def test_a_confident_learned_tier_flags_a_complaint_and_makes_it_critical(fake_tier):
    c = model.classify(COMPLAINT)
    assert c.sentiment == "negative"
    assert c.risk_flags == ("patient_safety",)
    assert c.severity == "critical"
    assert "safety" in c.topics


def test_on_praise_the_learned_tier_counts_only_when_nearly_certain():
    try:
        # P 0.88: above the tier's own threshold (0.5 here), below the bar for praise.
        model.use_risk_model(_fake_risk_model(logit=2.0))
        assert model.classify(COMPLAINT).risk_flags == ("patient_safety",)
        c = model.classify(PRAISE)
        assert c.sentiment == "positive" and c.risk_flags == ()
        # P 0.9997: a flag even on a comment the sentiment model reads as praise.
        model.use_risk_model(_fake_risk_model(logit=8.0))
        c = model.classify(PRAISE)
        assert c.risk_flags == ("patient_safety",) and c.severity == "critical"
    finally:
        model.reload()


def test_an_unsure_learned_tier_adds_nothing():
    try:
        model.use_risk_model(_fake_risk_model(logit=-1.0))
        assert model.classify(COMPLAINT).risk_flags == ()
    finally:
        model.reload()


def test_a_flag_with_its_own_threshold_counts_at_it_for_english_complaints_only():
    # P 0.62: below the tier's threshold (0.85), above the flag's own (0.5).
    tier = _fake_risk_model(logit=0.5)
    tier.meta = {"flag_threshold": 0.85, "flag_thresholds": {"patient_safety": 0.5}}
    try:
        model.use_risk_model(tier)
        assert model.classify(COMPLAINT).risk_flags == ("patient_safety",)
        # A Spanish complaint reaches the tier through a gloss: not the flag's own threshold,
        # and never below LEARNED_RISK_P_GLOSSED (0.95), even where the tier's is lower.
        spanish_text = "El recepcionista fue muy grosero y la comida horrible, zorbly."
        spanish = model.classify(spanish_text, language="es")
        assert spanish.sentiment == "negative" and spanish.risk_flags == ()
        tier.meta = {"flag_threshold": 0.5}
        assert model.classify(spanish_text, language="es").risk_flags == ()
        model.use_risk_model(_fake_risk_model(logit=3.5))   # P 0.97
        assert model.classify(spanish_text, language="es").risk_flags == ("patient_safety",)
        model.use_risk_model(tier)
        tier.meta = {"flag_threshold": 0.85}
        assert model.classify(COMPLAINT).risk_flags == ()
    finally:
        model.reload()


def test_the_tier_alone_flags_self_harm_in_english_only_with_a_word_of_self_harm():
    # "Nobody told me anything" was a self-harm flag from the tier alone.
    try:
        model.use_risk_model(_fake_risk_model(flag="self_harm"))
        assert model.classify(COMPLAINT).risk_flags == ()
        # No pattern flags this one: the flag is the tier's, let through by "future".
        assert model.classify("Nobody listened when he kept talking about the future, zorbly.").risk_flags \
            == ("self_harm",)
    finally:
        model.reload()


def test_batch_and_single_calls_agree_with_the_learned_tier(fake_tier):
    texts = [COMPLAINT, PRAISE, "Rude receptionist.", "They gave me someone else's tablets.",
             "They gave my son an adult dose of morphine and he stopped responding."]
    assert model.classify_batch([{"text": t} for t in texts]) == [model.classify(t) for t in texts]


def test_the_shipped_risk_model_is_small_and_names_its_flags():
    assert model.RISK_MODEL_PATH.stat().st_size < 2_000_000
    shipped = LinearModel.load(model.RISK_MODEL_PATH)
    assert {o for o in shipped.outputs} == {f"risk:{f}" for f in model.lexicon.RISK_FLAG_ORDER}
    assert 0.5 <= shipped.meta["flag_threshold"] < 1.0
    assert all(0.5 <= p < 1.0 for p in shipped.meta["flag_thresholds"].values())


def test_fit_risk_learns_a_flag_from_written_examples_against_ordinary_comments():
    pytest.importorskip("sklearn")
    from careloop.classifier import train

    examples = [{"text": f"I was told by the glorbic team that nothing could be done, {i}.", "flags": ["legal_threat"]}
                for i in range(6)]
    examples += [{"text": "The glorbic leaflet was clear and kind.", "flags": []}]
    ordinary = [dataset.Row(id=str(i), text=t, sentiment="positive", criticality=3, code="cc", topic=None,
                            organization="Trust T", question_id="Trust T - Q1")
                for i, t in enumerate(["Staff were kind.", "Food was cold.", "Parking was hard.", "Great nurses."] * 5)]
    fitted = train.fit_risk(examples, ordinary, meta={"name": "test"})
    lm = LinearModel.from_dict(json.loads(json.dumps(fitted)))
    assert lm.meta["nhs_negatives"] == len(ordinary)
    z = lm.logits(analysis.analyze("The glorbic team told me nothing could be done.").features)
    assert z[lm.out_index["risk:legal_threat"]] > 0
    assert "risk:self_harm" not in lm.out_index  # no examples: left to the patterns


def _ordinary_rows():
    return [dataset.Row(id=str(i), text=t, sentiment="positive", criticality=3, code="cc", topic=None,
                        organization="Trust T", question_id="Trust T - Q1")
            for i, t in enumerate(["Staff were kind.", "Food was cold.", "Parking was hard.", "Great nurses."] * 5)]


def test_the_abuse_sets_retrain_the_abuse_head_and_leave_every_other_output_as_it_was():
    pytest.importorskip("sklearn")
    from careloop.classifier import train

    examples = [{"text": f"The nurse called me a name because of my accent, visit {i}.",
                 "flags": ["discrimination_abuse"]} for i in range(6)]
    examples += [{"text": f"They gave me the wrong tablets twice, visit {i}.", "flags": ["patient_safety"]}
                 for i in range(6)]
    abuse = [{"text": f"The porter mocked my accent and called me a name, visit {i}.",
              "flags": ["discrimination_abuse"]} for i in range(6)]
    abuse += [{"text": "The porter was kind about my accent.", "flags": []}]
    plain = LinearModel.from_dict(train.fit_risk(examples, _ordinary_rows(), meta={"name": "test"}))
    fitted = train.fit_risk(examples, _ordinary_rows(), meta={"name": "test"}, abuse_examples=abuse)
    wider = LinearModel.from_dict(json.loads(json.dumps(fitted)))
    assert wider.index == plain.index and wider.meta["abuse_examples"] == len(abuse)
    k = plain.out_index["risk:discrimination_abuse"]
    others = [i for i in range(plain.weights.shape[1]) if i != k]   # the norm column included
    assert np.array_equal(wider.weights[:, others], plain.weights[:, others])
    assert np.array_equal(np.delete(wider.bias, k), np.delete(plain.bias, k))
    assert not np.array_equal(wider.weights[:, k], plain.weights[:, k])
    # It learned from the new examples, through words it already had ("porter" and
    # "mocked" are not among them).
    assert "porter" not in wider.index and "mocked" not in wider.index
    new_cases = [analysis.analyze(e["text"]).features for e in abuse if e["flags"]]
    assert (np.mean([wider.logits(f)[k] for f in new_cases]) > np.mean([plain.logits(f)[k] for f in new_cases]))


def test_the_shipped_risk_tier_names_the_sets_its_abuse_head_also_learned_from():
    shipped = LinearModel.load(model.RISK_MODEL_PATH)
    from careloop.classifier import train

    assert shipped.meta["abuse_sets"] == list(train.ABUSE_TRAIN_SETS)
    assert not set(train.ABUSE_TRAIN_SETS) & set(train.RISK_TRAIN_SETS)


def test_results_name_both_models_and_only_the_sentiment_model_without_the_tier():
    assert "+careloop-risk-" in model.classify("Good").model_version
    try:
        model.use_risk_model(None)
        assert "+" not in model.classify("Good").model_version
    finally:
        model.reload()


def test_the_shipped_risk_tier_names_the_sets_its_privacy_head_also_learned_from():
    shipped = LinearModel.load(model.RISK_MODEL_PATH)
    from careloop.classifier import train

    assert shipped.meta["privacy_sets"] == list(train.PRIVACY_TRAIN_SETS)
    assert not set(train.PRIVACY_TRAIN_SETS) & (set(train.RISK_TRAIN_SETS) | set(train.ABUSE_TRAIN_SETS))
    # The never-tuned twin stays out of every head.
    assert "risk_flags_blind41.jsonl" not in train.PRIVACY_TRAIN_SETS + train.RISK_TRAIN_SETS + train.ABUSE_TRAIN_SETS
