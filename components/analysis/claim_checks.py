"""Checking an article's numeric claims against daily prices: sessions, figures and verdicts.

Each :class:`~components.analysis.article_claims.ArticleClaim` names a listing and a day. The
session checked is that listing's own trading day, from the price frame: the day itself when the
text writes it (a market closed that day makes the claim uncheckable, never moved to another day),
or the last session on or before it when the day was implied. A day move is measured close to close
from the previous session; "opened 10% higher" from the previous close to the open; "as much as"
to the day's high (or low). A period ("so far this year") runs from the last close before it
starts to the session's close. A ranking ("highest since March", "biggest one-day gain since
September last year") holds when no earlier session after its boundary closed (or moved) at least
as far; when the data start after the boundary and show no such session, it is uncheckable.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from components.analysis.article_claims import (
    MATCHES,
    NO_MATCH,
    ROUGHLY,
    UNCHECKABLE,
    ArticleClaim,
    ArticleClaimResult,
    judge,
    judge_adjusted_level,
    judge_level,
    uncheckable,
)
from components.analysis.claims import Figure
from components.data.basis import BASIS_WORDS, PRINT, split_scale, unknown_bound
from components.data.symbols import InvalidSymbol, level_label, symbol_info
from components.facts import MAX_GAP_DAYS, MAX_SYMBOLS


class _Unavailable(Exception):
    """The data cannot answer the claim; the message says why."""


def bars_by_symbol(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Open, high, low, close (adjusted) and the close's print per symbol, by trading date (tz-naive), sorted."""
    out = {}
    for symbol, rows in frame.groupby("symbol", sort=False):
        index = pd.DatetimeIndex(pd.to_datetime(rows["date"])).normalize()
        bars = pd.DataFrame({c: rows[c].to_numpy(float) if c in rows else np.nan
                             for c in ("open", "high", "low", "close", "raw_close")}, index=index)
        out[str(symbol)] = bars[~bars.index.duplicated()].sort_index()
    return out


def checked_symbols(claims: list[ArticleClaim]) -> list[str]:
    """The listings a text's claims name, in order, at most MAX_SYMBOLS: the prices fetched to check them."""
    return list(dict.fromkeys(c.symbol for c in claims if c.symbol))[:MAX_SYMBOLS]


def check_named(claims: list[ArticleClaim], frame: pd.DataFrame) -> list[ArticleClaimResult]:
    """:func:`check_claims` on the prices of :func:`checked_symbols` only (a listing past the cap is uncheckable)."""
    return check_claims(claims, frame[frame["symbol"].isin(checked_symbols(claims))])


def check_claims(claims: list[ArticleClaim], frame: pd.DataFrame) -> list[ArticleClaimResult]:
    """Every claim in; one result each, in the same order (see the module's docstring)."""
    bars = bars_by_symbol(frame)
    return [check_claim(claim, bars) for claim in claims]


def check_claim(claim: ArticleClaim, bars: dict[str, pd.DataFrame]) -> ArticleClaimResult:
    if claim.measure in ("fundamental", "other"):
        return uncheckable(claim, claim.reason or "not a price")
    if not claim.symbol:
        return uncheckable(claim, claim.reason or "no listing is named for this figure")
    b = bars.get(claim.symbol)
    if b is None or b.empty:
        return uncheckable(claim, f"{claim.symbol} is not in the data (symbol not in the data)", symbol=claim.symbol)
    if claim.day is None:
        return uncheckable(claim, "the text gives no day for this figure", symbol=claim.symbol)
    first, last = b.index[0].date(), b.index[-1].date()
    if claim.day < first:
        return uncheckable(claim, f"{claim.day} is before the data start ({claim.symbol} from {first})",
                           symbol=claim.symbol)
    if claim.day > last:
        return uncheckable(claim, f"{claim.day} is after the data end ({claim.symbol} to {last})", symbol=claim.symbol)
    if claim.measure == "extended":
        return uncheckable(claim, "a premarket or after-hours price: daily bars hold the regular session's open, "
                           "high, low and close only", symbol=claim.symbol)
    try:
        return _MEASURES[claim.measure](claim, b)
    except _Unavailable as exc:
        return uncheckable(claim, str(exc), symbol=claim.symbol)


def _basis(symbol: str) -> str:
    try:
        return symbol_info(symbol).basis_label
    except InvalidSymbol:
        return ""


def _position(claim: ArticleClaim, b: pd.DataFrame) -> int:
    stamp = pd.Timestamp(claim.day)
    if claim.written_day:
        if stamp not in b.index:
            raise _Unavailable(f"{claim.symbol} has no session on {claim.day:%a %d %b %Y} (its market was closed)")
        return int(b.index.get_loc(stamp))
    pos = int(b.index.searchsorted(stamp, side="right")) - 1
    if pos < 0:
        raise _Unavailable(f"{claim.symbol} has no session on or before {claim.day}")
    return pos


