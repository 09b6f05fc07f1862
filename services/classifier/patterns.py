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
searched through the whole text. Each word's regex holds only the alternatives of a
pattern that can start with that word (`leading_alternatives`: r"\b(?:to|will) sue" is
tried as r"\b(?:will) sue" at "will"), in their order, so the first match is the same.
The spans and counts are the same as trying every pattern at every word
(tests/unit/test_classifier_patterns.py); only the work differs. A veto (a pattern whose
matches cancel the matches of a label they overlap) is split into its alternatives and
found the same way, once per text and only when its label matched.
"""
from __future__ import annotations

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
        return _required(list(_sre_parse.parse(pattern, 0)))
    except Exception:  # pragma: no cover - defensive
        return None


# How a leading literal ends: the pattern goes on with more letters ("more"), with a
# character no word contains, so the literal is a whole word ("word"), or otherwise
# ("part": the word may go on, as in "mix(?:ed)?" or "don'?t").
_MORE, _WORD, _PART = "more", "word", "part"


def _gates(items: Sequence, across_words: bool = False) -> list[tuple[str, str]] | None:
    """(literal prefix, how it ends) for every way `items` can begin, or None if too many.
    A prefix still "more" at the end is one `items` ends on (the caller's next item says
    how it goes on). `across_words`: spaces, hyphens and other literal characters extend
    a prefix too ("no doctor"), instead of ending its first word."""
    char_gate = _any_char_gate if across_words else _char_gate
    acc: list[tuple[str, str]] = [("", _MORE)]
    for op, av in items:
        growing = [p for p, how in acc if how == _MORE]
        if not growing:
            break
        if growing == [""] and (op is _sre_c.AT or _is_lookbehind(op, av)):
            continue  # zero-width before the first letter: the match still starts there
        if op is _sre_c.LITERAL:
            sub: list[tuple[str, str]] | None = [char_gate(chr(av))]
        elif op is _sre_c.IN and all(o is _sre_c.LITERAL for o, _ in av):
            sub = list({char_gate(chr(v)) for _, v in av})
        elif op is _sre_c.SUBPATTERN:
            sub = _gates(av[-1], across_words)
        elif op is _sre_c.BRANCH:
            sub = []
            for branch in av[1]:
                got = _gates(branch, across_words)
                sub = None if got is None or sub is None else sub + got
        elif across_words and op is _sre_c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            # An optional piece ("'?" in "i'?ll"): the prefixes with it and without it.
            got = _gates(av[2], across_words)
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
    remain (a cut one can no longer grow), or None if even one character is too many."""
    for k in range(max(len(p) for p, _ in prefixes), 0, -1):
        cut = list(dict.fromkeys((p[:k], how if len(p) <= k else _PART) for p, how in prefixes))
        if len(cut) <= limit:
            return cut
    return None


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
        items = list(_sre_parse.parse(pattern, 0))
    except Exception:  # pragma: no cover - defensive
        return None
    gates = _gates(items, across_words=True)
    if not gates or any(not p for p, _ in gates):
        return None
    return tuple(sorted({p for p, _ in gates}))


def leading_literals(pattern: str) -> dict[str, bool] | None:
    """Literal word prefixes one of which every match must start with, each mapped to
    whether it must be the whole word (the pattern goes on with a space or a hyphen,
    say), or None if the pattern cannot be gated on word starts."""
    try:
        parsed = _sre_parse.parse(pattern, 0)
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


_MAX_ALTERNATIVES = 64


def leading_alternatives(pattern: str) -> list[str]:
    """`pattern` as alternatives that, joined with "|" in this order, match exactly what
    it matches, each as narrow at its start as can cheaply be had: the top-level
    alternatives, with a leading group distributed over what follows it
    (r"\b(?:to|will) sue" -> r"\b(?:to) sue", r"\b(?:will) sue"). Trying alternatives in
    order is what the group did, so at any offset the first match is the same. A word
    then needs only the alternatives that can start with it (`PatternSet._for_token`)."""
    out: list[str] = []
    for alt in top_level_alternatives(pattern):
        out += _distributed(alt, _MAX_ALTERNATIVES)
    return out if len(out) <= _MAX_ALTERNATIVES else top_level_alternatives(pattern)


