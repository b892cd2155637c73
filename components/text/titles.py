"""Event titles from a sentence's subject and verb, and the lines that are not the story's sentences.

A dateline ("HONG KONG (Reuters) -", "NEW YORK, March 6 —") names where a story was filed, never
an event; a photo caption ("... headquarters in Hangzhou, China, on Thursday, Feb. 6, 2025.",
"Photo: Getty Images") dates a picture, not the news. Both are recognised here so the reader
can set them aside, and a title never starts with them.
"""

from __future__ import annotations

import re

from components.locale import _
from components.text.date_types import DateExpression

TITLE_MAX_CHARS = 80
DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z .'-]{1,28}[A-Z])(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,?\s\d{4})?"
                      r"(?:,\s*\d{1,2}:\d{2}\s?[A-Z]{2,4})?)?"
                      r"\s*(?:\((?P<agency>[A-Za-z .&-]{1,30})\))?\s*[-–—]{1,2}\s+")
# the cities a dateline may name, and the market each stands for
DATELINE_PLACES = {"HONG KONG": "HK", "BEIJING": "HK", "SHANGHAI": "HK", "SHENZHEN": "HK", "SINGAPORE": "HK",
                   "TOKYO": "HK", "BANGKOK": "HK", "SEOUL": "HK", "SYDNEY": "HK", "TAIPEI": "HK", "MUMBAI": "HK",
                   "NEW YORK": "US", "WASHINGTON": "US", "SAN FRANCISCO": "US", "CHICAGO": "US"}
# a dateline set off by a colon, as some wires print it ("HONG KONG: Hong Kong stocks opened higher"): a city above only
_COLON_DATELINE = re.compile(r"^(?P<city>" + "|".join(DATELINE_PLACES) + r")\s?:\s+")
# the wire services whose name stands in a dateline or before a story's first words
_AGENCIES = (r"(?:Reuters|AFP|AP|Bloomberg|Xinhua|RTTNews|UrduPoint|dpa|Kyodo|Yonhap|Bernama|IANS|PTI|ANI|Dow Jones"
             r"|MT Newswires|Alliance News|Sharecast)")
# a wire's dateline in a city's own case, with its day and agency but no dash: "Tokyo, Sep 15 (AP) Asian shares ..."
_WIRE_DATELINE = re.compile(r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,?\s\d{4})?"
                            r"\s*\((?P<agency>" + _AGENCIES + r")\)\s*[-–—:]{0,2}\s*")
_CREDIT = re.compile(r"\bGetty Images\b|\bPhoto(?:graph(?:er)?)?:|\(Photo by\b|\bvia Getty\b|\bReuters/|\bAFP via\b"
                     r"|\bFile photo\b|\bFILE PHOTO\b|\bImage(?: credit)?:|\bPictured:"
                     r"|\| (?:Reuters|AFP|AP|Bloomberg)\b|/(?:Bloomberg|Reuters|AFP|AP)\b")
# a line that only stamps when the page was posted: "Tuesday 14:22, 11 October 2022", "Xinhua) 08:46, December 14, 2022"
_STAMP = re.compile(r"[\w() ]{0,20}?\d{1,2}:\d{2}(?:\s?[A-Z]{2,4})?,?\s"
                    r"(?:\d{1,2}\s[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s\d{1,2}),?\s\d{4}\.?")
_CAPTION_DATE = re.compile(r"\bon \w+day, [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\.?$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_VERB_HINT = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says|rose|fell|\w+ed|will)\b")
_LEADING = re.compile(r"^(?:(?:and|but|while|whereas)\s+|(?:Meanwhile|However|Separately|Still|Elsewhere|In addition"
                      r"|By contrast|Earlier|Later|Also|According to [^,]{1,60}|As (?:recently|early|late) as|As of)"
                      r"\s*,\s*)+", re.IGNORECASE)
_INTERJECTION = re.compile(r",\s(?:meanwhile|however|though|too|also|by contrast|analysts said|he said|she said"
                           r"|it said|in turn)\s?,", re.IGNORECASE)
# a subordinate part with a subject of its own: the title ends before it ("fell 5% | after it unveiled ...");
# not "after the announcement": a noun alone says why, and stays
_SUBORDINATE = (r"(?:\s(?:a|one|two|three|a few) (?:days?|weeks?))?\s(?:after|following|ahead of|because)\s"
                r"(?=(?:it|its|they|their|investors|analysts|traders"
                r"|the (?:company|group|firm|(?:[\w-]+ )?giant)|[A-Z][\w.&-]*)\b)")
# a place or time phrase opening the sentence, before its subject: "in the U.S., ", "At the Asia open, "
_OPENING_PLACE = re.compile(r"^\s*(?:in|on|at|across|over)\s(?![^,]*\b(?:is|are|was|were|has|have|had|\w+ed)\b)"
                            r"[^,]{1,40},\s+(?=\S)", re.IGNORECASE)
