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
"""
from __future__ import annotations

import math
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from careloop.core.message_body import authored_text
from careloop.core.taxonomy import TRAILING_TOPICS

from . import es, inbox_cues, lexicon, short_answers, vectorized
from .features import extra_features, ngram_features
from .lang import detect_language
from .linear import LinearModel
from .patterns import PatternSet, words_at
from .vectorized import Unit

SUPPORTED_LANGUAGES: frozenset[str] = frozenset({"en", "es"})
MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.json"
RISK_MODEL_PATH = Path(__file__).resolve().parent / "data" / "risk_model.json"
RULES_VERSION = "careloop-rules-0.2"

SENTIMENTS = ("negative", "neutral", "positive")
IMPROVE_QUESTION_FACTOR = 1.5
LEXICON_PRIOR = True
PRAISE_QUESTION_FACTOR = 0.3
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
    topics: tuple[str, ...]  # the main one first (_order_topics)
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


# --------------------------------------------------------------------------- analysis


@dataclass
class Analysis:
    prepared: str
    tokens: list[str]
    counts: dict[str, int]
    # (word, offset) of `tokens` in `prepared`, kept for the second, rarer scan of the
    # inbox cues (_finish) so it need not tokenise again.
    tokens_at: list[tuple[str, int]]
    # What the model scores, as (words as the model sees them, non-word features): the
    # whole document, then, for long documents only, each sentence. The model was
    # trained on survey comments (median 8 words), so a story is scored one sentence
    # at a time.
    units: list[Unit]
    # A short English comment's words after its last "but/however/apart from/..."
    # (None if it has none): a mixed comment's complaint usually comes last (_finish).
    tail: Unit | None = None

    @cached_property
    def features(self) -> list[str]:
        """The whole document's model features (built once: a complaint's are read by
        both the sentiment model and the learned risk tier)."""
        return _unit_features(self.units[0])

    @property
    def sentences(self) -> list[list[str]] | None:
        """Each sentence's model features (long documents only)."""
        return [_unit_features(u) for u in self.units[1:]] if len(self.units) > 1 else None


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


def _unit_features(unit: Unit) -> list[str]:
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


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def _normalize_rating(rating: Any) -> float | None:
    if rating is None or isinstance(rating, bool):
        return None
    try:
        r = float(rating)
    except (TypeError, ValueError):
        return None
    if math.isnan(r):
        return None
    return _clamp(r, 0.0, 1.0)


def _lexicon_probs(counts: Mapping[str, int], text: str) -> tuple[float, float, float]:
    """Rules-only sentiment (used when no trained model file is present)."""
    strong, neg, pos = counts.get("cue:strong", 0), counts.get("cue:neg", 0), counts.get("cue:pos", 0)
    raw = 0.9 * pos - 0.8 * neg - 2.0 * strong
    if lexicon.suggestion_cue(text):
        raw -= 1.2
    if lexicon.contrast_complaint(text):
        raw -= 1.5
    p_neg = 1.0 / (1.0 + math.exp(-(-raw - 0.3)))
    p_pos = (1.0 - p_neg) * (0.75 if raw > 0 else 0.35)
    return p_neg, 1.0 - p_neg - p_pos, p_pos


def _softmax3(z: np.ndarray) -> tuple[float, float, float]:
    m = float(max(z[0], z[1], z[2]))
    e0, e1, e2 = math.exp(z[0] - m), math.exp(z[1] - m), math.exp(z[2] - m)
    s = e0 + e1 + e2
    return e0 / s, e1 / s, e2 / s


def _renorm(p_neg: float, p_neu: float, p_pos: float) -> tuple[float, float, float]:
    rest = p_neu + p_pos
    if rest <= 0:
        return p_neg, 1.0 - p_neg, 0.0
    k = (1.0 - p_neg) / rest
    return p_neg, p_neu * k, p_pos * k