def _previous(claim: ArticleClaim, b: pd.DataFrame, pos: int) -> int:
    if pos == 0:
        raise _Unavailable(f"the data start on {b.index[0]:%Y-%m-%d}, so there is no close before it (before the data "
                           "starts)")
    gap = (b.index[pos] - b.index[pos - 1]).days
    if gap > MAX_GAP_DAYS:
        raise _Unavailable(f"{claim.symbol}'s data have a gap of {gap} days before {b.index[pos]:%Y-%m-%d}")
    return pos - 1


def _day(b: pd.DataFrame, pos: int) -> dt.date:
    return b.index[pos].date()


def _move_figure(key: str, label: str, claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int,
                 base_col: str = "close", col: str = "close") -> Figure:
    first, last = float(b[base_col].iloc[base]), float(b[col].iloc[pos])
    return Figure(key, label, last / first - 1.0, claim.symbol, (_day(b, base), _day(b, pos)), (first, last),
                  _basis(claim.symbol))


def _result(claim: ArticleClaim, verdict_why: tuple[str, str], text: str, figures: list[Figure], base: dt.date,
            session: dt.date) -> ArticleClaimResult:
    verdict, why = verdict_why
    return ArticleClaimResult(claim, verdict, f"{text} Claimed: {claim.claimed}; {why}.", tuple(figures),
                              symbol=claim.symbol, base=base, session=session)


