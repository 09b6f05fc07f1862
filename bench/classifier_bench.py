"""Classifier benchmark: careloop vs VADER vs TF-IDF + logistic regression.

    .venv/bin/python bench/classifier_bench.py [--folds A,B,C,CO,CO2] [--no-speed] [--data-dir DIR]

Held-out evaluation on whole trusts (never seen in training):
  fold "Trust A" = train on Trust B + Trust C of text_data.csv, test on Trust A (and
  likewise B, C); fold "Care Opinion" = train on all of text_data.csv, test on
  care_opinion.csv. careloop is retrained per fold with the same code as
  `python -m careloop.classifier.train` (careloop.classifier.train.fit), so the shipped
  model (trained on everything) is never scored on its own training data.
Gold: criticality < 0 negative, 0 neutral, > 0 positive (dirty values skipped).
careloop is scored twice: text only (no question, no rating: an email), and given the
survey question each comment answered (dataset.QUESTION_TEXT), as a survey feed sends
it. Care Opinion stories have no question, so both rows are the same there.
Per fold the benchmark also prints the best negative F1 any threshold on the TF-IDF
baseline's P(negative) reaches at recall >= 0.90 (an oracle: it looks at the test
labels), to show how far the labels allow a bag-of-words model to go, and a target line
with 95% bootstrap intervals (resampled documents; paired for the macro-F1 lead over
the better baseline), to show how much of a figure the test set can vouch for.
"CO2" adds a clearly marked fold that is not held out: Care Opinion two-fold with half
of the stories in training, the condition of the shipped model (trained on all data).
Needs the `bench` extra: scikit-learn, vaderSentiment.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from careloop.classifier import analysis, dataset, model as cl_model, train  # noqa: E402
from careloop.classifier.lexicon import RISK_FLAG_ORDER, TOPIC_CODES  # noqa: E402

SENTS = ("negative", "neutral", "positive")


# --------------------------------------------------------------------------- metrics

def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum((not g) and p for g, p in zip(gold, pred))
    fn = sum(g and (not p) for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def macro_f1(gold: list[str], pred: list[str]) -> float:
    return statistics.mean(prf([g == c for g in gold], [p == c for p in pred])[2] for c in SENTS)


BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20261127


def _f1_from_counts(tp: np.ndarray, n_pred: np.ndarray, n_gold: np.ndarray) -> np.ndarray:
    """F1 = 2 tp / (predicted + gold), 0 where both are empty (elementwise)."""
    den = n_pred + n_gold
    return np.where(den > 0, 2.0 * tp / np.maximum(den, 1), 0.0)


def bootstrap(gold: list[str], pred: list[str], other: list[str] | None = None,
              resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> dict[str, tuple[float, float]]:
    """95% percentile intervals over documents resampled with replacement.

    Returns {"neg_f1": (lo, hi), "macro_f1": (lo, hi)} for `pred`, and, when `other`
    (another system's predictions for the same documents) is given, "macro_diff": the
    interval of macro F1(pred) - macro F1(other) on the same resamples (paired), so a
    lead whose interval includes 0 is not shown by this test set.
    """
    codes = {c: i for i, c in enumerate(SENTS)}
    g = np.fromiter((codes[x] for x in gold), dtype=np.int8, count=len(gold))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(g), size=(resamples, len(g)))
    gs = g[idx]

    def per_class_f1(labels: list[str]) -> np.ndarray:   # (resamples, 3)
        ps = np.fromiter((codes[x] for x in labels), dtype=np.int8, count=len(labels))[idx]
        cols = []
        for c in range(len(SENTS)):
            gc, pc = gs == c, ps == c
            cols.append(_f1_from_counts((gc & pc).sum(1), pc.sum(1), gc.sum(1)))
        return np.stack(cols, axis=1)

    def interval(x: np.ndarray) -> tuple[float, float]:
        lo, hi = np.percentile(x, [2.5, 97.5])
        return float(lo), float(hi)

    f1 = per_class_f1(pred)
    out = {"neg_f1": interval(f1[:, codes["negative"]]), "macro_f1": interval(f1.mean(1))}
    if other is not None:
        out["macro_diff"] = interval(f1.mean(1) - per_class_f1(other).mean(1))
    return out


def topic_prf(gold: list[str | None], pred: list[tuple[str, ...]]) -> dict[str, tuple[float, float, int]]:
    out = {}
    for t in TOPIC_CODES:
        g = [x == t for x in gold]
        if not any(g):
            continue
        p = [t in x for x in pred]
        prec, rec, _ = prf(g, p)
        out[t] = (prec, rec, sum(g))
    return out


# --------------------------------------------------------------------------- systems

class Vader:
    name = "VADER"

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        self.sia = SentimentIntensityAnalyzer()

    def predict(self, texts: list[str]) -> list[str]:
        out = []
        for t in texts:
            c = self.sia.polarity_scores(t)["compound"]
            out.append("negative" if c <= -0.05 else "positive" if c >= 0.05 else "neutral")
        return out


class TfidfLR:
    name = "TF-IDF+LR"

    def __init__(self, rows: list[dataset.Row]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        self.vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        X = self.vec.fit_transform([r.text for r in rows])
        self.clf = LogisticRegression(C=4.0, max_iter=3000).fit(X, [r.sentiment for r in rows])
        self.topics = {}
        for t in TOPIC_CODES:
            y = [r.topic == t for r in rows]
            if sum(y) >= 20:
                self.topics[t] = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced").fit(X, y)

    def predict(self, texts: list[str]) -> list[str]:
        return list(self.clf.predict(self.vec.transform(texts)))

    def neg_proba(self, texts: list[str]) -> list[float]:
        col = list(self.clf.classes_).index("negative")
        return list(self.clf.predict_proba(self.vec.transform(texts))[:, col])

    def predict_topics(self, texts: list[str]) -> list[tuple[str, ...]]:
        X = self.vec.transform(texts)
        cols = {t: m.predict_proba(X)[:, 1] for t, m in self.topics.items()}
        return [tuple(t for t in cols if cols[t][i] >= 0.5) or ("other",) for i in range(len(texts))]


# --------------------------------------------------------------------------- helpers

def machine() -> str:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} logical CPUs, "
            f"Python {platform.python_version()}, numpy {np.__version__}")


def timed_batch(fn, texts, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best


def p99_single(fn, texts, n: int = 2000) -> float:
    sample = [texts[i % len(texts)] for i in range(0, n * 7, 7)]
    lat = []
    for t in sample:
        t0 = time.perf_counter()
        fn(t)
        lat.append(time.perf_counter() - t0)
    lat.sort()
    return lat[int(0.99 * (len(lat) - 1))] * 1000


def fmt(x: float) -> str:
    return f"{x:.3f}"


# --------------------------------------------------------------------------- main

SETTINGS: dict = {}


def oracle_f1_at_recall(p_neg: list[float], gold: list[bool], min_recall: float) -> tuple[float, float]:
    """(F1, precision) of the best threshold on `p_neg` whose recall is >= min_recall."""
    order = np.argsort(-np.asarray(p_neg), kind="stable")
    y = np.asarray(gold, dtype=bool)[order]
    tp = np.cumsum(y)
    k = np.arange(1, len(y) + 1)
    prec, rec = tp / k, tp / max(1, int(y.sum()))
    f1 = np.where(prec + rec > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0.0)
    ok = np.where(rec >= min_recall, f1, -1.0)
    i = int(np.argmax(ok))
    return float(f1[i]), float(prec[i])


def run_fold(name: str, train_rows, test_rows, vader: Vader, speed: bool) -> dict:
    t0 = time.perf_counter()
    m = train.fit(train_rows, settings=SETTINGS, meta={"version": f"bench-{name}"})
    fit_s = time.perf_counter() - t0
    cl_model.use_model(m)
    texts = [r.text for r in test_rows]
    gold = [r.sentiment for r in test_rows]
    res = {}

    recs = [{"text": t} for t in texts]
    # The first pass over the held-out texts is timed on its own: the cue patterns keep a
    # per-word cache (patterns.PatternSet), which training filled with the other trusts'
    # words only, so later passes over the same texts are faster than new feedback is.
    # It is timed three times, each time from the plans training left (best of 3, as
    # the other figures are): one pass alone moved by half with the machine's hiccups.
    cl_model.classify_batch(recs[:1])   # the new model's vocabulary tables, built once per load
    cl_model.compile_patterns()          # as the classifier service does at start
    matchers = cl_model.pattern_matchers()
    left_by_training = [matcher.plans() for matcher in matchers]
    first_pass_s = float("inf")
    for _ in range(3):
        for matcher, plans in zip(matchers, left_by_training):
            matcher.use_plans(plans)
        t0 = time.perf_counter()
        cls = cl_model.classify_batch(recs)
        first_pass_s = min(first_pass_s, time.perf_counter() - t0)
    res["careloop"] = {"pred": [c.sentiment for c in cls], "topics": [c.topics for c in cls]}
    # The routing sample's rows among the held-out ones, as this fold's model reads them
    # (routing_section: routing by a model that never saw the comment's trust).
    routed = _routing_ids()
    res["careloop"]["routing_sample"] = {r.id: c for r, c in zip(test_rows, cls) if r.id in routed}
    recs_q = [{"text": r.text, "question": r.question} for r in test_rows]
    cq = cl_model.classify_batch(recs_q)
    res["careloop+question"] = {"pred": [c.sentiment for c in cq], "topics": [c.topics for c in cq]}
    base = TfidfLR(train_rows)
    res["TF-IDF+LR"] = {"pred": base.predict(texts), "topics": base.predict_topics(texts)}
    oracle = oracle_f1_at_recall(base.neg_proba(texts), [g == "negative" for g in gold], 0.90)
    res["VADER"] = {"pred": vader.predict(texts), "topics": None}

    if speed:
        res["careloop"]["first_docs_s"] = len(texts) / first_pass_s
        res["careloop"]["docs_s"] = timed_batch(lambda ts: cl_model.classify_batch([{"text": t} for t in ts]), texts)
        res["careloop"]["p99_ms"] = p99_single(lambda t: cl_model.classify(t), texts)
        res["TF-IDF+LR"]["docs_s"] = timed_batch(base.predict, texts)
        res["TF-IDF+LR"]["p99_ms"] = p99_single(lambda t: base.predict([t]), texts, 500)
        res["VADER"]["docs_s"] = timed_batch(vader.predict, texts, 1)
        res["VADER"]["p99_ms"] = p99_single(lambda t: vader.predict([t]), texts, 1000)
    return {"name": name, "gold": gold, "topics_gold": [r.topic for r in test_rows], "res": res,
            "n": len(test_rows), "n_train": len(train_rows), "fit_s": fit_s,
            "neg_threshold": m["meta"]["neg_threshold"],
            "long_threshold": m["meta"].get("long_doc_neg_threshold"), "oracle": oracle,
            "mean_chars": statistics.mean(len(t) for t in texts)}


def print_fold(f: dict) -> None:
    print(f"\n=== held out: {f['name']}  (test {f['n']} docs, mean {f['mean_chars']:.0f} chars; "
          f"train {f['n_train']} docs; careloop fit {f['fit_s']:.1f}s, neg threshold {f['neg_threshold']}, "
          f"long documents {f['long_threshold']})")
    gold = f["gold"]
    gneg = [g == "negative" for g in gold]
    print(f"gold: {sum(gneg)} negative / {gold.count('neutral')} neutral / {gold.count('positive')} positive")
    hdr = f"{'system':<20}{'neg P':>8}{'neg R':>8}{'neg F1':>8}{'macroF1':>9}{'docs/s':>10}{'1st pass':>10}{'p99 ms':>9}"
    print(hdr)
    print("-" * len(hdr))
    for sysname, r in f["res"].items():
        p, rc, f1 = prf(gneg, [x == "negative" for x in r["pred"]])
        mf = macro_f1(gold, r["pred"])
        ds = f"{r['docs_s']:,.0f}" if "docs_s" in r else "-"
        first = f"{r['first_docs_s']:,.0f}" if "first_docs_s" in r else "-"
        p99 = f"{r['p99_ms']:.2f}" if "p99_ms" in r else "-"
        print(f"{sysname:<20}{fmt(p):>8}{fmt(rc):>8}{fmt(f1):>8}{fmt(mf):>9}{ds:>10}{first:>10}{p99:>9}")
    of1, oprec = f["oracle"]
    print(f"label ceiling: TF-IDF+LR's P(negative) at its best threshold with recall >= 0.90 (oracle, "
          f"uses the test labels): F1 {of1:.3f} (precision {oprec:.3f})")
    print_targets(f)
    print("per-topic precision / recall (gold = NHS subcategory mapped by TOPICS.md; one gold topic per "
          "comment, so multi-label precision is a lower bound):")
    systems = [(s, r) for s, r in f["res"].items() if r["topics"] is not None and s != "careloop+question"]
    tables = {s: topic_prf(f["topics_gold"], r["topics"]) for s, r in systems}
    print(f"  {'topic':<24}{'n':>6}" + "".join(f"{s + ' P':>16}{s + ' R':>14}" for s, _ in systems))
    for t in TOPIC_CODES:
        if t not in tables[systems[0][0]]:
            continue
        n = tables[systems[0][0]][t][2]
        cells = "".join(f"{fmt(tables[s][t][0]):>16}{fmt(tables[s][t][1]):>14}" for s, _ in systems)
        print(f"  {t:<24}{n:>6}{cells}")


def print_targets(f: dict) -> None:
    """One line per careloop row: the issue's sentiment targets met or not on this fold."""
    gold = f["gold"]
    gneg = [g == "negative" for g in gold]
    base = {s: macro_f1(gold, f["res"][s]["pred"]) for s in ("TF-IDF+LR", "VADER")}
    for sysname in ("careloop", "careloop+question"):
        pred = f["res"][sysname]["pred"]
        _, rc, f1 = prf(gneg, [x == "negative" for x in pred])
        mf = macro_f1(gold, pred)
        neg_ok = rc >= 0.90 and f1 >= 0.80
        macro_ok = mf > max(base.values())
        print(f"targets {sysname:<18} neg recall >= 0.90 and F1 >= 0.80: {'met' if neg_ok else 'NOT met'}; "
              f"macro F1 above both baselines: {'met' if macro_ok else 'NOT met'}")
        best_base = max(base, key=base.get)
        ci = bootstrap(gold, pred, f["res"][best_base]["pred"])
        print(f"  95% bootstrap intervals ({BOOTSTRAP_RESAMPLES} resamples of the documents): neg F1 "
              f"{f1:.3f} [{ci['neg_f1'][0]:.3f}, {ci['neg_f1'][1]:.3f}]; macro F1 minus {best_base}'s "
              f"{mf - base[best_base]:+.3f} [{ci['macro_diff'][0]:+.3f}, {ci['macro_diff'][1]:+.3f}]")


def pooled(folds: list[dict]) -> None:
    print("\n=== pooled over the held-out trusts (Trust A + B + C folds)")
    trust = [f for f in folds if f["name"].startswith("Trust")]
    if not trust:
        return
    hdr = f"{'system':<20}{'neg P':>8}{'neg R':>8}{'neg F1':>8}{'macroF1':>9}"
    print(hdr)
    print("-" * len(hdr))
    for sysname in trust[0]["res"]:
        gold = sum((f["gold"] for f in trust), [])
        pred = sum((f["res"][sysname]["pred"] for f in trust), [])
        p, rc, f1 = prf([g == "negative" for g in gold], [x == "negative" for x in pred])
        print(f"{sysname:<20}{fmt(p):>8}{fmt(rc):>8}{fmt(f1):>8}{fmt(macro_f1(gold, pred)):>9}")


FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "classifier"
RISK_SETS = (
    ("risk_flags.jsonl", "labelled set (242, written for the project; patterns were tuned on it)"),
    ("risk_flags_holdout.jsonl", "holdout (60; first measured blind at recall 0.14, then tuned on)"),
    ("risk_flags_blind.jsonl", "blind set 1 (40; first measured blind at recall 0.28, then tuned on)"),
    ("risk_flags_blind2.jsonl", "blind set 2 (40; never tuned on; first measured at recall 0.34; with set 3, "
                                "used to choose the learned tier's threshold among 0.5 / 0.7 / 0.85)"),
    ("risk_flags_blind3.jsonl", "blind set 3 (111 incl. 45 hard negatives; never tuned on; first measured at "
                                "P 0.868 / R 0.855 before the paraphrase families were added)"),
    ("risk_flags_blind4.jsonl", "blind set 4 (75 incl. 22 hard negatives and 3 Spanish; first measured blind at "
                                "P 0.780 / R 0.852, then tuned on)"),
    ("risk_flags_blind5.jsonl", "blind set 5 (50 incl. 13 hard negatives; first measured blind at P 0.791 / R 0.791 "
                                "with 6 hard negatives flagged, then tuned on and added to the learned tier's training)"),
    ("risk_flags_blind6.jsonl", "blind set 6 (60 incl. 18 hard negatives; first measured blind at P 0.732 / R 0.872 "
                                "with 8 hard negatives flagged, then tuned on)"),
    ("risk_flags_blind7.jsonl", "blind set 7 (55 incl. 16 hard negatives; written after set 6's changes; first "
                                "measured blind at P 0.795 / R 0.795 with 4 hard negatives flagged, then tuned on)"),
    ("risk_flags_blind8.jsonl", "blind set 8 (50 incl. 15 hard negatives; written after set 7's changes; first "
                                "measured blind at P 0.727 / R 0.667 with 7 hard negatives flagged, then tuned on; "
                                "not in the learned tier's training)"),
    ("risk_flags_blind9.jsonl", "blind set 9 (40 incl. 12 hard negatives; written after set 8's changes; no pattern "
                                "tuned on it; first sight P 0.773 / R 0.567; used with sets 2 and 3 to recheck the "
                                "learned tier's threshold, kept at 0.85; one of its misses prompted the 0.95 bar "
                                "for non-complaints)"),
    ("risk_flags_blind10.jsonl", "blind set 10 (112 incl. 30 hard negatives; written after set 9 as extra training "
                                 "for the learned tier, which it did not help; never tuned on; first sight P 0.849 / "
                                 "R 0.674 with 5 hard negatives flagged)"),
    ("risk_flags_blind11.jsonl", "blind set 11 (40 incl. 12 hard negatives; written last, after the learned tier's "
                                 "changes; first measured blind at P 0.818 / R 0.581 with 2 hard negatives flagged, "
                                 "then its plainest misses tuned on)"),
    ("risk_flags_blind12.jsonl", "blind set 12 (30, self-harm wording, incl. 10 hard negatives; first measured blind "
                                 "at P 0.773 / R 0.654, self-harm 15 of 20, 1 hard negative flagged; then tuned on)"),
    ("risk_flags_blind13.jsonl", "blind set 13 (46 over all five flags, incl. 12 hard negatives; first measured blind "
                                 "at P 0.769 / R 0.857 with 6 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind14.jsonl", "blind set 14 (30 multi-sentence reviews, incl. 8 hard negatives; first measured "
                                 "blind at P 0.731 / R 0.731 with 3 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind15.jsonl", "blind set 15 (40 in US hospital wording, incl. 12 hard negatives; first measured "
                                 "blind at P 0.724 / R 0.677 with 5 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind16.jsonl", "blind set 16 (30, incl. 8 hard negatives, written after the category families; "
                                 "first measured blind at P 0.842 / R 0.696 with 2 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind17.jsonl", "blind set 17 (40 letters and emails to a patient-experience team, incl. 10 hard "
                                 "negatives; first measured blind at P 0.737 / R 0.800 with 4 hard negatives flagged; "
                                 "then tuned on)"),
    ("risk_flags_blind18.jsonl", "blind set 18 (40 short survey comments typed as patients type, incl. 10 hard "
                                 "negatives; written after set 17's changes; first measured blind at P 0.879 / R 0.784 "
                                 "with 2 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind19.jsonl", "blind set 19 (40 online reviews, incl. 10 hard negatives; written after set 18's "
                                 "changes; first measured blind at P 0.857 / R 0.727 with 1 hard negative flagged; "
                                 "then tuned on)"),
    ("risk_flags_blind20.jsonl", "blind set 20 (40 web-form complaints and relatives' reports, incl. 10 hard "
                                 "negatives; written after set 19's changes; never tuned on; first sight P 0.783 / "
                                 "R 0.514 with 2 hard negatives flagged)"),
    ("risk_flags_blind21.jsonl", "blind set 21 (40 notes of calls to a patient advice service, third person, incl. 10 "
                                 "hard negatives; written after set 20 and the fifth Spanish set; first measured "
                                 "blind at P 0.811 / R 0.968 with 3 hard negatives flagged; then tuned on)"),
    ("risk_flags_blind22.jsonl", "blind set 22 (30 on self-harm, incl. 10 hard negatives; written after set 21's "
                                 "changes; first measured blind at P 0.800 / R 0.727 with 2 hard negatives flagged; "
                                 "then tuned on)"),
    ("risk_flags_blind23.jsonl", "blind set 23 (50 messages to a patient-relations inbox, email, SMS, web form and "
                                 "social media, incl. 10 hard negatives; written after set 22 and the inbox sets; "
                                 "first measured blind at P 0.833 / R 0.814 with 4 hard negatives flagged; then tuned "
                                 "on)"),
    ("risk_flags_blind24.jsonl", "blind set 24 (50: 20 long stories, 20 survey comments, 10 emails, incl. 30 hard "
                                 "negatives; written after the real-feedback vetoes, without sight of them; first "
                                 "sight P 0.545 / R 0.889 with 15 hard negatives flagged (the code before the vetoes: "
                                 "P 0.520 / R 0.963, 17); then tuned on)"),
    ("risk_flags_blind25.jsonl", "blind set 25 (50 of the same mix, incl. 30 hard negatives; written after every "
                                 "veto; first sight P 0.487 / R 0.760 with 16 hard negatives flagged (the code of "
                                 "e1f49a5: P 0.444 / R 0.800, 18); its one lost privacy breach, with set 24's, put "
                                 "privacy back in the long-document second tier; no pattern tuned on it)"),
    ("risk_flags_blind26.jsonl", "blind set 26 (60: 40 risks told plainly, as the real near misses were (late "
                                 "medicines, harm from a procedure, basic care left undone, mental-health patients "
                                 "left without care, staff mocking distress), 20 hard negatives; first sight P 0.806 "
                                 "/ R 0.592, patient safety R 0.45; then tuned on and added to the learned tier's "
                                 "training)"),
    ("risk_flags_blind27.jsonl", "blind set 27 (60, written from the same brief as set 26 at the same time, by another "
                                 "writer, and never tuned on: first sight P 0.871 / R 0.562, patient safety R 0.37; "
                                 "measured once after set 26's tuning)"),
    ("risk_flags_blind28.jsonl", "blind set 28 (70: 45 risks of all five kinds told plainly, 30 short and 15 long, and "
                                 "25 hard negatives; first sight P 0.714 / R 0.714 with 9 hard negatives flagged; then "
                                 "tuned on)"),
    ("risk_flags_blind29.jsonl", "blind set 29 (70, the same brief, another writer; first sight P 0.778 / R 0.673 with 5 "
                                 "hard negatives flagged; then tuned on)"),
    ("risk_flags_blind30.jsonl", "blind set 30 (70, the same brief, a third writer, written at the same time and never "
                                 "tuned on: first sight P 0.837 / R 0.720 with 4 hard negatives flagged; measured once "
                                 "after sets 28 and 29's tuning)"),
    ("risk_flags_blind31.jsonl", "blind set 31 (65: 40 abuse and discrimination told plainly, some with other flags, "
                                 "and 25 hard negatives; first sight P 0.723 / R 0.548 with 7 hard negatives flagged; "
                                 "then tuned on; trains the learned abuse head since session 15)"),
    ("risk_flags_blind32.jsonl", "blind set 32 (65, the same brief, another writer: first sight P 0.625 / R 0.490, "
                                 "abuse R 0.42, 4 hard negatives flagged; the same after set 31's tuning; tuned on "
                                 "in session 14, 2026-11-28; trains the learned abuse head since session 15)"),
    ("risk_flags_blind33.jsonl", "blind set 33 (70: 40 survey comments and 30 stories in NHS patients' wording, 45 with a "
                                 "risk, mostly care left undone, and 25 hard negatives; written after the session's "
                                 "real-feedback patterns and never tuned on: first sight P 0.672 / R 0.872, patient "
                                 "safety R 0.93, abuse R 0.60, 8 hard negatives flagged; the code before the session's "
                                 "changes read the same)"),
    ("risk_flags_blind34.jsonl", "blind set 34 (70: 40 with a risk and 30 hard negatives made to look risky to a "
                                 "keyword system, in NHS patients' wording; first sight P 0.594 / R 0.864 with 17 hard "
                                 "negatives flagged; then tuned on)"),
    ("risk_flags_blind35.jsonl", "blind set 35 (70, the same brief, another writer, never tuned on: first sight P 0.569 "
                                 "/ R 0.953 with 20 hard negatives flagged; P 0.577 / R 0.953 with 19 after set 34's "
                                 "tuning)"),
    ("risk_flags_blind36.jsonl", "blind set 36 (65: set 31's brief, abuse and discrimination told plainly, 40 of them "
                                 "and 25 hard negatives, by another writer; first sight P 0.569 / R 0.500, abuse R "
                                 "0.425, 10 hard negatives flagged; then tuned on; trains the learned abuse head "
                                 "since session 15)"),
    ("risk_flags_blind37.jsonl", "blind set 37 (65, the same brief, a third writer, at the same time, never tuned on: "
                                 "first sight P 0.756 / R 0.618, abuse R 0.525, 4 hard negatives flagged; measured "
                                 "once after the tuning on sets 32 and 36 (P 0.800 / R 0.655, abuse R 0.575), and "
                                 "once after the learned abuse head learned from sets 31, 32 and 36)"),
    ("risk_flags_blind38.jsonl", "blind set 38 (60: 44 with a risk told plainly, weighted to abuse and patient safety, "
                                 "16 hard negatives; UK and US; session 17): first sight P 0.755 / R 0.740, 5 hard "
                                 "negatives flagged; then the English concept pairs written from it"),
    ("risk_flags_blind39.jsonl", "blind set 39 (60, the same brief weighted to privacy, another writer, at the same "
                                 "time, never tuned on: first sight P 0.760 / R 0.826, privacy 5 of 12, 2 hard "
                                 "negatives flagged; measured once after the English concept pairs); then tuned on and "
                                 "one of the privacy head's three sets"),
    ("risk_flags_blind40.jsonl", "blind set 40 (60: 24 privacy breaches told in everyday words, 20 other risks, 16 hard "
                                 "negatives; session 17): first sight P 0.675 / R 0.587, privacy 7 of 24, 7 hard "
                                 "negatives flagged (0.683 / 0.609 after the pairs from set 38); then tuned on, and "
                                 "one of the privacy head's three sets"),
    ("risk_flags_blind41.jsonl", "blind set 41 (60, the same brief, another writer, at the same time, never tuned on: "
                                 "first sight P 0.610 / R 0.543, privacy 5 of 24, 6 hard negatives flagged; the same "
                                 "after the pattern pairs from sets 38-40; this after the privacy head learned from "
                                 "sets 38-40)"),
)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _risk_scores(rows: list[dict]) -> tuple[float, float, list[str]]:
    return _flag_scores(rows, cl_model.classify_batch([{"text": r["text"]} for r in rows]))


def _flag_counts(gold: list[set[str]], preds: list[set[str]]) -> tuple[int, int, int, list[str]]:
    """Micro (right, wrong, missed) counts of predicted risk flags against gold flag sets,
    and a "flag P/R" cell per flag."""
    tot_tp = tot_fp = tot_fn = 0
    cells = []
    for f in RISK_FLAG_ORDER:
        tp = sum(f in p and f in g for p, g in zip(preds, gold))
        fp = sum(f in p and f not in g for p, g in zip(preds, gold))
        fn = sum(f not in p and f in g for p, g in zip(preds, gold))
        tot_tp, tot_fp, tot_fn = tot_tp + tp, tot_fp + fp, tot_fn + fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        cells.append(f"{f} {prec:.2f}/{rec:.2f}")
    return tot_tp, tot_fp, tot_fn, cells


def _flag_scores(rows: list[dict], results) -> tuple[float, float, list[str]]:
    """Micro precision and recall of the risk flags in `results` against the rows'
    "flags" (none if absent), and a "flag P/R" cell per flag."""
    tp, fp, fn, cells = _flag_counts([set(r.get("flags", [])) for r in rows], [set(c.risk_flags) for c in results])
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, cells


def risk_section(care_opinion) -> None:
    print("\n=== risk flags (careloop.classify on the shipped models; precision / recall per flag, micro overall)")
    print("patterns only = without the learned tier (data/risk_model.json), which trains on the labelled set, "
          "the holdout and blind sets 1, 4-7, 13-19 and 26 (its abuse head also on sets 31, 32 and 36, its privacy head on "
          "sets 38-40); blind sets 2, 3, 9, 10, 20 and 41 are in neither patterns' tuning nor its training")
    for name, desc in RISK_SETS:
        path = FIXTURES / name
        if not path.exists():
            continue
        rows = _jsonl(path)
        print(f"{name}: {desc}")
        cl_model.use_risk_model(None)
        p0, r0, _ = _risk_scores(rows)
        cl_model.reload()
        prec, rec, cells = _risk_scores(rows)
        print(f"  overall P {prec:.3f}  R {rec:.3f}  (patterns only P {p0:.3f}  R {r0:.3f})  |  " + ", ".join(cells))
    texts = [{"text": r.text} for r in care_opinion]
    cl_model.use_risk_model(None)
    before = sum(bool(c.risk_flags) for c in cl_model.classify_batch(texts))
    cl_model.reload()
    after = sum(bool(c.risk_flags) for c in cl_model.classify_batch(texts))
    print(f"Care Opinion stories with any flag: {after} of {len(texts)} ({after / len(texts):.1%}); "
          f"patterns only {before} ({before / len(texts):.1%})")


# Risk flags on real NHS feedback: every comment and story that the code of 2026-11-27
# (e1f49a5) flagged, plus 200 of each file it did not flag, drawn at random (seed
# 20261127) and labelled for the five flags without sight of the classifier's output
# (services/classifier/EVALUATION.md, "Risk flags on real feedback"). The file holds ids
# and labels only; the text stays in the dataset. "tune" rows were read while writing
# the vetoes that followed; "test" rows were not.
REAL_RISK_SAMPLE = Path(__file__).resolve().parent / "data" / "nhs_risk_sample.jsonl"
# Rows added later (sampled "near_miss"): every comment and story the code of 3133e84
# left unflagged that has a word near a risk ("wrong", "fell", "blood", "overdose",
# "disabled", "dignity", ...), outside the first sample, labelled the same way; half by
# CRC32 of the id (even: tune). They measure what the flags miss where misses are
# likeliest, so they are reported apart from the first sample's figures.
NEAR_MISS = "near_miss"


def _agreement(rows: list[dict]) -> str:
    """How far a second, independent labelling of `rows` agrees with the first: items
    with any risk, and each flag that either labelling gives (Cohen's kappa)."""
    from sklearn.metrics import cohen_kappa_score as kappa
    first = [set(r["flags"]) for r in rows]
    second = [set(r["flags_second"]) for r in rows]
    cells = [f"items with a risk {sum(map(bool, first))} vs {sum(map(bool, second))}, kappa "
             f"{kappa([bool(x) for x in first], [bool(y) for y in second]):.2f}"]
    for flag in RISK_FLAG_ORDER:
        a, b = [flag in x for x in first], [flag in y for y in second]
        if any(a) or any(b):
            cells.append(f"{flag} {kappa(a, b):.2f}")
    return "; ".join(cells)


def real_risk_section(text_data, care_opinion) -> None:
    rows = _jsonl(REAL_RISK_SAMPLE)
    print(f"\n=== risk flags on real NHS feedback (bench/data/{REAL_RISK_SAMPLE.name}: {len(rows)} labelled; "
          f"shipped models)")
    for name, data in (("Care Opinion", care_opinion), ("text_data", text_data)):
        res = cl_model.classify_batch([{"text": r.text} for r in data])
        predicted = {r.id: set(c.risk_flags) for r, c in zip(data, res)}

        def counts(part: list[dict]) -> tuple[int, int, int, list[str]]:
            return _flag_counts([set(r["flags"]) for r in part], [predicted[r["id"]] for r in part])

        def caught(part: list[dict]) -> tuple[int, int]:
            """(items with a risk that get a flag, items with a risk) among `part`."""
            risky = [r for r in part if r["flags"]]
            return sum(bool(predicted[r["id"]]) for r in risky), len(risky)
        long_positive = {r.id for r, c in zip(data, res)
                         if c.sentiment == "positive" and len(r.text.split()) > analysis.LONG_DOC_WORDS}
        prefix = data[0].id.split(":", 1)[0] + ":"
        mine = [r for r in rows if r["id"].startswith(prefix)]
        labelled = {r["id"] for r in mine}
        flagged = [i for i, f in predicted.items() if f]
        outside = sum(i not in labelled for i in flagged)
        print(f"{name}: {len(flagged)} of {len(data)} flagged now ({outside} of them outside the labelled sample); "
              f"of the {sum(r['sampled'] == 'unflagged' for r in mine)} sampled unflagged, "
              f"{sum(bool(r['flags']) for r in mine if r['sampled'] == 'unflagged')} have a risk")
        for half in ("tune", "test"):
            part = [r for r in mine if r["half"] == half and r["sampled"] != NEAR_MISS]
            tp, fp, fn, _ = counts(part)
            items = sum(bool(predicted[r["id"]]) for r in part)
            risky_items, risky = caught(part)
            missed = risky - risky_items
            print(f"  {half} half ({len(part)}): flags P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} "
                  f"({tp} right, {fp} wrong, {fn} missed); flagged items with a risk {risky_items}/{items} "
                  f"({risky_items / max(1, items):.3f}); items with a risk and no flag {missed}")
            near = [r for r in mine if r["half"] == half and r["sampled"] == NEAR_MISS]
            if near:
                tp, fp, fn, _ = counts(near)
                flagged_risky, risky = caught(near)
                print(f"    near misses ({len(near)} unflagged at 3133e84 with words near a risk): {risky} have a "
                      f"risk, {flagged_risky} of them flagged now; flags {tp} right, {fp} wrong, {fn} missed")
        on_praise = [r for r in mine if r["id"] in long_positive and r["sampled"] != NEAR_MISS]
        tp, fp, _, _ = counts(on_praise)
        print(f"  flags on documents of over {analysis.LONG_DOC_WORDS} words called positive (both halves): "
              f"{tp} right, {fp} wrong")
        flagged_risky, risky = caught(mine)
        print(f"  every labelled row (both halves, all three strata): items with a risk that get a flag "
              f"{flagged_risky}/{risky} ({flagged_risky / max(1, risky):.3f})")
        second = [r for r in mine if "flags_second" in r and r["sampled"] != NEAR_MISS]
        if second:
            print(f"  second labelling of the test half: {_agreement(second)}")
        second = [r for r in mine if "flags_second" in r and r["sampled"] == NEAR_MISS]
        if second:
            print(f"  second labelling of the near misses (both halves): {_agreement(second)}")


# What real complaints are about, as routing sees them: 300 negative text_data comments
# and 100 negative Care Opinion stories drawn at random (seed 1127), each labelled with
# the groups it complains about and its main one (billing, estates, access, other: the
# demo configuration's teams; services/classifier/EVALUATION.md, "Topics as routing sees
# them"). Ids and labels only. Rows with "half": "fresh" (150 comments, 50 stories,
# seed 20261128) were drawn and labelled after routing on the main topic shipped, so no
# decision saw them.
ROUTING_SAMPLE = Path(__file__).resolve().parent / "data" / "nhs_routing_sample.jsonl"
ROUTING_GROUPS = {"billing": "billing-office", "estates": "estates-facilities", "access": "access-scheduling",
                  "other": "patient-experience"}


def _on_any_topic(routing):
    """`routing` with each rule's main_topic_in read as topics_any: the rules as they
    were before routing on the main topic (for comparison)."""
    rules = []
    for rule in routing.rules:
        when = rule.when
        if when.main_topic_in is not None:
            when = when.model_copy(update={"topics_any": when.main_topic_in, "main_topic_in": None})
        rules.append(rule.model_copy(update={"when": when}))
    return routing.model_copy(update={"rules": rules})


@functools.lru_cache(maxsize=1)
def _routing_ids() -> frozenset[str]:
    """Ids of the routing sample, read once for all folds."""
    return frozenset(r["id"] for r in _jsonl(ROUTING_SAMPLE))


def routing_section(text_data, care_opinion, held_out: dict | None = None) -> None:
    """Routing of the labelled real complaints, by the shipped models and, when every
    fold ran (`held_out`: sample id -> Classification by its fold's model), by models
    that never saw the comment: the shipped models were trained on these very
    comments' NHS subcategories, which their topic heads learned."""
    from careloop.core.config import load_config
    from careloop.router.handler import facts_from
    from careloop.router.rules import route
    rows = _jsonl(ROUTING_SAMPLE)
    config = load_config(Path(__file__).resolve().parents[1] / "config" / "demo.yaml")
    text = {r.id: r.text for r in text_data + care_opinion}
    res = cl_model.classify_batch([{"text": text[r["id"]]} for r in rows])
    print(f"\n=== topics as routing sees them (bench/data/{ROUTING_SAMPLE.name}: {len(rows)} real complaints; "
          f"config/demo.yaml rules)")
    blocks = [("shipped models (trained on these comments too: not held out)", res)]
    if held_out is not None and all(r["id"] in held_out for r in rows):
        blocks.append(("held-out models (each comment read by the fold model that never saw its trust, each story "
                       "by the one trained on text_data only)", [held_out[r["id"]] for r in rows]))
    for models, classified in blocks:
        print(models + ":")
        for label, routing in (("main topic (shipped rules)", config.routing),
                               ("any topic named (the rules before)", _on_any_topic(config.routing))):
            print(f" {label}:")
            for name in ("text_data", "care_opinion"):
                for halves in (("tune",), ("test",), ("tune", "test"), ("fresh",)):
                    part = [(r, c) for r, c in zip(rows, classified)
                            if r["id"].startswith(name + ":") and r["half"] in halves]
                    if part:
                        print(f"  {name} {'+'.join(halves)}: " + _routing_line(part, routing, route, facts_from))


def _routing_line(part, routing, route, facts_from) -> str:
    main = anyof = risk = 0
    wrong: Counter = Counter()
    for r, c in part:
        decision = route(routing, facts_from({"source": "survey", "facility": "site"}, c.to_dict()))
        team = decision.team if decision.ticket else "(no ticket)"
        if team == "clinical-governance":
            risk += 1
            continue
        main += team == ROUTING_GROUPS[r["main"]]
        anyof += team in {ROUTING_GROUPS[g] for g in r["about"]}
        if team != ROUTING_GROUPS[r["main"]]:
            wrong[f"{r['main']} -> {team}"] += 1
    rest = len(part) - risk
    return (f"{len(part)} complaints, {risk} to clinical governance by a risk flag; of the other {rest}, routed to "
            f"the team of their main complaint {main} ({main / max(1, rest):.3f}), to a team of something they "
            f"complain about {anyof} ({anyof / max(1, rest):.3f}); commonest misroutes: "
            + ", ".join(f"{k} {v}" for k, v in wrong.most_common(3)))


# Spanish sets: (file, how it was used). Each later set was written before the changes
# it then prompted and measured blind first (figures in services/classifier/EVALUATION.md).
SPANISH_SETS = (
    ("spanish.jsonl", "written for the project, tuned on"),
    ("spanish_blind.jsonl", "blind at first: accuracy 0.719; then tuned on"),
    ("spanish_blind2.jsonl", "blind at first: accuracy 0.900, flags R 0.429; then its flags tuned on, "
                             "its sentiment never"),
    ("spanish_blind3.jsonl", "incl. 4 neutral statements, some typed without accents; blind at first: "
                             "accuracy 0.725, negative P 0.724 / R 0.913; then tuned on"),
    ("spanish_us_blind.jsonl", "US Spanish (sala de emergencias, copago, seguro); blind at first: accuracy 0.867, "
                               "negative P 0.933 / R 0.824; then tuned on (glossary words, no-interpreter cue)"),
    ("spanish_blind4.jsonl", "Latin American online reviews; blind at first: accuracy 0.800, negative P 0.913 / "
                             "R 0.840; then tuned on (glossary words, contempt idioms, 'camino sin dolor')"),
    ("spanish_facts_blind.jsonl", "praise told only as facts (30) and failures told as facts (20); measured blind "
                                  "after the Spanish kindness patterns were written: accuracy 0.600, negative P 0.545 "
                                  "/ R 0.900, 15/30 praise called negative (the code before them: 0.500, 20/30); "
                                  "never tuned on; 0.660, 12/30 after session 15's cues"),
    ("spanish_facts_blind2.jsonl", "the same brief, another writer, 35 praise and 25 failures told as facts (session "
                                   "15): first sight accuracy 0.583, negative P 0.500 / R 0.920, 23/35 praise called "
                                   "negative; then tuned on (kindness told as a fact in Spanish)"),
    ("spanish_inbox_blind.jsonl", "messages to a feedback inbox, 15 plain questions and requests, 18 complaints "
                                  "(8 as questions), 12 praise; blind at first (after the Spanish question cue): "
                                  "accuracy 0.756, negative P 0.667 / R 1.000, 7/15 questions called negative (the "
                                  "code before any question cue: 0.644, 11/15); then tuned on (questions without "
                                  "'¿', greetings, 'nunca nos faltó')"),
    ("spanish_risk_blind.jsonl", "risk flags only; blind at first: P 0.818 / R 0.409; then tuned on"),
    ("spanish_risk_blind2.jsonl", "risk flags only, 30 incl. 8 hard negatives; blind at first: P 0.737 / R 0.609 "
                                  "with 3 hard negatives flagged; then tuned on"),
    ("spanish_risk_blind3.jsonl", "risk flags only, 36 incl. 10 hard negatives, some unaccented; blind at first: "
                                  "P 0.867 / R 0.448 with 2 hard negatives flagged; then tuned on"),
    ("spanish_risk_blind4.jsonl", "risk flags only, 20 reviews of several sentences incl. 6 hard negatives; blind at "
                                  "first: P 0.571 / R 0.286 with 2 hard negatives flagged; then tuned on"),
    ("spanish_risk_blind5.jsonl", "risk flags only, 30 Latin American web forms incl. 8 hard negatives; blind at "
                                  "first: P 0.900 / R 0.818 with 1 hard negative flagged; then tuned on"),
    ("spanish_risk_blind6.jsonl", "risk flags only, 45 in everyday Spain, Latin American and US wording incl. 12 hard "
                                  "negatives (session 15); blind at first: P 0.857 / R 0.500 with 2 hard negatives "
                                  "flagged; then tuned on (RISK_PATTERNS_ES6)"),
    ("spanish_risk_blind7.jsonl", "risk flags only, the same brief, another writer, at the same time: first sight "
                                  "P 0.846 / R 0.579 with 4 hard negatives flagged, P 0.885 / R 0.605 after set 6's "
                                  "patterns; tuned on in session 17 (risk_concepts_es.py)"),
    ("spanish_risk_blind8.jsonl", "risk flags only, 50 (36 with a risk, 14 hard negatives), short comments, reviews "
                                  "and emails, Latin American and US leaning (session 17): first sight P 0.682 / "
                                  "R 0.385 with 5 hard negatives flagged; then the concept pairs written from it and "
                                  "set 7"),
    ("spanish_risk_blind9.jsonl", "risk flags only, the same brief, another writer, Spain and Southern Cone leaning: "
                                  "first sight P 0.667 / R 0.368 with 4 hard negatives flagged; measured once after "
                                  "the concept pairs written from sets 7 and 8 (P 0.769 / R 0.526, 3 flagged); then "
                                  "tuned on"),
    ("spanish_risk_blind10.jsonl", "risk flags only, the same brief, a third writer (Peru and Chile too), written "
                                   "while set 9 was tuned on: first sight P 0.760 / R 0.463, 4 hard negatives "
                                   "flagged; measured once after the tuning on sets 7-9 (P 0.815 / R 0.537, 3 "
                                   "flagged); then tuned on"),
    ("spanish_risk_blind11.jsonl", "risk flags only, the same brief, a fourth writer at the same time (care homes, "
                                   "young people in mental-health services, voice-to-text); never tuned on: first "
                                   "sight P 0.769 / R 0.488, 4 hard negatives flagged; P 0.833 / R 0.610 after the "
                                   "tuning on sets 7-9, P 0.844 / R 0.659 after the tuning on set 10; then tuned on"),
    ("spanish_risk_blind12.jsonl", "risk flags only, the same brief, US Spanish and Spanglish leaning, written after "
                                   "the tuning on sets 7-10 and never tuned on: first sight (the code before session 17) "
                                   "P 0.652 / R 0.375, 3 hard negatives flagged; P 0.742 / R 0.575 after the tuning on "
                                   "sets 7-10, measured once; this after the tuning on set 11"),
    ("spanish_risk_blind13.jsonl", "risk flags only, the same brief, Spain, Mexico and the Andes, older writers and "
                                   "WhatsApp style, at the same time, never tuned on: first sight P 0.864 / R 0.475, 2 "
                                   "flagged; P 0.889 / R 0.600 after the tuning on sets 7-10; this after set 11's"),
    ("spanish_no_risk_blind.jsonl", "80 messages with no risk that talk of falls, death, medicines, records, "
                                    "lawyers and crises (session 17): first sight 3 flagged, and the concept pairs "
                                    "added none; then three vetoes from it (a phone line that 'se corta', a hip "
                                    "broken on ice in the street, 'soy abogado' with a court timetable)"),
    ("spanish_sentiment_blind.jsonl", "40 complaints (15 mixed, 10 told as facts), 38 praise (12 as facts, 10 that "
                                      "tell of pain, fear or a death) and 12 questions, with slang (session 17); its "
                                      "sentiment never tuned on: first sight accuracy 0.689, negative P 0.673 / R "
                                      "0.925, 14/38 praise called negative, the same before the session's changes; 5 "
                                      "wrong flags, 3 of them vetoed since ('un abuso' as a rip-off, an app that 'da "
                                      "error', 'en mi peor momento'); then speed and service told as facts tuned on it"),
    ("spanish_facts_blind3.jsonl", "40 praise and 30 complaints told as plain facts (session 17), never tuned on: first "
                                   "sight accuracy 0.557, negative P 0.509 / R 0.967, 28/40 praise called negative; "
                                   "the speed-and-service fact cues written from the sentiment set took one of them"),
)


# English sets of indirect and mixed complaints and of praise that mentions hardship.
COMPLAINT_SETS = (
    ("complaints_blind.jsonl", "blind at first: P 0.800 / R 0.800, 8/15 praise called negative; then tuned on"),
    ("complaints_blind2.jsonl", "written after that tuning, never tuned on"),
    ("mixed_blind.jsonl", "praise with a real complaint, and hardship followed by praise; blind at first: "
                          "P 0.621 / R 0.600, 11/15 praise called negative; then the last-clause rule chosen on it"),
    ("mixed_blind2.jsonl", "written after the rule, never tuned on; without the rule P 0.750 / R 0.750, "
                           "5/10 praise called negative"),
    ("us_reviews_blind.jsonl", "US hospital wording (ER, PCP, copay, portal); blind at first: P 0.826 / R 0.792, "
                               "4/16 praise called negative; then four idiom cues no NHS comment uses tuned on it"),
    ("us_reviews_blind2.jsonl", "US hospital wording, written before those cues, never tuned on"),
    ("complaints_blind3.jsonl", "one-line online reviews; blind at first: P 0.913 / R 0.840, 2/15 praise called "
                                "negative; then three review idioms no NHS comment uses tuned on it"),
    ("sarcasm_blind.jsonl", "sarcastic complaints and sincere thanks; blind at first: P 0.800 / R 0.400, 2/10 "
                            "praise called negative; then the sarcasm patterns written for it"),
    ("complaints_blind4.jsonl", "survey, email and review wording, written after all of the above, never tuned on"),
    ("verdicts_blind.jsonl", "online-review verdicts (avoid, steer clear, can't recommend) and praise in the same "
                             "words; blind at first: P 0.800 / R 0.800, 6/15 praise called negative; then seven "
                             "cues no NHS comment uses tuned on it"),
    ("complaints_blind5.jsonl", "complaints and praise stated as facts, with no opinion words; blind at first: "
                                "P 0.667 / R 0.800, 12/15 praise called negative; then eight cues no NHS comment "
                                "uses tuned on it"),
    ("mental_health_blind.jsonl", "mental-health services (care coordinators, CPA reviews, crisis lines); blind at "
                                  "first: P 0.833 / R 0.800, 4/15 praise called negative; then six cues no NHS "
                                  "comment uses tuned on it"),
    ("long_letters_blind.jsonl", "letters of 4-9 sentences to a patient-relations team, NHS and US, calm complaints, "
                                 "complaints that thank staff, thanks after a hard time; written blind: first "
                                 "sight P 0.935 / R 0.967, 2/20 praise called negative; then one veto tuned on it "
                                 "(\"anyone had helped\" is not praise)"),
    ("words_blind.jsonl", "complaints in words that usually praise or say nothing (a parking fine, a discharge at "
                          "3am, 'lovely, fourth cancellation'), praise in the same words and plain questions; blind "
                          "at first: P 0.897 / R 0.867, 8/60 complaints called positive, 3/30 praise and 3/10 "
                          "questions called negative; then tuned on"),
    ("words_blind2.jsonl", "the same brief, another writer, written at the same time; measured after the first "
                           "set's tuning: P 0.767 / R 0.767 (0.763 / 0.750 before it), 14/60 complaints called "
                           "positive, 10/30 praise and 4/10 questions called negative; then tuned on"),
    ("words_blind3.jsonl", "the same brief, a third writer, written after both; the code before either set read P "
                           "0.735 / R 0.833, 9/60 complaints called positive, 14/30 praise and 4/10 questions called "
                           "negative, and after their tuning 0.739 / 0.850, 8/60, 14/30 and 4/10; then tuned on"),
    ("words_blind4.jsonl", "the same brief, a fourth writer, written after the first three were tuned on and never "
                           "tuned on; the code before any of them read P 0.764 / R 0.917, 4/60 complaints called "
                           "positive, 14/30 praise and 3/10 questions called negative"),
)


def complaints_section() -> None:
    print("\n=== indirect and mixed complaints, text only (shipped model)")
    for name, note in COMPLAINT_SETS:
        rows = _jsonl(FIXTURES / name)
        gold = [r["sentiment"] for r in rows]
        p, rc, f1, called, _ = _sentiment_scores(gold, cl_model.classify_batch([{"text": r["text"]} for r in rows]))
        n = Counter(gold)  # rows of each gold sentiment
        if n["neutral"]:
            kinds = f"{n['negative']} complaints + {n['positive']} praise + {n['neutral']} questions"
            outcome = (f"called negative: praise {called['positive']}/{n['positive']}, "
                       f"questions {called['neutral']}/{n['neutral']}")
        else:
            kinds = f"{n['negative']} complaints + {n['positive']} praise"
            outcome = f"praise called negative {called['positive']}/{n['positive']}"
        print(f"{name} ({kinds}, {note}): negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}; {outcome}")


# Messages to a patient-relations inbox told as facts, with no opinion words, and plain
# questions; written for the project without sight of the classifier.
INBOX_SETS = (
    ("inbox_facts_blind.jsonl", "short facts; blind at first: P 0.412 / R 0.933, 32/40 praise and 8/10 questions "
                                "called negative; then the kindness and question cues written on it"),
    ("inbox_facts_blind2.jsonl", "web forms and emails, NHS and US; blind after that set's cues: P 0.443 / R 0.886, "
                                 "25/50 praise and 14/15 questions called negative (before any: 36/50 and 14/15); "
                                 "then tuned on"),
    ("inbox_facts_blind3.jsonl", "one line to five sentences, incl. problems staff then solved; blind after set 2's "
                                 "tuning: P 0.526 / R 0.857, 20/40 praise and 7/15 questions called negative "
                                 "(before any: 22/40 and 13/15, R 0.886); then some of its kindness and question "
                                 "wordings tuned on"),
    ("inbox_facts_blind4.jsonl", "email, SMS, web form and social-media messages, half of the praise and complaints "
                                 "told as facts; written after all of the above and never tuned on; the code before "
                                 "the kindness and question cues read P 0.509 / R 0.967, 11/30 praise and 17/20 "
                                 "questions called negative"),
    ("inbox_facts_blind5.jsonl", "35 praise and 25 complaints told only as facts, NHS and US, no praise or complaint "
                                 "words (session 15); blind at first: P 0.585 / R 0.960, 17/35 praise called negative; "
                                 "then the English kind acts of session 15 written from general wordings and checked "
                                 "on it"),
)


def _sentiment_scores(gold: list[str], res) -> tuple[float, float, float, dict[str, int], float]:
    """Negative P / R / F1, how many praise ("positive") and neutral rows were called
    negative, and 3-class accuracy."""
    pred = [c.sentiment for c in res]
    p, rc, f1 = prf([g == "negative" for g in gold], [x == "negative" for x in pred])
    called = {k: sum(g == k and x == "negative" for g, x in zip(gold, pred)) for k in ("positive", "neutral")}
    return p, rc, f1, called, sum(g == x for g, x in zip(gold, pred)) / len(gold)


def inbox_section() -> None:
    print("\n=== messages to a patient-relations inbox, facts and questions, text only (shipped model)")
    for name, note in INBOX_SETS:
        rows = _jsonl(FIXTURES / name)
        gold = [r["sentiment"] for r in rows]
        p, rc, f1, called, acc = _sentiment_scores(gold, cl_model.classify_batch([{"text": r["text"]} for r in rows]))
        print(f"{name} ({gold.count('negative')} complaints + {gold.count('positive')} praise + "
              f"{gold.count('neutral')} questions, {note}): negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}; called "
              f"negative: praise {called['positive']}/{gold.count('positive')}, questions "
              f"{called['neutral']}/{gold.count('neutral')}; accuracy {acc:.3f}")


# Online reviews with the reviewer's star rating (1-5 stars as `rating` 0..1), written for
# the project without sight of the classifier (2026-11-28): complaints mixed into 4- and
# 5-star praise, understated 1-2 star complaints, praise that names a hardship, stars
# that disagree with the text, tips. The text decides the gold label.
STAR_REVIEW_SETS = (
    ("star_reviews_blind.jsonl", "blind at first, with the stars: P 0.721 / R 0.969, 8/23 praise and 4/5 tips "
                                 "called negative; then tuned on (odds rule for a top rating, lost-star idioms, "
                                 "a bad experience elsewhere, paperwork vetoes, practical tips)"),
    ("star_reviews_blind2.jsonl", "the same brief, another writer, at the same time; never tuned on: first sight "
                                  "with the stars P 0.725 / R 0.906, 7/23 praise and 4/5 tips called negative"),
    ("spanish_star_reviews_blind.jsonl", "Spanish, Spain, Latin American and US; blind at first (after the English "
                                         "sets' changes), with the stars: P 0.655 / R 0.731, 4/6 tips called "
                                         "negative; then tuned on (lost-star and one-complaint turns, a question "
                                         "without its opening mark, practical tips)"),
    ("spanish_star_reviews_blind2.jsonl", "Spanish, the same brief, another writer, at the same time; never tuned "
                                          "on: first sight with the stars P 0.724 / R 0.808, 4/6 tips called negative"),
    ("star_reviews_blind3.jsonl", "a third writer, written after all of the above and never tuned on; the code "
                                  "before any of it read, with the stars, P 0.730 / R 0.844, 6/22 praise and 4/6 tips "
                                  "called negative"),
    ("spanish_star_reviews_blind3.jsonl", "Spanish, a third writer, written after all of the above and never tuned on; "
                                          "the code before any of it read, with the stars, P 0.667 / R 0.846, 5/18 "
                                          "praise and 6/6 tips called negative"),
)


def star_review_section() -> None:
    print("\n=== online reviews with their star rating (shipped model), and the same text without it")
    for name, note in STAR_REVIEW_SETS:
        rows = _jsonl(FIXTURES / name)
        gold = [r["sentiment"] for r in rows]
        print(f"{name} ({gold.count('negative')} complaints + {gold.count('positive')} praise + "
              f"{gold.count('neutral')} tips, {note}):")
        for label, with_rating in (("with the stars", True), ("text only", False)):
            res = cl_model.classify_batch([{"text": r["text"], **({"rating": r["rating"]} if with_rating else {})}
                                           for r in rows])
            p, rc, f1, called, acc = _sentiment_scores(gold, res)
            print(f"  {label}: negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}; called negative: praise "
                  f"{called['positive']}/{gold.count('positive')}, tips {called['neutral']}/{gold.count('neutral')}; "
                  f"accuracy {acc:.3f}; flagged {sum(bool(c.risk_flags) for c in res)}/{len(rows)}")


def _ticketed(c) -> bool:
    """Whether the shipped routing gives a classification a ticket: a complaint, a risk
    flag, a question to answer (topic enquiry) or a language to review."""
    return c.sentiment == "negative" or bool(c.risk_flags) or "enquiry" in c.topics or c.needs_review


def _flags_and_tickets(rows: list[dict], res) -> str:
    """The flag and ticket figures the email and social sections share: flag precision
    and recall against the rows' "risk_flags", riskless messages flagged, complaints that
    get a ticket."""
    fp, fr, _ = _flag_scores([{**r, "flags": r["risk_flags"]} for r in rows], res)
    riskless = [c for r, c in zip(rows, res) if not r["risk_flags"]]
    complaints = [c for r, c in zip(rows, res) if r["sentiment"] == "negative"]
    return (f"flags P {fp:.3f} R {fr:.3f}, flagged with no risk {sum(bool(c.risk_flags) for c in riskless)}/"
            f"{len(riskless)}; complaints that get a ticket {sum(map(_ticketed, complaints))}/{len(complaints)}")


# Email threads and web forms as the mailbox receives them (quoted replies, forwards,
# HTML, signatures, footers); written for the project without sight of the classifier.
# A question "gets an enquiry" when it carries the `enquiry` topic (a ticket to answer).
EMAIL_SETS = (
    ("email_threads_blind.jsonl", "replies over quoted threads, forwards, chasers, HTML, signatures; first sight "
                                  "with the code before message_body.py: negative P 0.711 / R 0.931, 13 of 39 "
                                  "messages with no risk flagged, 6 of 19 thanks called complaints; then "
                                  "message_body.py and the long-email enquiry rule tuned on it"),
    ("email_threads_blind2.jsonl", "replies, question emails, HTML forms; written blind, measured after set 1's "
                                   "tuning: P 0.680 / R 0.810, 7 of 17 questions given an enquiry (the code "
                                   "before: P 0.621 / R 0.857, 11 of 17 questions called complaints, 19 of 33 "
                                   "with no risk flagged); then tuned on (Spanish questions, 'To whom it may "
                                   "concern', Outlook's 'Enviado el:')"),
    ("email_threads_blind3.jsonl", "the same mix, written blind, measured after sets 1 and 2: P 0.667 / R 0.941, "
                                   "7 of 21 questions called complaints, 9 given an enquiry, 7 of 37 with no risk "
                                   "flagged (the code before message_body.py: P 0.500, 14 of 21, none, 19 of 37); "
                                   "then its footers, form lines and 'fit note' tuned on"),
    ("email_threads_blind4.jsonl", "replies, single emails, web forms, forwards and chasers; written blind and "
                                   "first measured on the code that shipped with sets 1-3, never tuned on; the "
                                   "code before message_body.py: P 0.684 / R 1.000, 8 of 18 questions and 4 of 16 "
                                   "thanks called complaints, 20 of 43 with no risk flagged"),
)


def email_section() -> None:
    print("\n=== email threads and web forms as received, text only (shipped model)")
    for name, note in EMAIL_SETS:
        rows = _jsonl(FIXTURES / name)
        res = cl_model.classify_batch([{"text": r["text"]} for r in rows])
        gold = [r["sentiment"] for r in rows]
        p, rc, f1, called, _ = _sentiment_scores(gold, res)
        questions = [c for g, c in zip(gold, res) if g == "neutral"]
        thanks = [c for g, c in zip(gold, res) if g == "positive"]
        print(f"{name} ({gold.count('negative')} complaints + {len(thanks)} thanks + {len(questions)} questions or "
              f"acknowledgements, {note}): negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}; questions called negative "
              f"{called['neutral']}/{len(questions)}, given an enquiry "
              f"{sum('enquiry' in c.topics for c in questions)}/{len(questions)}; thanks called negative "
              f"{called['positive']}/{len(thanks)}; {_flags_and_tickets(rows, res)}")


# Social-media posts and online reviews as a listening feed delivers them (mentions,
# hashtags, links, emoji, star ratings, slang); written for the project without sight of
# the classifier.
SOCIAL_SETS = (
    ("social_blind.jsonl", "first sight: accuracy 0.771, negative P 0.682 / R 1.000, 11 of 15 questions and news "
                           "shares called complaints; then links, review stars, questions to other users and (later) "
                           "news passed on tuned on it"),
    ("social_blind2.jsonl", "written blind, never tuned on; the code before that tuning read accuracy 0.667, P 0.568 / "
                            "R 1.000, 13 of 15 neutral called complaints; one of its complaints, a retweet, was read "
                            "once to find a regression of the news cue"),
    ("inbox_mix_blind5.jsonl", "emails, replies, web forms, posts and reviews, written after all of the evening's "
                               "tuning and measured once, never tuned on; the day's starting code read accuracy "
                               "0.583, P 0.513 / R 0.833, praise 3/18 and neutral 16/18 called complaints, 14 of 51 "
                               "with no risk flagged"),
    ("social_news_blind.jsonl", "news passed on, complaints that pass on news, praise of news; written blind after "
                                "the news cue and never tuned on, with no risk labels; the cue changed none of its "
                                "15 news posts, all still called complaints"),
)


def social_section() -> None:
    print("\n=== social-media posts, online reviews and a mixed inbox, text only (shipped model)")
    for name, note in SOCIAL_SETS:
        rows = _jsonl(FIXTURES / name)
        res = cl_model.classify_batch([{"text": r["text"]} for r in rows])
        gold = [r["sentiment"] for r in rows]
        p, rc, f1, called, acc = _sentiment_scores(gold, res)
        print(f"{name} ({gold.count('negative')} complaints + {gold.count('positive')} praise + {gold.count('neutral')} "
              f"neutral, {note}): accuracy {acc:.3f}, negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}; called negative: "
              f"praise {called['positive']}/{gold.count('positive')}, neutral {called['neutral']}/"
              f"{gold.count('neutral')}"
              + (f"; {_flags_and_tickets(rows, res)}" if all("risk_flags" in r for r in rows) else ""))


def language_section() -> None:
    print("\n=== languages (shipped model)")
    for name, note in SPANISH_SETS:
        rows = _jsonl(FIXTURES / name)
        res = cl_model.classify_batch([{"text": r["text"]} for r in rows])
        sentiment = ""
        if all("sentiment" in r for r in rows):
            p, rc, f1, _, acc = _sentiment_scores([r["sentiment"] for r in rows], res)
            sentiment = f"accuracy {acc:.3f}, negative P {p:.3f} R {rc:.3f} F1 {f1:.3f}"
        detected = sum(c.language == "es" for c in res)
        flags = ""
        if all("flags" in r for r in rows):
            clean = [c for c, r in zip(res, rows) if not r["flags"]]
            flags = f"of {len(clean)} with no risk, {sum(bool(c.risk_flags) for c in clean)} flagged"
            if any(r["flags"] for r in rows):
                fp, fr, _ = _flag_scores(rows, res)
                flags = f"flags P {fp:.3f} R {fr:.3f} ({flags})"
        shown = ", ".join(x for x in (sentiment, flags) if x)
        print(f"Spanish ({name}, {len(rows)} comments, {note}): {shown}, detected as es {detected}/{len(rows)}")
    rows = _jsonl(FIXTURES / "languages.jsonl")
    res = cl_model.classify_batch([{"text": r["text"]} for r in rows])
    ok = sum(c.language == r["language"] or (r["language"] == "ur" and c.language == "ar") for c, r in zip(res, rows))
    review_ok = sum(c.needs_review == (r["language"] not in cl_model.SUPPORTED_LANGUAGES) for c, r in zip(res, rows))
    print(f"language id (languages.jsonl, {len(rows)} short comments, 14 languages): {ok}/{len(rows)} correct "
          f"(Urdu counted right as 'ar' script); needs_review correct {review_ok}/{len(rows)}")


def shipped_section() -> None:
    # A complaint as the first call, so both lazily loaded files (sentiment/topics and
    # the learned risk tier) are read.
    # Then every pattern compiled, as the classifier service does at start (a batch run
    # compiles only the patterns its words admit).
    code = ("import time; t=time.perf_counter(); from careloop.classifier import model as m; "
            "m.classify('The staff were rude and I waited for hours.'); t1=time.perf_counter(); "
            "m.compile_patterns(); print(t1-t, time.perf_counter()-t1)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in (cl_model.MODEL_PATH, cl_model.RISK_MODEL_PATH))
    print(f"\n=== shipped models: {sizes}; version {cl_model.model_version()}; "
          f"import + load of both + first call in a fresh process {float(out[0]):.2f} s; "
          f"then compiling every pattern (the classifier service, at start) {float(out[1]):.2f} s")


def cli_section(text_data, care_opinion) -> None:
    """`careloop classify` as a user runs it: a fresh process per file, so the wall time
    includes starting Python, importing, loading both models, and the cue patterns'
    per-word work on words the process has not met yet (in-process figures above
    reuse it)."""
    print("\n=== batch CLI, one fresh process per file (careloop classify --in --out; wall time, best of 2)")
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in (("text_data.csv", text_data), ("care_opinion.csv", care_opinion)):
            src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            src.write_text("".join(json.dumps({"id": r.id, "text": r.text}) + "\n" for r in rows), encoding="utf-8")
            best = float("inf")
            for _ in range(2):
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "careloop.cli", "classify", "--in", str(src), "--out", str(dst)],
                               capture_output=True, check=True)
                best = min(best, time.perf_counter() - t0)
            print(f"  {name:<18}{len(rows):>7} records  {best:6.2f} s  {len(rows) / best:>8,.0f} docs/s")


