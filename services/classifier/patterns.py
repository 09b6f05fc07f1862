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
The spans and counts are the same as trying every pattern at every word
(tests/unit/test_classifier_patterns.py); only the work differs. A veto (a pattern whose
matches cancel the matches of a label they overlap) is split into its alternatives and
found the same way, once per text and only when its label matched.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator, Sequence

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Words as the tokenizer sees them: letters/digits, with inner apostrophes.
WORD_RX = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() leaves alone
# (the long s, the dotless i, the Kelvin sign): the word index and the literal-prefix
# check compare text folded through this table, so a pattern's "s" still finds "ſ".
# Every entry is one character for one, so offsets do not move.
_IGNORECASE_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u212a": "k"})
_FOLDED_CHARS = ("\u017f", "\u0131", "\u212a")


def _folded(text: str) -> str:
    return text.translate(_IGNORECASE_FOLDS) if any(c in text for c in _FOLDED_CHARS) else text



_MAX_PREFIXES = 64
# Characters a literal prefix (`literal_prefixes`) is worked out to: "the man in the n"
# already rules out nearly every other text, and longer ones cost the analysis at
# import far more than they save (a shorter prefix is still one every match starts with).
_MAX_PREFIX_LEN = 16
_MIN_PREFIX = 1


_MIN_REQUIRED = 3


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


# Per word: the (label, regex) of each pattern its leading literals admit, in pattern
# order, and texts one of which the text at the word must start with (None: no such
# check); ((), None) when no pattern can start at the word. See PatternSet._for_token.
_TokenPlan = tuple[tuple[tuple[str, "re.Pattern[str]"], ...], "tuple[str, ...] | None"]
_NOTHING_TO_TRY: _TokenPlan = ((), None)