def _day_move(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    pos = _position(claim, b)
    prev = _previous(claim, b, pos)
    close = _move_figure("close", f"{claim.symbol} close to close", claim, b, prev, pos)
    extreme_col = "low" if claim.direction < 0 else "high"
    extreme = _move_figure("intraday", f"{claim.symbol} previous close to the day's {extreme_col}", claim, b, prev,
                           pos, col=extreme_col)
    first = (extreme, close) if claim.measure == "intraday" else (close, extreme)
    verdict = judge(first[0].value * 100, claim.value, claim.qualifier, claim.direction, claim.decimals)
    text = (f"{claim.symbol} closed at {close.closes[1]:,.2f} on {close.dates[1]:%a %d %b %Y} against "
            f"{close.closes[0]:,.2f} on {close.dates[0]:%a %d %b}: {close.value:+.2%}; its {extreme_col} was "
            f"{extreme.closes[1]:,.2f} ({extreme.value:+.2%}).")
    if verdict[0] != MATCHES and not claim.closing:
        other = judge(first[1].value * 100, claim.value, claim.qualifier, claim.direction, claim.decimals)
        if other[0] == MATCHES and claim.measure != "intraday":
            verdict = (ROUGHLY, f"the close ({close.value:+.2%}) does not bear it out; the figure was reached only "
                                f"intraday ({extreme.value:+.2%} at the {extreme_col})")
        elif other[0] == MATCHES:
            verdict = (MATCHES, f"the close ({close.value:+.2%}) bears it out")
    return _result(claim, verdict, text, [close, extreme], close.dates[0], close.dates[1])


def _open_move(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    pos = _position(claim, b)
    prev = _previous(claim, b, pos)
    fig = _move_figure("open", f"{claim.symbol} previous close to the open", claim, b, prev, pos, col="open")
    text = (f"{claim.symbol} opened at {fig.closes[1]:,.2f} on {fig.dates[1]:%a %d %b %Y} against the previous close "
            f"of {fig.closes[0]:,.2f}: {fig.value:+.2%}.")
    verdict = judge(fig.value * 100, claim.value, claim.qualifier, claim.direction, claim.decimals)
    return _result(claim, verdict, text, [fig], fig.dates[0], fig.dates[1])


def _points(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    pos = _position(claim, b)
    prev = _previous(claim, b, pos)
    first, last = float(b["close"].iloc[prev]), float(b["close"].iloc[pos])
    fig = Figure("points", f"{claim.symbol} change in points", last - first, claim.symbol,
                 (_day(b, prev), _day(b, pos)), (first, last), _basis(claim.symbol))
    text = f"{claim.symbol} went from {first:,.2f} to {last:,.2f} on {fig.dates[1]:%a %d %b %Y}: {last - first:+,.2f}."
    verdict = judge(last - first, claim.value, claim.qualifier, claim.direction, claim.decimals)
    return _result(claim, verdict, text, [fig], fig.dates[0], fig.dates[1])


def _level(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """A level is a print: checked against the exchange's close, or, where the data hold only the adjusted
    close, against the band the dividend adjustment allows."""
    pos = _position(claim, b)
    adjusted, printed = float(b["close"].iloc[pos]), float(b["raw_close"].iloc[pos])
    day = _day(b, pos)
    claimed = claim.value / split_scale(claim.symbol, day) if claim.value else claim.value
    known = printed == printed
    value = printed if known else adjusted
    fig = Figure("level", f"{claim.symbol} close", value, claim.symbol, (day,), (value,),
                 BASIS_WORDS[PRINT] if known else _basis(claim.symbol))
    if known:
        text = f"{claim.symbol} closed at {level_label(adjusted, claim.symbol, printed)} on {day:%a %d %b %Y}."
        verdict = judge_level(printed, claimed, claim.qualifier, claim.decimals)
    else:
        bound = unknown_bound(claim.symbol)
        text = (f"{claim.symbol}'s dividend-adjusted close on {day:%a %d %b %Y} was {adjusted:,.2f}; the data do not "
                f"hold the exchange's print, which is higher by the dividends paid since (for {claim.symbol} at most "
                f"about {bound:.0%}).")
        verdict = judge_adjusted_level(adjusted, claimed, bound, claim.qualifier, claim.decimals)
    if claimed != claim.value:
        text += f" The figure was written before a share split: {claim.value:,.2f} is {claimed:,.2f} today."
    return _result(claim, verdict, text, [fig], day, day)


def _period(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    pos = _position(claim, b)
    base = int(b.index.searchsorted(pd.Timestamp(claim.since), side="left")) - 1
    if base < 0:
        raise _Unavailable(f"the period starts {claim.since}, before the data start ({b.index[0]:%Y-%m-%d}) (before "
                           "the data starts)")
    fig = _move_figure("period", f"{claim.symbol} from the last close before {claim.since}", claim, b, base, pos)
    text = (f"{claim.symbol} went from {fig.closes[0]:,.2f} on {fig.dates[0]} (the last close before the period, "
            f"{claim.since_rule}) to {fig.closes[1]:,.2f} on {fig.dates[1]}: {fig.value:+.2%}.")
    verdict = judge(fig.value * 100, claim.value, claim.qualifier, claim.direction, claim.decimals)
    return _result(claim, verdict, text, [fig], fig.dates[0], fig.dates[1])


def _rank(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    pos = _position(claim, b)
    if claim.measure == "rank_return":
        values, what = b["close"].pct_change(), "daily move"
        if pos == 0 or pd.isna(values.iloc[pos]):
            raise _Unavailable("there is no close before the session to measure its move (before the data starts)")
    else:
        values, what = b["close"], "close"
    now, earlier = float(values.iloc[pos]), values.iloc[:pos].dropna()
    beyond = earlier[earlier >= now] if claim.sign > 0 else earlier[earlier <= now]
    last = beyond.index[-1].date() if len(beyond) else None
    start, session, word = b.index[0].date(), _day(b, pos), "higher" if claim.sign > 0 else "lower"
    shown = f"{now:+.2%}" if claim.measure == "rank_return" else f"{now:,.2f}"
    text = f"{claim.symbol}'s {what} on {session:%a %d %b %Y} was {shown}."
    fig = Figure(claim.measure, f"{claim.symbol} {what} on the session", now, claim.symbol, (session,),
                 (float(b["close"].iloc[pos]),), _basis(claim.symbol))
    boundary = claim.since
    if last is not None and (boundary is None or last > boundary):
        verdict = (NO_MATCH, f"the last {word} or equal {what} was on {last} ({_shown(values, last, claim)})")
    elif last is None and (boundary is None or start > boundary):
        return ArticleClaimResult(claim, UNCHECKABLE, text + f" No earlier {what} in the data (from {start}) was "
                                  f"{word}, but the claim reaches back before the data start.",
                                  (fig,), f"before the data starts ({claim.symbol} from {start})", claim.symbol,
                                  start, session)
    else:
        found = f"the last {word} or equal one was on {last}" if last else f"none in the data, which start {start}"
        verdict = (MATCHES, f"no {what} after {boundary} was {word} or equal; {found}")
    return _result(claim, verdict, text, [fig], last or start, session)


def _shown(values: pd.Series, day: dt.date, claim: ArticleClaim) -> str:
    value = float(values.loc[pd.Timestamp(day)])
    return f"{value:+.2%}" if claim.measure == "rank_return" else f"{value:,.2f}"


_MEASURES = {"day": _day_move, "intraday": _day_move, "open": _open_move, "points": _points, "level": _level,
             "period": _period, "rank_level": _rank, "rank_return": _rank}
