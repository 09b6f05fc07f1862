"""Fast matching of many regular expressions against many short documents.

Running a few hundred alternations over every comment is slow in Python's `re`. Most
cue patterns, though, can only match where some word begins with a known literal
("suicid", "solicitor", "wrong", ...), and many only where that literal is the whole
word ("no doctor came" needs the word "no", not "now"). `PatternSet` works out those
leading literals from each pattern's parse tree once, indexes them, and tries a pattern
only at the words its literals admit, and first checks with `str.startswith` that the
text there begins with one of the literal texts the pattern must start with ("the man in
the next bed"), since common words admit patterns that nearly never match there.
Patterns with no usable literal (one that opens with a lookahead or with "any word") are
searched through the whole text. At a word, each pattern it admits runs its own
compiled regex, in pattern order: until 2026-11-28 they ran as one regex built per
combination of patterns, which was no faster once the literal-prefix check had cut out
most tries, and cost a fresh process a millisecond of compiling for each of over a
thousand combinations (`careloop classify` on 10,298 survey comments: 4.0 s -> 2.7-2.9 s).
Each pattern a word admits also keeps its own literal-prefix check, and, when it names
its rare word only later ("... the police"), a check that the text holds that word at
all. The spans and counts are the same as trying every pattern at every word
(tests/unit/test_classifier_patterns.py); only the work differs. A veto (a pattern whose
matches cancel the matches of a label they overlap) is split into its alternatives,
which are found the same way, in the same pass over the words.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Words as the tokenizer sees them: letters/digits, with inner apostrophes.
WORD_RX = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# The same words in a text of ASCII characters only (nearly all feedback), where "not a
# non-word character nor _" is exactly a letter or digit: a plain character class is
# tested faster than a Unicode category (a survey comment 14 -> 11 us, a story 69 -> 56).
_ASCII_WORD_RX = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() leaves alone
# (the long s, the dotless i, the Kelvin sign): the word index and the literal-prefix
# check compare text folded through this table, so a pattern's "s" still finds "ſ".
# Every entry is one character for one, so offsets do not move.
_IGNORECASE_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u212a": "k"})
_FOLDED_CHARS = ("\u017f", "\u0131", "\u212a")


def _folded(text: str) -> str:
    if text.isascii():  # nearly every word and comment: nothing to fold
        return text
    return text.translate(_IGNORECASE_FOLDS) if any(c in text for c in _FOLDED_CHARS) else text



_MAX_PREFIXES = 64
# Characters a literal prefix (`literal_prefixes`) is worked out to: "the man in the n"
# already rules out nearly every other text, and longer ones cost the analysis at
# import far more than they save (a shorter prefix is still one every match starts with).
_MAX_PREFIX_LEN = 16
_MIN_PREFIX = 1


_MIN_REQUIRED = 3
# At most this many texts in a pattern's `needs` check (PatternSet._needs_at): each is
# a substring search of the whole text, once per text.
_MAX_NEEDS = 8
# Labels of veto matches (PatternSet) start with this: no pattern label can.
_VETO_MARK = "\x00veto:"
# A pattern's analysis not yet worked out (PatternSet: prefixes and required texts).
_NOT_YET = object()


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

    Used as a cheap `substring in text` pre-check before searching the whole text
    with a pattern that has no leading word to gate it on."""
    try:
        return _required(list(_parsed(pattern)))
    except Exception:  # pragma: no cover - defensive
        return None


# How a leading literal ends: the pattern goes on with more letters ("more"), with a
# character no word contains, so the literal is a whole word ("word"), or otherwise
# ("part": the word may go on, as in "mix(?:ed)?" or "don'?t").
_MORE, _WORD, _PART = "more", "word", "part"


