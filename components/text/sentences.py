"""Sentences of untrusted text: bounded input, one sentence per span, abbreviations kept whole."""

from __future__ import annotations

import re

from components.data.text_rules import BIDI_CONTROLS
from components.facts import MAX_ARTICLE_CHARS
from components.locale import _
from components.locale.formats import number

ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                           "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "no", "vs", "etc",
                           "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "prof", "jr", "sr", "gov", "gen"})


def checked_text(text: str) -> str:
    """The text with line endings unified and control characters blanked; ValueError when too long."""
    if not isinstance(text, str):
        raise ValueError(_("The article text must be a string."))
    if len(text) > MAX_ARTICLE_CHARS:
        raise ValueError(_("The article is {length} characters long; the limit is {limit}. Paste one article at a "
                           "time.").format(length=number(len(text), 0), limit=number(MAX_ARTICLE_CHARS, 0)))
    bidi = next((ch for ch in text if ch in BIDI_CONTROLS), None)
    if bidi is not None:
        at = text.index(bidi)
        raise ValueError(_("The text holds the direction control U+{code} (at character {at}), which can make text "
                           "read differently from what it says; remove it and try again.").format(
            code=f"{ord(bidi):04X}", at=number(at + 1, 0)))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


# a full stop between digits with a stray space ("15,879. 38") is a typo inside a number, not a boundary
_BOUNDARY = re.compile(r"(?<!\d(?=\.\s\d))(?:[.!?][\"'”’)\]]*\s+|\s+(?=\*\*\s))(?=(?:\*\*\s+)?[\"'“‘(\[]?[A-Z0-9])")
# (a wire's "**" items run together on one line: each is a sentence: "... at midday ** The Hang Seng Tech Index ...")


_TAIL = 24  # characters before a full stop that can hold the abbreviation it ends (the longest is 5)


def _ends_with_abbreviation(chunk: str) -> bool:
    """Whether ``chunk`` ends with an abbreviation; only its last few characters are looked at, so
    splitting stays linear in the text's length however many full stops it has."""
    words = chunk[-_TAIL:].split()
    word = words[-1].lower().strip("(\"'“‘") if words else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


_BRACKET_REACH = 120  # characters before a full stop in which an open bracket keeps the sentence going


def _in_brackets(chunk: str) -> bool:
    """Whether a full stop stands inside brackets opened just before it ("Tomorrow (2 a.m. Beijing time on Thursday),
    the Fed ..."): a bracket holds no sentence boundary."""
    return chunk.count("(") > chunk.count(")")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence; lines never share a sentence and abbreviations don't split."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            if not _ends_with_abbreviation(text[max(start, m.start() - _TAIL):m.start()]) \
                    and not _in_brackets(text[max(start, m.start() - _BRACKET_REACH):m.start()]):
                spans.append((start, m.start() + len(m.group().rstrip())))
                start = m.end()
        spans.append((start, line.end()))
    return [_trimmed(text, a, b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]
