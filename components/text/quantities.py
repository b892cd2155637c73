"""The figures of a clause: each number with its unit, qualifier and sign, and the words that rank a move.

:func:`quantities` lists, in order:

* ``percent`` ("2.58 percent", "8,4%", "−2.3 per cent"), ``points`` ("643.99 points"), ``level`` (a price or an
  index level: "HK$140.80", "to 22,443.73", "the 25,600 mark", "26,050-point"), ``money`` (an amount: "HK$284
  billion", "$1.62 a share") and ``pace`` ("double-digit");
* ``rank``: "a four-month low", "its highest since July 2023", "the biggest one-day gain since November
  2022", "a record close", "a near six-week high";
* ``streak``: "a sixth straight session", "a three-day winning streak", "for a second week running".

A number that cannot be read for sure ("2,345%": 2345 or 2.345?) comes back as ``unread`` with the reason,
so it is listed, never judged. Numbers that are dates, times, counts or ratios ("2023", "11:24", "82-member",
"10-for-1") are not figures. Every pattern is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from components.analysis.article_claims import NEAR_THE, ONE_OF
from components.text import lexicon as L
from components.text.numbers import Number, find_numbers

_PERCENT = re.compile(r"^\s?(?:%|％|per ?cent\b|percent\b|pc\b|pct\b|percentage points?\b)", re.IGNORECASE)
_POINTS = re.compile(r"^(?:\s(?:index )?points?\b|\s?pts?\b|-point\b)", re.IGNORECASE)
_SCALE = re.compile(r"^\s?(?:trillion|billion|million|thousand|bn\b|mn\b|m\b|b\b|tn\b|k\b)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>HK\$|US\$|S\$|A\$|NT\$|C\$|RMB|CNY|HKD|USD|Rs\.?|INR|¥|€|£|\$|yuan )\s?$")
_CURRENCY_AFTER = re.compile(r"^\s(?:yuan|renminbi|Hong Kong dollars|US dollars|dollars|euros|yen|won|rupees)\b",
                             re.IGNORECASE)
_EARNINGS_BEFORE = re.compile(r"\b(?:earnings|EPS|profit|income|loss|dividend|revenue|sales)\b", re.IGNORECASE)
_PER_SHARE = re.compile(r"^\s?(?:a|per) (?:share|ADR|ADS)\b", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:to|at|of|near|around|above|below|under|over|past|from|toward|towards|top|topped|topping|hit|hitting"
    r"|reach|reached|reaching|breached|crossed|surpassed|touched|tested|retook|reclaimed|beneath|between|and"
    r"|settled at)"
    r"|\bthe)\s$", re.IGNORECASE)
_TICKER_QUOTE = re.compile(r"\((?:[A-Z]{2,6}:\s?)?[A-Z]{1,5}(?:\.[A-Z]{1,2})?\s(?P<price>[\d,]+\.\d+,\s)?$")
_CHANGE_AFTER = re.compile(r"^\s?(?:\([^)]{1,12}\)\s)?(?:higher|lower|up|down)\b", re.IGNORECASE)
# an optional qualifier before a figure ("about ", "more than "), in the lexicon's words
QUALIFIED = r"(?:(?:" + L.alternation([re.escape(q) for q in L.QUALIFIERS]) + r")\s)?"
_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|" + L.alternation(sorted(L.inflections(L.UP_VERBS + L.DOWN_VERBS)))
                            + r")\s" + QUALIFIED + "$", re.IGNORECASE)
# a change as a noun: "a rise of 1,534 points", "an increase of 1,310 points"
_CHANGE_OF = re.compile(r"\b(?:" + L.alternation(L.DIRECTION_NOUNS) + r") of\s" + QUALIFIED + "$", re.IGNORECASE)
# a change, then the level it brought: "rose 164.07 to 19,864.55"
_TO_LEVEL = re.compile(r"^,?\s(?:to|at)\s(?:a |an )?(?:\w+ )?[\d,]{3,}(?:\.\d+)?\b(?!\s?%|\s?per)")
_CLOSED_BEYOND = re.compile(r"\b(?:clos|end|finish|settl)(?:e|es|ed|ing)?\s(?:above|below|beneath|under)\s$",
                            re.IGNORECASE)  # "Closes Above 19,000 Points": the close beyond a level
_MOVED_PAST = re.compile(r"\b(?:clos(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing)|settl(?:ed|ing)|stayed|held|remained"
                         r"|rose|fell|climbed|jumped|slipped|dropped|sank|surged|slid|rallied|broke)\s$", re.IGNORECASE)
# a table's line: "S&P 500: 3,790.93, up 3.06%", "Hang Seng Index: 16,720.89 (-1.42%)"
_LISTED_BEFORE = re.compile(r"^[\W]*[A-Z][\w&.'’ -]{1,40}:\s$")
_LISTED_AFTER = re.compile(r"^(?:,\s(?:up|down|higher|lower|unchanged|flat)\b|\s?\(\s?[-+−]|\s*$)", re.IGNORECASE)
_MARK_AFTER = re.compile(r"^(?:-point)?\s?(?:mark|level|threshold|barrier|handle|line|milestone)\b", re.IGNORECASE)
_NOT_FIGURE_AFTER = re.compile(
    r"^(?:-| )?(?:member|stock\b|company\b|year|month|week|day|hour|minute|times|fold|for-\d|companies|firms|stocks"
    r"|shares|people|cities|countries|units"
    r"|(?:U\.?S\.?|US|Chinese|Hong Kong|listed|[a-z]+-cap) (?:companies|firms|stocks)"
    r"|[a-z]+-old|GMT|ET\b|am\b|pm\b|a\.m|p\.m|st\b|nd\b|rd\b|th\b|s\b|bp\b|bps\b|basis points?)", re.IGNORECASE)
_QUALIFIER = re.compile(r"\b(?P<q>" + L.alternation([re.escape(q) for q in L.QUALIFIERS]) + r")\s(?:a |an |the )?$",
                        re.IGNORECASE)
_SPELLED = re.compile(r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                      r"(?P<unit>\s(?:percent\b|per ?cent\b|percentage points?\b|points?\b))", re.IGNORECASE)
_RANK = re.compile(
    r"\b(?:(?P<near>near|almost|nearly)[- ])?(?P<span>(?P<n>\w+|\d+)[- ](?P<unit>day|session|week|month|quarter"
    r"|year|decade)|multi-?(?P<multi>week|month|year|decade))[- ](?P<ext>high|low|peak|trough|closing high"
    r"|closing low|intraday high|intraday low)s?\b"
    r"|\b(?P<sup>highest|loftiest|lowest|strongest|weakest|best|worst|biggest|largest|sharpest|steepest|deepest|heaviest"
    r"|smallest|new(?= (?:closing |intraday )?(?:high|low) (?:for|of|in) (?:19|20)\d\d))\b"  # "a new low for 2022"
    r"(?P<rest>(?: (?:one-day|single-day|daily|intraday|point and percentage|percentage|percent|close|closing|level"
    r"|value|point"
    r"|finish"
    r"|day|days|session|gain|gains|rise|jump|rally|advance|drop|fall|decline|loss|losses|slide|sell-?off|high|low"
    r"|retreat|slump|rebound|climb|increase|decrease"
    r"|performance|performances|move|surge|week|weekly|month|monthly|year|yearly|quarter|quarterly|plunge|tumble"
    r"|showing|run|start)s?\b(?!-)){0,4})"
    r"|\b(?P<record>record|all-time|fresh record|new record|record-high|record-low|lifetime)(?P<rrest>(?: (?:high"
    r"|low|close|closing|level|finish|peak|highs|lows)){1,2})\b"
    r"|\b(?P<unseen>(?:a )?levels? (?:not|last) seen)(?= since\b)"
    r"|(?<=\bthe )(?P<most>most)\b(?= since\b| in (?:more than |over |nearly |almost )?\w+ (?:years?|months?|weeks?"
    r"|days?|sessions?)\b)", re.IGNORECASE)  # "climbed 2.7 per cent, the most since August 25": its way, the move's
_LOOK_BACK = re.compile(
    r"^\s?(?:level |value |point |close |finish )?(?:in history|of all time|ever|this (?:year|month|week)"
    r"|(?:for|of|in) (?:19|20)\d\d\b"  # "a new closing low for 2022"
    r"|since (?:early |late |mid-?)?(?P<since>"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, )?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b"  # "Tuesday, Jan. 4, 2022"
    r"|[A-Z][a-z]{2}\. \d{1,2}\b"  # "since Feb. 20"
    r"|(?:(?!\d[\d.,]*\s?(?:%|(?:per ?cent|percent|points?)\b))[\w ,’'-]){3,40}?)"  # not "a 11 per cent drop"
    r"(?=[,.;]|\s[-–—]|\s(?:and|as|after|when|while|with|on|amid)\b|$)"
    r"|in (?:more than |over |nearly |almost |about )?(?P<span>(?:\w+|\d+)"
    r"(?: and a half)? (?:years?|months?|weeks?|days?|sessions?|decades?))|of the (?P<of>year|month|week|day"
    r"|session|decade)|(?:on|in) record)", re.IGNORECASE)
_STREAK = L.patterns(L.STREAK)


@dataclass(frozen=True)
class Quantity:
    """A figure of a clause (see the module's docstring for ``kind``); ``start``/``end`` are its offsets."""

    kind: str
    value: float | None
    text: str
    start: int
    end: int
    decimals: int = 0
    qualifier: str = ""  # in the checker's words: more than, nearly, about, as much as, less than
    sign: int = 0  # -1 written with a minus, +1 with a plus
    currency: str = ""
    problem: str = ""  # why the number is not read (kind "unread")
    # rankings: +1 highest/best, -1 lowest/worst; "close" or "move"; the look-back as written
    rank_sign: int = 0
    rank_of: str = ""
    look_back: str = ""
    span_days: int = 0  # "a four-month low": about 120 days
    unit: str = ""  # streaks and spans: session, week, month, year
    count: int = 0  # streaks: how many in a row; spans: how many units ("a four-month low": 4)
    nth: int = 0  # an ordinal ranking: "the fourth highest" is 4


def _qualifier(text: str, start: int) -> str:
    m = _QUALIFIER.search(text[max(0, start - 26):start])
    return L.QUALIFIERS.get(m.group("q").lower(), "") if m else ""


def _number_quantity(text: str, n: Number) -> Quantity | None:
    after, before = text[n.end:n.end + 24], text[max(0, n.start - 30):n.start]
    qualifier = _qualifier(text, n.start)
    hedge = _QUALIFIER.search(before)
    before = before[:hedge.start()] if hedge else before  # "to about 24,000" is read as "to 24,000"
    cur = _CURRENCY_BEFORE.search(before)
    if n.problem:
        return Quantity("unread", None, n.text, n.start, n.end, problem=n.problem)
    if (m := _PERCENT.match(after)):
        kind = "rate" if m.group().strip().lower().startswith("percentage") else "percent"
        return Quantity(kind, n.value, n.text + m.group(), n.start, n.end + m.end(), n.decimals, qualifier, n.sign)
    if (m := _SCALE.match(after)) and (cur or _CURRENCY_AFTER.match(after[m.end():]) or m.group().strip()):
        start = n.start - len(cur.group()) if cur else n.start
        word = _CURRENCY_AFTER.match(text[n.end + m.end():n.end + m.end() + 24]) if not cur else None
        end = n.end + m.end() + (word.end() if word else 0)
        return Quantity("money", n.value, text[start:end], start, end, n.decimals, qualifier,
                        currency=cur.group("cur").strip() if cur else (word.group().strip() if word else ""))
    if cur:
        start = n.start - len(cur.group())
        kind = "money" if _PER_SHARE.match(after) and _EARNINGS_BEFORE.search(before) else "level"
        if kind == "level" and (_CHANGE_AFTER.match(after) or _CHANGE_BEFORE.search(before[:cur.start()])
                                or _CHANGE_OF.search(before[:cur.start()])):  # "a decrease of $5.36"
            kind = "points"  # "closed $6.13 (3.05%) higher", "fell by HK$2.40": a change in the price
        return Quantity(kind, n.value, text[start:n.end], start, n.end, n.decimals, _qualifier(text, start), n.sign,
                        cur.group("cur").strip())
    if (m := _POINTS.match(after)):
        level = _MARK_AFTER.match(after[m.end():]) or m.group().startswith("-") or (
            abs(n.value or 0) >= 1000 and (_LEVEL_BEFORE.search(before) or hedge and _CLOSED_BEYOND.search(
                before + hedge.group())) and not re.search(r"\bby\s$", before) and not _CHANGE_OF.search(before))
        kind = "level" if level else "points"
        return Quantity(kind, n.value, n.text + m.group(), n.start, n.end + m.end(), n.decimals, qualifier, n.sign)
    if _CHANGE_BEFORE.search(before) and _TO_LEVEL.match(after) and n.value is not None:  # "rose 164.07 to 19,864.55"
        return Quantity("points", n.value, n.text, n.start, n.end, n.decimals, qualifier, n.sign)
    quote = _TICKER_QUOTE.search(before)  # "NVIDIA (NVDA 113.76, -6.93, -5.7%)": the last price, then its change
    if quote and n.value is not None:
        kind = "points" if quote.group("price") else "level"
        return Quantity(kind, n.value, n.text, n.start, n.end, n.decimals, qualifier, n.sign)
    if _NOT_FIGURE_AFTER.match(after) or n.value is None or 1900 <= abs(n.value) <= 2100 and n.decimals == 0:
        return None
    crossed = hedge is not None and _MOVED_PAST.search(before)  # "closed above 6,000", "fell below 3,000"
    if abs(n.value) >= 100 and (_LEVEL_BEFORE.search(before) or _MARK_AFTER.match(after) or crossed
                                or (_LISTED_BEFORE.match(before) and _LISTED_AFTER.match(after))) and n.sign >= 0:
        return Quantity("level", n.value, n.text, n.start, n.end, n.decimals, qualifier, n.sign)
    return None


def _count(word: str | None) -> int:
    return L.number_word(word or "") or 0


_SAME = {"loftiest": "highest"}  # "Hong Kong ended at its loftiest since March"


def _rank(text: str, m: re.Match) -> Quantity | None:
    if m.group("unseen"):  # "to 22,849.81 at the close, a level not seen since February 20": the close's way
        sign, of, end = 0, "close", m.end()
    elif m.group("most"):  # "jumped as much as 16 per cent to HK$98, the most since November": the intraday move's
        of = "intraday" if _INTRADAY_BEFORE.search(text, max(0, m.start() - 80), m.start()) else "move"
        sign, end = 0, m.end()
    elif m.group("sup"):
        word, rest = _SAME.get(m.group("sup").lower(), m.group("sup").lower()), (m.group("rest") or "").lower()
        moves = any(w in rest for w in ("day", "session", "gain", "rise", "jump", "rally", "advance", "drop", "fall",
                                        "decline", "loss", "slide", "sell", "move", "surge", "performance", "plunge",
                                        "tumble", "week", "month", "year", "quarter", "showing", "run", "start",
                                        "retreat", "slump", "rebound", "climb", "increase", "decrease"))
        falling = any(w in rest for w in ("drop", "fall", "decline", "loss", "slide", "sell", "plunge", "tumble",
                                          "retreat", "slump", "decrease"))
        sign = -1 if falling or word in ("lowest", "weakest", "worst", "deepest", "heaviest", "smallest") else 1
        if not moves and word in ("highest", "lowest", "new") and rest.strip().endswith(("low", "high")):
            sign = -1 if rest.strip().endswith("low") else 1
        levels = any(w in rest for w in ("level", "value", "point", "close", "closing", "finish", "high", "low"))
        if not moves and not levels and (word not in ("highest", "lowest") or _PRICE_OF.match(text, m.end())):
            return None  # "the third-largest weighting", "the highest price of $155.84": a superlative of another
        of = "move" if moves else "close"
        for unit in ("week", "month", "year", "quarter"):
            if unit in rest and "day" not in rest:
                of = f"{unit}_move"
        if of == "close" and re.search(r"\bto\s(?:the\s|a\s|an\s|its\s)?$", text[max(0, m.start() - 8):m.start()]) \
                and _INTRADAY_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            of = "intraday"  # "fell as much as 1.4 per cent to the lowest level since May 13": the day's low ranked
        end = m.end()
    elif m.group("record"):
        rest = m.group("rrest").lower()
        sign, of, end = (-1 if "low" in rest else 1), "close", m.end()
        return Quantity("rank", None, m.group(), m.start(), end, rank_sign=sign, rank_of=of, look_back="record")
    else:
        sign = -1 if m.group("ext").lower().endswith(("low", "trough")) else 1
        unit = (m.group("unit") or m.group("multi") or "").lower()
        n = _count(m.group("n")) if m.group("n") else 2
        span = n * L.UNITS_IN_DAYS.get(unit, 0)
        near = bool(m.group("near"))
        return Quantity("rank", None, m.group(), m.start(), m.end(), qualifier="nearly" if near else "",
                        rank_sign=sign, rank_of="intraday" if "intraday" in m.group("ext").lower() else "close",
                        look_back=m.group("span"), span_days=span if not m.group("multi") else 0, unit=unit,
                        count=n)
    back = _LOOK_BACK.match(text[end:end + 60])
    look = back.group().strip() if back else ""
    stop = end + (back.end() if back else 0)
    near = NEAR_THE if _NEAR_THE.search(text[max(0, m.start() - 16):m.start()]) else ONE_OF if _ONE_OF.search(
        text[max(0, m.start() - 16):m.start()]) else (
        "nearly" if re.match(r"(?:in|since|for) (?:nearly|almost|close to) ", look, re.IGNORECASE) else "")
    nth = _ORDINAL.search(text[max(0, m.start() - 10):m.start()])  # "the fourth highest close this year"
    start = m.start() - (len(nth.group()) if nth else 0)
    return Quantity("rank", None, text[start:m.end()] + (" " + look if look else ""), start, stop, rank_sign=sign,
                    rank_of=of, look_back=look, qualifier=near, nth=L.ORDINALS[nth.group(1).lower()] if nth else 0)


_PRICE_OF = re.compile(r"\s(?:price|prices)\s(?:of|was|were|at|reached)\b", re.IGNORECASE)
_INTRADAY_BEFORE = re.compile(r"\b(?:as much as|intraday|at one point)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]$", re.IGNORECASE)


_ONE_OF = re.compile(r"\bone of (?:its|the|their|his|her) $", re.IGNORECASE)  # "one of its worst days since"
_NEAR_THE = re.compile(r"\b(?:near|close to|just (?:above|below|off)) (?:the |its |their )?$", re.IGNORECASE)


def _named(m: re.Match, stem: str) -> str | None:
    """The first group of a run's pattern named ``stem`` (or ``stem`` and a number) that matched: the alternatives of
    :data:`lexicon.STREAK` name their count n, n2, ..., their unit unit, unit2, ... and their way what, what2, ...;
    not the groups of "its first rise in three weeks" (n8), which :func:`_first_in` reads."""
    return next((v for k, v in m.groupdict().items() if v and re.fullmatch(stem + r"\d*", k) and not k.endswith("8")),
                None)


def _streak(m: re.Match) -> Quantity | None:
    if m.group("n8"):  # "its first rise in three weeks": the run before it, of two weeks the other way
        return _first_in(m)
    n = 2 if m.group("n11") else _count(_named(m, "n"))  # "back-to-back": two
    unit = _named(m, "unit") or ("session" if m.group("n7") or m.group("n13") else "")
    unit = {"daily": "session", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year",
            "annual": "year"}.get(
        unit.lower(), unit.lower().rstrip("s"))
    what = (_named(m, "what") or m.group("way") or m.group("way3") or "").lower()  # "four-straight down days"
    if not n or n < 2 or not unit:  # "its one-week decline to 5.8%": a period, not a run
        return None
    sign = -1 if what in ("losses", "declines", "falls", "losing", "falling", "decline", "slide", "skid", "loss",
                          "down", "fall", "drop", "tailspin", "slump", "rout", "selloff", "sell-off", "retreat",
                          "drops", "red", "losing streak") else (
        1 if what else 0)
    return Quantity("streak", float(n), m.group(), m.start(), m.end(), rank_sign=sign, unit=unit.replace("day",
                                                                                                           "session"),
                    count=n)


def _first_in(m: re.Match) -> Quantity | None:
    n = _count(m.group("n8"))
    if not n or n < 2:
        return None
    what = m.group("what8").lower()
    sign = 1 if any(w in what for w in ("decline", "drop", "fall", "loss", "losing", "down")) else -1
    unit = (m.group("unit8") or {"weekly": "week", "daily": "day", "monthly": "month"}.get(what.split()[0], "")).lower()
    if not unit:  # "its first rise in three": of what, the text does not say
        return None
    return Quantity("streak", float(n - 1), m.group(), m.start(), m.end(), rank_sign=sign,
                    unit=unit.rstrip("s").replace("day", "session"), count=n - 1)


def quantities(text: str) -> list[Quantity]:
    """Every figure of a clause, in order, without overlaps (see the module's docstring): a new list each call of the
    same frozen figures, read once per text (the rules ask for a clause's figures many times)."""
    return list(_quantities(text))


def clear_cache() -> None:
    """Forget every text read (the benchmark times a first reading)."""
    _quantities.cache_clear()


@lru_cache(maxsize=1024)
def _quantities(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for m in _STREAK.finditer(text):
        q = _streak(m)
        if q:
            found.append(q)
    for m in _RANK.finditer(text):
        if not any(m.start() < q.end and m.end() > q.start for q in found):
            rank = _rank(text, m)
            if rank is not None:
                found.append(rank)
    for n in find_numbers(text):
        q = _number_quantity(text, n)
        if q is not None and not any(q.start < f.end and q.end > f.start for f in found):
            found.append(q)
    for m in _SPELLED.finditer(text):  # "more than two percent", "nearly eight per cent"
        if re.search(r"\bat\s$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE) and "point" in m.group():
            continue  # "at one point reaching 24,506": a time, not a figure
        if not any(m.start() < f.end and m.end() > f.start for f in found):
            unit = m.group("unit").lower()
            kind = "rate" if "percentage" in unit else ("percent" if "cent" in unit else "points")
            found.append(Quantity(kind, float(L.NUMBER_WORDS[m.group("word").lower()]), m.group(), m.start(), m.end(),
                                  0, _qualifier(text, m.start())))
    for m in re.finditer(r"\b(?:triple|double|single)[- ]digit\b", text, re.IGNORECASE):
        found.append(Quantity("pace", None, m.group(), m.start(), m.end()))
    return tuple(sorted(found, key=lambda q: q.start))


# --- moves: what the reader asks of a clause's figures --------------------------------------------------------
_PRICE_NOUN = re.compile(r"\b(?:shares?|stocks?|ADRs?|ADSs?|index|indices|indexes|benchmark|gauge|it|its|listing"
                         r"|market value|valuation|the market|equities|movers|gainers|losers|laggards|decliners"
                         r"|advancers)\b", re.IGNORECASE)
_NOT_PRICE_NEAR = L.words_pattern((*L.FUNDAMENTALS, *L.NOT_PRICE), 0)
_DIRECTION_NEAR = re.compile(r"\b(?:" + L.alternation([re.escape(w) for w in (*L.DIRECTION_WORDS, *L.DIRECTION_NOUNS)])
                             + r")\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def price_figures(text: str) -> tuple[Quantity, ...]:
    """The figures of a clause that can be prices or moves of a price (percentages, points, levels, rankings), not
    amounts, rates or figures a fundamentals noun owns ("revenue rose 9%", "a 5% stake")."""
    out = []
    for q in quantities(text):
        if q.kind == "rank":
            out.append(q)
            continue
        if q.kind not in ("percent", "points", "level"):
            continue
        if _NOT_PRICE_NEAR.match(text[q.end:q.end + 24].lstrip(" of").lstrip()) or _owner_noun(text, q) == "other":
            continue
        out.append(q)
    return tuple(out)


def _owner_noun(text: str, q: Quantity) -> str:
    """"price" or "other": the nearest telling noun before a figure in its part of the clause (a move verb between
    is passed over: "Alibaba's revenue in the three months through March rose 9%" is revenue's)."""
    start = max(0, q.start - 90)
    for m in reversed(list(re.finditer(r"[A-Za-z][\w'’-]*|[,;]", text[start:q.start]))[-14:]):
        word = m.group()
        if word in ",;" or word.lower() in L.DIRECTION_NOUNS:
            break  # "a jump of 16%": a move's figure
        if word[0].isupper() and start + m.start() > 0:
            continue  # a name ("China Resources Beer Holdings"), not a noun of what is measured
        if _PRICE_NOUN.fullmatch(word):
            return "price"
        if _NOT_PRICE_NEAR.fullmatch(word):
            return "other"
    return ""


def has_direction(text: str, q: Quantity) -> bool:
    """Whether a move word says which way the figure went (a verb or direction word within 60 characters before, or
    a direction word right after it)."""
    before = text[max(0, q.start - 60):q.start]
    verbs = L.verb_directions()
    return bool(q.sign or _DIRECTION_NEAR.search(text[q.end:q.end + 16]) or _DIRECTION_NEAR.search(before)
                or any(verbs.get(m.group().lower()) for m in L.move_verb_re().finditer(before)))


def is_move(text: str) -> bool:
    """Whether a clause reports a market move: a price figure with a direction or after a price noun, or a ranking
    of a price."""
    figures = price_figures(text)
    if any(q.kind != "rank" and (has_direction(text, q) or _PRICE_NOUN.search(text[:q.start])) for q in figures):
        return True
    return any(q.kind == "rank" for q in figures) and bool(_PRICE_NOUN.search(text))
