"""careloop classifier: feedback text (+ rating, survey question, language) -> Classification.

Pure module: no Kafka, database or web code, no clock. The only I/O is reading the
bundled model files (services/classifier/data/model.json and risk_model.json) once,
lazily, on first use.

How a comment is classified:
1. Language: the caller's code if given ("en-GB" -> "en"), else a small built-in
   detector (lang.py). Languages outside SUPPORTED_LANGUAGES get needs_review=True
   (sentiment from the rating if there is one, never a confident "neutral").
   Spanish words are mapped into the English feature space (es.py), and the English
   cue and topic patterns also read an English gloss of a Spanish comment.
2. Sentiment: a linear model trained on labelled NHS feedback (train.py) gives
   P(negative/neutral/positive). Negative is decided first, at a threshold tuned for
   recall on unseen trusts; otherwise the likelier of neutral/positive wins.
   Documents over LONG_DOC_WORDS with two or more sentences are scored per sentence
   and the sentiment logits averaged, against a threshold of their own
   (long_doc_neg_threshold, tuned on such scores). Evidence from the survey question
   ("what could we do better?" + a substantive answer is a complaint; "nothing" is
   not; "what was good?" needs an explicit complaint) and from the rating adjusts the
   probabilities; risk flags never leave a short comment neutral. A short English
   comment whose words after its last "but" (however, apart from, ...) would be a
   complaint on their own is a complaint (mixed comments count as negative).
   Short survey answers the model cannot read are decided by rule first
   (short_answers.py): a score ("5/5"), a letter ("a"), a non-answer ("As above").
3. Topics: learned topic scores plus keyword cues (lexicon.py); TOPICS.md.
4. Risk flags: high-recall patterns (risk_lexicon.py, risk_families.py,
   risk_families_es.py), plus a broader second tier that counts for complaints and
   comments read as neutral, plus a learned tier
   (data/risk_model.json) for wordings no pattern has, at its own thresholds for
   complaints and only when nearly certain for other comments; any flag -> severity
   critical.
5. Severity: flag -> critical; negative with strong evidence -> high; other negative
   -> medium; else low.

The steps live in modules of their own, each pure: analysis.py (what is read in a
text), evidence.py (the question, the rating and rules folded into the
probabilities), risk_tier.py (what the learned and broad risk tiers may add) and
outcome.py (score, severity, topic order). This module loads the model files, prepares
each record and puts the steps together.
"""
from __future__ import annotations

import gc
import math
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import numpy as np

from careloop.core.message_body import authored_text

from . import inbox_cues, lexicon, short_answers, vectorized
from .analysis import LONG_ENQUIRY_MAX_WORDS, Analysis, analyze, unit_features
from .evidence import adjust, clamp, lexicon_probs, renorm, softmax3
from .lang import detect_language
from .linear import LinearModel, float32_bar, per_model
from .outcome import order_topics, rating_only, severity, signed_score, symbols_only, topic_weights
from .patterns import PatternSet, words_at
from .risk_tier import LEARNED_RISK_P_NOT_COMPLAINT, LONG_DOC_BROAD_FLAGS, learned_risk_flags, merge_flags
from .vectorized import Unit

SUPPORTED_LANGUAGES: frozenset[str] = frozenset({"en", "es"})
MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
RISK_MODEL_PATH = Path(__file__).resolve().parent / "data" / "risk_model.json"
RULES_VERSION = "careloop-rules-0.2"

SENTIMENTS = ("negative", "neutral", "positive")
SEVERITIES = ("low", "medium", "high", "critical")

# Topics whose keyword cues are added to the learned topics (specific vocabulary;
# broad topics such as clinical_care rely on the learned model). See TOPICS.md.
KEYWORD_TOPICS = frozenset({
    "waiting", "medication", "pain", "discharge", "billing", "food", "parking_transport",
    "cleanliness_facilities", "privacy_dignity", "safety", "scheduling_access", "communication",
    "staff_attitude",
})


