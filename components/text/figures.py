"""Market figures in a clause: percentages, points, levels, money, and what each one is about.

:func:`find_figures` lists each number a market report states with its qualifier ("more than",
"nearly", "as much as"), its direction (up, down) and its subject: a price (shares, a stock, an
index), a company's fundamentals (revenue, profit, a holding), or something else (a tariff, a
stake). :func:`find_superlatives` finds "highest level", "biggest one-day gain", "worst day".
Every pattern is linear: bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERCENT = re.compile(r"(?<![\w.])(?P<num>\d{1,4}(?:\.\d{1,3})?)\s?(?:%|per ?cent\b|percent\b)")
POINTS = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d{1,6}(?:\.\d{1,2})?)\s(?:index )?points?\b")
# "rose 2.4% to 22,072.62 points": a level said in points (a change in points has no "to"/"at" before it)
LEVEL_POINTS = re.compile(r"\b(?:(?:closed|ended|finished|settled|stood) )?(?:at|to|near|around) "
                          r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{4,6}(?:\.\d{1,2})?)\s(?:index )?points?\b")
LEVEL = re.compile(r"\b(?P<verb>(?:closed|ended|finished|settled|stood|opened|traded|close|end|finish) )?"
                   r"(?P<prep>at|to|of|near|around) (?:(?P<cur>HK\$|US\$|\$)(?=\d))?"
                   r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?|\d{1,6}\.\d{1,4}|(?<=\$)\d{1,6})(?![\d%.,]\d| ?%|"
                   r" ?(?:billion|million|trillion"
                   r"|bn\b|per ?cent|percent|points?))")
MONEY = re.compile(r"(?:(?P<cur>(?:HK|US|RMB|CN|S)?\$|¥|€|£)\s?(?P<num>\d{1,6}(?:\.\d{1,3})?)\s?"
                   r"(?P<scale>trillion|billion|million|bn\b|mn\b|m\b)"
                   r"|(?P<num2>\d{1,6}(?:\.\d{1,3})?)\s(?P<scale2>trillion|billion|million)"
                   r" (?:Chinese |Hong Kong |U\.?S\.? )?"
                   r"(?:yuan|renminbi|dollars|euros|yen|pounds))")
PACE = re.compile(r"\b(?P<word>triple|double|single)[- ]digit\b", re.IGNORECASE)

QUALIFIER = re.compile(r"(?P<q>more than|over|above|at least|upwards of|in excess of|nearly|almost|close to|just under"
                       r"|just shy of|about|around|roughly|some|approximately|an estimated|as much as|up to"
                       r"|as little as"
                       r"|less than|under|below|just over|just above|a further|another)\s+(?:a |an )?$", re.IGNORECASE)
UP = re.compile(r"\b(?:rose|rise[sn]?|rising|jump(?:ed|s|ing)?|surg(?:ed|es|e|ing)|soar(?:ed|s|ing)?|gain(?:ed|s|ing)?"
                r"|add(?:ed|s|ing)|climb(?:ed|s|ing)?|rall(?:ied|ies|y|ying)|advanc(?:ed|es|e|ing)|higher|up|leapt|leaped"
                r"|leap(?:ing)?|spik(?:ed|e|ing)|popped|rebound(?:ed|s|ing)?|increas(?:ed|e|es|ing)|gr[eo]w(?:n|s|th|ing)?"
                r"|boost(?:ed)?|lifted|firmer|climbing|gaining|rising|jumping"
                r"|strengthened|extended gains)\b", re.IGNORECASE)
DOWN = re.compile(r"\b(?:fell|fall(?:s|ing|en)?|dropp?(?:ed|s|ing)?|slid(?:e|es|ing)?|slump(?:ed|s|ing)?"
                  r"|tumbl(?:ed|es|e|ing)|plung(?:ed|es|e|ing)|sank|sink(?:s|ing)?|declin(?:ed|es|e|ing)|lost|los(?:es|ing)"
                  r"|lower|down|shed(?:ding)?|retreat(?:ed|s|ing)?|eas(?:ed|es|ing)|dipp?(?:ed|s|ing)?|sagg?(?:ed|s|ing)?"
                  r"|skidd?(?:ed|s|ing)?|crash(?:ed|es|ing)?|tank(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|weaker|weakened"
                  r"|contract(?:ed|ion)|sliding|slumping)\b", re.IGNORECASE)
PRICE_NOUN = re.compile(r"\b(?:shares?|stocks?|ADRs?|index|indices|indexes|benchmark|gauge|it|its|listing|"
                        r"market value|market capitali[sz]ation|valuation)\b", re.IGNORECASE)
FUNDAMENTAL_NOUN = re.compile(r"\b(?:revenues?|sales|income|profits?|earnings|EBITA|EBITDA|margins?|cash flow|turnover"
                              r"|losses|orders|shipments|users|customers|spending|capex|capital expenditure|dividends?"
                              r"|guidance|forecasts?|estimates?|expectations|products|business|unit|division|segment"
                              r"|growth|GMV|bookings|subscribers)\b", re.IGNORECASE)
OTHER_NOUN = re.compile(r"\b(?:(?-i:holdings?)|stakes?|tariffs?|rates?|yields?|GDP|inflation|unemployment"
                        r"|tax(?:es)?|duty|duties|levy|levies|fees?|wages?|prices of|premium|discount|ownership|chance"
                        r"|probability|poll|votes?|market share|share of)\b", re.IGNORECASE)
OPEN = re.compile(r"\bopen(?:ed|s|ing)?\b|\bat the open\b", re.IGNORECASE)
INTRADAY = re.compile(r"\b(?:as much as|intraday|at one point|in (?:early|morning|afternoon) (?:trade|trading|deals)"
                      r"|during the session|at (?:its|the) (?:peak|high|low)|in early Asian trade)\b", re.IGNORECASE)
CLOSE = re.compile(r"\b(?:closed|close|closing|ended|finished|settled)\b", re.IGNORECASE)
SUPERLATIVE = re.compile(r"\b(?P<sup>highest|lowest|strongest|weakest|best|worst|biggest|largest|sharpest|steepest"
                         r"|record|all-time)\b(?P<rest>(?: (?:one-day|single-day|daily|intraday|percentage"
                         r"|percent|close"
                         r"|closing|level|finish|day|session|gain|rise|jump|rally|advance|drop|fall|decline|loss|slide"
                         r"|sell-?off|high|low|performance|move|surge)){0,4})", re.IGNORECASE)
BEAT = re.compile(r"\b(?:beat|beats|beating|missed|misses|topped|exceeded|surpassed|fell short of|came in (?:well )?"
                  r"(?:ahead of|above|below|short of)|(?:above|below|ahead of))\b(?: [\w']+){0,4}?"
                  r" (?:estimates|expectations"
                  r"|forecasts|consensus|projections|what (?:analysts|the Street|the market) (?:had )?expected)\b",
                  re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number of a clause: ``kind`` is percent, points, level, money or pace; ``start``/``end`` its offsets."""

    kind: str
    value: float | None
    text: str
    start: int
    end: int
    qualifier: str = ""
    direction: int = 0  # +1 up, -1 down, 0 not said
    subject: str = ""  # price, fundamental, other, or "" when none is named
    currency: str = ""


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _direction(clause: str, start: int, end: int) -> int:
    """+1/-1 from the nearest direction word before the figure (within 60 characters) or right after it."""
    after = re.match(r"\s*(higher|lower|up|down)\b", clause[end:end + 16], re.IGNORECASE)
    if after:
        return 1 if after.group(1).lower() in ("higher", "up") else -1
    before = clause[max(0, start - 60):start]
    hits = [(m.end(), 1) for m in UP.finditer(before)] + [(m.end(), -1) for m in DOWN.finditer(before)]
    return max(hits)[1] if hits else 0


