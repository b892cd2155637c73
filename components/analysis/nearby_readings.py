"""Other readings of a claimed move a reporter may have meant when the figure does not match its own: the session
before or after, the open, high or low, the week, month or year to the session, the period just before a period that
has only begun, a month of a year-long period. One that matches makes the verdict "not sure", naming it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from components.analysis.article_claims import ArticleClaim
from components.analysis.bar_prices import bar_day, move_value
from components.locale import N_, _
from components.locale import formats as F
from components.locale.formats import date_as

JUST_BEGUN = 2  # sessions into a period when "for the year" may still mean the one just ended (on 2 January)
_AGAINST_CLOSE = {"open": N_("the session's open against the previous close"),
                  "high": N_("the day's high against the previous close"),
                  "low": N_("the day's low against the previous close"),
                  "close": N_("the day's close against the previous close")}


_INTRADAY_COLUMN = {"high_move": "high", "high_points": "high", "low_move": "low", "low_points": "low",
                    "open_move": "open", "open_points": "open"}
_NEARBY_INTRADAY = {
    "high": (N_("the previous session's high against its previous close ({day})"),
             N_("the next session's high against its previous close ({day})")),
    "low": (N_("the previous session's low against its previous close ({day})"),
            N_("the next session's low against its previous close ({day})")),
    "open": (N_("the previous session's open against its previous close ({day})"),
             N_("the next session's open against its previous close ({day})"))}


def nearby_moves(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int) -> list[tuple[str, float, bool]]:
    """Other readings of a move a reporter may have meant, each (its name, its value, whether it is read during the
    session rather than at the open)."""
    points = claim.measure.endswith("points")
    out = []

    def add(name: str, first: int, last: int, col: str = "close", during: bool = False) -> None:
        if 0 <= first < len(b) and 0 <= last < len(b) and first < last:
            out.append((name, move_value(b, first, last, col, points)[0], during))

    def day(row: int) -> str:
        return date_as(bar_day(b, row), "weekday_day")

    if claim.measure in ("period", "period_points"):
        _period_readings(claim, b, base, pos, add, day)
        return out
    if pos:
        add(_("the previous session's move ({day})").format(day=day(pos - 1)), pos - 2, pos - 1)
    if pos + 1 < len(b):
        add(_("the next session's move ({day})").format(day=day(pos + 1)), pos, pos + 1)
    col = _INTRADAY_COLUMN.get(claim.measure)
    if col is not None:  # "rallied by 5% intraday" in a story dated the morning after: that session's high
        earlier, later = _NEARBY_INTRADAY[col]
        add(_(earlier).format(day=day(pos - 1)), pos - 2, pos - 1, col, during=col != "open")
        if pos + 1 < len(b):
            add(_(later).format(day=day(pos + 1)), pos, pos + 1, col, during=col != "open")
    for col in ("open", "high", "low", "close"):
        add(_(_AGAINST_CLOSE[col]), base, pos, col, during=col != "open")
    monday = b.index[pos] - pd.Timedelta(days=b.index[pos].weekday())
    week_base = int(b.index.searchsorted(monday, side="left")) - 1
    if week_base >= 0:
        add(_("the week's move"), week_base, pos)
    for first, name in ((b.index[pos].replace(day=1), _("the month's move to this session")),
                        (b.index[pos].replace(month=1, day=1), _("the year's move to this session"))):
        add(name, int(b.index.searchsorted(first, side="left")) - 1, pos)  # "This month it is up 3.10%"
    low = move_value(b, base, pos, "low", points)[0]
    high = move_value(b, base, pos, "high", points)[0]
    target = claim.value * (claim.direction or 1)
    if low <= target <= high and claim.measure in ("day", "points"):
        said = (_("a price reached during the session (the day ranged from {low} to {high})") if points else
                _("a price reached during the session (the day ranged from {low} to {high}%)"))
        out.append((said.format(low=F.plus_minus_number(low, grouping=True),
                                high=F.plus_minus_number(high, grouping=True)), target, True))
    return out


def _period_readings(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int, add: Callable[..., None],
                     day: Callable[[int], str]) -> None:
    """A period's other readings: to the session before, the session alone, as many sessions one later, the next
    week (a recap posted after the week it reports), the period just before one that has only begun, a month of a
    year-long period."""
    if pos:
        add(_("the period up to the session before ({day})").format(day=day(pos - 1)), base, pos - 1)
        if base:  # "climbed 3.1 per cent over the past two weeks" in a story of the Monday that ended the run
            add(_("as many sessions, one session earlier (to {day})").format(day=day(pos - 1)), base - 1, pos - 1)
        if pos - 1 > base:  # a period read where the text meant the day ("The week was volatile. X fell 0.5%.")
            add(_("the session's own move ({day})").format(day=day(pos)), pos - 1, pos)
    counted = claim.since is not None and claim.since.weekday() != 0 and claim.since.day != 1  # not a calendar period
    if counted and pos + 1 < len(b) and pos > base:  # "up 14.7% over the previous 5 trading days": to the story's day
        add(_("as many sessions, one session later (to {day})").format(day=day(pos + 1)), base + 1, pos + 1)
    monday = b.index[pos] - pd.Timedelta(days=b.index[pos].weekday())  # a recap posted after the week it reports
    later = int(b.index.searchsorted(monday + pd.Timedelta(days=14), side="left")) - 1
    first = b.index[min(base + 1, pos)]
    if later > pos and pos - base <= 5:
        add(_("the next week ({day})").format(day=day(later)), pos, later)
    elif later > pos and first.month == b.index[later].month != b.index[base].month:  # the month to date
        add(_("the same period to the end of the next week ({day})").format(day=day(later)), base, later)
    before = _period_before(claim.since, b, base) if pos - base <= JUST_BEGUN else None
    if before is not None:  # "Over the full year, the S&P 500 added 16.4 per cent" on 2 January: the year ended
        add(_("the same period just before it ({first} to {last})").format(
            first=date_as(bar_day(b, before + 1), "date"), last=date_as(bar_day(b, base), "date")), before, base)
    if (b.index[pos] - b.index[base]).days > 200:  # "winning Januarys every year, apart from a 9.2 percent drop
        for start in pd.date_range(b.index[base] + pd.Timedelta(days=1), b.index[pos], freq="MS")[:14]:  # last
            ends = b.index.searchsorted([start, start + pd.offsets.MonthBegin(1)], side="left")  # year": a month
            add(_("the month of {month}").format(month=F.month(start.date())), int(ends[0]) - 1, int(ends[1]) - 1)


def _period_before(since: dt.date | None, b: pd.DataFrame, base: int) -> int | None:
    """The base row of the calendar year, month or week before the one starting ``since`` (None for another start)."""
    if since is None:
        return None
    start = (since.replace(year=since.year - 1) if (since.month, since.day) == (1, 1) else
             (pd.Timestamp(since) - pd.DateOffset(months=1)).date() if since.day == 1 else
             since - dt.timedelta(days=7) if since.weekday() == 0 else None)
    row = int(b.index.searchsorted(pd.Timestamp(start), side="left")) - 1 if start is not None else -1
    return row if 0 <= row < base else None