@dataclass(frozen=True)
class Classification:
    sentiment: str        # negative|neutral|positive
    score: float          # -1..1
    confidence: float     # 0..1
    topics: tuple[str, ...]  # the main one first (outcome.order_topics)
    risk_flags: tuple[str, ...]
    severity: str         # low|medium|high|critical
    language: str         # ISO 639-1 or "und"
    needs_review: bool    # unsupported language, or no word the model knows -> human review
    model_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentiment": self.sentiment,
            "score": self.score,
            "confidence": self.confidence,
            "topics": list(self.topics),
            "risk_flags": list(self.risk_flags),
            "severity": self.severity,
            "language": self.language,
            "needs_review": self.needs_review,
            "model_version": self.model_version,
        }


# --------------------------------------------------------------------------- model loading

class _LazyModel:
    """A model file read once, on first use (thread-safe); replaceable by benchmarks and
    tests. A missing file means "no model": callers fall back to rules."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._model: LinearModel | None = None
        self._missing = False

    def get(self) -> LinearModel | None:
        if self._model is None and not self._missing:
            with self._lock:
                if self._model is None and not self._missing:
                    try:
                        self._model = LinearModel.load(self.path)
                    except FileNotFoundError:
                        self._missing = True  # e.g. before `make train`
        return self._model

    def replace(self, model: LinearModel | dict | None) -> None:
        with self._lock:
            if isinstance(model, dict):
                model = LinearModel.from_dict(model)
            self._model = model
            self._missing = model is None

    def reset(self) -> None:
        with self._lock:
            self._model, self._missing = None, False


_SENTIMENT_MODEL = _LazyModel(MODEL_PATH)
_RISK_MODEL = _LazyModel(RISK_MODEL_PATH)


def _model() -> LinearModel | None:
    return _SENTIMENT_MODEL.get()


def use_model(model: LinearModel | dict | None) -> None:
    """Replace the sentiment/topic model (benchmarks train per fold; tests may pass None
    for rules only)."""
    _SENTIMENT_MODEL.replace(model)


def use_risk_model(model: LinearModel | dict | None) -> None:
    """Replace the learned risk tier (None: risk patterns only)."""
    _RISK_MODEL.replace(model)


def reload() -> None:
    """Forget replaced models; the bundled files are read again on next use."""
    _SENTIMENT_MODEL.reset()
    _RISK_MODEL.reset()


def pattern_matchers() -> tuple[PatternSet, ...]:
    """Every cue matcher the classifier runs; each keeps plans for the words it has met
    (benchmarks time a pass over unseen words by putting the plans back)."""
    return (lexicon._MATCHER, inbox_cues._FACT_MATCHER)


def compile_patterns() -> None:
    """Compile every cue pattern now. A long-running service does this at start, so no
    message waits on a compile; a short batch run compiles only the patterns its words
    admit (patterns.PatternSet)."""
    for matcher in pattern_matchers():
        matcher.compile_all()


def model_version() -> str:
    """Names every file that shaped a result: "<sentiment model>+<risk tier>"."""
    m = _model()
    version = RULES_VERSION if m is None else str(m.meta.get("version", "careloop-linear"))
    risk = _RISK_MODEL.get()
    if risk is not None:
        version += "+" + str(risk.meta.get("version", "careloop-risk"))
    return version


# --------------------------------------------------------------------------- helpers


def _normalize_language(language: str | None) -> str | None:
    if not language or not isinstance(language, str):
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code in ("eng",):
        return "en"
    if code in ("spa",):
        return "es"
    if len(code) == 2 and code.isalpha():
        return code
    return None


def _normalize_rating(rating: Any) -> float | None:
    if rating is None or isinstance(rating, bool):
        return None
    try:
        r = float(rating)
    except (TypeError, ValueError):
        return None
    if math.isnan(r):
        return None
    return clamp(r, 0.0, 1.0)


@per_model
def _topic_heads(model: LinearModel) -> tuple[tuple[tuple[str, int], ...], float]:
    """((topic, output row) of each topic head of the sentiment model, the logit a
    topic head must reach), worked out once per model."""
    heads = tuple((name[6:], i) for name, i in model.out_index.items() if name.startswith("topic:"))
    return heads, float32_bar(float(model.meta.get("topic_threshold", 0.5)))


# --------------------------------------------------------------------------- classify


@dataclass
class _Prepared:
    text: str
    rating: float | None
    qkind: str | None
    language: str
    review: bool
    analysis: Analysis | None
    # The rating is stars written in the text ("5 stars for the vending machine"), which
    # can be ironic, rather than the source's own rating field.
    rating_in_text: bool = False


# Share of a comment's words the English model knows above which a comment with no
# function word at all ("Ambulance took 6 hours", "Stop letting people down.") is English
# rather than undetermined (and sent to review).
KNOWN_ENGLISH_SHARE = 0.5


def _mostly_known_english(tokens: list[str]) -> bool:
    model = _model()
    if model is None or not tokens or not all(t.isascii() for t in tokens):
        return False
    return sum(t in model.index for t in tokens) / len(tokens) > KNOWN_ENGLISH_SHARE


def _prepare(text: Any, rating: Any, question: Any, language: Any) -> _Prepared:
    text = lexicon.normalize_text(authored_text("" if text is None else str(text)))
    r = _normalize_rating(rating)
    lang = _normalize_language(language)
    analysis: Analysis | None = None
    prepared = lexicon.prepare(text)
    toks_at = words_at(prepared)
    q = lexicon.question_kind(question if isinstance(question, str) else None)
    score = short_answers.score_rating(text)
    if score is not None or not toks_at or short_answers.content_free(text, prepared, toks_at):
        # Not one word ("-", "...", "👍"), only letters or digits ("a", "x", "1"), or only
        # a score ("5/5", "1 star"): nothing a reader could act on, so no review (a
        # survey feed sends many such answers); a rating, the score or an emoji decides.
        return _Prepared(text, r if r is not None else score, q, lang or "und", False, None,
                         rating_in_text=r is None and score is not None)
    rating_in_text = False
    if r is None:
        # A review's own stars ("⭐⭐⭐⭐ Dental hospital was great", "1 star. rude ...").
        r = short_answers.review_stars(text)
        rating_in_text = r is not None
    said_nothing_in = short_answers.says_nothing(text, len(toks_at), asked=q is not None)
    if said_nothing_in is not None:  # "As above", "No aplica", "Not sure" when nothing was asked
        return _Prepared(text, r, q, lang or said_nothing_in, False, None, rating_in_text)
    if lang is None:
        tokens = [t for t, _ in toks_at]
        lang, _ = detect_language(text, tokens)
        if lang == "und" and _mostly_known_english(tokens):
            lang = "en"
    if lang in SUPPORTED_LANGUAGES:
        analysis = analyze(text, lang, prepared=prepared, toks_at=toks_at)
    review = lang not in SUPPORTED_LANGUAGES
    return _Prepared(text, r, q, lang, review, analysis, rating_in_text)


def _keyword_topics(a: Analysis) -> set[str]:
    """The topics a comment's keyword cues name, of those KEYWORD_TOPICS takes."""
    # From the labels found rather than the taxonomy's dozens of codes: the same set
    # (every topic label is a taxonomy code), read in a few steps.
    return {label[6:] for label in a.counts if label.startswith("topic:") and label[6:] in KEYWORD_TOPICS}