class PatternSet:
    """Labelled regular expressions; `labels(text)` returns the labels that match.

    veto: optional label -> pattern; a match overlapping a veto match is ignored.
    """

    def __init__(self, patterns: dict[str, Iterable[str]], veto: dict[str, str] | None = None,
                 flags: int = re.IGNORECASE) -> None:
        self._entries: list[tuple[str, re.Pattern[str]]] = []
        self._prefixes: list[tuple[str, ...] | None] = []
        self._required: list[frozenset[str] | None] = []
        self._always: list[int] = []
        self._index: dict[str, list[tuple[str, bool, int]]] = {}
        for label, pats in patterns.items():
            for pat in pats:
                i = len(self._entries)
                rx = re.compile(pat, flags)
                if rx.groupindex or _has_backreference(pat) or _GLOBAL_FLAGS.match(pat):
                    # Any pattern may serve as a veto, and a veto is split into its
                    # top-level alternatives: a group name or number, or a global flag
                    # such as "(?i)", would not mean the same in the pieces.
                    raise ValueError(f"pattern {pat!r}: named groups, backreferences and global "
                                     "inline flags are not supported")
                self._entries.append((label, rx))
                self._prefixes.append(literal_prefixes(pat))
                lits = leading_literals(pat)
                # Gated patterns get no substring pre-check: trying them at their
                # words' offsets is cheaper than searching the text for their other
                # literals first (bench: Care Opinion stories 177 -> 143 us per story,
                # survey comments 24 -> 19 us, 2026-11-27).
                self._required.append(required_any(pat) if lits is None else None)
                if lits is None:
                    self._always.append(i)
                else:
                    for lit, whole_word in lits.items():
                        self._index.setdefault(lit[:2], []).append((lit, whole_word, i))
        # Each veto's alternatives, gated on word starts like any pattern: a text's veto
        # matches are found once, in one pass, instead of searching a window around
        # every match with the whole alternation (most of a long story's scan time).
        shared: dict[str, PatternSet] = {}
        for v in (veto or {}).values():
            if v not in shared:
                shared[v] = PatternSet({"veto": top_level_alternatives(v)}, flags=flags)
        self._veto_sets = {k: shared[v] for k, v in (veto or {}).items()}
        self._cache: dict[str, _TokenPlan] = {}

    def _for_token(self, tok: str) -> _TokenPlan:
        """What to try where a word `tok` starts: the patterns it admits, and the texts
        one of which must start there for any of them to match (None: no such check)."""
        hit = self._cache.get(tok)
        if hit is None:
            key = _folded(tok)  # the text is lower-cased (scan)
            cands = list(self._index.get(key[:2], ()))
            if len(key) > 1:
                cands += self._index.get(key[:1], ())  # one-letter literals ("x-ray")
            ids = sorted({i for lit, whole_word, i in cands if (key == lit if whole_word else key.startswith(lit))})
            hit = ((tuple(self._entries[i] for i in ids), self._must_start_with(key, ids)) if ids
                   else _NOTHING_TO_TRY)
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def _must_start_with(self, tok: str, ids: Sequence[int]) -> tuple[str, ...] | None:
        """Texts one of which the text at a word `tok` must start with for a pattern of
        `ids` to match there, or None when the word itself may be enough.

        Most of a story's words ("the", "to", "i", "my") admit a pattern or two, such as
        r"\bthe (?:man|woman) in the next bed", that nearly never match; checking "the
        man" / "the woman" with `str.startswith` is far cheaper than running the regex."""
        needed: set[str] = set()
        for i in ids:
            prefixes = self._prefixes[i]
            if prefixes is None:
                return None
            for p in prefixes:
                if tok.startswith(p):
                    return None  # the word alone satisfies this prefix
                if p.startswith(tok):
                    needed.add(p)
                # Any other prefix cannot start where `tok` does (text there is `tok`
                # followed by a character no word contains).
        # A prefix that another one starts with adds nothing ("the man in" after "the
        # man"); and a check the word and one more character pass ("i ") is not worth
        # making.
        shortest = [p for p in sorted(needed, key=len) if len(p) > len(tok) + 1]
        if len(shortest) < len(needed):
            return None
        kept: list[str] = []
        for p in shortest:
            if not p.startswith(tuple(kept)):
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
        elif not isinstance(tokens_at, list):
            tokens_at = list(tokens_at)  # read again for the vetoes
        counts: dict[str, int] = {}
        veto_spans: dict[int, list[tuple[int, int]]] = {}
        for label, start, end, pos in self._matches(text, tokens_at):
            veto = self._veto_sets.get(label)
            if veto is not None:
                spans = veto_spans.get(id(veto))
                if spans is None:
                    spans = veto_spans[id(veto)] = veto.spans(text, tokens_at)
                if any(v_start < end and start < v_end for v_start, v_end in spans):
                    continue
            counts[label] = counts.get(label, 0) + 1
            if starts is not None:
                starts.append((label, pos))
        return counts

    def spans(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match in `text` (lower-cased), vetoes not applied."""
        if tokens_at is None:
            tokens_at = words_at(text)
        return [(start, end) for _, start, end, _ in self._matches(text, tokens_at)]

    def _matches(self, text: str, tokens_at: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int, int, int]]:
        """(label, start, end, word offset) of every match: patterns with no leading
        literal searched through the text, then the gated ones word by word."""
        entries = self._entries
        for i in self._always:
            label, rx = entries[i]
            req = self._required[i]
            if req is not None and not any(alt in text for alt in req):
                continue
            for m in rx.finditer(text):
                yield label, m.start(), m.end(), m.start()
        cache = self._cache
        probe = _folded(text)  # what the literal-prefix check compares (same offsets as `text`)
        for tok, pos in tokens_at:
            hit = cache.get(tok)
            if hit is None:
                hit = self._for_token(tok)
            to_try, must_start_with = hit
            if not to_try:
                continue
            if must_start_with is not None and not probe.startswith(must_start_with, pos):
                continue
            for label, rx in to_try:
                m = rx.match(text, pos)
                if m is not None:
                    yield label, m.start(), m.end(), pos

    def labels(self, text: str, tokens_at: Iterable[tuple[str, int]] | None = None) -> set[str]:
        return set(self.scan(text, tokens_at))

    def ungated(self) -> list[str]:
        """Patterns, veto alternatives included, that are searched through every text
        because no leading word could be worked out (an opening lookahead, an optional
        first word): each costs a whole-text search per comment."""
        found = [self._entries[i][1].pattern for i in self._always]
        for veto in dict.fromkeys(self._veto_sets.values()):
            found += veto.ungated()
        return found


def words_at(text: str) -> list[tuple[str, int]]:
    """(word, start offset) for every word of `text`."""
    return [(m.group(), m.start()) for m in WORD_RX.finditer(text)]