def _adjust(p: tuple[float, float, float], *, rating: float | None, qkind: str | None,
            text: str, counts: Mapping[str, int], threshold: float,
            long_doc: bool = False, short_letter: bool = False) -> tuple[float, float, float]:
    """Fold survey-question and rating evidence into the model's probabilities.

    The question is a rule, not a model feature: trained as a feature, its weight
    carried one trust's share of "nothing to improve" answers to the next trust and
    cost precision there (bench, 2026-11-27). long_doc: scored sentence by sentence;
    one strong complaint word in a long story is weighed by the model (it is a
    feature) rather than forcing a complaint. short_letter: long_doc, but at most
    LONG_ENQUIRY_MAX_WORDS words; the question cue applies to it as to a short comment.
    """
    p_neg, p_neu, p_pos = p
    strong = counts.get("cue:strong", 0)
    if not long_doc and short_answers.negated_praise_word(text):
        # A strong complaint cue by rule ("Not great"); no short NHS comment has these
        # words without being a complaint.
        strong = strong or 1
    if short_answers.keep_it_up(text):
        p_neg = min(p_neg, threshold / 2)  # no NHS comment is only these words
    if not strong and not long_doc and inbox_cues.fact_stands_unopposed(text, counts):
        # Kindness told as a fact ("the porter walked us to the clinic"), praise the
        # model cannot see without a word of praise, or a reply that takes note ("Thanks,
        # noted. I'll wait to hear from the ward manager"), which it reads as a complaint
        # ("wait", "hear"): with nothing against it, not a complaint.
        p_neg = min(p_neg, threshold / 2)
        if counts.get(inbox_cues.NEWS_CUE) and not counts.get("cue:pos"):
            # News passed on ("... opens Monday", "announces new £14m centre") says
            # nothing of the writer's own care: neutral, not praise.
            p_neu, p_pos = max(p_neu, p_pos), min(p_neu, p_pos)
    if (not strong and not long_doc and counts.get("cue:pos") and p_neg >= threshold
            and inbox_cues.negated_praise_unopposed(text, counts)):
        # Praise said with a negation and nothing else against it ("Not a long wait at
        # all, seen within twenty minutes"): the model reads "wait" and "not" as a
        # complaint (words_blind2.jsonl).
        p_neg = min(p_neg, threshold / 2)
    if (counts.get(inbox_cues.INQUIRY_CUE) and not strong and not counts.get(inbox_cues.KIND_ACT_CUE)
            and (not long_doc or short_letter)
            and (not counts.get("cue:neg") or inbox_cues.enquiry_unopposed(text))):
        # A question or an administrative request and nothing else: neutral; with
        # thanks ("What time should we arrive? Thanks"), praise. ("Could you tell me
        # ..." and "I need to ..." are suggestion cues too, so those are not checked.)
        p_neg = min(p_neg, threshold / 2)
        if not counts.get("cue:pos"):
            p_neu, p_pos = max(p_neu, p_pos), min(p_neu, p_pos)
    if LEXICON_PRIOR and strong and not long_doc:
        # Plain complaint words the model under-weights ("very bad experience"): make
        # sure they reach the negative threshold.
        p_neg = max(p_neg, threshold + 0.1)
    if counts.get(CONTRAST_CUE) and not long_doc:
        # A Spanish comment whose "pero/aunque" clause complains (read through the
        # gloss): mixed comments with a real complaint are complaints. English needs
        # no rule: its model weighs "but nobody ..." itself (bench: the rule for all
        # languages moved English F1 by -0.003..+0.006).
        p_neg = max(p_neg, threshold + 0.01)
    if qkind == "improve":
        if lexicon.says_nothing_to_improve(text):
            p_neg = min(p_neg, 0.05)
            p_neu, p_pos = 0.10, 0.85
        elif not _plain_praise(text, counts):
            # Answers to "what could we do better?" are mostly complaints or
            # suggestions: raise the negative evidence rather than overrule the text.
            # Plain praise ("Lovely caring nurses") is an implicit "nothing to
            # improve" and is left as the text reads. The factor was chosen on
            # held-out trusts (bench, careloop+question rows).
            p_neg = min(1.0, p_neg * IMPROVE_QUESTION_FACTOR)
    elif qkind == "praise" and not strong:
        # An answer to "what was good?" is a complaint only when it says so: a bare
        # "Food service." or "Talk to me while doing it." names what was good.
        # NHS labellers read a bare "Nothing." there as "nothing to add", so it is
        # left alone; explicit "nothing was good" is a strong cue and skips this.
        p_neg *= PRAISE_QUESTION_FACTOR
    if rating is not None:
        if rating <= 0.25:
            p_neg = max(p_neg, 0.9 - rating)
        elif rating <= 0.45:
            p_neg = max(p_neg, threshold + 0.05)
        elif rating >= 0.8 and not counts.get("cue:strong"):
            p_neg *= 0.8
    return _renorm(_clamp(p_neg, 0.0, 1.0), p_neu, p_pos)