def stories_in_training(text_data, care_opinion, vader: Vader) -> None:
    """Care Opinion two-fold: train on text_data plus half of the stories, test on the
    other half, pooled. Not a held-out source: it shows the shipped model's condition
    (stories are in its training data), next to the held-out figures above."""
    print("\n=== stories in training (NOT held out): Care Opinion two-fold, train on text_data + one half "
          "of the stories (alternate rows), test on the other half, pooled")
    gold: list[str] = []
    preds: dict[str, list[str]] = {"careloop": [], "TF-IDF+LR": [], "VADER": []}
    thresholds = []
    for half in (0, 1):
        tr = text_data + [r for i, r in enumerate(care_opinion) if i % 2 != half]
        te = [r for i, r in enumerate(care_opinion) if i % 2 == half]
        m = train.fit(tr, settings=SETTINGS, meta={"version": f"bench-co-half{half}"})
        thresholds.append((m["meta"]["neg_threshold"], m["meta"].get("long_doc_neg_threshold")))
        cl_model.use_model(m)
        texts = [r.text for r in te]
        gold += [r.sentiment for r in te]
        preds["careloop"] += [c.sentiment for c in cl_model.classify_batch([{"text": t} for t in texts])]
        preds["TF-IDF+LR"] += TfidfLR(tr).predict(texts)
        preds["VADER"] += vader.predict(texts)
    print(f"neg thresholds (comments, long documents) {thresholds}")
    hdr = f"{'system':<20}{'neg P':>8}{'neg R':>8}{'neg F1':>8}{'macroF1':>9}"
    print(hdr)
    print("-" * len(hdr))
    for sysname, pred in preds.items():
        p, rc, f1 = prf([g == "negative" for g in gold], [x == "negative" for x in pred])
        print(f"{sysname:<20}{fmt(p):>8}{fmt(rc):>8}{fmt(f1):>8}{fmt(macro_f1(gold, pred)):>9}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", default="A,B,C,CO,CO2",
                    help="comma list of A,B,C,CO (held out) and CO2 (stories in training, two-fold)")
    ap.add_argument("--no-speed", action="store_true", help="skip throughput/latency")
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a careloop training setting (see train.DEFAULTS)")
    args = ap.parse_args(argv)
    for kv in args.set:
        k, v = kv.split("=", 1)
        SETTINGS[k] = float(v)

    print("careloop classifier benchmark")
    print(f"machine: {machine()}")
    print(f"settings: careloop train settings {dict(train.DEFAULTS, **SETTINGS)}; TF-IDF+LR word 1-2 grams, min_df 2, "
          f"sublinear tf, C=4; VADER compound <= -0.05 negative, >= 0.05 positive; throughput = "
          f"classify_batch/predict over the held-out set, best of 3, one process; 1st pass = careloop's first "
          f"batch over the held-out set, with the cue patterns' per-word cache filled only by training on the "
          f"other trusts (as for feedback a running service has not seen) and every pattern compiled (as the service does at start), best of 3 from that cache; p99 = single-document calls")
    text_data, care_opinion = dataset.load_all(args.data_dir)
    vader = Vader()
    folds = []
    wanted = [x.strip().upper() for x in args.folds.split(",") if x.strip()]
    for key in wanted:
        if key in ("A", "B", "C"):
            org = f"Trust {key}"
            tr = [r for r in text_data if r.organization != org]
            te = [r for r in text_data if r.organization == org]
            folds.append(run_fold(org, tr, te, vader, not args.no_speed))
        elif key == "CO":
            folds.append(run_fold("Care Opinion", text_data, care_opinion, vader, not args.no_speed))
        else:
            continue
        print_fold(folds[-1])
        sys.stdout.flush()
    pooled(folds)
    if "CO2" in wanted:
        stories_in_training(text_data, care_opinion, vader)
    cl_model.reload()
    shipped_section()
    if not args.no_speed:
        cli_section(text_data, care_opinion)
    risk_section(care_opinion)
    real_risk_section(text_data, care_opinion)
    held_out = {i: c for fold in folds for i, c in fold["res"]["careloop"]["routing_sample"].items()}
    routing_section(text_data, care_opinion, held_out)
    complaints_section()
    inbox_section()
    star_review_section()
    email_section()
    social_section()
    language_section()
    return 0


if __name__ == "__main__":
    sys.exit(main())
