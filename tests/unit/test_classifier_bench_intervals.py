"""The classifier benchmark's bootstrap intervals (pure numpy; no model, no data)."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "classifier_bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("classifier_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labels(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(("negative", "neutral", "positive")) for _ in range(n)]


def test_perfect_predictions_have_a_zero_width_interval_at_one(bench):
    gold = _labels(300, 1)
    ci = bench.bootstrap(gold, gold, resamples=200)
    assert ci["neg_f1"] == (1.0, 1.0)
    assert ci["macro_f1"] == (1.0, 1.0)


def test_the_interval_brackets_the_figure_measured_on_the_whole_set(bench):
    gold = _labels(600, 2)
    rng = random.Random(3)
    pred = [g if rng.random() < 0.7 else rng.choice(("negative", "neutral", "positive")) for g in gold]
    _, _, f1 = bench.prf([g == "negative" for g in gold], [p == "negative" for p in pred])
    ci = bench.bootstrap(gold, pred, resamples=500)
    assert ci["neg_f1"][0] < f1 < ci["neg_f1"][1]
    assert ci["macro_f1"][0] < bench.macro_f1(gold, pred) < ci["macro_f1"][1]
    assert ci["neg_f1"][1] - ci["neg_f1"][0] < 0.2


def test_a_system_compared_with_itself_differs_by_exactly_zero_on_every_resample(bench):
    gold = _labels(200, 4)
    pred = _labels(200, 5)
    assert bench.bootstrap(gold, pred, pred, resamples=200)["macro_diff"] == (0.0, 0.0)


def test_a_clearly_better_system_has_a_difference_interval_above_zero(bench):
    gold = _labels(500, 6)
    rng = random.Random(7)
    good = [g if rng.random() < 0.9 else "neutral" for g in gold]
    poor = [g if rng.random() < 0.4 else "neutral" for g in gold]
    lo, hi = bench.bootstrap(gold, good, poor, resamples=300)["macro_diff"]
    assert 0.0 < lo < hi


def test_the_same_seed_gives_the_same_interval(bench):
    gold, pred = _labels(250, 8), _labels(250, 9)
    assert bench.bootstrap(gold, pred, resamples=100) == bench.bootstrap(gold, pred, resamples=100)
