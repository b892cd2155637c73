"""Where a figure stands in its clause and the periods it is measured over.

* A move's **figure** is its first price figure or ranking outside an aside ("The stock, which touched its
  highest since 2021, has climbed 60%": the 60%).
* A figure is measured over a **span** in its stretch of the clause ("up 70% so far this year", "a weekly
  gain", "up 23% in 2025": the year running at the story's day), not a ranking's look-back ("highest since
  2021") nor a span another day is nearer to; a day in the figure's own stretch wins ("last night's 3.5% rise
  took this year's advance to 180%": the 3.5% is last night's, the 180% this year's).
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.text import clause_parts, moves, periods_of, quantities
from components.text.date_types import DAY_KINDS, DateExpression
from components.text.quantities import price_figures


def _figures(text: str) -> tuple:
    """A clause's price figures (levels, moves), without its rankings."""
    return tuple(q for q in price_figures(text) if q.kind != "rank")


def _ranks(text: str) -> list:
    return [q for q in price_figures(text) if q.kind == "rank"]


PERIOD_KINDS = ("span", "since")  # a move over one of these is a period statistic
RUNNING_KINDS = ("year", "month", "quarter", "quarter-ref")  # ... and over a year, month or quarter begun by the
# story's day ("up 23% in 2025", "up 3.13% this quarter", "lost 8% in October")


def period_spans(text: str, expressions: list[DateExpression], at: int, now: dt.date) -> list[DateExpression]:
    """The spans a move's figure is measured over ("up 70% so far this year", "up 23% in 2025"): in the figure's
    stretch (or opening the clause), not a ranking's look-back nor a span of another part of the clause ("fell 6%
    after it cut prices for the second time this year"); none when the stretch names a day of its own."""
    lo, hi = clause_parts.segment(text, at)
    if any(e.resolved and e.kind in DAY_KINDS and not e.is_range and lo <= e.start < hi for e in expressions):
        return []  # a move's own day beats a period elsewhere in its stretch ("last night's 3% rise took ...")
    spans = [e for e in expressions if over(e, now) and (lo <= e.start < hi or e.start < 5)  # or opening it
             and not (e.start > at and (clause_parts.in_cause(text, e.start) or _CAUSE_AFTER.search(
                 text, at, e.start)))]  # "... as it recovers from last week's rout": the cause's, not the move's
    ranks = _ranks(text)
    return [s for s in spans if not any(_looks_back(r, s) for r in ranks)]


_A_MARK = re.compile(r"\b(?:peak|highs?|lows?|trough|top|bottom)$", re.IGNORECASE)
_CAUSE_AFTER = re.compile(r"\s(?:as|after|amid|following|while|because)\s")


def _looks_back(rank, e: DateExpression) -> bool:
    """Whether a span is a ranking's look-back ("highest level since late 2021"), not a period a move spans."""
    if rank.look_back:  # read with the ranking ("since late 2021"): only the span it holds
        return rank.start <= e.start < rank.end
    return rank.start <= e.start < rank.end or (rank.end <= e.start and e.start - rank.end < 40)


def over(e: DateExpression, now: dt.date) -> bool:
    """Whether a move can be measured over ``e``: a span, a relative period, or a year, month or quarter that has
    begun ("lost 8% in October", "up 70% so far this year"), never a peak or low named by its month."""
    return e.resolved and (e.kind in PERIOD_KINDS or (e.kind == "relative" and e.is_range) or (
        e.kind in RUNNING_KINDS and e.start_date <= now and not _A_MARK.search(e.text)))  # "its November peak"


def figure_periods(text: str, expressions: list[DateExpression], now: dt.date) -> list[DateExpression]:
    """Every period a figure of the clause is measured over: a span nearer to that figure than any other figure
    and any day ("down 33% over the past 12 months, has shed 8% in the new year" has two; "last night's 3.5% rise
    took this year's advance to 180%" has one, the 180%'s), not a ranking's look-back."""
    spots = [(f.start, f.end) for f in _figures(text)]
    if not spots:
        return []
    days = [e for e in expressions if e.resolved and e.kind in DAY_KINDS and not e.is_range]
    ranks = _ranks(text)
    out = []
    for e in expressions:
        if not over(e, now) or periods_of.covered(text, e) or any(_looks_back(r, e) for r in ranks):
            continue
        near = min(spots, key=lambda f: _gap(f, e.start, e.end))
        if not any(_gap(near, d.start, d.end) < _gap(near, e.start, e.end) for d in days):
            out.append(e)
    return out


def _gap(figure: tuple[int, int], start: int, end: int) -> int:
    return start - figure[1] if start >= figure[1] else figure[0] - end if end <= figure[0] else 0


def main_move_at(text: str, listing_ends: list[int]) -> int | None:
    """Where the clause's move stands, or None: its figure or ranking, unless that is only in a cause part and the
    main part moves in words ("Stocks suffered sharp losses Monday after benchmarks saw their worst week")."""
    at = move_at(text) if quantities.is_move(text) else None
    if at is None or at >= clause_parts.main_end(text):
        said = moves.verbal_move(text, listing_ends, *clause_parts.main_span(text))
        at = said if said is not None else at
    return at


def move_at(text: str) -> int:
    """Where a move's figure (or ranking) stands in its clause."""
    spots = [f.start for f in _figures(text)]
    spots += [r.start for r in _ranks(text)]
    # "The stock, which touched its highest since 2021, has climbed 60%"; a relative part ending the clause ("..., which
    # saw its stock surge 8.75%.") is no aside between commas
    aside = [(a, b) for a, b in clause_parts.asides(text) if text[b - 1:b] == ","]
    main = [at for at in spots if not any(a <= at < b for a, b in aside)]
    return min(main or spots, default=0)


def other_move_day(text: str, days: list[DateExpression], date: DateExpression, at: int) -> tuple[DateExpression,
                                                                                                  str] | None:
    """(day, words) of a second move with its own day in another stretch of the clause ("ended 0.6% weaker, wiping
    out a 1.3% rise on Wednesday": the 1.3% is Wednesday's), or None."""
    own = clause_parts.segment(text, at)
    for f in _figures(text):
        lo, hi = clause_parts.segment(text, f.start)
        if (lo, hi) == own:
            continue
        day = next((e for e in days if lo <= e.start < hi and e.start_date != date.start_date), None)
        if day is not None:
            return day, text[lo:hi].strip(" ,")
    return None


# "a 5% gain for the stretch", "up 14.7% over the course of the rally": a span the reader does not know
_FOR_WHAT = re.compile(r"\s(?:(?:gain|loss|rise|drop|decline|advance|rally|increase|fall|jump|surge|return)s?\s+for\s"
                       r"(?!the (?:day|session)\b|(?:Mon|Tues|Wednes|Thurs|Fri)day\b)(?:the |its |a )?[\w-]+"
                       r"|(?:over|during|across|throughout) (?:the|its|a|this|that) (?!(?:trading )?(?:day|session)\b)"
                       r"[\w-]+(?: [\w-]+){0,5})", re.IGNORECASE)


def unnamed_period(text: str, q) -> str:
    """Why a bare move written "a 5% gain for <something>" or "up 14.7% over the course of the rally" may be over a
    period the reader does not know, or ""."""
    m = _FOR_WHAT.match(text, q.end)
    return _("'{words}' may name a period the reader does not know").format(words=m.group().strip()) if m else ""