_RELATIVE = re.compile(r",\s(?:which|who|whose)\b[^,]{0,200},")
_CHANGE_IN = re.compile(r"\s*(?:annual |year-on-year |quarterly )?(?:rise|increase|jump|gain|drop|fall|decline|growth"
                        r"|surge|slump)s? in (?:[\w-]+ ){0,3}?(?:revenues?|sales|profits?|earnings|income|margins?"
                        r"|users|orders)\b", re.IGNORECASE)


def subject_of(clause: str, start: int, end: int) -> str:
    """What a figure is about: the nearest telling noun before it in its sub-clause (a relative clause
    in between, ", which ...,", left out), or the noun just after it ("a 25% stake", "a 13% rise in revenue")."""
    left = _RELATIVE.sub(",", clause[:start])
    cut = max(left.rfind(";"), left.rfind(" and "), left.rfind(", while "), left.rfind(" but "))
    left = left[cut + 1:] if cut >= 0 else left
    after = clause[end:end + 60]
    if OTHER_NOUN.match(after.strip()) or re.match(r"\s*(?:annual |year-on-year )?(?:stake|holding|tariff|rate)",
                                                    after, re.IGNORECASE):
        return "other"
    if _CHANGE_IN.match(after):
        return "fundamental"
    hits = [(m.end(), "price") for m in PRICE_NOUN.finditer(left)]
    hits += [(m.end(), "fundamental") for m in FUNDAMENTAL_NOUN.finditer(left)]
    hits += [(m.end(), "other") for m in OTHER_NOUN.finditer(left)]
    return max(hits)[1] if hits else ""