def _gates(items: Sequence, across_words: bool = False,
           max_len: int | None = None) -> list[tuple[str, str]] | None:
    """(literal prefix, how it ends) for every way `items` can begin, or None if too many.
    A prefix still "more" at the end is one `items` ends on (the caller's next item says
    how it goes on). `across_words`: spaces, hyphens and other literal characters extend
    a prefix too ("no doctor"), instead of ending its first word. `max_len`: prefixes
    that reach this many characters stop growing (as "part": the text goes on)."""
    char_gate = _any_char_gate if across_words else _char_gate
    acc: list[tuple[str, str]] = [("", _MORE)]
    items = list(items)
    k = 0
    while k < len(items):
        op, av = items[k]
        k += 1
        if max_len is not None:
            acc = [(p, _PART) if how == _MORE and len(p) >= max_len else (p, how) for p, how in acc]
        growing = [p for p, how in acc if how == _MORE]
        if not growing:
            break
        # What a sub-pattern may add to the shortest prefix (None: no limit).
        room = None if max_len is None else max_len - min(map(len, growing))
        if growing == [""] and (op is _sre_c.AT or _is_lookbehind(op, av)):
            continue  # zero-width before the first letter: the match still starts there
        if op is _sre_c.LITERAL and (across_words or chr(av).isalnum()):
            # A run of letters (of any literal characters across words) extends every
            # prefix at once: the same as one character at a time, in one step.
            run = [chr(av)]
            while (k < len(items) and items[k][0] is _sre_c.LITERAL
                   and (across_words or chr(items[k][1]).isalnum())):
                run.append(chr(items[k][1]))
                k += 1
            sub: list[tuple[str, str]] | None = [("".join(run).lower(), _MORE)]
        elif op is _sre_c.LITERAL:
            sub = [char_gate(chr(av))]
        elif op is _sre_c.IN and all(o is _sre_c.LITERAL for o, _ in av):
            sub = list({char_gate(chr(v)) for _, v in av})
        elif op is _sre_c.SUBPATTERN:
            sub = _gates(av[-1], across_words, room)
        elif op is _sre_c.BRANCH:
            sub = []
            for branch in av[1]:
                got = _gates(branch, across_words, room)
                sub = None if got is None or sub is None else sub + got
        elif across_words and op is _sre_c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            # An optional piece ("'?" in "i'?ll"): the prefixes with it and without it.
            got = _gates(av[2], across_words, room)
            sub = None if got is None else [("", _MORE)] + got
        else:
            sub = [("", _PART)]
        if sub is None:
            return None
        grown = [(p, how) for p, how in acc if how != _MORE] + [(p + q, how) for p in growing for q, how in sub]
        grown = list(dict.fromkeys(grown))
        if len(grown) > _MAX_PREFIXES:
            if not across_words:
                return None
            # Cut the prefixes short enough to stay within the limit: every match still
            # starts with one of them.
            shortened = _shorten(grown, _MAX_PREFIXES)
            if shortened is None:
                return [(p, _PART) for p, _ in acc]
            grown = shortened
        acc = grown
    return acc


def _shorten(prefixes: list[tuple[str, str]], limit: int) -> list[tuple[str, str]] | None:
    """`prefixes` cut to the greatest length at which at most `limit` distinct ones
    remain (a cut one can no longer grow), or None if even one character is too many.

    Cutting one character shorter never adds a distinct prefix (two equal at length k
    are equal below it), so the length is found by bisection."""
    def cut(k: int) -> list[tuple[str, str]]:
        return list(dict.fromkeys((p[:k], how if len(p) <= k else _PART) for p, how in prefixes))

    lo, hi = 1, max(len(p) for p, _ in prefixes)   # find the greatest k in [lo, hi] that fits
    if len(cut(lo)) > limit:
        return None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(cut(mid)) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return cut(lo)


@functools.lru_cache(maxsize=4096)
def _parsed(pattern: str):
    """The parse tree of `pattern` (flags 0), shared by the analyses above and below,
    which only read it: each pattern was parsed three times at import."""
    return _sre_parse.parse(pattern, 0)