def _logit(p: float) -> float:
    """The logit a model output must reach for probability p."""
    return math.log(p / (1.0 - p))


def _merge_flags(flags: Sequence[str], extra: Iterable[str]) -> tuple[str, ...]:
    """`flags` plus `extra`, in lexicon.RISK_FLAG_ORDER."""
    extra = set(extra)
    if not extra:
        return tuple(flags)
    return tuple(f for f in lexicon.RISK_FLAG_ORDER if f in flags or f in extra)


# The learned risk tier's bar for a comment not called a complaint. Its own threshold
# (risk_model.json, 0.85) applies to complaints; on other comments it mostly fires on
# style, so there it counts only when nearly certain. At 0.95, trained on half of
# text_data, it flagged none of the other half (5,149) nor any Care Opinion story, and
# caught "they gave my son an adult dose of morphine and he stopped responding", which
# the sentiment model read as praise (bench, 2026-11-27).
LEARNED_RISK_P_NOT_COMPLAINT = 0.95

# The flags the second tier's loose words may raise in a long document (more than
# LONG_DOC_WORDS words). A story or a letter uses "claim", "investigation", "called
# me", "disabled" or "details" in passing; in the labelled sample of real NHS feedback
# (EVALUATION.md, "Risk flags on real feedback") the second tier alone raised 37 legal-threat,
# privacy or discrimination flags on long documents, 3 of them right, and 19 on the
# written sets' long documents, 4 right. Patient safety and self-harm keep it: their
# misses cost most, and there it raised 83 flags on real long documents, 29 right.
# Privacy keeps it too: it was right once in 10 real long documents, but each of the
# two written sets made after the rule (blind sets 24 and 25) had a long email whose
# breach only it caught (a neighbour who works on reception, a name called out in a
# full waiting room), and a breach can have to be reported within 72 hours.
LONG_DOC_BROAD_FLAGS = frozenset({"patient_safety", "privacy_breach", "self_harm"})


# Words of self-harm, its means and its warning signs. The learned tier's self-harm head
# has a low bar for complaints (0.5) and learned "nobody" from the written examples:
# "Nobody told me anything" and "my son was taken to theatre and nobody told us" were
# self-harm flags. An English comment without one of these words does not get the flag
# from the tier alone; every self-harm flag the tier alone gave on the written sets has
# one ("better off if I wasn't around", "couldn't see a future", "swallowed everything").
_SELF_HARM_WORDS = re.compile(
    r"\b(?:suicid\w*|kill\w*|die|died|dying|dead|death|overdos\w*|harm\w*|hurt\w*|cut\w*|ligature\w*|hang\w*|hung|"
    r"jump\w*|end (?:it|everything|my life|his life|her life|things)|life|live|living|alive|pills?|tablets|paracetamol|sertraline|"
    r"citalopram|fluoxetine|amitriptyline|codeine|tramadol|meds|myself|himself|herself|themselves|burn\w*|bridge|"
    r"railway|river|sea|cliff|rope|knife|blade|razor|starv\w*|wake up|waking up|goodbye|notes?|anymore|any more|voices|"
    r"crisis|samaritans|disappear\w*|bleach|"
    r"drown\w*|neck|wrists?|scratch\w*|punch\w*|better off|happier (?:if|without)|around|future|swallow\w*|"
    r"(?:it|everything|it all) to stop|going like this|go on|point)\b", re.IGNORECASE)


def _learned_risk_flags(risk_logits: np.ndarray | None, p: "_Prepared",
                        min_p: float | None = None) -> frozenset[str]:
    """Flags the learned risk tier (train.fit_risk) gives P >= `min_p` (default: its
    own threshold, per flag where the model names one, for English only: the per-flag
    thresholds were measured on English, and a Spanish comment reaches the tier through
    a word-by-word gloss), from its logits for the comment (None: no risk model).
    Self-harm from the tier needs a word of self-harm in an English comment
    (_SELF_HARM_WORDS).

    It catches some wordings no pattern has (blind set 2: recall 0.56 -> 0.72 at the
    shipped threshold 0.85); below 0.85 it flagged ordinary complaints ("the wrong
    date on the letter", "sent to the wrong department").
    """
    risk = _RISK_MODEL.get()
    if risk is None or risk_logits is None:
        return frozenset()
    english = p.language == "en"
    z = risk_logits.tolist() if isinstance(risk_logits, np.ndarray) else risk_logits
    flags = {flag for flag, i, bar in _risk_bars(risk, english, min_p) if z[i] >= bar}
    if "self_harm" in flags and english and not _SELF_HARM_WORDS.search(p.text):
        flags.discard("self_harm")
    return frozenset(flags)


