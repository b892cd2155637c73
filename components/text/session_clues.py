"""The story's session read from the whole text, when neither its dateline nor its lead gives one.

A US story dated a day whose session it never names, whose moves are dated only to the session before
("Healthcare names were broadly lower on Tuesday" in a story dated Wednesday: written that morning in Sydney,
Mumbai or Hong Kong, before New York opened), reports that session: its figures without a day of their own
belong to it, not to the publication day's session, which had not traded yet. A story that names its
publication day ("on Wednesday", "today") anywhere keeps it.

A move's weekday that was a holiday of its market is that market's last session before it (:func:`trading_weekday`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from components.locale import _
from components.locale.formats import date_as
from components.text import lexicon, story
from components.text.date_types import DateExpression

_DAYS = ("weekday", "relative")  # the written days that say which session a story reports
_PLACES = ("US",)  # a story dated before its own market opened: New York's, read in Asia the next morning
_MOVED = lexicon.patterns((lexicon.COPULA_MOVES,))  # "Healthcare names were broadly lower on Tuesday": a move


def later_session(clauses, published: dt.date, place: str, session: dt.date | None) -> tuple[dt.date, str] | None:
    """The session before ``published`` and why, when the story's dated moves of its own market are all of that
    session, it never names its publication day and a figure was given the publication day by a first reading
    (``clauses``; ``session``: the session its lead gave, after that figure was read); else None."""
    if place not in _PLACES or not story.is_weekday_session(place, published):
        return None
    before, dated = story.previous_session(place, published), None
    if session not in (None, before) or not any(c.implicit and c.day == published for c in clauses):
        return None
    for clause in clauses:
        if any(e.resolved and not e.is_range and e.kind in _DAYS and e.start_date == published
               for e in clause.expressions):
            return None
        if _dated_move(clause, place):
            if clause.day != before:
                return None
            dated = dated or clause
    if dated is None:
        return None
    return before, _("its moves are dated {day} ('{words}') and it never names its own date's session, which had not "
                     "traded when it was written").format(day=date_as(before, "weekday_day"), words=dated.date.text)


def _dated_move(clause, place: str) -> bool:
    """Whether the clause is a move of ``place``'s market with a weekday written for it."""
    written = clause.date is not None and not clause.implicit and clause.date.kind == "weekday"
    return (written and not clause.date.is_range and not clause.period_statistic
            and (clause.move or _MOVED.search(clause.text) is not None)
            and all(m.market in ("", place) for m in clause.listings))


def trading_weekday(e: DateExpression, market: str) -> DateExpression:
    """A move's weekday that was a holiday of its market: the trading day the story means, its last session."""
    day = story.last_session(market, e.start_date)
    if day == e.start_date:
        return e
    return replace(e, start_date=day, end_date=day, rule=_("{rule}; {day} was a holiday of the {market} market, so its "
                                                          "last session before it").format(
        rule=e.rule, day=date_as(e.start_date, "weekday_day"), market=market))
