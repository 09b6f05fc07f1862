"""The part of a message that its writer wrote: what the classifier reads, and what
ingest keeps of an email or web form too long to carry whole.

An email to a patient-relations inbox often carries the thread under it: the hospital's
own reply ("we are sorry ... you may contact the Ombudsman") and the writer's first
complaint. Read whole, a reply that says "Thank you, that's sorted now" becomes a
critical legal-threat complaint again, every time a complaint is closed. HTML bodies
(web forms, HTML mail) carry tags and quoted parts inside <blockquote>.

`authored_text` returns the writer's new words:

- HTML (only when the text holds real markup such as <p>, <br>, </div>; the NHS survey
  data writes "<covid>" and "<COMMENT TRUNCATED>", which are not markup) becomes plain
  text, block tags as line breaks, quoted parts as "> " lines.
- The text is cut at the first reply marker: an attribution line ("On Tue, 3 Nov 2026
  at 09:14, PALS <...> wrote:", "El ... escribió:"), "-----Original Message-----", or a
  mail header block (From:/Sent:/Subject:) whose subject is not a forward.
- A forward ("---------- Forwarded message ---------", "Begin forwarded message:",
  "Subject: FW: ...") is kept, quoted lines and all, without its header lines: what
  someone forwards to the team is what they want read.
- Quoted lines ("> ...") are dropped when they come from HTML quoting or a reply marker,
  or when there are at least two of them (a survey answer may start with "> 4 hours").
- Signature furniture is dropped: "Sent from my iPhone", "Get Outlook for iOS", a "--"
  signature line and what follows it, a confidentiality footer and what follows it; so
  are web-form lines that answer a question "no" ("Safeguarding concern?: No") and
  consent boxes, an opening "To whom it may concern" ("concern" is a complaint word),
  and links (their pieces, "https", "t", "co", are words to the model).

The whole thread (as plain text, without attribution lines, header blocks, "> "
prefixes, footers and form boxes) is kept instead when the new words are empty or point
at the text below ("Please see my email below", "Resending as I have had no reply",
"Any update on this?"): then the quoted complaint is what the writer is sending.

Pure: no I/O. Text with none of the markers costs a few substring tests.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Substrings one of which every case below contains; most texts have none. Tests on
# a 600-character story cost a few microseconds (a case-insensitive regex of the same
# cues cost 48 us, a tenth of classifying it).
_HINTS = ("<", ">", "-----", "\n--", "Sent from", "SENT FROM", "nviado desde", "Outlook", "onfidential", "onfidencial",
          "ONFIDENCIAL", "ONFIDENTIAL", "rivileged", "?:", "? No", "? no", "olicy", "olítica", "olitica", "onsent")
_COLON_HINTS = ("wrote", "Wrote", "WROTE", "escribi", "From", "FROM", "De:", "DE:")


def _maybe_marked(text: str) -> bool:
    return (any(hint in text for hint in _HINTS)
            or (":" in text and any(hint in text for hint in _COLON_HINTS)))


# Real markup: a line break, a closing tag, or an opening tag of a block element.
_HTML_MARKUP = re.compile(
    r"<br\s*/?>|</(?:p|div|span|a|b|i|u|em|strong|font|li|ul|ol|td|tr|table|blockquote|h[1-6]|body|html)\s*>"
    r"|<(?:p|div|span|html|body|blockquote|table|font|ul|ol|h[1-6])(?:\s[^<>]*)?>",
    re.IGNORECASE,
)

_ATTRIBUTION_START = re.compile(r"^(?:on|el)\b", re.IGNORECASE)
# A date or time in it (a digit) tells it from "On discharge the doctor wrote:".
_ATTRIBUTION = re.compile(r"^(?:on|el)\b(?=.*\d).{0,300}\b(?:wrote|escribi[óo])\s*:\s*$", re.IGNORECASE)
_ORIGINAL_MESSAGE = re.compile(r"^-{2,}\s*(?:original message|mensaje original)\s*-{2,}$", re.IGNORECASE)
_FORWARD = re.compile(
    r"^(?:-{2,}\s*(?:forwarded message|mensaje reenviado)\s*-{2,}"
    r"|begin forwarded message\s*:?|inicio del mensaje reenviado\s*:?)$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^(?:from|de)\s*:", re.IGNORECASE)
_HEADER_DATE = re.compile(r"^(?:sent|date|enviado(?: el)?|fecha)\s*:", re.IGNORECASE)
_HEADER_SUBJECT = re.compile(r"^(?:subject|asunto)\s*:\s*(.*)$", re.IGNORECASE)
_FORWARD_SUBJECT = re.compile(r"^(?:fwd?|rv|reenv\w*)\s*:", re.IGNORECASE)
HEADER_BLOCK_LINES = 6  # From: to Subject: spans at most this many lines (To:, Cc: between)

_DEVICE_LINE = re.compile(
    r"^(?:sent from my\b|sent from (?:outlook|yahoo mail|mail for)\b|get outlook for\b"
    r"|enviado desde mi\b|obtener outlook para\b)",
    re.IGNORECASE,
)
_SIGNATURE_DASHES = re.compile(r"^--\s*$")
_FOOTER = re.compile(
    r"^(?:(?:e-?mail |legal )?disclaimer|confidentiality(?: notice| statement)?|aviso legal"
    r"|aviso de confidencialidad)\s*:"
    r"|^(?:este|el presente) (?:correo|mensaje)\b.{0,120}\bconfidencial",
    re.IGNORECASE,
)
# A footer without a label: "The information contained in this message is confidential
# and intended for the addressee only. If you have received this message in error ..."
_FOOTER_SECRET = re.compile(r"\b(?:confidential|privileged)\b", re.IGNORECASE)
_FOOTER_ADDRESSEE = re.compile(
    r"\b(?:intended (?:solely |only |exclusively )?(?:for|recipient)|addressee|in error|are not the intended)\b",
    re.IGNORECASE,
)
# Web-form lines that answer a question of the form "no" ("Safeguarding concern?: No",
# "Do you want to make a formal complaint?: No", "¿Desea presentar una reclamación? No"),
# and consent boxes ("Consent to share with department: Yes", "Acepto la política de
# privacidad Sí"): the form's words, not the writer's, and they name risks.
_FORM_ANSWERED_NO = re.compile(r"^[^\n]{3,100}\?\s*:?\s*(?:no|none|n/a)\.?$", re.IGNORECASE)
_FORM_CONSENT = re.compile(
    r"^(?:i )?(?:agree|accept|acepto|consent|consiento)\w*\b[^\n]{0,80}\b(?:privacy|privacidad|polic\w*|pol[ií]tica|"
    r"terms|t[ée]rminos|condiciones|data|datos|share|compartir)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*>")
_QUOTE_PREFIX = re.compile(r"^\s*(?:>\s?)+")
_BLANK_LINES = re.compile(r"\n{3,}")
_RULE = re.compile(r"^[-_=*\s]*$")  # separator lines left above a cut
_WORD = re.compile(r"[^\W\d_]{2,}")

# New words that hand the reader to the text below them.
_POINTS_BELOW = re.compile(
    r"\b(?:below|underneath|re-?sending|re-?sent|follow(?:ing)?[- ]up"
    r"|any (?:update|news|progress|response|reply)"
    r"|(?:previous|last|earlier|original|first) (?:e-?mail|message|letter|complaint)"
    r"|abajo|debajo|reenv[ií]\w*|(?:correo|mensaje) anterior|alguna novedad)\b",
    re.IGNORECASE,
)


# Links say nothing a reader of the words needs, and their pieces ("https", "t", "co",
# "bit", "ly") are words to the model: a news share with a link read as a complaint.
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:bit\.ly|t\.co|tinyurl\.com|goo\.gl|ow\.ly)/\S+", re.IGNORECASE)
# Markdown (Care Opinion posts images as "![Image](https://...)"): an image goes, a link
# keeps its text.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
# A letter's opening that holds a complaint word ("concern"): it says nothing.
_TO_WHOM = re.compile(r"^[ \t]*to whom (?:it|this) may concern\b[ \t]*[,:;.!-]*[ \t]*", re.IGNORECASE | re.MULTILINE)


def authored_text(text: str) -> str:
    """The writer's own words of `text` (see the module doc); `text` itself when it has
    no HTML, quoted thread, signature furniture, link or "To whom it may concern"."""
    if "ay concern" in text or "ay Concern" in text or "AY CONCERN" in text:
        opened = _TO_WHOM.sub("", text)
        if _WORD.search(opened):
            text = opened
    if _maybe_marked(text):
        text = _writers_part(text)
    if "http" in text or "www." in text or "ly/" in text or "t.co/" in text:  # after HTML: not in an href
        unlinked = _LINK.sub("", _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", text)))
        if _WORD.search(unlinked):
            text = unlinked
    return text


def _writers_part(text: str) -> str:
    """authored_text for a text with a marker: HTML, thread, signature, footer, form."""
    quotes_certain = False
    if _HTML_MARKUP.search(text):
        text = _html_to_text(text)
        quotes_certain = True
    lines = text.split("\n")
    cut = _reply_cut(lines)
    if cut == FORWARDED:
        return _whole_thread(lines)
    if cut is not None:
        quotes_certain = True
    own = lines if cut is None else lines[:cut]
    own = _without_quotes(own, quotes_certain)
    own = _without_signature(own)
    while own and _RULE.match(own[-1]):
        own.pop()
    new_words = "\n".join(own).strip()
    if not _WORD.search(new_words) or _POINTS_BELOW.search(new_words):
        if cut is None and not quotes_certain:  # no thread: "below" is in the writer's own text
            return "\n".join(_without_signature(lines)).strip() or text
        return _whole_thread(lines)
    return new_words


def _whole_thread(lines: list[str]) -> str:
    """The thread's words with the mail furniture taken out (attribution lines, marker
    lines, header blocks, "> " prefixes, device lines, footers and form boxes; a footer
    line is dropped, not cut at, since the thread goes on under it): a model reading
    "Enviado el: lunes, 12 de octubre de 2026 18:27" as a sentence gives it a sentiment."""
    kept: list[str] = []
    skip_until = -1
    for i, line in enumerate(lines):
        if i <= skip_until:
            continue
        stripped = _QUOTE_PREFIX.sub("", line).strip()
        if _HEADER_FROM.match(stripped) and (block := _header_block(lines, i)) is not None:
            skip_until = block[1]
            continue
        if (_ORIGINAL_MESSAGE.match(stripped) or _FORWARD.match(stripped) or _is_footer(stripped)
                or _is_furniture(stripped) or (_ATTRIBUTION_START.match(stripped) and _is_attribution(lines, i))):
            continue
        kept.append(stripped)
    return _BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()


FORWARDED = -1  # _reply_cut: a forward comes first


def _reply_cut(lines: list[str]) -> int | None:
    """Index of the line where the quoted thread of a reply starts, FORWARDED when a
    forward comes first (Apple Mail quotes the forwarded message with "> " too), or
    None (no thread)."""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _FORWARD.match(stripped):
            return FORWARDED
        if _ORIGINAL_MESSAGE.match(stripped):
            block = _header_subject(lines, i + 1)
            return FORWARDED if block is not None and _FORWARD_SUBJECT.match(block) else i
        if _ATTRIBUTION_START.match(stripped) and _is_attribution(lines, i):
            return i
        if _HEADER_FROM.match(stripped):
            subject = _header_subject(lines, i)
            if subject is not None:
                return FORWARDED if _FORWARD_SUBJECT.match(subject) else i
    return None


def _is_attribution(lines: list[str], i: int) -> bool:
    """An "On ... wrote:" line, which mail clients may wrap onto the next line or two."""
    joined = lines[i].strip()
    for extra in range(3):
        if _ATTRIBUTION.match(joined):
            return True
        if i + 1 + extra >= len(lines) or len(joined) > 300:
            return False
        joined = f"{joined} {lines[i + 1 + extra].strip()}"
    return False


def _header_subject(lines: list[str], start: int) -> str | None:
    """The subject of a mail header block (From:, Sent: or Date:, Subject:) starting at
    or just after `start`, or None when there is no such block."""
    block = _header_block(lines, start)
    return None if block is None else block[0]


def _header_block(lines: list[str], start: int) -> tuple[str, int] | None:
    """(subject, index of the Subject: line) of the header block at or just after
    `start`; quote prefixes are ignored."""
    saw_from = saw_date = False
    for i in range(start, min(len(lines), start + HEADER_BLOCK_LINES + 1)):
        stripped = _QUOTE_PREFIX.sub("", lines[i]).strip()
        if _HEADER_FROM.match(stripped):
            saw_from = True
        elif _HEADER_DATE.match(stripped):
            saw_date = True
        elif (m := _HEADER_SUBJECT.match(stripped)) and saw_from and saw_date:
            return m.group(1), i
    return None


def _without_quotes(lines: list[str], certain: bool) -> list[str]:
    quoted = sum(1 for line in lines if _QUOTED.match(line))
    if not quoted or (not certain and quoted < 2):
        return lines
    return [line for line in lines if not _QUOTED.match(line)]


def _without_signature(lines: list[str]) -> list[str]:
    """`lines` up to a signature or footer, without device lines and form furniture."""
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if _SIGNATURE_DASHES.match(stripped) or _is_footer(stripped):
            break
        if not _is_furniture(stripped):
            kept.append(line)
    return kept


def _is_footer(line: str) -> bool:
    """A confidentiality footer's line: labelled, or saying confidential and naming the
    intended recipient."""
    return _FOOTER.match(line) is not None or (
        _FOOTER_SECRET.search(line) is not None and _FOOTER_ADDRESSEE.search(line) is not None)


def _is_furniture(line: str) -> bool:
    """A device line ("Sent from my iPhone") or a web-form box answered "no" or ticked
    for consent: not the writer's words."""
    return (_DEVICE_LINE.match(line) is not None or _FORM_ANSWERED_NO.match(line) is not None
            or _FORM_CONSENT.match(line) is not None)