def _distributed(alt: str, budget: int) -> list[str]:
    """`alt` (no top-level "|") with its leading r"\b(?:...)" group, if unquantified,
    distributed over the rest; at most about `budget` alternatives."""
    opening = "\\b(?:"
    if not alt.startswith(opening):
        return [alt]
    end = _group_end(alt, len(opening) - 3)
    if end is None or alt[end + 1:end + 2] in ("?", "*", "+", "{"):
        return [alt]  # no closing parenthesis, or a quantified group: keep it whole
    parts = top_level_alternatives(alt[len(opening):end])
    if len(parts) == 1 and not parts[0].startswith("(?:"):
        return [alt]
    if len(parts) > budget:
        return [alt]
    rest = alt[end + 1:]
    out: list[str] = []
    for part in parts:
        # A part that is itself a group ("(?:i|he)'?ll") is opened up in turn.
        narrowed = "\\b" + part + rest if part.startswith("(?:") else "\\b(?:" + part + ")" + rest
        out += _distributed(narrowed, max(1, budget // len(parts)))
    return out


def _group_end(pattern: str, start: int) -> int | None:
    """Index of the ")" closing the group whose "(" is at `start`."""
    return next((i for i, ch, depth in _syntax(pattern, start) if ch == ")" and depth == 1), None)


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
    return walk(_sre_parse.parse(pattern, 0))


# Per word: (labels, group numbers, combined regex or None, texts one of which must
# start at the word or None); see PatternSet._for_token.
_TokenPlan = tuple[tuple[str, ...], tuple[int, ...], "re.Pattern[str] | None", "tuple[str, ...] | None"]


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
        # Pattern number -> its alternatives with their leading literals (None for a
        # pattern of one alternative), so a word's regex holds only those that can start
        # there; worked out when a word first needs them (about 0.2 s for all at import).
        self._alternatives: dict[int, list[tuple[str, dict[str, bool] | None]] | None] = {}
        self._index: dict[str, list[tuple[str, bool, int]]] = {}
        for label, pats in patterns.items():
            for pat in pats:
                i = len(self._entries)
                rx = re.compile(pat, flags)
                if rx.groupindex or _has_backreference(pat) or _GLOBAL_FLAGS.match(pat):
                    # Patterns are combined into one regex per word (`_combined`):
                    # group names would clash, group numbers shift, and a global
                    # flag such as "(?i)" is only allowed at the start of a regex.
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
        self._flags = flags
        self._cache: dict[str, _TokenPlan] = {}
        self._combos: dict[tuple[tuple[int, tuple[int, ...]], ...],
                           tuple[tuple[str, ...], tuple[int, ...], re.Pattern[str]]] = {}

    def _for_token(self, tok: str) -> _TokenPlan:
        """What to try where a word `tok` starts: `_combined` of the patterns it admits
        (no regex if none), and the texts one of which must start there for any of them
        to match (None: no such check)."""
        hit = self._cache.get(tok)
        if hit is None:
            key = _folded(tok)  # the text is lower-cased (scan)
            cands = list(self._index.get(key[:2], ()))
            if len(key) > 1:
                cands += self._index.get(key[:1], ())  # one-letter literals ("x-ray")
            ids = tuple(sorted({i for lit, whole_word, i in cands
                                if (key == lit if whole_word else key.startswith(lit))}))
            plan = tuple((i, kept) for i in ids if (kept := self._kept_alternatives(i, key)) is not None)
            hit = (*self._combined(plan), self._must_start_with(key, ids)) if plan else ((), (), None, None)
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def _kept_alternatives(self, i: int, tok: str) -> tuple[int, ...] | None:
        """Which alternatives of pattern `i` can start at a word `tok`: () for all of
        them, None for none."""
        alts = self._alternatives_of(i)
        if alts is None:
            return ()
        kept = tuple(k for k, (_, lits) in enumerate(alts)
                     if lits is None or any(tok == lit if whole else tok.startswith(lit) for lit, whole in lits.items()))
        if not kept:
            return None
        return () if len(kept) == len(alts) else kept

    def _alternatives_of(self, i: int) -> list[tuple[str, dict[str, bool] | None]] | None:
        if i not in self._alternatives:
            alts = leading_alternatives(self._entries[i][1].pattern)
            self._alternatives[i] = [(a, leading_literals(a)) for a in alts] if len(alts) > 1 else None
        return self._alternatives[i]

    def _must_start_with(self, tok: str, ids: tuple[int, ...]) -> tuple[str, ...] | None:
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

    def _combined(self, plan: tuple[tuple[int, tuple[int, ...]], ...]
                  ) -> tuple[tuple[str, ...], tuple[int, ...], re.Pattern[str]]:
        """(labels, group numbers, one regex trying every pattern of `plan` at one
        offset); `plan` pairs a pattern with the alternatives to keep (() for all).

        Pattern k sits in an optional lookahead, captured as a group, so one C call
        replaces one Python-level `match` per pattern, and that group's span is exactly
        what pattern k's own `match` would give: the alternatives left out cannot start
        at this word, and the rest keep their order."""
        hit = self._combos.get(plan)
        if hit is None:
            groups: list[int] = []
            parts: list[str] = []
            next_group = 1
            for i, kept in plan:
                rx = self._entries[i][1]
                alts = self._alternatives_of(i)
                text = "|".join(alts[k][0] for k in kept) if kept and alts else rx.pattern
                groups.append(next_group)
                # The pattern's own groups follow its wrapper.
                next_group += 1 + (re.compile(text, self._flags).groups if kept else rx.groups)
                parts.append(f"(?=({text})|)")
            hit = (tuple(self._entries[i][0] for i, _ in plan), tuple(groups),
                   re.compile("".join(parts), self._flags))
            self._combos[plan] = hit
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
            labels, groups, combined, must_start_with = hit
            if combined is None:
                continue
            if must_start_with is not None and not probe.startswith(must_start_with, pos):
                continue
            m = combined.match(text, pos)  # always matches (every lookahead is optional)
            if m.lastindex is None:  # no pattern matched here: the common case
                continue
            for group, label in zip(groups, labels):
                start, end = m.span(group)
                if start >= 0:
                    yield label, start, end, pos

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
