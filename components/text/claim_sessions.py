"""Which session a figure of a claim is about: a day written in the figure's own stretch ("wiping out a 1.3% rise on
Wednesday"), a period it names ("April's 4.3 per cent loss"), its clause's day, the previous move of its paragraph,
else the session the story reports (:meth:`~components.text.reader.Reading.story_day`); "overnight" read for the
writer's side of the world; never the session a preview looks ahead to."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from components.locale import _
from components.locale.formats import date_as
from components.text import claim_periods, clause_parts, figure_days
from components.text import story as story_sessions
from components.text.clause_dates import MARKET_TZ
from components.text.quantities import Quantity
from components.text.reader import Clause, Reading


class Story(Protocol):
    """What a claim's session needs of the text read so far (``claim_reader``'s story)."""

    reading: Reading
    before_open: bool


def _overnight_elsewhere(e, market: str, story: Story) -> tuple[dt.date, str, bool] | None:
    """"Overnight" read for the writer's place, said of a listing of the other side of the world: the writer's night
    is that listing's day. A US listing's "overnight" is its last session before the story's day; an Asian
    listing's is its session of the story's day ("the Hang Seng rose 1.4% overnight" in a New York note)."""
    if e is None or e.kind != "overnight" or MARKET_TZ.get(market) in (None, e.tz):
        return None
    if market == "US":
        return (story_sessions.previous_session("US", story.reading.published),
                _("'{words}' of a US listing: its last session before the story's day").format(words=e.text), False)
    day = story_sessions.last_session(market, story.reading.published)
    return day, _("'{words}' of an Asian listing: its session of the story's day, the writer's night").format(
        words=e.text), False


def session(q: Quantity, clause: Clause, story: Story, market: str) -> tuple[dt.date | None, str, bool]:
    """The session a figure is about (see the module's docstring), the rule, and whether the day was written; in a
    preview, never the session it looks ahead to or a later one ("sits above 18,820 ... likely to open lower on
    Wednesday": Tuesday's close)."""
    day, rule, written = _session_of(q, clause, story, market)
    preview = story.reading.preview
    if preview is not None and day is not None and day >= preview[0]:
        return story_sessions.previous_session(market, preview[0]), _("{rule}; but {preview}").format(
            rule=rule, preview=preview[1]), False
    return day, rule, written


def _session_of(q: Quantity, clause: Clause, story: Story, market: str) -> tuple[dt.date | None, str, bool]:
    period = figure_days.attached_period(clause, q)
    if period is not None and period.start_date <= story.reading.story_day(market)[0]:  # "April's 4.3 per cent loss"
        day = min(period.end_date, story.reading.story_day(market)[0])
        return day, _("'{words}' names the figure's own period, to {day}").format(
            words=period.text, day=date_as(day, "date")), True
    e = claim_periods.own_day(clause, q)
    night = _overnight_elsewhere(e if e is not None else clause.date, market, story)
    if night is not None:
        return night
    if e is not None:
        if story.reading.place in claim_periods.ASIAN and market == "US" and e.start_date == story.reading.published \
                and e.kind != "overnight":
            day, why = story.reading.story_day("US")
            return day, _("'{words}': {rule}; {why}").format(words=e.text, rule=e.rule, why=why), False
        return e.start_date, _("'{words}' in its own words: {rule}").format(words=e.text, rule=e.rule), \
            e.kind != "overnight"
    other_market = (clause.follows_move or bool(clause.implicit)) and MARKET_TZ.get(market, clause.tz) != clause.tz
    based = claim_periods.base_day(clause, q) if q.kind in ("percent", "points") else None
    elsewhere = (clause.date is not None and not clause.implicit
                 and (claim_periods.another_figures(clause, q, clause.date)
                      or (based is not None and based.start == clause.date.start)  # "up 22% since ... on April 2"
                      or q.start < clause_parts.main_end(clause.text) <= clause.date.start))  # a subordinate part's
    if clause.day is not None and not other_market and not elsewhere:  # nor another market's or figure's day
        written = not clause.implicit or clause.follows_move
        rule = clause.implicit or _("'{words}' in its sentence: {rule}").format(words=clause.date.text,
                                                                                rule=clause.date.rule)
        if written and story.reading.place in claim_periods.ASIAN and market == "US" \
                and clause.day == story.reading.published and clause.date.kind != "overnight":
            day, why = story.reading.story_day("US")
            return day, _("{rule}; {why}").format(rule=rule, why=why), False
        return clause.day, rule, written
    day, rule = story.reading.story_day(market)
    if story.before_open and market == "US" and day == story.reading.published:
        day, rule = claim_periods.previous_weekday(day), _("the story was written before the New York session opened, "
                                                           "so its closes are the previous session's")
    return day, rule, False
