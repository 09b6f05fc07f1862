"""Training is reproducible (needs the `bench` extra and the shared dataset; skipped otherwise)."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("sklearn")

from careloop.classifier import dataset, train  # noqa: E402
from careloop.classifier.linear import LinearModel  # noqa: E402


@pytest.fixture(scope="module")
def rows():
    path = dataset.data_dir() / "text_data.csv"
    if not path.exists():
        pytest.skip("shared dataset not available")
    return dataset.load("text_data")[::6]


def test_dirty_criticality_values_are_skipped_not_fatal():
    assert dataset.parse_criticality("-o") is None
    assert dataset.parse_criticality("NA") is None
    assert dataset.parse_criticality("-9") is None
    assert dataset.parse_criticality(" -3 ") == -3
    assert dataset.sentiment_of(-1) == "negative" and dataset.sentiment_of(0) == "neutral"


def test_training_twice_on_the_same_rows_gives_the_same_model(rows):
    a = train.fit(rows, tune=False)
    b = train.fit(rows, tune=False)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_a_trained_model_round_trips_through_json(rows):
    m = train.fit(rows, tune=False)
    lm = LinearModel.from_dict(json.loads(json.dumps(m)))
    assert lm.outputs[:3] == ["sentiment:negative", "sentiment:neutral", "sentiment:positive"]
    feats = train.doc_features("The staff were rude and we waited for hours.")
    direct = LinearModel.from_dict(m).logits(feats)
    assert list(lm.logits(feats)) == list(direct)
