"""The periods of a figure: when a move is a week's, a month's or a year's, and how far back a ranking looks.

* A **period move** ("up 0.6% for the week", "added 23% in 2025", "so far this year") starts at the last close
  before the period's first day and ends at the figure's session (or the period's last, when it ended before).
* A **ranking** ("a four-month low", "its best day since June 4") holds when no session from the day after the
  named day, month or year (or the span back) to the session before beat it (:mod:`components.text.rank_windows`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from components.locale import N_, _
from components.locale.formats import date_as
from components.text import clause_parts, figure_days
from components.text import lexicon as L
from components.text.claim_subjects import part_of
from components.text.date_types import DateExpression, add_months, since_day
from components.text.figure_periods import DAY_KINDS
from components.text.periods import previous_weekday

__all__ = ["ASIAN", "another_figures", "dated_base", "own_day", "paragraph_fields", "paragraph_period", "period_fields",
           "period_of", "previous_weekday", "stretch", "unresolved_day", "window_fields"]
from components.text.quantities import Quantity, quantities
from components.text.rank_windows import rank_window, sessions_from
from components.text.reader import Clause

ASIAN = ("HK", "CN", "JP")
_RANGE_KINDS = ("span", "since", "relative", "month", "year", "weekend", "quarter", "quarter-ref")  # not fiscal ones
_PERIOD = {kind: L.patterns(words) for kind, words in L.PERIOD_WORDS.items() if kind != "span"}
# where a figure's own stretch of words ends: a comma, a dash, or a part with a subject of its own
_STRETCH_END = re.compile(r"[;]|,(?!\d)|\s(?:--|[-–—])\s|\s(?:in|during|over|through) which\s"
                          r"|\s(?:after|before|following|as|when|while|whereas|amid|despite|ahead of"
                          r"|because|once|but|on (?:reports?|news|hopes|worries|signs|expectations|concerns))\s"
                          r"(?!(?:the )?(?:(?:opening |closing )?bell|hours|market (?:open|close)))", re.IGNORECASE)

_REACH = 160  # characters a stretch reaches either side of its figure at most (a list without commas is long)


def stretch(text: str, q: Quantity) -> tuple[int, int]:
    """(start, end) of a figure's own stretch of its clause: from the comma, dash or subordinate part before it to
    the next one ("wiping out a 1.3% rise on Wednesday" is the 1.3%'s own)."""
    if _BRACKETED.match(text[max(0, q.start - 2):q.start] + "|" + text[q.end:q.end + 1]):
        return q.start, _listed_predicate(text, q)  # "Alibaba (+20.5%), Baidu (+9.14%) ... gained over the week"
    lo = max(0, q.start - _REACH)
    before = [m.end() for m in _STRETCH_END.finditer(text, lo, q.start)]
    past = q.end + 2 if _TRAILING_PERIOD.match(text, q.end) else q.end  # "up 2.79%, this week to 20567.54"
    after = _STRETCH_END.search(text, past, q.end + _REACH)
    return (before[-1] if before else lo), (after.start() if after else min(len(text), q.end + _REACH))


_TRAILING_PERIOD = re.compile(r",\s(?=(?:so far )?(?:this|for the|on the|over the) (?:week|month|quarter|year)\b"
                              r"|year[- ]to[- ]date\b)", re.IGNORECASE)
# a figure in brackets after a name, one of a list sharing the words after it
_BRACKETED = re.compile(r".?\((?:[+\-−])?\|\)|\($|\([+\-−]\|\)")
_LIST_ITEM = re.compile(r",?\s(?:and\s)?[A-Z][\w.&'’ -]{0,40}?\s?\([+\-−]?[\d.,]+%\)")


def _listed_predicate(text: str, q: Quantity) -> int:
    """The end of the words a bracketed list shares: past the other items to its next stop."""
    at = q.end + 1
    while (m := _LIST_ITEM.match(text, at)) and m.end() > at:
        at = m.end()
    after = re.search(r"[;.]", text[at:at + _REACH])
    return min(len(text), at + (after.start() if after else _REACH))


def _range_in(clause: Clause, lo: int, hi: int, q: Quantity | None = None) -> DateExpression | None:
    """The period of a figure's stretch (or of its clause's opening, "In the last five trading days, ..."), not a
    ranking's look-back ("best day since 2008") nor a period nearer another figure."""
    found = quantities(clause.text)
    ranks = [r for r in found if r.kind == "rank"]
    comma, last = clause.text.find(","), clause.text.rfind(",", 0, lo)
    opening = (0, comma) if q is not None and 0 < comma < q.start and comma < lo and not any(
        f.start < comma for f in found) else (0, 0)
    # a range written in the opening phrases: "In the second phase, from January 30th to March 20th, a total of 36
    # trading days, the index fell by 16.26%"
    written = (0, last) if q is not None and 0 < last and not any(f.start < last for f in found) else (0, 0)
    ranges = [e for e in clause.expressions if e.resolved and e.is_range and e.kind in _RANGE_KINDS and not e.fiscal
              and not any(r.start <= e.start < r.end for r in ranks)
              and not clause_parts.RANKED.search(clause.text, max(0, e.start - 60), e.start)]  # a ranking's look-back
    own = [e for e in ranges if (lo <= e.start < hi or q is not None and _turn(clause.text, lo) <= e.start < lo)
           and (q is None or not _crosses(clause, e.start, e.end, q))]  # its part's: ", but for the year ..., it fell"
    if q is not None:  # the nearest: "This month's setback kept the index at 7.1 per cent loss since the start of
        own.sort(key=lambda e: _gap(e, q))  # the year" is the year's
    return next(iter(own), None) or next((e for e in ranges if opening[0] <= e.start < opening[1]), None) or next((
        e for e in ranges if written[0] <= e.start < written[1] and _WRITTEN_RANGE.match(e.text)), None)


_WRITTEN_RANGE = re.compile(r"(?:from|between)\s|[^—–]*[—–]", re.IGNORECASE)  # a range _ranges in dates.py made


def _crosses(clause: Clause, start: int, end: int, q: Quantity) -> bool:
    """Whether a period phrase belongs to another figure, one nearer to it than ``q``: "a 3.5% rise took this
    year's advance to 180%" (the year's move is 180%)."""
    def gap(f) -> int:  # a new item between a figure and the period ("... for the month and a 5.5% gain", "grew 1.1%
        # and finished the week up 1.4%") puts the figure far from it
        if f.start >= end:
            return f.start - end + (_REACH if _NEW_ITEM.search(clause.text, end, f.start) else 0)
        return start - f.end + (_REACH if _NEW_ITEM.search(clause.text, f.end, start) else 0)

    lo, hi = stretch(clause.text, q)
    figures = [f for f in quantities(clause.text) if f.kind in ("percent", "points", "level") and lo <= f.start < hi
               and not (lo == q.start and clause.text[f.start - 2:f.start] in ("(+", "(-", "(−") or
                        clause.text[f.start - 1:f.start] == "(")  # a bracketed list's items share its period
               and not (f.kind == "level" != q.kind and _TO_LEVEL.fullmatch(clause.text, q.end, f.start))]
    # "fell 1 per cent to 18,202.07 for the week": the level the move reached takes no period from it
    mine = min((f for f in figures if f.start == q.start), key=gap, default=None)
    return mine is not None and any(gap(f) < gap(mine) for f in figures if f.start != q.start)


_NEW_ITEM = re.compile(r"\s(?:and|while|but|whereas)\s")
_TO_LEVEL = re.compile(r",?\s(?:to|at)\s(?:about |around )?(?:HK|US)?\$?")


def _word_period(clause: Clause, q: Quantity, lo: int, hi: int) -> tuple[str, re.Match] | None:
    """The period word of a figure's own stretch, else of its clause's opening ("Year-to-date, the index is up 12%")."""
    comma, turn = clause.text.find(","), _turn(clause.text, lo)
    opening = clause.text[:comma] if 0 < comma < q.start and comma < lo else ""
    opening = "" if opening and own_day(clause, q) is not None else opening  # "... this week's gain to 1.2%, and
    # diminished most of the 4% jump on February 6": a figure with its own day takes no period from the opening
    colon = clause.text.rfind(": ", 0, q.start)  # "year-to-date gains remain strong: the Dow is up 12.3%, the S&P
    head = clause.text[:colon] if colon > 0 and not any(  # has risen 23%": the list after a colon
        f.start < colon for f in quantities(clause.text)) and own_day(clause, q) is None else ""
    for part, shift, own in ((clause.text[lo:hi], lo, True), (clause.text[turn:lo], turn, False), (opening, 0, False),
                             (head, 0, False)):
        for kind, pattern in _PERIOD.items():
            for m in pattern.finditer(part):
                if not own or not _crosses(clause, m.start() + shift, m.end() + shift, q):
                    return kind, m
    head = _OPENS.match(clause.text)  # "--Month-to-date it is up 4.53%", "This week it is up 2.43%"
    for kind, pattern in _PERIOD.items():
        m = pattern.match(clause.text, head.end()) if head else None
        if m is not None and m.end() < q.start:
            return kind, m
    return None


_OPENS = re.compile(r"^[\W_]*")
_TURN = re.compile(r",\s(?:but|while|whereas)\s|;\s")


def _turn(text: str, lo: int) -> int:
    """Where the part of a clause before ``lo`` begins after a turn (", but for the zodiac year ..., it dropped"), or
    ``lo`` when no turn comes before it."""
    return max((m.end() for m in _TURN.finditer(text, 0, lo)), default=lo)
_PREVIOUS = re.compile(r"\b(?:previous|prior|preceding|yesterday|day before|last (?:session|close|trading day))\b",
                       re.IGNORECASE)




def own_day(clause: Clause, q: Quantity) -> DateExpression | None:
    """The day written in a figure's own stretch, nearer to it than to any other figure ("from 24,937 on March 6")."""
    lo, hi = stretch(clause.text, q)
    if figure_days.attached_period(clause, q) is not None:
        return None  # "April's 4.3 per cent loss triggered by tariffs on April 2": the month's, not that day's
    base = base_day(clause, q) if q.kind in ("percent", "points") else None  # "since tariffs were announced on ..."
    own = [e for e in clause.expressions if e.resolved and not e.is_range and (lo <= e.start < hi or (
           e.text.lower().endswith(" after") and lo - 2 <= e.end <= lo))  # "a day after | falling 0.3%"
           and e.kind in DAY_KINDS and not _crosses(clause, e.start, e.end, q) and not another_figures(clause, q, e)
           and not (q.kind != "level" and _BASE_BEFORE.search(clause.text[:e.start]))  # a move's base ("up 5% from
           and e is not base  # Friday"), while "up from Friday's close of 4,124.08" is that day's level
           and not (q.kind == "rank" and (q.start <= e.start < q.end  # "the most since the March 15 crash"
                                          or clause_parts.since_a_move(clause.text, q.end, e.start)))]
    return min(own, key=lambda e: _gap(e, q), default=None)


# "a decline of 0.46% from the previous trading day": the day a move counts from, not the day it was made
_BASE_BEFORE = re.compile(r"\b(?:from|since|over|against|than|versus|vs\.?|compared (?:with|to))\s$", re.IGNORECASE)


def unresolved_day(clause: Clause, q: Quantity) -> DateExpression | None:
    """A day in the figure's own stretch that the text does not let the reader date ("to $117.59 the next day" after
    a results day it does not give), a period without bounds ("over the past few months", "before the rally"), or a
    quarter of a fiscal year that is not the calendar's; else None."""
    lo, hi = stretch(clause.text, q)
    return next((replace(e, reason=_("is a quarter of the company's fiscal year, not sessions a price is measured "
                                     "over")) if e.fiscal else e for e in clause.expressions
                 if (lo <= e.start < hi or e.start <= 4 and clause.text[e.end:e.end + 1] == ",")  # "Before the rally,"
                 and (e.fiscal or not e.resolved and e.kind in DAY_KINDS + ("span", "since"))), None)


def _gap(e: DateExpression, f: Quantity) -> int:
    return min(abs(e.start - f.end), abs(f.start - e.end))


def another_figures(clause: Clause, q: Quantity, e: DateExpression) -> bool:
    """Whether the day ``e`` stands between ``q`` and another figure and nearer to that one ("from 22,500 on Monday
    to about 24,000": Monday is the 22,500's)."""
    figures = quantities(clause.text)
    return e.start >= 0 and any(
        _gap(e, f) < _gap(e, q) and min(f.start, q.start) < e.start < max(f.end, q.end)
        and "," not in clause.text[min(e.end, f.end):max(e.start, f.start)]  # "on March 19, erasing HK$4.4 trillion"
        and not _PAIRED.fullmatch(clause.text, q.end, f.start)  # "down 4.8% and 8.5% from their highs set Feb. 19"
        and (f.start > q.start or f.kind != "level" or _A_BASE.search(clause.text[max(0, f.start - 30):f.start]))
        and not (q.kind in ("rank", "streak") and f.start < q.start)  # a ranking after a dated move ranks that move
        for f in figures if f.start != q.start and f.kind not in ("rank", "streak")) \
        or _later_part_owns(clause.text, q, e, figures)


def _later_part_owns(text: str, q: Quantity, e: DateExpression, figures: list[Quantity]) -> bool:
    """Whether a figure of a later part of the clause stands between ``q`` and the day ``e`` ("... reduced this week's
    gain to 1.2%, and diminished most of the 4% jump on February 6": February 6 is the 4%'s, not the 1.2%'s)."""
    return any(q.end <= f.start and f.end <= e.start and part_of(text, f.start)[0] >= q.end
               for f in figures if f.kind in ("percent", "points"))



# a level before the day is another session's only as a base ("from 22,500 on Monday"), not a close ("closed at ...")
_A_BASE = re.compile(r"\b(?:from|since|than|against|versus|vs\.?|compared (?:with|to)|off|below|above|of)\s"
                     r"(?:[^\s,;]+\s){0,4}$", re.IGNORECASE)


_PAIRED = re.compile(r"\s(?:and|or)\s[-+−]?")
_PAIR_FIGURE = re.compile(r"\s(?:and|or)\s[-+−]?[\d.,]+\s?(?:%|per ?cent|percent|points)", re.IGNORECASE)


def period_of(q: Quantity, clause: Clause, day: dt.date | None) -> str | None:
    """The rule that makes a figure a period's move, or None when it is not one."""
    lo, hi = stretch(clause.text, q)
    e = _range_in(clause, lo, hi, q)
    if e is not None:
        return _("'{words}': a move over {first} to {last}").format(
            words=e.text, first=date_as(e.start_date, "date"), last=date_as(e.end_date, "date"))
    found = _word_period(clause, q, lo, hi)
    if found is not None:
        return _(_PERIOD_MOVES[found[0]]).format(words=found[1].group())
    base = base_day(clause, q)
    if base is not None:
        return _("'from {words}': a move from the close of {day}").format(words=base.text,
                                                                          day=date_as(base.start_date, "date"))
    return None


def base_day(clause: Clause, q: Quantity) -> DateExpression | None:
    """A day a move is measured from, written after it ("Rose 24.69% from 52 weeks ago", "Off 0.39% from its record
    close of 6977.27 hit Monday, Jan. 12, 2026", "Up 22.56% since tariffs were announced on April 2, 2025"), else
    None."""
    lo, hi = stretch(clause.text, q)
    pair = _PAIR_FIGURE.match(clause.text, q.end)  # "down 4.8% and 8.5% from their highs set Feb. 19": both
    return next((e for e in clause.expressions if e.resolved and not e.is_range and e.kind in DAY_KINDS
                 and not _PREVIOUS.search(e.text)  # "from the previous session": the day's move
                 and q.end <= e.start < hi and (re.search(r"\bfrom\s(?:(?:its|their|the)\s)?$",
                                                          clause.text[max(0, e.start - 12):e.start])
                                                 or _DATED_BASE.match(_up_to(clause.text, pair.end() if pair else q.end,
                                                                             e))
                                                 or _FROM_MARK_ON.search(clause.text, max(0, e.start - 60), e.start))
                 and (not another_figures(clause, q, e) or _CLOSE_OF.match(clause.text, e.end))), None) or next(
        (e for e in clause.expressions if e.resolved and not e.is_range and e.kind in DAY_KINDS and e.end <= q.start
         and _SINCE_ITS_CLOSE.fullmatch(clause.text[:e.start] + ("on " if e.text.lower().startswith("on ") else ""))),
        None)


# a sentence opening with the close a move is measured from: "Since its close on Thursday, December 21, ... is up 0.8%"
_SINCE_ITS_CLOSE = re.compile(r"\s*(?:since|from) (?:its|their|the) (?:close|closing (?:level|price)|finish)"
                              r"\s(?:on|of)\s", re.IGNORECASE)


def dated_base(clause: Clause, q: Quantity) -> DateExpression | None:
    """The day written right after a level a move is measured from ("its 52-week low of 4982.77 hit Tuesday, April 8,
    2025", "the Election Day close of 5782.76 on Tuesday, Nov. 5, 2024"): that level is the day's close."""
    return next((e for e in clause.expressions if e.resolved and not e.is_range and e.kind in DAY_KINDS
                 and _DATED_LEVEL.match(_up_to(clause.text, q.end, e))), None)


def _up_to(text: str, start: int, e: DateExpression) -> str:
    """The words from ``start`` to a date expression, with its own leading "on" ("on Monday, Jan 20, 2025")."""
    return text[start:e.start] + ("on " if e.text.lower().startswith("on ") else "") if start <= e.start else "."


# "declined 15.6 per cent from a peak on March 19": a high or low the move is measured from, and its day
_FROM_MARK_ON = re.compile(r"\bfrom\s(?:a|an|its|their|the)\s(?:[\w-]+\s){0,3}(?:peak|high|low|trough|top|bottom)s?\s"
                           r"(?:(?:(?:hit|set|reached)\s)?on|(?:hit|set|reached))\s$", re.IGNORECASE)
# what joins a level a move is measured from to its day, and a move to that day ("from its record close of 4796.56
# hit Monday, Jan. 3, 2022", "since tariffs were announced on Wednesday, April 2, 2025")
_ON_DAY = r"(?:hit|set|reached|recorded|touched|notched|on|of|(?:hit|set|reached) on)\s$"  # "the 22,688.9 of Jan. 27"
_CLOSE_OF = re.compile(r"\s(?:close|closing (?:level|price|value))\s(?:of|at)\s", re.IGNORECASE)  # "June 18 close of"
_DATED_LEVEL = re.compile(rf"^\s{_ON_DAY}", re.IGNORECASE)
_DATED_BASE = re.compile(rf"^\s(?:from|since|below|above|under|off)\s(?:[^\s;%]+\s){{1,8}}?{_ON_DAY}", re.IGNORECASE)


_PERIOD_MOVES = {"week": N_("'{words}': the week's move"), "month": N_("'{words}': the month's move"),
                 "quarter": N_("'{words}': the quarter's move"), "year": N_("'{words}': the year's move")}


def _span_of(kind: str, words: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar period a period word names around ``day`` (its first and last day)."""
    last = words.lower().startswith(("last", "the past", "over the past", "for the past", "in the past"))
    if kind == "week":
        monday = day - dt.timedelta(days=day.weekday())
        if last:
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        return monday, day
    if kind == "month":
        month = re.search(r"January|February|March|April|May|June|July|August|September|October|November|December",
                          words)
        if month:
            start = dt.date(day.year, dt.datetime.strptime(month.group(), "%B").month, 1)
            start = start if start <= day else start.replace(year=day.year - 1)
            return start, min(day, add_months(start, 1) - dt.timedelta(days=1))
        return day.replace(day=1), day
    if kind == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1), day
    year = re.search(r"20\d\d", words)
    if year:
        start = dt.date(int(year.group()), 1, 1)
        return start, min(day, dt.date(start.year, 12, 31))
    return dt.date(day.year, 1, 1), day


def window_fields(q: Quantity, clause: Clause, day: dt.date) -> dict:
    """The sessions a "52-week high of $230.89" or a "peak around $300 in 2020" spans: ``since`` to the session."""
    m = re.search(r"\b(\d{1,3}|\w+)[- ](day|week|month|year)[- ](?:high|low|peak|trough)", clause.text[max(
        0, q.start - 40):q.start], re.IGNORECASE)
    if m and L.number_word(m.group(1)):
        n, unit = L.number_word(m.group(1)), m.group(2).lower()
        start = day - dt.timedelta(days=n * L.UNITS_IN_DAYS[unit]) if unit in ("day", "week") else add_months(
            day, -n * (12 if unit == "year" else 1))
        return {"since": start, "since_rule": sessions_from(m.group(), start)}
    lo, hi = stretch(clause.text, q)
    e = _range_in(clause, lo, hi)
    if e is not None:
        out = {"since": e.start_date, "since_rule": sessions_from(e.text, e.start_date)}
        return out | ({"day": e.end_date, "written_day": False} if e.end_date < day else {})
    return {"unsure": _("'{words}' does not say over which sessions").format(words=q.text)}


def period_fields(q: Quantity, clause: Clause, measure: str, day: dt.date | None) -> dict:
    """``since`` and its rule (and the period's end as ``day`` when it ended before the session) of a period
    move or a ranking; nothing for a streak or without a session."""
    if day is None or measure == "streak":
        return {}
    if measure == "rank":
        return rank_window(q, clause, day)
    if measure in ("range_high", "range_low"):
        return window_fields(q, clause, day)
    lo, hi = stretch(clause.text, q)
    e = _range_in(clause, lo, hi, q)
    if e is not None:
        start, end, words = _to_date_start(e.start_date, day), min(e.end_date, day), e.text
        if e.to_publication or since_day(e):  # "over the past 12 months", "since last Friday": from that close
            start += dt.timedelta(days=1)
    else:
        found = _word_period(clause, q, lo, hi)
        base = base_day(clause, q) if found is None else None
        if found is None and base is None:
            return {}
        if base is not None and base.start_date >= day:  # "5% off its low on Tuesday": not a base before its day
            return {"unsure": _("'{words}' is the figure's own session, not a day before it the move is measured "
                                "from").format(words=base.text)}
        if base is not None:
            words, start, end = base.text, base.start_date + dt.timedelta(days=1), day
        else:
            words = found[1].group()
            start, end = _span_of(found[0], words, day)
    out = {"since": start, "since_rule": _("'{words}': from the last close before {day}").format(
        words=words, day=date_as(start, "date"))}
    if _ROUGH_BOUNDS.match(words):
        out["approximate"] = True  # "rallied 27% in late September": its first and last sessions are not said
    if end < day:
        out.update(day=end, written_day=False)
    return out


def _to_date_start(start: dt.date, day: dt.date) -> dt.date:
    """A period 'to date' that would begin after its session (a story of 2 January about New York's last session of
    the year: "the S&P 500 is up 16.39% year to date"): the same period of the session's year, month or week."""
    if start <= day:
        return start
    if (start.month, start.day) == (1, 1):
        return dt.date(day.year, 1, 1)
    return day.replace(day=1) if start.day == 1 else day - dt.timedelta(days=day.weekday())


_ROUGH_BOUNDS = re.compile(r"(?:in |during )?(?:the )?(?:early|mid|late|the (?:start|end|middle) of)\b", re.IGNORECASE)


def paragraph_period(clause: Clause, clauses) -> DateExpression | None:
    """The period a paragraph opens with, when its first sentence only sets it ("Over the full lunar year, Hong Kong
    equities delivered their strongest performance in nearly a decade."): the period of the paragraph's later
    figures that name no day or period of their own. None otherwise."""
    first = next((c for c in clauses if c.paragraph == clause.paragraph), None)
    if first is None or first.sentence_index == clause.sentence_index:
        return None
    opening = [c for c in clauses if c.sentence_index == first.sentence_index]
    if any(q.kind in ("percent", "points", "level", "money") for c in opening for q in quantities(c.text)):
        return None
    return next((e for e in first.expressions if e.resolved and e.is_range and e.kind in _RANGE_KINDS
                 and not e.fiscal and e.start <= 12), None)


def paragraph_fields(e: DateExpression, day: dt.date) -> dict:
    """``since`` and the period's end of a figure measured over its paragraph's opening period."""
    start = e.start_date + dt.timedelta(days=1) if e.to_publication else e.start_date
    out = {"since": start, "since_rule": _("'{words}' opens its paragraph: from the last close before {day}").format(
        words=e.text, day=date_as(start, "date"))}
    return out | ({"day": e.end_date, "written_day": False} if e.end_date < day else {})