def _per_model(fn):
    """Cache `fn(model, *args)` for a model until the model or its `meta` dict is replaced
    (benchmarks and tests swap models and their meta; a meta dict is not edited in place)."""
    cache: dict[tuple, tuple[Any, Any, Any]] = {}

    @wraps(fn)
    def cached(model: LinearModel, *args: Any) -> Any:
        key = (id(model), *args)
        hit = cache.get(key)
        if hit is None or hit[0] is not model or hit[1] is not model.meta:
            if len(cache) > 64:
                cache.clear()
            hit = cache[key] = (model, model.meta, fn(model, *args))
        return hit[2]
    return cached


@_per_model
def _risk_bars(risk: LinearModel, english: bool, min_p: float | None) -> tuple[tuple[str, int, float], ...]:
    """(flag, output row, the logit it must reach) of each head of the learned risk
    tier (see _learned_risk_flags), worked out once per model (bars: _float32_bar)."""
    default = float(risk.meta.get("flag_threshold", 0.5)) if min_p is None else min_p
    thresholds = (risk.meta.get("flag_thresholds") or {}) if english and min_p is None else {}
    return tuple((name[5:], i, _float32_bar(float(thresholds.get(name[5:], default))))
                 for name, i in risk.out_index.items() if name.startswith("risk:"))


@_per_model
def _topic_heads(model: LinearModel) -> tuple[tuple[tuple[str, int], ...], float]:
    """((topic, output row) of each topic head of the sentiment model, the logit a
    topic head must reach), worked out once per model."""
    heads = tuple((name[6:], i) for name, i in model.out_index.items() if name.startswith("topic:"))
    return heads, _float32_bar(float(model.meta.get("topic_threshold", 0.5)))


def _float32_bar(p: float) -> float:
    """The logit an output must reach for probability p, rounded to float32 as the
    logits are: a float32 logit was always compared with its bar in float32, and two
    float32 values compare the same as Python floats."""
    return float(np.float32(_logit(p)))


def _risk_logits(a: Analysis) -> np.ndarray | None:
    """The learned risk tier's logits for the whole comment (None without its model)."""
    risk = _RISK_MODEL.get()
    return None if risk is None else risk.logits(a.features)


def _plain_praise(text: str, counts: Mapping[str, int]) -> bool:
    """Words of praise and nothing else: no complaint or negation cue, no suggestion."""
    return (counts.get("cue:pos", 0) > 0 and not counts.get("cue:neg", 0) and not counts.get("cue:strong", 0)
            and not lexicon.suggestion_cue(text))


def _severity(sentiment: str, flags: Sequence[str], p_neg: float, rating: float | None,
              counts: Mapping[str, int]) -> str:
    if flags:
        return "critical"
    if sentiment != "negative":
        return "low"
    strong = p_neg >= 0.85 or bool(counts.get("cue:strong")) or (rating is not None and rating <= 0.2)
    return "high" if strong else "medium"


def _order_topics(topics: set[str], weight: Mapping[str, float] | None = None) -> tuple[str, ...]:
    """`topics` as the contract lists them: the main one first.

    weight: how strongly the comment is about each topic (the model's topic-head logits,
    see _topic_weights); the heaviest comes first, topics without a weight after those
    with one, ties in the taxonomy's order. Without weights (no model), the taxonomy's
    order. "enquiry" and "other" come last; "other" only when nothing else was found.
    """
    if len(topics) > 1:
        topics.discard("other")
    if not topics:
        return ("other",)
    canonical = [t for t in lexicon.TOPIC_CODES if t in topics]
    if not weight:
        return tuple(canonical)
    lowest = float("-inf")
    return tuple(sorted(canonical, key=lambda t: (t in TRAILING_TOPICS, -weight.get(t, lowest))))


# How sure a topic head must be to put its topic ahead of one that only keywords can
# name (billing, parking, pain: too few NHS examples to learn a head): keywords name
# such a topic outright ("charged £12 for parking"), where the broad clinical-care head
# reads 0.52 on that comment and 0.62 on a prescription charge. On the labelled
# complaints (EVALUATION.md, "Topics as routing sees them") any value from 0.35 to 0.85 routes
# them the same but one.
KEYWORD_ONLY_TOPIC_P = 0.75