def _unread(a: Analysis, model: LinearModel) -> bool:
    """No word of the comment, as the model sees it, is in the model's vocabulary, and no
    lexicon pattern matched but topic words ("Estacionamiento" names parking, and says
    nothing of it): nothing the classifier knows was said about the care."""
    return (not any(n for label, n in a.counts.items() if not label.startswith("topic:"))
            and not any(t in model.index for t in a.units[0][0]))


def _finish(p: _Prepared, logits: np.ndarray | None, model: LinearModel | None,
            risk_logits: np.ndarray | None = None, tail_logits: np.ndarray | None = None) -> Classification:
    """The Classification of a prepared record from its sentiment/topic logits, the
    learned risk tier's logits and its last clause's logits (computed here when not
    given)."""
    version = model_version()
    a = p.analysis
    if a is None:
        # Unsupported language or no text: a human reads it. Risk patterns still run
        # (several are language-neutral or Spanish); a rating still says something.
        counts = lexicon.scan(p.text) if p.text.strip() else {}
        flags = lexicon.risk_flags(p.text, counts)
        sentiment, score, conf = rating_only(p.rating)
        if p.rating is None and not p.review:
            sentiment, score, conf = symbols_only(p.text)
        if flags and sentiment == "neutral":
            sentiment = "negative"
            score = signed_score(score, sentiment)
        topics = order_topics({lexicon.RISK_TOPICS[f] for f in flags})
        sev = severity(sentiment, flags, 0.0, p.rating, {})
        return Classification(sentiment, score, conf, topics, flags, sev, p.language, p.review, version)

    if model is not None and _unread(a, model):
        # Not one word the model knows and no lexicon label ("Shambolic", "Atrocious",
        # "asdfgh"): the model would answer with its bias alone, positive at 0.85.
        # A person reads it instead; a rating still says something.
        sentiment, score, conf = rating_only(p.rating)
        sev = severity(sentiment, (), 0.0, p.rating, {})
        return Classification(sentiment, score, conf, order_topics(_keyword_topics(a)), (), sev, p.language, True,
                              version)

    long_doc = len(a.units) > 1
    if model is not None and logits is not None:
        probs = softmax3(logits[:3])
        threshold = float(model.meta.get("neg_threshold", 0.5))
        if long_doc:
            # Scored from its sentences' mean logits: a threshold tuned on such scores.
            threshold = float(model.meta.get("long_doc_neg_threshold", threshold))
    else:
        probs = lexicon_probs(a.counts, p.text)
        threshold = 0.5
    counts = a.counts
    short_letter = long_doc and len(a.tokens) <= LONG_ENQUIRY_MAX_WORDS
    if (not long_doc and p.language in ("en", "es")
            and (probs[0] > threshold / 2 or counts.get("cue:strong")
                 or inbox_cues.may_be_enquiry(a.prepared, a.tokens))):
        # The kindness, question and acknowledgement cues only ever cap P(neg) at
        # threshold / 2 (evidence.adjust), so they are looked for only when that would change it
        # (one survey comment in three or so; stories, scored sentence by sentence,
        # never): P(neg) above that, or a strong complaint word that would lift it (a
        # hardship's "worst time of my life"), or when the comment may be an enquiry
        # (topic below).
        facts = inbox_cues.fact_cues(a.prepared, a.tokens_at)
        if facts:
            counts = {**counts, **facts}
    elif short_letter and p.language in ("en", "es") and inbox_cues.may_be_enquiry(a.prepared, a.tokens):
        # An email of 41-90 words: only the question cue applies (evidence.adjust).
        question = inbox_cues.inquiry_cues(a.prepared, a.tokens_at)
        if question:
            counts = {**counts, **question}
    p_neg, p_neu, p_pos = adjust(probs, rating=p.rating, qkind=p.qkind, text=p.text,
                                  counts=counts, threshold=threshold, long_doc=long_doc,
                                  short_letter=short_letter, rating_in_text=p.rating_in_text)
    if (a.tail is not None and model is not None and logits is not None and p_neg < threshold
            and p.qkind != "praise"):
        # A mixed comment is a complaint when what follows its last "but" would be one
        # on its own ("Lovely staff, only thing is the toilets were filthy."). Not for
        # answers to "what was good?": there a "but" mostly qualifies the praise, and
        # such an answer is a complaint only when it says so plainly (evidence.adjust).
        if tail_logits is None:
            tail_logits = model.logits(unit_features(a.tail))
        if softmax3(tail_logits[:3])[0] >= threshold:
            p_neg, p_neu, p_pos = renorm(threshold + 0.01, p_neu, p_pos)
    flags = lexicon.risk_flags(a.prepared, a.counts)
    risk = _RISK_MODEL.get()
    if risk_logits is None and risk is not None:
        risk_logits = risk.logits(a.features)
    if p_neg < threshold:
        flags = merge_flags(flags, learned_risk_flags(risk, risk_logits, p.language, p.text,
                                                      LEARNED_RISK_P_NOT_COMPLAINT))
    if flags and p_neg < threshold and p_pos < 0.9 and not long_doc:
        # An explicit safety / legal / privacy / abuse / self-harm signal is never
        # "neutral" and rarely praise.
        p_neg, p_neu, p_pos = renorm(threshold + 0.01, p_neu, p_pos)
    # Below the threshold, words of praise or a model leaning positive make a comment
    # positive (the sentiment decision below).
    called_positive = p_pos >= p_neu or a.counts.get("cue:pos", 0) > 0
    # A question that is not a complaint is neutral by the question cue, not by its
    # words: the second tier's loose words ("for anyone" in "Question for anyone who's
    # had an MRI ...") would make it a critical ticket.
    # News passed on is the same: "a new stroke unit opens in September" is not a
    # patient-safety report.
    question_or_news = p_neg < threshold and bool(counts.get(inbox_cues.INQUIRY_CUE) or counts.get(inbox_cues.NEWS_CUE))
    if p_neg >= threshold or not (called_positive or question_or_news):
        # Second-tier cues count for complaints and for comments read as neutral; they
        # raise the flag (and severity) but do not by themselves change sentiment. Until
        # blind set 13 they also counted in positive comments without a praise word
        # ("checked the baby's heart rate every fifteen minutes and kept us calm"),
        # which flagged 38 comments of praise in text_data.csv.
        broad = lexicon.broad_risk_flags(a.prepared, a.counts)
        if long_doc:
            broad = tuple(f for f in broad if f in LONG_DOC_BROAD_FLAGS)
        flags = merge_flags(flags, broad)
    if p_neg >= threshold:
        flags = merge_flags(flags, learned_risk_flags(risk, risk_logits, p.language, p.text))
        sentiment = "negative"
        # Confidence on the decision actually taken: rescale P(neg) around the threshold.
        conf = 0.5 + 0.5 * (p_neg - threshold) / max(1e-9, 1.0 - threshold)
    elif called_positive:
        # Neutral means no opinion: words of praise without a complaint are positive,
        # even though one trust in the training data (Trust B) files plain praise as
        # neutral and the model learned some of that.
        sentiment = "positive"
        conf = p_pos
    else:
        sentiment = "neutral"
        conf = p_neu
    score = signed_score(p_pos - p_neg, sentiment)

    topics = _keyword_topics(a)
    if model is not None and logits is not None and any(t in model.index for t in a.tokens):
        heads, bar = _topic_heads(model)
        z = logits.tolist()
        topics.update(t for t, i in heads if z[i] >= bar)
    for f in flags:
        topics.add(lexicon.RISK_TOPICS[f])
    if counts.get(inbox_cues.INQUIRY_CUE) and sentiment != "negative":
        # A question or an administrative request: routing gives it to a team to answer
        # rather than filing it as praise or nothing.
        topics.add("enquiry")
    weight = topic_weights(logits, model, topics) if model is not None and logits is not None else None
    sev = severity(sentiment, flags, p_neg, p.rating, a.counts)
    return Classification(sentiment, score, round(clamp(conf, 0.0, 1.0), 4), order_topics(topics, weight),
                          flags, sev, p.language, False, version)