# --------------------------------------------------------------------------- HTML

_VOID = frozenset(("br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"))
_BLOCK = frozenset(("p", "div", "br", "li", "tr", "table", "ul", "ol", "blockquote", "hr",
                    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header", "footer"))
_CELLS = frozenset(("td", "th"))
_SKIPPED = frozenset(("script", "style", "head", "title"))
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "divrplyfwdmsg", "appendonsend")


class _PlainText(HTMLParser):
    """Text of an HTML body: block elements end lines, text inside a quote (blockquote,
    Gmail's quote div, Outlook's reply div) becomes "> " lines, scripts and styles go."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.quoted: list[bool] = [False]
        self.open: list[tuple[str, bool, bool]] = []  # (tag, starts a quote, is skipped)
        # Open quotes and skipped elements, kept as counts so that deeply nested markup
        # costs linear time.
        self.quotes = 0
        self.skips = 0

    def _new_line(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")
            self.quoted.append(False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._new_line()
        elif tag in _CELLS and self.lines[-1].strip():
            self.lines[-1] += " "  # "<td>Name</td><td>Hannah</td>" is "Name Hannah"
        if tag in _VOID:
            return
        css = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        quote = tag == "blockquote" or any(c in css for c in _QUOTE_CLASSES)
        skip = tag in _SKIPPED
        self.open.append((tag, quote, skip))
        self.quotes += quote
        self.skips += skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._new_line()

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.open) - 1, -1, -1):
            if self.open[k][0] == tag:
                for _, quote, skip in self.open[k:]:
                    self.quotes -= quote
                    self.skips -= skip
                del self.open[k:]
                break
        if tag in _BLOCK:
            self._new_line()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A "<![" that opens neither CDATA nor an Office conditional ("<![Image](...)",
        a Markdown image straight after "<") is text: the standard library's parser
        raises AssertionError on it, which would lose the whole message."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data("<![")
            return i + 3

    def handle_data(self, data: str) -> None:
        if self.skips:
            return
        quoted = self.quotes > 0
        for n, piece in enumerate(data.split("\n")):
            if n:
                self._new_line()
            if piece.strip():
                if not self.lines[-1].strip():
                    self.quoted[-1] = quoted
                self.lines[-1] += piece


def _html_to_text(markup: str) -> str:
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    out = []
    for line, quoted in zip(parser.lines, parser.quoted):
        line = " ".join(line.replace("\xa0", " ").split())
        if line:
            out.append(f"> {line}" if quoted else line)
    return "\n".join(out)
