"""Rankings, ranges and streaks of an article's claim computed from one listing's daily bars.

A ranking compares the session with every session of its window ("a three-month high"); a range is the highest high
(lowest low) of a stretch of sessions as a print ("a 52-week high of $230.89"); a streak counts sessions (or weeks) in
a row that moved one way. Moves and levels are :mod:`components.analysis.claim_measures`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from components.analysis.article_claims import (
    MATCHES,
    NEAR_THE,
    NO_MATCH,
    NOT_SURE,
    ONE_OF,
    ArticleClaim,
    ArticleClaimResult,
    judge_level,
    not_sure,
    uncheckable,
)
from components.analysis.claim_measures import bar_day, basis_of, price, result_of, session_of
from components.analysis.claims import Figure, Unavailable
from components.data.basis import BASIS_WORDS, PRINT, split_scale
from components.locale import N_, Nn_, _, ngettext
from components.locale import formats as F
from components.locale.formats import date_as


def check_rank(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """The session's close (or move) beyond every one of its window: from ``since`` (or the data start, for a
    record) to the session before."""
    pos = session_of(claim, b)
    values, what = _rank_values(claim, b)
    if pd.isna(values.iloc[pos]):
        raise Unavailable(_("there is no close before the session to measure its move (before the data starts)"))
    now, session, start = float(values.iloc[pos]), bar_day(b, pos), b.index[0].date()
    if claim.since is None or claim.since < start:
        return uncheckable(claim, _("it reaches back before the data start ({symbol} from {first}), so the data cannot "
                                    "show it (before the data starts)").format(symbol=claim.symbol,
                                                                              first=date_as(start, "date")),
                           symbol=claim.symbol, base=start, session=session)
    window = _window(claim, values, pos)
    sign = claim.sign or (-1 if not (window <= now).any() else 1)  # "a level not seen since": either way
    beyond = window[window >= now] if sign > 0 else window[window <= now]
    shown = F.plus_minus_percent(now / 100) if what != "close" else F.fixed_number(now)
    fig = Figure("rank", _("{symbol} {what} on the session").format(symbol=claim.symbol, what=_(_RANKED[what])), now,
                 claim.symbol, (session,), (now,), basis_of(claim.symbol))
    text = _("{symbol}'s {what} on {day} was {value}.").format(symbol=claim.symbol, what=_(_RANKED[what]),
                                                               day=date_as(session, "weekday_date"), value=shown)
    since = date_as(claim.since, "date")
    if claim.nth >= 2:  # "the fourth highest close this year": exactly three closes of the window beyond it
        return result_of(claim, _nth(claim, window, now, since), text, [fig], claim.since, session)
    if len(beyond):
        last = beyond.index[-1].date()
        said = (_("it was higher or equal on {day} ({value}), after {since}") if sign > 0 else
                _("it was lower or equal on {day} ({value}), after {since}"))
        verdict = (NO_MATCH, said.format(day=date_as(last, "date"), value=F.fixed_number(float(beyond.iloc[-1])),
                                         since=since))
        fuzzy = NEAR_ZONE if claim.qualifier in _NEARLY else APPROXIMATE_ZONE if claim.approximate else 0
        if (last - claim.since).days < (session - claim.since).days * fuzzy:
            verdict = (NOT_SURE, (_("{why}; from {day} on none was: a look-back said to be nearly so long is "
                                    "approximate, and the article may mean it") if claim.qualifier in _NEARLY else
                                  _("{why}; from {day} on none was: a look-back said in months or years is "
                                    "approximate, and the article may mean it")).format(
                why=verdict[1], day=date_as(last + dt.timedelta(days=1), "date")))
        gap = abs(now / float(window.max() if sign > 0 else window.min()) - 1)
        if verdict[0] == NO_MATCH and claim.qualifier == NEAR_THE and gap <= NEAR_VALUE:  # "to near the lowest"
            verdict = (NOT_SURE, _("{why}; but it was within {gap} of that, and 'near' does not say how near").format(
                why=verdict[1], gap=F.signed_percent(gap).lstrip("+")))
        if verdict[0] == NO_MATCH and claim.qualifier == ONE_OF:
            verdict = (NOT_SURE, _("{why}; but 'one of' does not say among how many").format(why=verdict[1]))
        if verdict[0] == NO_MATCH:
            verdict = _intraday_extreme(dataclasses.replace(claim, sign=sign), b, pos, verdict)
        if verdict[0] == NO_MATCH:
            verdict = _next_door(claim, values, pos, sign, verdict)
    else:
        said = (_("no session from {since} was higher or equal") if sign > 0 else
                _("no session from {since} was lower or equal"))
        verdict = (MATCHES, said.format(since=since))
    return result_of(claim, verdict, text, [fig], claim.since, session)


def _window(claim: ArticleClaim, values: pd.Series, pos: int) -> pd.Series:
    """The values a ranking on the session at ``pos`` is measured against: from its window's first day to the session
    before."""
    window = values.iloc[:pos]
    return window[window.index >= pd.Timestamp(_since(claim, values.index[pos].date()))].dropna()


def _next_door(claim: ArticleClaim, values: pd.Series, pos: int, sign: int,
               verdict: tuple[str, str]) -> tuple[str, str]:
    """A ranking without a day of its own that fails on the session it was given but holds on the session before
    ("registered its biggest fall since January 10" in a story dated the morning after): the article may mean it."""
    for row in (pos - 1,) if not claim.written_day else ():
        if row <= 0 or pd.isna(values.iloc[row]):
            continue
        now, window = float(values.iloc[row]), _window(claim, values, row)
        if len(window) and not (window >= now if sign > 0 else window <= now).any():
            return NOT_SURE, _("{why}; but on {day} it held ({value}): the article may mean that session").format(
                why=verdict[1], day=date_as(values.index[row].date(), "weekday_date"),
                value=F.fixed_number(now))
    return verdict


def _nth(claim: ArticleClaim, window: pd.Series, now: float, since: str) -> tuple[str, str]:
    """The verdict on an ordinal ranking: how many of the window were strictly beyond the session."""
    ahead = int((window > now).sum() if claim.sign > 0 else (window < now).sum())
    said = (ngettext("{count} session from {since} was higher, so it ranks number {rank}",
                     "{count} sessions from {since} were higher, so it ranks number {rank}", ahead) if claim.sign > 0
            else ngettext("{count} session from {since} was lower, so it ranks number {rank}",
                          "{count} sessions from {since} were lower, so it ranks number {rank}", ahead)).format(
        count=ahead, since=since, rank=ahead + 1)
    return (MATCHES if ahead + 1 == claim.nth else NO_MATCH), said


# what a ranking compares, as the explanation names it
_RANKED = {"daily move": N_("daily move"), "week's move": N_("week's move"), "month's move": N_("month's move"),
           "year's move": N_("year's move"), "quarter's move": N_("quarter's move"), "close": N_("close")}


NEAR_VALUE = 0.03  # "near the lowest since October 2022": within this share of the window's extreme
NEAR_WINDOW = 0.8  # "a near three-month high": beyond every session of at least this share of the three months
# where a session beyond the claim leaves the verdict open, as a share of the window from its far end: a look-back in
# months or years is approximate ("its biggest fall in three months"), one said to be nearly so long more so ("the
# biggest jump in almost two weeks": a bigger one ten days before is what the reporter counted)
APPROXIMATE_ZONE, NEAR_ZONE = 0.1, 0.35
_NEARLY = ("nearly", "near", "almost", "close to")


def _since(claim: ArticleClaim, session: dt.date) -> dt.date:
    """The first day a ranking's window must cover: its ``since``, or for a look-back said to be nearly so long
    ("a near three-month high") a little later."""
    if claim.qualifier in _NEARLY and claim.since is not None:
        return session - (session - claim.since) * NEAR_WINDOW
    return claim.since


def _intraday_extreme(claim: ArticleClaim, b: pd.DataFrame, pos: int, verdict: tuple[str, str]) -> tuple[str, str]:
    """"Hit a three-month high" may mean a price reached during the session: when the session's high (low) is beyond
    every high (low) of the window, the verdict is 'not sure' naming it."""
    col = "high" if claim.sign > 0 else "low"
    if claim.rank_of != "close" or col not in b or pd.isna(b[col].iloc[pos]):
        return verdict
    window = _window(claim, b[col], pos)
    now = float(b[col].iloc[pos])
    if len(window) and (now > window.max() if claim.sign > 0 else now < window.min()):
        said = (_("{why}; but the session's high ({value}) was beyond every high from {since}: the article may mean a "
                  "price reached during the session") if col == "high" else
                _("{why}; but the session's low ({value}) was beyond every low from {since}: the article may mean a "
                  "price reached during the session"))
        return NOT_SURE, said.format(why=verdict[1], value=F.fixed_number(now), since=date_as(claim.since, "date"))
    return verdict


def _rank_values(claim: ArticleClaim, b: pd.DataFrame) -> tuple[pd.Series, str]:
    if claim.rank_of == "move":
        return b["close"].pct_change() * 100, "daily move"
    if claim.rank_of.endswith("_move"):
        unit = claim.rank_of.split("_")[0][0].upper()
        period = {"W": "W-FRI", "M": "ME", "Y": "YE", "Q": "QE"}[unit]
        closes = b["close"].resample(period).last().dropna()
        moves = closes.pct_change() * 100
        return moves.reindex(b.index, method="bfill"), f"{claim.rank_of.split('_')[0]}'s move"  # a key of _RANKED
    prints = b["raw_close"]
    return (prints if prints.notna().all() else b["close"]), "close"


def check_range(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """The highest high (lowest low) from ``since`` to the session, as a print: "a 52-week high of $230.89"."""
    pos = session_of(claim, b)
    start, session = b.index[0].date(), bar_day(b, pos)
    if claim.since is None:  # "its 2023 closing low of 3808.10": the words name no stretch the reader could place
        return not_sure(claim, _("the text does not say which sessions '{words}' spans").format(words=claim.quote),
                        symbol=claim.symbol, session=session)
    if claim.since < start:
        return uncheckable(claim, _("it reaches back before the data start ({symbol} from {first}) (before the data "
                                    "starts)").format(symbol=claim.symbol, first=date_as(start, "date")),
                           symbol=claim.symbol, base=start, session=session)
    col = "high" if claim.measure == "range_high" else "low"
    rows = [i for i in range(pos + 1) if b.index[i] >= pd.Timestamp(claim.since)]
    values = [(price(b, i, col)[0], i) for i in rows]
    value, at = max(values) if col == "high" else min(values)
    claimed = claim.value / split_scale(claim.symbol, session) if claim.value else claim.value
    label = _("{symbol} high over the sessions") if col == "high" else _("{symbol} low over the sessions")
    fig = Figure(claim.measure, label.format(symbol=claim.symbol), value, claim.symbol, (bar_day(b, at),),
                 (value,), _(BASIS_WORDS[PRINT]) if price(b, at, col)[1] else basis_of(claim.symbol))
    said = (_("{symbol}'s highest high from {since} to {session} was {value}, on {day}.") if col == "high" else
            _("{symbol}'s lowest low from {since} to {session} was {value}, on {day}."))
    text = said.format(symbol=claim.symbol, since=date_as(claim.since, "date"), session=date_as(session, "date"),
                       value=F.fixed_number(value), day=date_as(bar_day(b, at), "weekday_date"))
    verdict = judge_level(value, claimed, claim.qualifier, claim.decimals)
    closes = [(price(b, i, "close")[0], i) for i in rows]
    close, close_at = max(closes) if col == "high" else min(closes)
    if verdict[0] == NO_MATCH and judge_level(close, claimed, claim.qualifier, claim.decimals)[0] == MATCHES:
        said = (_("{why}; but the highest close, {value} on {day}, matches: the article may mean it") if col == "high"
                else _("{why}; but the lowest close, {value} on {day}, matches: the article may mean it"))
        verdict = NOT_SURE, said.format(why=verdict[1], value=F.fixed_number(close),
                                        day=date_as(bar_day(b, close_at), "weekday_date"))
    return result_of(claim, verdict, text, [fig], claim.since, session)


# a run of weeks, months, quarters or years: each period's last close against the one before (the first period of
# the data has none, so it never counts)
_PERIOD_ENDS = {"week": "W-FRI", "month": "ME", "quarter": "QE", "year": "YE"}


def check_streak(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """``count`` sessions (or weeks) in a row moved ``sign``, ending on the session."""
    pos = session_of(claim, b)
    if not claim.sign:  # "a run of six sessions" without up or down: no way to count it
        return result_of(claim, (NOT_SURE, _("the text does not say whether the run went up or down")), "", [],
                         bar_day(b, pos), bar_day(b, pos))
    rule = _PERIOD_ENDS.get(claim.unit)
    closes = b["close"] if rule is None else b["close"].resample(rule).last().dropna()
    at = pos if rule is None else int(closes.index.searchsorted(b.index[pos], side="left"))
    at = min(at, len(closes) - 1)
    moves = closes.diff()
    if at - claim.count < (0 if rule is None else 1):  # the run would reach back before the data's first period
        return uncheckable(claim, _("it reaches back before the data start ({symbol} from {first}) (before the data "
                                    "starts)").format(symbol=claim.symbol, first=date_as(b.index[0].date(), "date")),
                           symbol=claim.symbol, base=b.index[0].date(), session=bar_day(b, pos))

    def run_to(end: int) -> int:
        run = 0
        while 0 <= end and end - run >= 1 and moves.iloc[end - run] * claim.sign > 0:
            run += 1
        return run

    run = run_to(at)
    session = bar_day(b, pos)
    fig = Figure("streak", _(_STREAK_LABELS[claim.unit]).format(symbol=claim.symbol), float(run), claim.symbol,
                 (session,), (), basis_of(claim.symbol))
    text = ngettext(*_STREAK_WORDS[claim.unit, claim.sign > 0], run).format(
        symbol=claim.symbol, count=run, day=date_as(session, "weekday_date"))
    verdict = (MATCHES, _("{count} in a row").format(count=run)) if run == claim.count else (
        NO_MATCH, _("{count} in a row, not {claimed}").format(count=run, claimed=claim.count))
    near = next((end for end in (at - 1, at + 1) if end < len(closes) and run_to(end) == claim.count), None)
    if verdict[0] == NO_MATCH and near is not None:  # "when the market rose for four straight days": another time
        verdict = NOT_SURE, _("{why}; but the run ending {day} was {count} in a row, which matches: the article may "
                              "mean it").format(why=verdict[1], day=date_as(closes.index[near].date(), "weekday_date"),
                                                count=claim.count)
    return result_of(claim, verdict, text, [fig], session, session)




# a streak's sentence by (unit, up), with {symbol}, {count} and {day}; and its figure label
_STREAK_WORDS = {
    ("session", True): Nn_("{symbol} closed up {count} session in a row up to {day}.",
                           "{symbol} closed up {count} sessions in a row up to {day}."),
    ("session", False): Nn_("{symbol} closed down {count} session in a row up to {day}.",
                            "{symbol} closed down {count} sessions in a row up to {day}."),
    ("week", True): Nn_("{symbol} closed up {count} week in a row up to {day}.",
                        "{symbol} closed up {count} weeks in a row up to {day}."),
    ("week", False): Nn_("{symbol} closed down {count} week in a row up to {day}.",
                         "{symbol} closed down {count} weeks in a row up to {day}."),
    ("month", True): Nn_("{symbol} closed up {count} month in a row up to {day}.",
                         "{symbol} closed up {count} months in a row up to {day}."),
    ("month", False): Nn_("{symbol} closed down {count} month in a row up to {day}.",
                          "{symbol} closed down {count} months in a row up to {day}."),
    ("quarter", True): Nn_("{symbol} closed up {count} quarter in a row up to {day}.",
                           "{symbol} closed up {count} quarters in a row up to {day}."),
    ("quarter", False): Nn_("{symbol} closed down {count} quarter in a row up to {day}.",
                            "{symbol} closed down {count} quarters in a row up to {day}."),
    ("year", True): Nn_("{symbol} closed up {count} year in a row up to {day}.",
                        "{symbol} closed up {count} years in a row up to {day}."),
    ("year", False): Nn_("{symbol} closed down {count} year in a row up to {day}.",
                         "{symbol} closed down {count} years in a row up to {day}."),
}
_STREAK_LABELS = {"session": N_("{symbol} sessions in a row"), "week": N_("{symbol} weeks in a row"),
                  "month": N_("{symbol} months in a row"), "quarter": N_("{symbol} quarters in a row"),
                  "year": N_("{symbol} years in a row")}


__all__ = ["check_range", "check_rank", "check_streak"]
