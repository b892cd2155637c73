"""Which day a clause of a market report is about: its written day, else the day opening its sentence, the day of the
previous move of its market in its paragraph, the finished period a recap's paragraph reports, or the story's session
(:mod:`components.text.reader` reads the clauses; the rules are in its docstring)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from components.locale import _
from components.locale.formats import date_as
from components.text import clause_parts, moves, periods_of, previews, sections, session_clues, story
from components.text.date_types import DAY_KINDS, DateExpression, one_day
from components.text.entities import Mention
from components.text.figure_periods import PERIOD_KINDS

if TYPE_CHECKING:
    from components.text.reader import _State

MARKET_TZ = {"HK": "Asia/Hong_Kong", "US": "America/New_York", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo"}


def date_of(text: str, expressions: list[DateExpression], dated_move: bool, found: list[Mention], paragraph: int,
             state: _State, spans: list[DateExpression] | None = None, at: int = 0) -> tuple[DateExpression | None,
                                                                                         str, str]:
    """The clause's date expression, the implicit rule ("" when written) and the zone of the day.

    A move over a period keeps its span unless its main part names a day: a day of its subordinate part
    ("rallied 4% last week after Beijing pledged support on Friday") is another event's; the span is the narrowest
    of ``spans``, the ones its figure is measured over."""
    period = bool(spans)
    days = [e for e in expressions if e.resolved and e.kind in DAY_KINDS and not e.is_range]
    if period:
        days = [e for e in days if e.start < clause_parts.main_end(text)]
    days = [e for e in days if not clause_parts.is_comparison(text, e, dated_move or period)]
    chosen = clause_parts.move_day(text, days, at) if dated_move else clause_parts.main_day(text, days)
    if chosen is not None and dated_move and chosen.kind == "weekday" and not moves.says_closed(text):
        chosen = session_clues.trading_weekday(chosen, market_of(text, found, state))
    if chosen is not None:
        return chosen, "", chosen.tz or listing_tz(found, state)
    if dated_move:
        when = clause_parts.when_date(text, days, [e for e in expressions if e.resolved and e.is_range
                                                   and e.kind not in PERIOD_KINDS])
        if when is not None:  # "Shares jumped 5%, when he was seen in Hangzhou in early 2023": that time
            return when, "", when.tz or listing_tz(found, state)
        return implicit_day(text, found, paragraph, state)
    ranges = [e for e in expressions if e.resolved and e.kind not in ("comparison", "session")
              and (e.is_range or e.kind not in DAY_KINDS or e in days)  # a subordinate part's day stays its own
              and not periods_of.covered(text, e) and (period or not clause_parts.in_cause(text, e.start))]
    narrow = spans or [e for e in ranges if e.kind not in PERIOD_KINDS] or ranges
    chosen = min(narrow, key=lambda e: ((e.end_date - e.start_date).days, e.start), default=None)
    now = state.context.now
    if period and chosen is not None and chosen.start_date <= now < chosen.end_date:
        chosen = replace(chosen, end_date=now, rule=_("{rule}, up to the story's day ({day})").format(
            rule=chosen.rule, day=date_as(now, "date")))
    return chosen, "", MARKET_TZ.get(state.context.place, MARKET_TZ["HK"])


def listing_tz(found: list[Mention], state: _State) -> str:
    markets = {f.market for f in found if f.symbol}
    market = next(iter(markets)) if len(markets) == 1 else state.context.place
    return MARKET_TZ.get(market, MARKET_TZ["HK"])


def implicit_day(text: str, found: list[Mention], paragraph: int, state: _State) -> tuple[DateExpression, str, str]:
    """A move without a day: the day opening its sentence, else the last move of its market in the paragraph, else
    the story's session of its market."""
    ctx = state.context
    market = market_of(text, found, state)
    zone, state.follows_move = MARKET_TZ.get(market, MARKET_TZ["HK"]), False
    if state.section is not None:
        return replace(state.section, text="", start=0, end=0), sections.under(state.section), zone
    if state.opening is not None:  # written in its sentence, as the previous move's day is in its paragraph
        state.follows_move, rule = True, _("the day that opens its sentence ('{words}')").format(
            words=state.opening[1].text)
        return replace(state.opening[1], text="", start=0, end=0, rule=rule), rule, zone
    if state.move and state.move[0] == paragraph and state.move[3] in (market, ""):
        _text, date, tz, _part = state.move
        rule = _("the day of the previous move in its paragraph ({words})").format(words=date.text or date.rule)
        state.follows_move = True
        return replace(date, text="", start=0, end=0), rule, tz
    if state.recap and state.recap[0] == paragraph:  # a recap of 2024 in a story of 2 January: the year's moves
        rule = _("the finished period of the move before it in its paragraph ({words})").format(
            words=state.recap[1].text)
        return replace(state.recap[1], text="", start=0, end=0, rule=rule), rule, zone
    ahead = previews.LOOKS_AHEAD.search(text) if state.preview is not None else None
    if ahead and moves.verbal_move(text[:ahead.start()], []) is None:  # "the Nikkei 225 was set to open higher"
        day = state.preview[0]
        rule = _("no date of its own: the session the story looks ahead to ({why})").format(why=state.preview[1])
        return DateExpression("", 0, 0, "implicit", *one_day(day), rule), rule, zone
    day, rule = story.story_day(ctx.place, market, ctx.published, state.session, state.session_rule, state.preview)
    if day < (state.session or ctx.published) and moves.says_closed(text):  # "Tokyo trading was closed for a
        day = state.session or ctx.published  # national holiday": the holiday itself, not the session before it
        rule = _("no date of its own: the story's day, on which the market it names was closed")
    outside = story.extended_day(ctx.place, market, state.session or ctx.published, text, not state.before_open)
    if outside is not None:
        day, rule = outside[0], _("no date of its own: {why}").format(why=outside[1])
    return DateExpression("", 0, 0, "implicit", *one_day(day), rule), rule, zone


def finished(date: DateExpression | None, published: dt.date) -> bool:
    """Whether ``date`` is a calendar period over before publication ("in 2024" in a story of 2 January)."""
    return date is not None and date.is_range and date.start_date.day == 1 and date.end_date < published \
        and not date.fiscal  # a company's fiscal quarter dates its results, never the market's moves


_COMPARED = re.compile(r"\b(?:compared (?:to|with)|than|versus|vs\.?|relative to|against)\s")


def market_of(text: str, found: list[Mention], state: _State) -> str:
    """The market a move is about: the region's, its main part's listings' (named indices without a symbol too),
    else the last listing's, else the story's."""
    place, main = state.context.place, clause_parts.main_end(text)
    if story.asian_move(text, place, found):  # "Asian shares fell on Monday": that day, whichever market was shut
        return story.REGION
    compared = _COMPARED.search(text)  # "... closed down 6.85%, a smaller decline compared to the Hang Seng Index"
    markets = [f.market if f.market in MARKET_TZ or story.is_asian(f.market) else place for f in found
               if f.market and (f.symbol or f.start < main) and not (compared and f.start >= compared.end())]
    if not markets:  # "Mainland Chinese markets were in positive territory": the place named, else the last listing's
        last = state.memory.last_company
        return moves.place_market(text[:main]) or (last.market if last and last.market else place)
    return place if place in markets else markets[0]