def _is_lookbehind(op, av) -> bool:
    return op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT) and av[0] < 0


def _char_gate(ch: str) -> tuple[str, str]:
    if ch.isalnum():
        return ch.lower(), _MORE
    # Words are letters and digits with inner apostrophes (WORD_RX): any other
    # character ends one.
    return "", _PART if ch == "'" else _WORD


def _any_char_gate(ch: str) -> tuple[str, str]:
    return ch.lower(), _MORE


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Literal texts, across word boundaries, one of which every match of `pattern`
    starts with ("no doctor", "no nurse" for r"\bno (?:doctor|nurse)s? came"), or None
    if that cannot be worked out or is only the empty string."""
    try:
        items = list(_parsed(pattern))
    except Exception:  # pragma: no cover - defensive
        return None
    gates = _gates(items, across_words=True, max_len=_MAX_PREFIX_LEN)
    if not gates or any(not p for p, _ in gates):
        return None
    return tuple(sorted({p for p, _ in gates}))


def leading_literals(pattern: str) -> dict[str, bool] | None:
    """Literal word prefixes one of which every match must start with, each mapped to
    whether it must be the whole word (the pattern goes on with a space or a hyphen,
    say), or None if the pattern cannot be gated on word starts."""
    try:
        parsed = _parsed(pattern)
    except Exception:  # pragma: no cover - defensive
        return None
    items = list(parsed)
    # Lookbehinds look at the text before the match and consume nothing, so the match
    # still starts where the rest of the pattern does (rx.match(text, pos) sees the
    # text before pos).
    while items and _is_lookbehind(*items[0]):
        items = items[1:]
    # Only patterns that begin at a word boundary can be gated on word starts.
    if not items or items[0] != (_sre_c.AT, _sre_c.AT_BOUNDARY):
        if not (len(items) == 1 and items[0][0] is _sre_c.BRANCH and all(
                b and b[0] == (_sre_c.AT, _sre_c.AT_BOUNDARY) for b in items[0][1][1])):
            return None
    gates = _gates(items)
    if not gates or any(len(p) < _MIN_PREFIX for p, _ in gates):
        return None
    whole: dict[str, bool] = {}
    for p, how in gates:  # a literal the pattern ends on may go on in the text: "part"
        whole[p] = whole.get(p, True) and how == _WORD
    return whole


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(offset, character, group depth before it) of each character of `pattern` from
    `start` that is neither escaped nor inside a character class."""
    depth, in_class, i = 0, False, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a "]" first in a class is a literal
                i += 1
        else:
            yield i, ch, depth
            depth += (ch == "(") - (ch == ")")
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """`pattern` split at each "|" that is outside any group and character class: its
    alternatives, each a pattern of its own (one item if it has no top-level "|")."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]


def _has_backreference(pattern: str) -> bool:
    def walk(items: Sequence) -> bool:
        for op, av in items:
            if op in (_sre_c.GROUPREF, _sre_c.GROUPREF_EXISTS):
                return True
            for sub in (av if isinstance(av, (list, tuple)) else ()):
                if isinstance(sub, _sre_parse.SubPattern) and walk(sub):
                    return True
                if isinstance(sub, list) and any(isinstance(x, _sre_parse.SubPattern) and walk(x) for x in sub):
                    return True
        return False
    return walk(_parsed(pattern))


class PatternFacts(NamedTuple):
    """What a PatternSet works out from a pattern's text alone (see pattern_facts)."""
    leading: dict[str, bool] | None       # leading_literals
    prefixes: tuple[str, ...] | None      # literal_prefixes
    required: frozenset[str] | None       # required_any