def _topic_weights(logits: np.ndarray, model: LinearModel, topics: Iterable[str]) -> dict[str, float]:
    """Each of `topics`' weight for choosing the main one (_order_topics): its model
    head's logit. The heads were trained on the NHS subcategory, one main subject per
    comment, so the highest is the best estimate of what a complaint is mainly about.
    A topic without a head weighs as much as a head at KEYWORD_ONLY_TOPIC_P."""
    keyword_only = _logit(KEYWORD_ONLY_TOPIC_P)
    weights = {}
    for t in topics:
        i = model.out_index.get("topic:" + t)
        weights[t] = float(logits[i]) if i is not None else keyword_only
    return weights


# The score is P(positive) - P(negative), kept on the side of the decision. Negative is
# decided at a recall-first threshold (about 0.25), so about one comment in ten called
# negative has P(pos) > P(neg); its score is then -SCORE_MARGIN instead of positive
# (likewise for positive), so a consumer that sorts or splits scores at 0 agrees with
# the sentiment. Neutral scores are left as they are.
SCORE_MARGIN = 0.05


def _signed_score(raw: float, sentiment: str) -> float:
    if sentiment == "negative":
        raw = min(raw, -SCORE_MARGIN)
    elif sentiment == "positive":
        raw = max(raw, SCORE_MARGIN)
    return round(_clamp(raw, -1.0, 1.0), 4)


def _rating_only(rating: float | None) -> tuple[str, float, float]:
    if rating is None:
        return "neutral", 0.0, 0.0
    score = round(-1 + 2 * rating, 4)
    if rating <= 0.4:
        return "negative", score, 0.6
    if rating >= 0.7:
        return "positive", score, 0.6
    return "neutral", score, 0.5


# --------------------------------------------------------------------------- classify


@dataclass
class _Prepared:
    text: str
    rating: float | None
    qkind: str | None
    language: str
    review: bool
    analysis: Analysis | None


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
        return _Prepared(text, r if r is not None else score, q, lang or "und", False, None)
    if r is None:
        # A review's own stars ("⭐⭐⭐⭐ Dental hospital was great", "1 star. rude ...").
        r = short_answers.review_stars(text)
    said_nothing_in = short_answers.says_nothing(text, len(toks_at), asked=q is not None)
    if said_nothing_in is not None:  # "As above", "No aplica", "Not sure" when nothing was asked
        return _Prepared(text, r, q, lang or said_nothing_in, False, None)
    if lang is None:
        tokens = [t for t, _ in toks_at]
        lang, _ = detect_language(text, tokens)
        if lang == "und" and _mostly_known_english(tokens):
            lang = "en"
    if lang in SUPPORTED_LANGUAGES:
        analysis = analyze(text, lang, prepared=prepared, toks_at=toks_at)
    review = lang not in SUPPORTED_LANGUAGES
    return _Prepared(text, r, q, lang, review, analysis)


# Common emoji, for a comment made of symbols only ("👍", "😡 😡").
_POSITIVE_SYMBOLS = frozenset("👍👏😀😃😄😁😊🙂😍🥰❤💕💖💙💚⭐🌟🙏💯✅🤗😇")
_NEGATIVE_SYMBOLS = frozenset("👎😡😠🤬😞😢😭🙁☹😤💩😒😩😫❌😷🤮😖😣")


