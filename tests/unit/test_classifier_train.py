"""Training is reproducible (needs the `bench` extra and the shared dataset; skipped otherwise)."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("sklearn")

from careloop.classifier import analysis, dataset, train  # noqa: E402
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


def test_with_too_few_long_documents_they_share_the_comment_threshold(rows):
    analyses = [analysis.analyze(r.text) for r in rows]
    n_long = sum(a.sentences is not None for a in analyses)
    assert n_long < train.MIN_LONG_DOCS_FOR_THRESHOLD
    comments, long_docs = train.tune_threshold(rows, [a.features for a in analyses], train.DEFAULTS,
                                               [a.sentences for a in analyses])
    assert comments == long_docs


def test_the_long_document_threshold_is_tuned_on_long_documents_and_never_below_the_comment_one(rows):
    every_other = dataset.load("text_data")[::2]
    analyses = [analysis.analyze(r.text) for r in every_other]
    assert sum(a.sentences is not None for a in analyses) >= train.MIN_LONG_DOCS_FOR_THRESHOLD
    feats = [a.features for a in analyses]
    comments, long_docs = train.tune_threshold(every_other, feats, train.DEFAULTS, [a.sentences for a in analyses])
    assert long_docs >= comments
    # Scored as whole comments (no sentences given), the long documents get no threshold of their own.
    assert train.tune_threshold(every_other, feats, train.DEFAULTS) == (comments, comments)


def test_the_best_threshold_balances_recall_over_precision():
    probs = np.array([0.1, 0.2, 0.3, 0.6, 0.7, 0.9])
    gold = np.array([False, False, True, False, True, True])
    # beta 1.5 prefers catching all three negatives (above 0.2) to a cleaner cut above 0.6;
    # the lowest threshold of the best cut is returned.
    assert train._best_threshold(probs, gold, 1.5) == 0.21
    assert train._best_threshold(probs, gold, 0.5) == 0.61


def test_a_training_set_without_neutral_comments_trains_and_gives_neutral_no_probability(rows):
    two_classes = [r for r in rows if r.sentiment != "neutral"]
    trained = train.fit(two_classes)  # the threshold's cross-validation trains on these rows too
    m = LinearModel.from_dict(trained)
    feats = train.doc_features("The staff were rude and we waited for hours.")
    z = m.logits(feats)[:3]
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert p[1] < 1e-6
    assert p[0] >= trained["meta"]["neg_threshold"]  # still reads the complaint as one


def test_with_two_classes_the_weights_give_the_same_probabilities_as_scikit_learn(rows):
    from sklearn.linear_model import LogisticRegression

    two_classes = [r for r in rows if r.sentiment != "neutral"]
    feats = [train.doc_features(r.text) for r in two_classes]
    vocab_list, idf = train.build_vocab(feats, 2)
    X = train._matrix(feats, {f: i for i, f in enumerate(vocab_list)}, idf)
    y = [r.sentiment for r in two_classes]
    W, b = train._fit_sentiment(X, y, 4.0)
    reference = LogisticRegression(C=4.0, max_iter=3000, solver="lbfgs").fit(X, y)
    expected = reference.predict_proba(X)[:, list(reference.classes_).index("negative")]
    assert np.allclose(train._neg_prob(W, b, X), expected, atol=1e-6)


def test_training_rows_with_a_single_sentiment_are_refused_with_a_reason(rows):
    positive_only = [r for r in rows if r.sentiment == "positive"]
    with pytest.raises(train.TrainingDataError, match="at least two of negative, neutral, positive.*'positive'"):
        train.fit(positive_only, tune=False)


def test_the_train_command_reports_unusable_data_and_exits_2(tmp_path, capsys):
    header = "code,label,subcategory,feedback,criticality,organization,question,row_index\n"
    (tmp_path / "text_data.csv").write_text(
        header + "".join(f"cc,Care,Care,Lovely staff number {i}.,3,Trust A,Trust A - Q1,{i}\n" for i in range(30)),
        encoding="utf-8")
    (tmp_path / "care_opinion.csv").write_text(header, encoding="utf-8")
    out = tmp_path / "model.json"
    status = train.main(["--data-dir", str(tmp_path), "--out", str(out), "--risk-out", str(tmp_path / "risk.json")])
    assert status == 2
    assert "error: the sentiment model needs at least two of" in capsys.readouterr().err
    assert not out.exists()