def check_supported(pattern: str) -> None:
    """Raise re.error if `pattern` is malformed, ValueError if it uses what a PatternSet
    cannot split or gate safely."""
    parsed = _parsed(pattern)  # a malformed pattern raises re.error here
    if parsed.state.groupdict or _has_backreference(pattern) or _GLOBAL_FLAGS.match(pattern):
        # Any pattern may serve as a veto, and a veto is split into its top-level
        # alternatives: a group name or number, or a global flag such as "(?i)", would
        # not mean the same in the pieces.
        raise ValueError(f"pattern {pattern!r}: named groups, backreferences and global "
                         "inline flags are not supported")


def pattern_facts(pattern: str) -> PatternFacts:
    """Check `pattern` (check_supported) and work out its gates: a pure function of the
    pattern's text, so it can be worked out once and shipped (pattern_table.py)."""
    check_supported(pattern)
    return PatternFacts(leading_literals(pattern), literal_prefixes(pattern), required_any(pattern))


def _heads(word: str) -> frozenset[str]:
    """Every text `word` starts with ("i", "in", "inf" for "inf")."""
    return frozenset(word[:end] for end in range(1, len(word) + 1))


# Sorts after every text that starts with a given one (bisecting sorted prefixes).
_AFTER_ALL = "\U0010ffff"