def _symbols_only(text: str) -> tuple[str, float, float]:
    """(sentiment, score, confidence) of a comment with no words, from its emoji."""
    pos = sum(ch in _POSITIVE_SYMBOLS for ch in text)
    neg = sum(ch in _NEGATIVE_SYMBOLS for ch in text)
    if pos > neg:
        return "positive", 0.5, 0.6
    if neg > pos:
        return "negative", -0.5, 0.6
    return "neutral", 0.0, 0.0


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
        sentiment, score, conf = _rating_only(p.rating)
        if p.rating is None and not p.review:
            sentiment, score, conf = _symbols_only(p.text)
        if flags and sentiment == "neutral":
            sentiment = "negative"
            score = _signed_score(score, sentiment)
        topics = _order_topics({lexicon.RISK_TOPICS[f] for f in flags})
        sev = _severity(sentiment, flags, 0.0, p.rating, {})
        return Classification(sentiment, score, conf, topics, flags, sev, p.language, p.review, version)

    if model is not None and _unread(a, model):
        # Not one word the model knows and no lexicon label ("Shambolic", "Atrocious",
        # "asdfgh"): the model would answer with its bias alone, positive at 0.85.
        # A person reads it instead; a rating still says something.
        sentiment, score, conf = _rating_only(p.rating)
        sev = _severity(sentiment, (), 0.0, p.rating, {})
        return Classification(sentiment, score, conf, _order_topics(_keyword_topics(a)), (), sev, p.language, True,
                              version)

    long_doc = len(a.units) > 1
    if model is not None and logits is not None:
        probs = _softmax3(logits[:3])
        threshold = float(model.meta.get("neg_threshold", 0.5))
        if long_doc:
            # Scored from its sentences' mean logits: a threshold tuned on such scores.
            threshold = float(model.meta.get("long_doc_neg_threshold", threshold))
    else:
        probs = _lexicon_probs(a.counts, p.text)
        threshold = 0.5
    counts = a.counts
    short_letter = long_doc and len(a.tokens) <= LONG_ENQUIRY_MAX_WORDS
    if (not long_doc and p.language in ("en", "es")
            and (probs[0] > threshold / 2 or inbox_cues.may_be_enquiry(a.prepared, a.tokens))):
        # The kindness, question and acknowledgement cues only ever cap P(neg) at
        # threshold / 2 (_adjust), so they are looked for only when that would change it
        # (one survey comment in three or so; stories, scored sentence by sentence,
        # never), or when the comment may be an enquiry (topic below).
        facts = inbox_cues.fact_cues(a.prepared, a.tokens_at)
        if facts:
            counts = {**counts, **facts}
    elif short_letter and p.language in ("en", "es") and inbox_cues.may_be_enquiry(a.prepared, a.tokens):
        # An email of 41-90 words: only the question cue applies (_adjust).
        question = inbox_cues.inquiry_cues(a.prepared, a.tokens_at)
        if question:
            counts = {**counts, **question}
    p_neg, p_neu, p_pos = _adjust(probs, rating=p.rating, qkind=p.qkind, text=p.text,
                                  counts=counts, threshold=threshold, long_doc=long_doc,
                                  short_letter=short_letter)
    if (a.tail is not None and model is not None and logits is not None and p_neg < threshold
            and p.qkind != "praise"):
        # A mixed comment is a complaint when what follows its last "but" would be one
        # on its own ("Lovely staff, only thing is the toilets were filthy."). Not for
        # answers to "what was good?": there a "but" mostly qualifies the praise, and
        # such an answer is a complaint only when it says so plainly (_adjust).
        if tail_logits is None:
            tail_logits = model.logits(_unit_features(a.tail))
        if _softmax3(tail_logits[:3])[0] >= threshold:
            p_neg, p_neu, p_pos = _renorm(threshold + 0.01, p_neu, p_pos)
    flags = lexicon.risk_flags(a.prepared, a.counts)
    if risk_logits is None:
        risk_logits = _risk_logits(a)
    if p_neg < threshold:
        flags = _merge_flags(flags, _learned_risk_flags(risk_logits, p, LEARNED_RISK_P_NOT_COMPLAINT))
    if flags and p_neg < threshold and p_pos < 0.9 and not long_doc:
        # An explicit safety / legal / privacy / abuse / self-harm signal is never
        # "neutral" and rarely praise.
        p_neg, p_neu, p_pos = _renorm(threshold + 0.01, p_neu, p_pos)
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
        flags = _merge_flags(flags, broad)
    if p_neg >= threshold:
        flags = _merge_flags(flags, _learned_risk_flags(risk_logits, p))
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
    score = _signed_score(p_pos - p_neg, sentiment)

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
    weight = _topic_weights(logits, model, topics) if model is not None and logits is not None else None
    sev = _severity(sentiment, flags, p_neg, p.rating, a.counts)
    return Classification(sentiment, score, round(_clamp(conf, 0.0, 1.0), 4), _order_topics(topics, weight),
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


def classify_batch(records: Iterable[Mapping[str, Any]]) -> list[Classification]:
    """Classify many records at once (same results as `classify`, faster).

    Each record is a mapping with `text` and optionally `rating`, `question`,
    `language`, `source_kind` (or `source`).
    """
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