# what a wire or a site puts before the story's first words: "(RTTNews) - ", "May 4 (Reuters) - ", "HONG KONG: ",
# "Investing.com — ", "São Paulo, 01/16/2024 – ", "HONG KONG, (UrduPoint / Pakistan Point News - 4th Feb, 2025) "
_WIRE_OPENING = re.compile(r"^\s*(?:[A-Z][\w .'-]{0,30}?(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?,?\s*)?"
                           r"\((?:[^()]{0,30}\b)?" + _AGENCIES + r"\b[^()]{0,40}\)\s*(?:[-–—:]\s*)?"
                           r"|^\s*[A-Z][\w .'-]{0,30}?,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}\s*\([^()]{1,40}\)\s*[-–—:]\s*"
                           r"|^\s*[A-Z][A-Z .'-]{1,28}[A-Z]\s?:\s*"
                           r"|^\s*(?:[A-Z][\w'.-]*\s?){1,3}(?:,\s*\d{1,2}/\d{1,2}/\d{2,4})?\s[-–—]\s(?=[A-Z])")
# a word or clause before the subject that says how the sentence relates to the last ("Notably, ", "Nonetheless, ",
# "Remember, ", "Late tonight, ", "If completed, "), or a label before a sentence ("The intrigue: What makes ...")
_DISCOURSE = re.compile(r"^(?:[A-Z][a-z]+ly|Nonetheless|Nevertheless|Remember|Indeed|Instead|Overall|Still|Yet|Now"
                        r"|Then|Today|Tonight|Late tonight|Earlier today|Later today|This morning|In short|In total"
                        r"|In fact|Of note|Last but not least|Even so|All the same"
                        r"|(?:If|When|Once|While|Although|Though|As|Since|Until|Among|By|Based on|Limiting|Leading"
                        r"|Capping|Adding to)"
                        r"\s[^,]{1,40})\s?,\s+(?=\S)"
                        r"|^(?:[A-Za-z]+\s){0,2}[A-Za-z]+:\s+(?=[A-Z][\w&'-]*\s\S)")
_DAY_AS_SUBJECT = re.compile(r"\s(?:saw|was|brought|marked|proved|delivered|produced|has been|had been)\b")
# a ticker in brackets after a name: "Alibaba (BABA) stock", "Nike (NYSE:NKE)"
_TICKER = re.compile(r"\s\((?:[A-Z]{2,6}:\s?)?[A-Z0-9.=^-]{1,10}\)(?=[\s,.;'’]|$)")
_RELATIVE_ASIDE = re.compile(r",\s(?:which|who|whose)\b[^,;]{1,200},(?=\s\w)")  # "The stock, which touched ...,"
_APPOSITIVE = re.compile(r",\s(?:the|a|an)\s[^,;]{1,50},(?=\s\w)")


def strip_dateline(line: str) -> tuple[str, str]:
    """(city, rest) of a line that opens with a dateline; ("", line) otherwise."""
    m = DATELINE.match(line) or _WIRE_DATELINE.match(line) or _COLON_DATELINE.match(line)
    if not m or len(m.group("city").split()) > 4:
        return "", line
    return m.group("city").strip(), line[m.end():]


def is_caption(line: str) -> bool:
    """Whether a line is a photo caption or credit, or a time stamp, rather than a sentence of the story."""
    text = line.strip()
    if _CREDIT.search(text) or _STAMP.fullmatch(text):
        return True
    # "X at its headquarters in Hangzhou, China, on Thursday, Feb. 6, 2025." names a place and a full date, no news verb
    head = _CAPTION_DATE.split(text)[0]
    return bool(_CAPTION_DATE.search(text)) and not _VERB_HINT.search(head)


def caption_story(line: str) -> str:
    """The sentences of a caption line before its credit ("... on Friday. File photo: RTHK" → "... on Friday.")."""
    credit = _CREDIT.search(line)
    head = line[:credit.start()] if credit else line
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    return head[:ends[-1]].strip() if ends else ""


def suggest_title(sentence: str, expression: DateExpression | None = None) -> str:
    """A short title: the sentence's subject and verb, without its date wording, dateline or asides (80 chars)."""
    sentence = strip_dateline(sentence)[1]
    if expression is not None and sentence[expression.start:expression.end] == expression.text and not (
            expression.start == 0 and _DAY_AS_SUBJECT.match(sentence, expression.end)):  # "Thursday saw a loss"
        before = re.sub(r"\s+(?:on|in|by|since|at|from|of)\s*$", " ", sentence[:expression.start], flags=re.IGNORECASE)
        after = re.sub(r"^['’]s\b", "", sentence[expression.end:])  # "this month's split": not "'s split"
        text = before + after
    else:
        text = sentence
    text = _WIRE_OPENING.sub("", _TICKER.sub("", re.sub(r"\s+", " ", text)), count=1)
    text = _DISCOURSE.sub("", _OPENING_PLACE.sub("", text))  # "On Wednesday in the U.S., the S&P 500 fell"
    text = re.sub(r"^[\W_]*(?:(?:on|in|by|since)\b)?[\s,]*", "", text, flags=re.IGNORECASE)
    text = _LEADING.sub("", text)
    text = _RELATIVE_ASIDE.sub("", _APPOSITIVE.sub("", _INTERJECTION.sub("", text)))
    text = re.split(r",(?!\d{3})|;|\s[-–—]\s|:\s|\s\(|" + _SUBORDINATE, text)[0]  # not the comma of "23,503.48"
    text = re.sub(r"(?:\s+(?:on|in|by|since|at|from|of))+\s*[.!?]*$", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^['’]s\s+", "", text.strip(" .!?\"'“”‘’"))
    if len(text) > TITLE_MAX_CHARS:
        text = text[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return (text[:1].upper() + text[1:]) or _("Untitled event")
