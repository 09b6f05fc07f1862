"""Fast matching of many regular expressions against many short documents.

Running a few hundred alternations over every comment is slow in Python's `re`. Most
cue patterns, though, can only match where some word begins with a known literal
("suicid", "solicitor", "wrong", ...). `PatternSet` works out those leading literals
from each pattern's parse tree once, indexes them, and for a document only runs the
patterns whose leading literal starts one of the document's words. Patterns with no
usable literal (anchors, lookarounds, one-letter prefixes) are always run. The result
is identical to running every pattern; only the work differs.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Words as the tokenizer sees them: letters/digits, with inner apostrophes.
WORD_RX = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

_MAX_PREFIXES = 64
_MIN_PREFIX = 1


def _walk(items: Sequence) -> tuple[set[str], bool]:
    """(possible literal prefixes, whether `items` was literal to the end)."""
    acc = {""}
    for op, av in items:
        if op is _sre_c.AT and acc == {""}:
            continue
        if op is _sre_c.LITERAL:
            ch = chr(av)
            if ch.isalnum():
                acc = {p + ch.lower() for p in acc}
                continue
            return acc, False
        if op is _sre_c.IN:
            chars = [chr(v) for o, v in av if o is _sre_c.LITERAL]
            if len(chars) != len(av) or not all(c.isalnum() for c in chars):
                return acc, False
            sub, complete = {c.lower() for c in chars}, True
        elif op is _sre_c.SUBPATTERN:
            sub, complete = _walk(av[-1])
        elif op is _sre_c.BRANCH:
            sub, complete = set(), True
            for branch in av[1]:
                s, c = _walk(branch)
                sub |= s
                complete = complete and c
        else:
            return acc, False
        acc = {p + s for p in acc for s in sub}
        if not complete or len(acc) > _MAX_PREFIXES:
            return acc, False
    return acc, True


_MIN_REQUIRED = 3
_SHORT_GATE = 2


def _required(items) -> frozenset[str] | None:
    """Alternatives one of which every match of `items` contains, as selective as found."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _sre_c.LITERAL:
            run += chr(av).lower()
            continue
        if run.strip():
            candidates.append(frozenset({run.strip()}))
        run = ""
        if op is _sre_c.SUBPATTERN:
            sub = _required(av[-1])
            if sub:
                candidates.append(sub)
        elif op is _sre_c.BRANCH:
            alts: set[str] = set()
            for branch in av[1]:
                sub = _required(branch)
                if not sub:
                    alts = set()
                    break
                alts |= sub
            if alts:
                candidates.append(frozenset(alts))
        elif op is _sre_c.MAX_REPEAT or op is _sre_c.MIN_REPEAT:
            lo = av[0]
            if lo >= 1:
                sub = _required(av[2])
                if sub:
                    candidates.append(sub)
    if run.strip():
        candidates.append(frozenset({run.strip()}))
    candidates = [c for c in candidates if min(len(x) for x in c) >= _MIN_REQUIRED and len(c) <= 16]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