def _combine(whole: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    """Whole-document logits, with the sentiment logits replaced by the sentences' mean
    when the document was scored sentence by sentence (`sentences`: one row of
    sentiment logits per sentence, or none)."""
    out = whole.copy()
    if len(sentences):
        out[:3] = sentences.mean(axis=0)
    return out


def classify(text: str, *, rating: float | None = None, question: str | None = None,
             language: str | None = None, source_kind: str | None = None) -> Classification:
    """Classify one piece of feedback.

    rating: 0..1, 1 best (None if the source has none). question: the survey question
    the comment answers, if any. language: ISO code supplied by the source, if any
    (detected otherwise). source_kind: survey|review|web_form|email (accepted for the
    contract; the model does not currently use it).
    """
    p = _prepare(text, rating, question, language)
    model = _model()
    logits = None
    if model is not None and p.analysis is not None:
        if len(p.analysis.units) == 1:
            logits = model.logits(p.analysis.features)
        else:
            units = p.analysis.units
            logits = _combine(vectorized.logits(model, units[:1])[0], vectorized.logits(model, units[1:], outputs=3))
    return _finish(p, logits, model)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector (reference counting goes on) and restore it after.

    A batch allocates millions of short-lived objects, so the collector runs hundreds of
    times during it, and now and then a full collection walks every long-lived object
    (the model's vocabulary, the cue patterns' plans): 10-14% of a batch of survey
    comments, 8% of one of stories (2026-11-28). Classifying makes no reference cycles
    (gc.collect() after a batch of all 12,268 NHS records finds none; a unit test pins
    it), so every object of the batch is still freed as soon as it is dropped. A caller
    that had switched the collector off keeps it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def classify_batch(records: Iterable[Mapping[str, Any]]) -> list[Classification]:
    """Classify many records at once (same results as `classify`, faster).

    Each record is a mapping with `text` and optionally `rating`, `question`,
    `language`, `source_kind` (or `source`).
    """
    with _cyclic_gc_paused():
        return _classify_batch(records)


def _classify_batch(records: Iterable[Mapping[str, Any]]) -> list[Classification]:
    prepared = [_prepare(r.get("text"), r.get("rating"), r.get("question"), r.get("language")) for r in records]
    model = _model()
    if model is None:
        return [_finish(p, None, None) for p in prepared]
    # One pass lays out every record's rows: its whole comment's row (read by the
    # sentiment and topic heads and by the learned risk tier), its sentences' rows
    # (long documents; sentiment only), and its row among the tails.
    wholes: list[Unit] = []
    sentences: list[Unit] = []
    span_of: dict[int, tuple[int, int, int]] = {}  # record -> (whole row, first sentence, end)
    tails: list[Unit] = []
    tail_of: dict[int, int] = {}                   # record -> row in tails
    for i, p in enumerate(prepared):
        a = p.analysis
        if a is not None:
            span_of[i] = (len(wholes), len(sentences), len(sentences) + len(a.units) - 1)
            wholes.append(a.units[0])
            sentences.extend(a.units[1:])
            if a.tail is not None:
                tail_of[i] = len(tails)
                tails.append(a.tail)
    logits = vectorized.logits(model, wholes) if wholes else None
    sentence_logits = vectorized.logits(model, sentences, outputs=3)
    risk = _RISK_MODEL.get()
    risk_logits = vectorized.logits(risk, wholes) if risk is not None and wholes else None
    tail_logits = vectorized.logits(model, tails, outputs=3) if tails else None  # sentiment only
    out = []
    for i, p in enumerate(prepared):
        span = span_of.get(i)
        row = (_combine(logits[span[0]], sentence_logits[span[1]:span[2]])
               if span is not None and logits is not None else None)
        risk_z = risk_logits[span[0]] if span is not None and risk_logits is not None else None
        tail_z = tail_logits[tail_of[i]] if i in tail_of else None
        out.append(_finish(p, row, model, risk_z, tail_z))
    return out