def _fewest_starts(checks: Sequence[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """One check that passes where any of `checks` passes (a text at a word passes a
    check when it starts with one of its texts; None always passes): the union of their
    texts, less each text that starts with a shorter one of them ("the man in" after
    "the man")."""
    if any(check is None for check in checks):
        return None
    # In sorted order the texts that start with a text follow it, before any other
    # text: each is compared with the last one kept only.
    kept: list[str] = []
    for p in sorted({p for check in checks for p in check}):
        if not kept or not p.startswith(kept[-1]):
            kept.append(p)
    return tuple(kept)


# One pattern to try at a word: (label, regex, texts, needs), where the text at the word
# must start with one of `texts` for the pattern to match there, and the text must
# contain one of `needs` somewhere (None: no such check).
_Attempt = tuple[str, "re.Pattern[str]", "tuple[str, ...] | None", "tuple[str, ...] | None"]
# Per word (PatternSet._for_token): the attempts to make there in pattern order, texts
# one of which the text at the word must start with for any of them to match (None: no
# such check), and, when some attempts have a check of their own, the attempts to make
# keyed by the two characters after the word (the others make the first item).
_TokenPlan = tuple[tuple[_Attempt, ...], "tuple[str, ...] | None", "dict[str, tuple[_Attempt, ...]] | None"]
_NOTHING_TO_TRY: _TokenPlan = ((), None, None)


class PatternSet:
    """Labelled regular expressions; `labels(text)` returns the labels that match.

    veto: optional label -> pattern; a match overlapping a veto match is ignored.
    """

    def __init__(self, patterns: dict[str, Iterable[str]], veto: dict[str, str] | None = None,
                 flags: int = re.IGNORECASE, facts: Mapping[str, PatternFacts] | None = None) -> None:
        # facts: pattern text -> its pattern_facts, worked out ahead (pattern_table.py).
        # A pattern found there is neither parsed nor analysed here: parsing the
        # classifier's 1,550 patterns took half of a fresh process's import (0.55 s),
        # and their prefixes and required texts a third of a first pass's planning.
        # A pattern missing from it is checked and analysed as if there were none.
        self._facts = facts or {}
        # (label, pattern) of every pattern, veto alternatives included. A pattern's
        # regex, literal prefixes and required texts are worked out when a word first
        # admits it: doing it for all of them at import took most of a fresh process's
        # start (0.7 of 1.0 s), and a short run needs few of them.
        self._entries: list[tuple[str, str]] = []
        self._flags = flags
        self._regex: list[re.Pattern[str] | None] = []
        self._prefixes: list = []   # literal_prefixes, or _NOT_YET
        self._required: list = []   # required_any, or _NOT_YET
        self._always: list[int] = []
        # Leading literals -> the patterns they admit: those that must be the whole word,
        # and those a longer word may start with.
        self._whole_words: dict[str, list[int]] = {}
        self._word_starts: dict[str, list[int]] = {}
        for label, pats in patterns.items():
            if label.startswith(_VETO_MARK):
                raise ValueError(f"label {label!r}: labels starting with {_VETO_MARK!r} are reserved for vetoes")
            for pat in pats:
                self._add(label, pat, flags)
        # Each veto's alternatives join the patterns under a label of their own, so a
        # text's veto matches are found in the same pass over its words as its other
        # matches, rather than in a pass per veto (before 2026-11-28; about a sixth of
        # a scan) or, earlier, by searching a window around every match with the whole
        # alternation (most of a long story's scan time).
        self._veto_of: dict[str, str] = {}   # label -> the label of its veto's matches
        marks: dict[str, str] = {}           # veto -> that label (labels may share a veto)
        for label, v in (veto or {}).items():
            if v not in marks:
                marks[v] = _VETO_MARK + str(len(marks))
                for alternative in top_level_alternatives(v):
                    self._add(marks[v], alternative, flags)
            self._veto_of[label] = marks[v]
        # Every leading substring of a word-start literal: a new word's lookups stop at
        # its first leading substring that is none of these (after two or three letters
        # for most words).
        self._start_heads = frozenset(lit[:end] for lit in self._word_starts for end in range(1, len(lit) + 1))
        self._cache: dict[str, _TokenPlan] = {}

    def _add(self, label: str, pat: str, flags: int) -> None:
        i = len(self._entries)
        known = self._facts.get(pat)
        if known is None:
            check_supported(pat)
            lits = leading_literals(pat)
        else:
            lits = known.leading
        self._entries.append((label, pat))
        self._regex.append(None)
        self._prefixes.append(_NOT_YET if known is None else known.prefixes)
        self._required.append(_NOT_YET if known is None else known.required)
        if lits is None:
            self._always.append(i)
        else:
            for lit, whole_word in lits.items():
                (self._whole_words if whole_word else self._word_starts).setdefault(lit, []).append(i)

    def _required_texts(self, i: int) -> frozenset[str] | None:
        """Texts one of which every match of pattern `i` contains (None: unknown).

        Patterns searched through the whole text first check that it holds one of them.
        Gated ones are checked so only at a word that admits them, and only when neither
        the word nor the pattern's prefix check shows such a text (_needs_at): checking
        every pattern's texts in every comment first cost more than it saved (Care
        Opinion stories 177 -> 143 us per story without it, 2026-11-27)."""
        found = self._required[i]
        if found is _NOT_YET:
            found = self._required[i] = required_any(self._entries[i][1])
        return found

    def _literal_prefixes(self, i: int) -> tuple[str, ...] | None:
        """literal_prefixes of pattern `i`, worked out when a word first admits it."""
        found = self._prefixes[i]
        if found is _NOT_YET:
            found = self._prefixes[i] = literal_prefixes(self._entries[i][1])
        return found

    def _compiled(self, i: int) -> re.Pattern[str]:
        rx = self._regex[i]
        if rx is None:
            rx = self._regex[i] = re.compile(self._entries[i][1], self._flags)
        return rx

    def compile_all(self) -> None:
        """Compile every pattern now rather than when a word first admits it (a pattern
        that parses but does not compile, such as a lookbehind of varying width, then
        fails here)."""
        for i in range(len(self._entries)):
            self._compiled(i)

    def patterns(self) -> list[tuple[str, str]]:
        """(label, pattern) of every pattern, veto alternatives included (their labels
        start with a reserved mark)."""
        return list(self._entries)

    def veto_alternatives(self) -> dict[str, list[str]]:
        """label -> the alternatives of its veto, as patterns."""
        return {label: [pat for lab, pat in self._entries if lab == mark]
                for label, mark in self._veto_of.items()}

    def _for_token(self, tok: str) -> _TokenPlan:
        """What to try where a word `tok` starts (see _TokenPlan and _plan), made once per
        word and kept."""
        hit = self._cache.get(tok)
        if hit is None:
            key = _folded(tok)  # the text is lower-cased (scan)
            # A new word costs a lookup per leading substring of it: a running service
            # keeps meeting words it has not seen (names, typos).
            found = set(self._whole_words.get(key, ()))
            starts, heads = self._word_starts, self._start_heads
            for end in range(1, len(key) + 1):
                head = key[:end]
                if head not in heads:
                    break
                found.update(starts.get(head, ()))
            ids = sorted(found)
            hit = self._plan(key, ids) if ids else _NOTHING_TO_TRY
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def _plan(self, key: str, ids: Sequence[int]) -> _TokenPlan:
        """The plan for a word `key` (folded) that admits the patterns `ids`.

        Each pattern keeps its own literal-prefix check as well as the word's: a word
        such as "to" or "had" admits dozens of patterns, and when one of them needs only
        the word, the others still need their own next words ("had had", "to sue").
        Those checks all reach past the word, so the two characters after it (a space
        and the next word's first letter, say) pick out the few that can pass: a survey
        comment then checks about 12 patterns' regexes instead of 57, and few prefixes
        (Trust A, 2026-11-28)."""
        heads = _heads(key)
        attempts = [(self._entries[i][0], self._compiled(i), own, self._needs_at(key, i, own))
                    for i, own in ((i, self._own_start(key, i, heads)) for i in ids)]
        must = _fewest_starts([own for _, _, own, _ in attempts])
        if all(own is None for _, _, own, _ in attempts):
            return tuple(attempts), must, None
        n = len(key)
        after = {p[n:n + 2] for _, _, own, _ in attempts if own for p in own}
        by_next = {two: tuple(a for a in attempts if a[2] is None or any(p[n:n + 2] == two for p in a[2]))
                   for two in after}
        return tuple(a for a in attempts if a[2] is None), must, by_next

    def _needs_at(self, key: str, i: int, own: tuple[str, ...] | None) -> tuple[str, ...] | None:
        r"""Texts one of which the text must contain for pattern `i` to match at a word
        `key` (checked once per text), or None when the word or the pattern's own
        prefix check already shows one.

        Some patterns start with a common word and name what makes them rare only
        later: r"\b(?:i|we|my \w+) (?:\w+ ){0,2}(?:called|rang) the police" runs at
        every "i" and "my", and fails there about 2 us later. "police" in the text is
        a far cheaper test: on Trust A's comments such checks skip about 7 failing
        regexes a comment, on Care Opinion's stories 33 (2026-11-28)."""
        found = self._required_texts(i)
        if not found or len(found) > _MAX_NEEDS or any(x in key for x in found):
            return None
        needs = tuple(sorted(found))
        if own is not None and all(any(x in p for x in needs) for p in own):
            return None
        return needs

    def _own_start(self, tok: str, i: int, heads: frozenset[str]) -> tuple[str, ...] | None:
        r"""Texts one of which the text at a word `tok` must start with for pattern `i`
        to match there, or None when the word itself may be enough (`heads`: the texts
        `tok` starts with, see _heads).

        Most of a story's words ("the", "to", "i", "my") admit a pattern or two, such as
        r"\bthe (?:man|woman) in the next bed", that nearly never match; checking "the
        man" / "the woman" with `str.startswith` is far cheaper than running the regex."""
        prefixes = self._literal_prefixes(i)  # sorted
        if prefixes is None or not heads.isdisjoint(prefixes):
            return None  # unknown, or the word alone satisfies one of the prefixes
        # The prefixes that start with `tok` sit together in sorted order, and those that
        # start with another of them follow it: each is compared with the last one kept
        # ("the man in" after "the man" adds nothing). Any other prefix cannot start where
        # `tok` does (text there is `tok` followed by a character no word contains).
        kept: list[str] = []
        for p in prefixes[bisect_left(prefixes, tok):bisect_left(prefixes, tok + _AFTER_ALL)]:
            if len(p) <= len(tok) + 1:
                return None  # a check the word and one more character pass is not worth making
            if not kept or not p.startswith(kept[-1]):
                kept.append(p)
        return tuple(kept)

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
        found: list[tuple[str, int, int, int]] = []
        veto_spans: dict[str, list[tuple[int, int]]] = {}  # veto label -> its matches
        for match in self._matches(text, tokens_at):
            label = match[0]
            if label.startswith(_VETO_MARK):
                veto_spans.setdefault(label, []).append(match[1:3])
            else:
                found.append(match)
        veto_of = self._veto_of
        for label, start, end, pos in found:
            if veto_spans:
                spans = veto_spans.get(veto_of.get(label, ""))
                if spans and any(v_start < end and start < v_end for v_start, v_end in spans):
                    continue
            counts[label] = counts.get(label, 0) + 1
            if starts is not None:
                starts.append((label, pos))
        return counts

    def spans(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match in `text` (lower-cased), vetoes not applied."""
        if tokens_at is None:
            tokens_at = words_at(text)
        return [(start, end) for label, start, end, _ in self._matches(text, tokens_at)
                if not label.startswith(_VETO_MARK)]

    def _matches(self, text: str, tokens_at: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int, int, int]]:
        """(label, start, end, word offset) of every match: patterns with no leading
        literal searched through the text, then the gated ones word by word."""
        for i in self._always:
            label, rx = self._entries[i][0], self._compiled(i)
            req = self._required_texts(i)
            if req is not None and not any(alt in text for alt in req):
                continue
            for m in rx.finditer(text):
                yield label, m.start(), m.end(), m.start()
        cache = self._cache
        probe = _folded(text)  # what the literal-prefix check compares (same offsets as `text`)
        contains: dict[tuple[str, ...], bool] = {}  # needs -> whether `probe` has one of them
        for tok, pos in tokens_at:
            hit = cache.get(tok)
            if hit is None:
                hit = self._for_token(tok)
            if hit is _NOTHING_TO_TRY:
                continue
            to_try, must_start_with, by_next = hit
            if must_start_with is not None and not probe.startswith(must_start_with, pos):
                continue
            if by_next is not None:
                after = pos + len(tok)
                to_try = by_next.get(probe[after:after + 2], to_try)
            for label, rx, own_start, needs in to_try:
                if own_start is not None and not probe.startswith(own_start, pos):
                    continue
                if needs is not None:
                    found = contains.get(needs)
                    if found is None:
                        found = contains[needs] = any(map(probe.__contains__, needs))
                    if not found:
                        continue
                m = rx.match(text, pos)
                if m is not None:
                    yield label, m.start(), m.end(), pos

    def plans(self) -> dict[str, _TokenPlan]:
        """A copy of the per-word plans made so far (benchmarks put it back with
        `use_plans` to time several passes over words the matcher has not seen)."""
        return dict(self._cache)

    def use_plans(self, plans: dict[str, _TokenPlan]) -> None:
        """Replace the per-word plans with a copy of `plans` (from `plans()`)."""
        self._cache = dict(plans)

    def labels(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None) -> set[str]:
        return set(self.scan(text, tokens_at))

    def ungated(self) -> list[str]:
        """Patterns, veto alternatives included, that are searched through every text
        because no leading word could be worked out (an opening lookahead, an optional
        first word): each costs a whole-text search per comment."""
        return [self._entries[i][1] for i in self._always]


def words_at(text: str) -> list[tuple[str, int]]:
    """(word, start offset) for every word of `text`."""
    rx = _ASCII_WORD_RX if text.isascii() else WORD_RX
    return [(m[0], m.start()) for m in rx.finditer(text)]