def required_any(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which every match must contain (None if unknown).

    Used as a cheap `substring in text` pre-check before trying a pattern at each
    candidate offset: patterns gated on common words ("my", "he", "the") would
    otherwise be tried very often."""
    try:
        return _required(list(_sre_parse.parse(pattern, 0)))
    except Exception:  # pragma: no cover - defensive
        return None


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Literal word prefixes one of which every match must start with, or None."""
    try:
        parsed = _sre_parse.parse(pattern, 0)
    except Exception:  # pragma: no cover - defensive
        return None
    items = list(parsed)
    # Only patterns that begin at a word boundary can be gated on word starts.
    if not items or items[0] != (_sre_c.AT, _sre_c.AT_BOUNDARY):
        if not (len(items) == 1 and items[0][0] is _sre_c.BRANCH and all(
                b and b[0] == (_sre_c.AT, _sre_c.AT_BOUNDARY) for b in items[0][1][1])):
            return None
    prefixes, _ = _walk(items)
    if not prefixes or any(len(p) < _MIN_PREFIX for p in prefixes):
        return None
    return frozenset(prefixes)


class PatternSet:
    """Labelled regular expressions; `labels(text)` returns the labels that match.

    veto: optional label -> pattern; a match overlapping a veto match is ignored.
    """

    def __init__(self, patterns: dict[str, Iterable[str]], veto: dict[str, str] | None = None,
                 flags: int = re.IGNORECASE) -> None:
        self._entries: list[tuple[str, re.Pattern[str]]] = []
        self._required: list[frozenset[str] | None] = []
        self._always: list[int] = []
        self._index: dict[str, list[tuple[str, int]]] = {}
        for label, pats in patterns.items():
            for pat in pats:
                i = len(self._entries)
                self._entries.append((label, re.compile(pat, flags)))
                lits = leading_literals(pat)
                # The substring pre-check costs more than it saves unless the pattern
                # is gated on a one- or two-letter word ("my", "he") and so is tried
                # at many offsets (bench: Care Opinion stories, 2026-11-27).
                gated_on_long_words = lits is not None and min(map(len, lits)) > _SHORT_GATE
                self._required.append(None if gated_on_long_words else required_any(pat))
                if lits is None:
                    self._always.append(i)
                else:
                    for lit in lits:
                        self._index.setdefault(lit[:2], []).append((lit, i))
        self._veto = {k: re.compile(v, flags) for k, v in (veto or {}).items()}
        self._cache: dict[str, tuple[int, ...]] = {}

    def _for_token(self, tok: str) -> tuple[int, ...]:
        hit = self._cache.get(tok)
        if hit is None:
            cands = list(self._index.get(tok[:2], ()))
            if len(tok) > 1:
                cands += self._index.get(tok[:1], ())  # one-letter literals ("x-ray")
            hit = tuple(sorted({i for lit, i in cands if tok.startswith(lit)}))
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def scan(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None,
             starts: list[tuple[str, int]] | None = None) -> dict[str, int]:
        """label -> number of (non-vetoed) matches in `text` (lower-cased).

        tokens_at: (word, offset) pairs of `text` (see `words_at`); computed if omitted.
        starts: if given, (label, start offset) of every counted match is appended to it
        (so a caller can count per sentence without scanning twice).
        Gated patterns are tried only at the offsets of words that start with one of
        their leading literals, which is where any match of theirs must begin.
        """
        if tokens_at is None:
            tokens_at = words_at(text)
        counts: dict[str, int] = {}
        entries = self._entries
        for i in self._always:
            label, rx = entries[i]
            req = self._required[i]
            if req is not None and not any(alt in text for alt in req):
                continue
            for m in rx.finditer(text):
                if not self._vetoed(label, text, m):
                    counts[label] = counts.get(label, 0) + 1
                    if starts is not None:
                        starts.append((label, m.start()))
        cache = self._cache
        required = self._required
        present: dict[frozenset[str], bool] = {}
        for tok, pos in tokens_at:
            ids = cache.get(tok)
            if ids is None:
                ids = self._for_token(tok)
            for i in ids:
                req = required[i]
                if req is not None:
                    ok = present.get(req)
                    if ok is None:
                        ok = False
                        for alt in req:
                            if alt in text:
                                ok = True
                                break
                        present[req] = ok
                    if not ok:
                        continue
                label, rx = entries[i]
                m = rx.match(text, pos)
                if m is not None and not self._vetoed(label, text, m):
                    counts[label] = counts.get(label, 0) + 1
                    if starts is not None:
                        starts.append((label, pos))
        return counts

    def _vetoed(self, label: str, text: str, m: re.Match[str]) -> bool:
        veto = self._veto.get(label)
        if veto is None:
            return False
        lo, hi = max(0, m.start() - 40), m.end() + 40
        return any(v.start() < m.end() and m.start() < v.end() for v in veto.finditer(text, lo, hi))

    def labels(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None) -> set[str]:
        return set(self.scan(text, tokens_at))


def words_at(text: str) -> list[tuple[str, int]]:
    """(word, start offset) for every word of `text`."""
    return [(m.group(), m.start()) for m in WORD_RX.finditer(text)]
