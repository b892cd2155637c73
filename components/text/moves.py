"""Market moves said without a figure: "US futures jumped", "European markets were down", "chip stocks saw a
broad sell-off", "Nvidia closed at $674".

A clause reports such a move when a move verb (or a copula with a direction, or a verb with a move noun) has a
market for its subject: the word before it, past auxiliaries ("were also", "kept"), is a market noun ("stocks",
"futures", "markets"), or a listing or index the clause names ends there. The move then takes the day of the
market's session like any move with a figure; "analysts cut their forecasts" is not a move.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.data.listings import INDEX_RE
from components.text import lexicon

_CLOSURE = re.compile(lexicon.CLOSURE, re.IGNORECASE)


def says_closed(text: str) -> bool:
    """Whether a clause says a market was shut ("Stock trading was closed Monday for a holiday"): its day is the
    holiday itself, not a session."""
    return _CLOSURE.search(text) is not None
_TICKER_TAIL = re.compile(r"\s*\((?:[A-Z]{2,9}:\s?)?[A-Z0-9.]{1,10}\)\s*$")
_WORD_TAIL = re.compile(r"([\w.&'’-]+)\s*$")


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    forms = lexicon.inflections(lexicon.VERBAL_MOVE_VERBS)
    words = lexicon.alternation(sorted(re.escape(f) for f in forms))
    return re.compile(rf"(?<![\w-])(?:{words}|{lexicon.COPULA_MOVES}|{lexicon.NOUN_MOVES})(?![\w-])")


@lru_cache(maxsize=1)
def _causes() -> re.Pattern:
    """A cause's verb with a market for its object: "lifted Chinese tech stocks", "sent the index tumbling"."""
    verbs = lexicon.alternation(sorted(re.escape(f) for f in lexicon.inflections(lexicon.CAUSE_MOVE_VERBS)))
    nouns = lexicon.alternation(sorted(re.escape(n) for n in lexicon.MARKET_NOUNS))
    return re.compile(rf"(?<![\w-])(?:{verbs})\s(?:[\w'’&./-]+\s){{0,4}}?(?:{nouns})(?![\w-])")


@lru_cache(maxsize=1)
def _places() -> list[tuple[str, re.Pattern]]:
    return [(code, re.compile(r"(?<![\w.])(?:" + lexicon.alternation(words) + r")(?![\w])"))
            for code, words in lexicon.MARKET_PLACES.items()]


def place_market(text: str) -> str | None:
    """The market the first place word of ``text`` names ("Mainland Chinese markets" is CN), or None."""
    found = [(m.start(), code) for code, pattern in _places() for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


@lru_cache(maxsize=1)
def _auxiliaries() -> re.Pattern:
    return re.compile(r"(?:\s+|^)(?:" + lexicon.alternation(re.escape(a) for a in lexicon.AUXILIARIES) + r")\s*$",
                      re.IGNORECASE)


_NOUNS = frozenset(n.lower() for n in lexicon.MARKET_NOUNS)
# A company's name of two or more capitalised words ends the subject ("New World Development surged", "Micron
# Technology climbed"); an institution's ("the Federal Reserve eased") is not a market
_NAME_TAIL = re.compile(r"(?<![\w'’])[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*)+$")
_INSTITUTIONS = frozenset(lexicon.INSTITUTION_WORDS)


def _company_name(tail: str) -> bool:
    name = _NAME_TAIL.search(tail)
    return name is not None and not _INSTITUTIONS.intersection(name.group().split())
# "Stocks related to lithium miners led gains": a subject that opens with a market noun, whatever follows it
_NOUN_HEAD = re.compile(r"\s*(?:(?:the|its|their)\s)?(?:" + lexicon.alternation(sorted(
    re.escape(n) for n in ("stocks", "shares", "equities", "futures", "markets", "bourses"))) + r")\s(?:related to"
    r"|linked to|tied to|exposed to|of|in)\s", re.IGNORECASE)


def subject_tail(before: str) -> str:
    """The words before a verb without the auxiliaries and ticker that stand between it and its subject."""
    text = before.rstrip()
    for _ in range(6):  # a few auxiliaries at most: "were also still"
        cut = _auxiliaries().sub("", text)
        cut = _TICKER_TAIL.sub("", cut).rstrip(" ,")
        if cut == text:
            break
        text = cut
    return text


_PRICES = re.compile(r"\b(?:" + lexicon.alternation(lexicon.PRICED_NOUNS) + r")\s+prices$", re.IGNORECASE)
_CITY = re.compile(r"(?<![\w'’-])(?:" + lexicon.alternation(lexicon.MARKET_CITIES) + r")$")


def _market_subject(tail: str, ends: list[int]) -> bool:
    word = _WORD_TAIL.search(tail)
    if word is None:
        return False
    if word.group(1).lower().strip("'’") in _NOUNS or len(tail) in ends or _company_name(tail):
        return True
    if _PRICES.search(tail) or _CITY.search(tail):  # "crude oil prices sank", "Tokyo finished lower"
        return True
    return any(m.end() == len(tail) for m in INDEX_RE.finditer(tail[-60:]))


def verbal_move(text: str, listing_ends: list[int], start: int = 0, end: int | None = None) -> int | None:
    """Where a figure-less market move's verb stands in ``text[start:end]``, or None (see the module's docstring).

    ``listing_ends`` are the positions where the clause's listings end ("Nvidia| closed")."""
    end = len(text) if end is None else end
    head = text.find(", ", start, end)
    closures = {c.end() for c in _CLOSURE.finditer(text, start, end)}
    for m in _verbs().finditer(text, start, end):
        if m.end() in closures:
            continue  # "the market is closed on Thursday": no trading, so no move
        lo = max(text.rfind(", ", start, m.start()) + 1, start)
        tail = subject_tail(text[lo:m.start()])
        if not tail.strip() and head > start:  # "The ChiNext Index, tracking ..., lost 0.2%": the head is the subject
            lo, tail = start, subject_tail(text[start:head])
        if _market_subject(tail, [e - lo for e in listing_ends]) or _NOUN_HEAD.match(text, lo) \
                or _NOUN_HEAD.match(text, start):  # "Stocks related to furniture, metals and aircraft led gains"
            return m.start()
    cause = _causes().search(text, start, end)  # "The overhaul plan lifted Chinese tech stocks"
    return cause.start() if cause else None