def find_figures(clause: str) -> list[Figure]:
    """Every figure of a clause, in order, without overlaps (a percentage before a level or points)."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match, value: float | None, group: str = "num", currency: str = "") -> None:
        start, end = m.span()
        if any(start < b and end > a for a, b in taken):
            return
        taken.append((start, end))
        qual = QUALIFIER.search(clause[max(0, start - 24):start])
        found.append(Figure(kind, value, m.group(), start, end, qual.group("q").lower() if qual else "",
                            _direction(clause, start, end), subject_of(clause, start, end), currency))

    for m in MONEY.finditer(clause):
        add("money", m, _number(m.group("num") or m.group("num2")), currency=m.group("cur") or "")
    for m in PERCENT.finditer(clause):
        add("percent", m, _number(m.group("num")))
    for m in LEVEL_POINTS.finditer(clause):
        add("level", m, _number(m.group("num")))
    for m in POINTS.finditer(clause):
        add("points", m, _number(m.group("num")))
    for m in LEVEL.finditer(clause):
        add("level", m, _number(m.group("num")), currency=m.group("cur") or "")
    for m in PACE.finditer(clause):
        add("pace", m, None)
    return sorted(found, key=lambda f: f.start)


@dataclass(frozen=True)
class Superlative:
    """A "highest ... since" or "biggest one-day gain" phrase: ``measure`` is level or return, ``sign`` +1/-1."""

    text: str
    start: int
    end: int
    measure: str
    sign: int


def find_superlatives(clause: str) -> list[Superlative]:
    """Ranking phrases of a clause ("highest level", "largest one-day percentage rise", "worst day")."""
    found = []
    for m in SUPERLATIVE.finditer(clause):
        word, rest = m.group("sup").lower(), m.group("rest").lower()
        returns = any(w in rest for w in ("day", "session", "gain", "rise", "jump", "rally", "advance", "drop", "fall",
                                          "decline", "loss", "slide", "sell", "move", "surge", "performance"))
        falling = any(w in rest for w in ("drop", "fall", "decline", "loss", "slide", "sell"))
        if word in ("record", "all-time") and not re.search(r"\b(?:high|low|close|level)\b", rest):
            continue
        if not returns and not re.search(r"\b(?:level|close|closing|finish|high|low)\b", rest) \
                and word not in ("highest", "lowest"):
            continue
        if returns:
            sign = -1 if falling or word in ("worst", "weakest") else 1
            found.append(Superlative(m.group(), m.start(), m.end(), "return", sign))
        else:
            sign = -1 if word in ("lowest", "weakest", "worst") or rest.strip().endswith("low") else 1
            found.append(Superlative(m.group(), m.start(), m.end(), "level", sign))
    return found


def is_move(clause: str) -> bool:
    """Whether a clause reports a market move: a price figure or a ranking of a price."""
    figures = find_figures(clause)
    if any(f.subject in ("price", "") and f.kind in ("percent", "points", "level") and f.direction for f in figures):
        return True
    if any(f.subject == "price" and f.kind in ("percent", "points", "level") for f in figures):
        return True
    return bool(find_superlatives(clause)) and bool(PRICE_NOUN.search(clause))
