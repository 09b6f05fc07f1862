"""Regex builders for flags told as two things said near each other (risk_concepts_es.py,
risk_concepts_en.py): lists of everyday words, joined so that either order matches and
each pattern still opens with a literal word (the scanner gates on it)."""
from __future__ import annotations


def any_of(words: list[str]) -> str:
    """One alternation group of `words` (raw regex strings)."""
    return "(?:" + "|".join(words) + ")"


def near(first: str, second: str, gap: int = 80) -> list[str]:
    """`first` and `second` in one sentence, in either order, at most `gap` characters
    apart: two patterns, each gated on the words its side opens with."""
    return [rf"\b(?:{first})\b[^.!?]{{0,{gap}}}\b(?:{second})\b",
            rf"\b(?:{second})\b[^.!?]{{0,{gap}}}\b(?:{first})\b"]


def then(first: str, second: str, gap: int = 250) -> str:
    """`first`, then `second` within `gap` characters, across sentences (a story tells the
    dismissal first and what it was later)."""
    return rf"\b(?:{first})\b[\s\S]{{0,{gap}}}?\b(?:{second})\b"
