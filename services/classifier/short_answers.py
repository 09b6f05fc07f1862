"""Short survey answers the model cannot read, decided by rule.

Survey feeds send many answers that carry no words the model learned from, or whose
words mislead it: a score ("5/5", "1 star"), a letter ("a", "x"), a non-answer ("As
above", "Not applicable", "No sé"), "Keep it up!", "Not great". Each rule here matches
the whole answer (or, for negated praise, a short comment; for a review's own stars, its
first or last characters) and none is a model feature, so the trained model is
unchanged. Pure functions: no I/O.
"""
from __future__ import annotations

import re

from . import lexicon

# A comment that is only a score: "5/5", "10/10!", "4 out of 5", "3*", "1 star", "*****".
_SCORE_ONLY = re.compile(r"^\W*?(?:(\d{1,3}(?:\.\d)?) ?(?:/|out of) ?(\d{1,3})|(\d(?:\.\d)?) ?(?:\*|stars?)|(\*{1,5}))\W*$",
                         re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"^\W*n\W*a\W*$", re.IGNORECASE)  # "n/a", "N.A."

# Whole answers that say nothing about the care, whatever the question: "As above",
# "Not applicable", "Too early to say", "Can't remember", "Neither good nor bad".
_NON_ANSWER = {
    "en": re.compile(r"^\W*(?:(?:see|same as|as) (?:above|before|previous(?: answer)?)|not applicable|too (?:early|soon) "
                     r"to (?:say|tell)|(?:i )?(?:can'?t|cannot|don'?t|do not) remember|neither good nor (?:bad|poor))\W*$",
                     re.IGNORECASE),
    "es": re.compile(r"^\W*(?:(?:igual|lo mismo) que (?:arriba|antes)|no aplica|ni bien ni mal|ni bueno ni malo|"
                     r"no me acuerdo)\W*$", re.IGNORECASE),
}
# "Not sure", "Don't know": no opinion when asked nothing; as an answer to "what could
# we do better?" the NHS labels read them as nothing to improve, and so does the model.
_UNSURE = {
    "en": re.compile(r"^\W*(?:not sure|don'?t know|do not know|no idea|unsure|dunno|no comments?)\W*$", re.IGNORECASE),
    "es": re.compile(r"^\W*(?:no (?:lo )?s(?:é|e)|ni idea|sin comentarios?|no tengo comentarios)\W*$", re.IGNORECASE),
}
MAX_NON_ANSWER_WORDS = 6
MAX_CONTENT_FREE_WORDS = 5

# A review that opens or ends with its own stars: "⭐⭐⭐⭐ Dental hospital was great",
# "★★☆☆☆ long wait", "1 star. rude receptionist", "... would go again 5/5". Five NHS
# comments do ("5 star service!!!", "Five star treatment"), all praise.
_STAR_GLYPHS = "⭐🌟★"
_STAR_OPENING = re.compile(r"^\s*([⭐🌟★☆]{1,5})")
_STAR_CLOSING = re.compile(r"([⭐🌟★☆]{1,5})\s*$")
_NUMBER_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}
_STARS_OPENING = re.compile(r"^\W*(\d(?:\.\d)?|one|two|three|four|five) ?(?:stars?|\*|/ ?5|out of 5)(?!\w)",
                            re.IGNORECASE)
_STARS_CLOSING = re.compile(r"(?<!\w)(\d(?:\.\d)?|one|two|three|four|five) ?(?:stars?|/ ?5|out of 5)\W*$",
                            re.IGNORECASE)
STARS_SPAN = 24  # characters at each end of a text that can hold its stars

_KEEP_IT_UP = re.compile(r"^\W*(?:well done,? )?keep (?:it|this|that) up(?:,? (?:team|guys|all|everyone|folks))?\W*$",
                         re.IGNORECASE)
_NEGATED_PRAISE_WORD = re.compile(
    r"\b(?:not|wasn'?t|weren'?t|isn'?t|aren'?t|never) (?:very |that |so |too |particularly |exactly |always )?"
    r"(?:great|brilliant|amazing|fantastic|excellent|wonderful|impressive|ideal|pleasant|the best)\b", re.IGNORECASE)


def score_rating(text: str) -> float | None:
    """The rating (0..1, 1 best) a comment made only of a score gives, or None."""
    m = _SCORE_ONLY.match(text)
    if m is None:
        return None
    if m.group(1) is not None:
        got, out_of = float(m.group(1)), float(m.group(2))
        # "11/10" is emphatic praise: a score above the scale counts as its top.
        return min(got, out_of) / out_of if out_of in (5, 10, 100) else None
    if m.group(3) is not None:
        stars = float(m.group(3))
        return stars / 5 if stars <= 5 else None
    return len(m.group(4)) / 5


def review_stars(text: str) -> float | None:
    """The rating (0..1) a review gives itself at its start or end in stars, or None.

    Emoji or black stars count out of five ("★★☆☆☆" is 2/5, "⭐⭐⭐⭐" 4/5; a lone "⭐" is
    not a score); a number of stars or points out of five must open or close the text
    ("1 star. rude receptionist"); "5 stars" inside a sentence is left to the words.
    Only the first and last STARS_SPAN characters are read."""
    head, tail = text[:STARS_SPAN], text[-STARS_SPAN:]
    run = _STAR_OPENING.match(head) or _STAR_CLOSING.search(tail)
    if run is not None:
        stars = run.group(1)
        full = sum(ch in _STAR_GLYPHS for ch in stars)
        # One star glyph alone is as often decoration ("⭐ amazing staff ⭐") as a score.
        if full and (full >= 2 or "☆" in stars):
            return full / 5 if "☆" not in stars else full / len(stars)
    said = _STARS_OPENING.match(head) or _STARS_CLOSING.search(tail)
    if said is not None:
        word = said.group(1).lower()
        value = _NUMBER_WORDS.get(word) or float(word)
        return value / 5 if 0 < value <= 5 else None
    return None


def content_free(text: str, prepared: str, toks_at: list[tuple[str, int]]) -> bool:
    """Only single letters or digits ("a", "x", "1", "k k"), no lexicon label ("A+" is a
    grade), and not "n/a": a survey answer with nothing to act on."""
    return (len(toks_at) <= MAX_CONTENT_FREE_WORDS and all(len(t) == 1 for t, _ in toks_at)
            and not _NOT_APPLICABLE.match(text) and not lexicon.scan(prepared, toks_at, prepared=True))


def says_nothing(text: str, n_words: int, asked: bool) -> str | None:
    """The language ("en" or "es") of a whole answer that says nothing about the care,
    or None. `asked`: a survey question came with it ("Not sure" is then an answer)."""
    if n_words > MAX_NON_ANSWER_WORDS:
        return None
    for code in ("en", "es"):
        if _NON_ANSWER[code].match(text) or (not asked and _UNSURE[code].match(text)):
            return code
    return None


def keep_it_up(text: str) -> bool:
    """The whole comment is "Keep it up!" (with "well done", "team"): praise, which the
    model read as a complaint (it has seen "keep" in suggestions)."""
    return bool(_KEEP_IT_UP.match(text))


def negated_praise_word(text: str) -> bool:
    """"Not great", "wasn't the best", "not ideal": the model weighs the praise word
    ("Not great" alone was praise at 0.83)."""
    # Every match holds one of these (the pattern ignores case; none of their letters
    # has another case form the regex would fold): a whole-text search of the
    # alternation costs a survey comment 6.5 us, these checks well under one.
    low = text.lower()
    if "not" not in low and "n't" not in low and "nt " not in low and "never" not in low:
        return False
    return bool(_NEGATED_PRAISE_WORD.search(text))
