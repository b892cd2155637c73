"""The lines of a pasted story: its paragraphs, with header lines, photo captions and datelines set aside.

* **Header lines** ("URL:", "Published:", "By:") in the first lines are not the story; a "Published:" date that
  differs from the date given is said in a notice. A "Title:" line is read as a heading.
* **Photo captions and credits** date a picture, not the news, and are set aside (listed, when they name a
  day, as events the text does not date); a caption that repeats the story's figures ("The index closed
  up 0.3% at 26,545 on Friday. File photo") is read as the story's sentence without its credit.
* **Datelines** ("HONG KONG (Reuters) -", "NEW YORK, June 4 —") name where (and when) a story was filed.
* **Bullets** ("- ", "• ") are stripped: a bullet summary is read as the story's sentences.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import N_, _
from components.locale.formats import date_as
from components.text import quantities
from components.text.titles import caption_story, is_caption, strip_dateline

HEADER = re.compile(r"^(?P<key>URL|Source|Title|Headline|Published|Date|Author|By|Byline):\s*(?P<value>.*)$",
                    re.IGNORECASE)
_OUTLET = re.compile(r"\s\([A-Z][\w .&'-]{1,40}\)$")
_BULLET = re.compile(r"^\s*(?:[-–•*·▪●]\s+)+")
_LIST_ITEM = re.compile(r"^\s*(?:--|[–•*·▪●])")  # a data sheet's item is never a photo caption
# a quote widget copied from a web page breaks its sentence over lines: "The S&P 500\nSPX,\n-0.02%\nwas off 0.71 points"
_QUOTE_WIDGET = re.compile(r"[ \t]*\n[ \t]*([A-Z][A-Z0-9.:]{1,7},)[ \t]*\n[ \t]*([+\-−]?\d+(?:\.\d+)?%)[ \t]*\n[ \t]*")
# why a line is set aside (translated where shown)
HEADER_LINE = N_("a header line")
CAPTION = N_("a photo caption or credit: its date is the picture's, not an event's")
DATELINE = N_("a dateline: where the story was filed")


def story_lines(text: str, published: dt.date) -> tuple[list[tuple[int, str, bool]], list, list[str], str]:
    """The story's lines as (paragraph, text, is heading), with header lines, captions and datelines set aside."""
    lines, skipped, notices, dateline = [], [], [], ""
    text = _QUOTE_WIDGET.sub(r" \1 \2 ", text)  # one sentence again
    for number, raw in enumerate(_BULLET.sub("", line).strip() for line in text.split("\n")):
        if not raw:
            continue
        header = HEADER.match(raw) if number < 8 else None
        if header and header.group("key").lower() not in ("title", "headline"):
            skipped.append((raw[:200], HEADER_LINE))
            notices += _published_notice(header, published)
            continue
        if not _LIST_ITEM.match(raw) and is_caption(raw):  # "--Up 41.72% from the close ... on Tuesday, Nov. 3, 2020"
            told = caption_story(raw)
            if not (told and quantities.is_move(told)):
                skipped.append((raw[:200], CAPTION))
                continue
            raw = told  # a caption that repeats the story's figures ("... closed at 26,545 on Friday. File photo")
        city, rest = strip_dateline(raw)
        if city:
            skipped.append((raw[:len(raw) - len(rest)].strip(), DATELINE))
            dateline = dateline or city
        title = header.group("value") if header else ""
        again = bool(lines) and lines[0][2] and rest.strip() == lines[0][1].strip()  # the title repeated: a heading
        lines.append((len(lines), _OUTLET.sub("", title) if title else rest, bool(title) or again))
    return lines, skipped, notices + _language_notice(" ".join(line for _, line, _head in lines)), dateline


# English's commonest words: a text of some length with almost none of them is in another language
_ENGLISH = re.compile(r"\b(?:the|and|of|to|for|its|with|that|from|by|at|on)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS, MIN_ENGLISH = 40, 0.05


def reads_as_english(body: str) -> bool:
    """False for a text of some length with almost none of English's commonest words."""
    words = len(_WORD.findall(body[:20_000]))
    return words < MIN_WORDS or len(_ENGLISH.findall(body[:20_000])) >= MIN_ENGLISH * words


def _language_notice(body: str) -> list[str]:
    """A notice when the body does not read as English: the reader's words are English, so it misses the rest."""
    if reads_as_english(body):
        return []
    return [_("This text does not read as English (few words such as 'the' or 'and'): the reader knows English "
              "market reports only, so it may miss this text's figures and dates.")]


def _published_notice(header: re.Match, published: dt.date) -> list[str]:
    if header.group("key").lower() not in ("published", "date"):
        return []
    written = re.search(r"\d{4}-\d{2}-\d{2}", header.group("value"))
    if written and written.group() != published.isoformat():
        return [_("The text says it was published {written}; dates are read against {published}, the date given. "
                  "Change the publication date if the text is right.").format(written=written.group(),
                                                                               published=date_as(published, "date"))]
    return []
