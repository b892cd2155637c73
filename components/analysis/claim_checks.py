"""Checking an article's numeric claims against daily prices: sessions, figures, verdicts and nearby readings.

Each :class:`~components.analysis.article_claims.ArticleClaim` names a listing, a session and a measure. The
session is that listing's own trading day: the day itself when the text writes it (a market closed that day
makes the claim uncheckable, never moved to another day), or the last session on or before it when the day came
from context. Moves are returns on the dividend-adjusted closes (total return), as every return in the app; levels
and changes in points are on the exchange's prints where the data hold them (see :mod:`components.data.basis`).

"Does not match" is said only when no **nearby reading** matches either: the previous or the next session's
move, the open, the day's high or low, a price reached during the session, the week's move, a period counted from
one session later, and for a week's figure the next week (a recap posted after the week it reports says "last
week"). When one does, the verdict is "not sure" and says which: the article may mean it. A level far from every
price of its listing near the session is another listing's, one the text does not name there: its sentence's
verdicts on that listing are "not sure". So is a figure that does not match while its own sentence gives another,
different figure for the same listing, measure and session: both cannot be true, so one of them is not what the
reader took it for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.analysis.article_claims import (
    MATCHES,
    NO_MATCH,
    NOT_SURE,
    ROUGHLY,
    ArticleClaim,
    ArticleClaimResult,
    judge,
    not_sure,
    uncheckable,
)
from components.analysis.claim_measures import (
    LEVELS,
    MOVES,
    RANK_LIKE,
    check_level,
    check_move,
)
from components.analysis.claim_ranks import check_range, check_rank, check_streak
from components.analysis.claims import Figure, Unavailable
from components.data.basis import split_scale
from components.facts import MAX_SYMBOLS
from components.locale import _
from components.locale import formats as F
from components.locale.formats import date_as

__all__ = ["bars_by_symbol", "checked_symbols", "check_named", "check_claims", "check_claim", "Figure", "judge",
           "MATCHES", "NO_MATCH", "ROUGHLY"]


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
    return _two_figures_for_one(_another_listing([check_claim(claim, bars) for claim in claims], bars))


FAR_LEVEL = 0.7  # a level below this share of the session's close, or above its inverse, is not that listing's


def _another_listing(results: list[ArticleClaimResult], bars: dict[str, pd.DataFrame]) -> list[ArticleClaimResult]:
    """A level far from every price of its listing near the session ("It rose 4.58% to 4427.17 points" read as the
    Hang Seng Index at 20,793) is another listing's, one the text does not name there: that level and every verdict
    on the same listing in its sentence are 'not sure', saying why."""
    far = {}
    for r in results:
        c, b = r.claim, bars.get(r.claim.symbol or "")
        if c.measure not in LEVELS or b is None or c.day is None or r.verdict not in (MATCHES, ROUGHLY, NO_MATCH):
            continue
        near = b["raw_close"].fillna(b["close"]).loc[:pd.Timestamp(c.day)].tail(1)  # the print, before a split too
        if len(near) and not FAR_LEVEL <= c.value / split_scale(c.symbol, c.day) / float(near.iloc[0]) <= 1 / FAR_LEVEL:
            far.setdefault((c.sentence, c.symbol), _(
                "{value} is far from {symbol}'s close near that day ({close}): the figure is likely of another "
                "listing, which the text does not name here").format(
                value=format(c.value, ",g"), symbol=c.symbol, close=F.fixed_number(float(near.iloc[0]))))
    return [not_sure(r.claim, far[(r.claim.sentence, r.claim.symbol)], symbol=r.claim.symbol)
            if (r.claim.sentence, r.claim.symbol) in far and r.verdict in (MATCHES, ROUGHLY, NO_MATCH) else r
            for r in results]


def _signed(c: ArticleClaim) -> float:
    return c.value * (c.direction or 1)


def _agree(a: ArticleClaim, b: ArticleClaim) -> bool:
    """Whether two figures of one measure can both be true: the finer one rounds to the coarser one."""
    fine, coarse = (a, b) if a.decimals >= b.decimals else (b, a)
    said = judge(_signed(fine), coarse.value, coarse.qualifier, coarse.direction, coarse.decimals)[0]
    return said in (MATCHES, ROUGHLY)


def _two_figures_for_one(results: list[ArticleClaimResult]) -> list[ArticleClaimResult]:
    """A figure that does not match while its sentence gives another, different figure for the same listing, measure
    and session(s) ("The Hang Seng fell 2.16% ..., pressured by a sub-index, which suffered a 3.2% drop"; a table row
    of returns read as one day): both cannot be about it, so one of them belongs to something the reader did not see
    (another listing, a period, a time of day) and the one that does not match is 'not sure'. Figures in different
    sentences each keep their verdict: a text may contradict itself."""
    def key(r: ArticleClaimResult) -> tuple:
        return r.claim.sentence, r.claim.symbol, r.claim.measure, r.session, r.base, r.claim.count, r.claim.sign

    judged: dict[tuple, list[ArticleClaimResult]] = {}
    for r in results:
        if (r.verdict in (MATCHES, ROUGHLY, NO_MATCH) or r.verdict == NOT_SURE and r.session is not None) \
                and r.claim.value is not None:  # a figure measured and then hedged counts as one given
            judged.setdefault(key(r), []).append(r)
    out = []
    for r in results:
        other = next((o for o in judged.get(key(r), []) if o is not r and not _agree(o.claim, r.claim)),
                     None) if r.verdict == NO_MATCH else None
        if other is None:
            out.append(r)
            continue
        reason = _("its sentence also gives {other} for {symbol} with the same measure and session, and both cannot "
                   "be true: this figure may be another listing's, a longer period's or a time of day's").format(
            other=other.claim.claimed, symbol=r.claim.symbol)
        out.append(ArticleClaimResult(r.claim, NOT_SURE, _("{data} Not sure: {reason}.").format(
            data=r.explanation, reason=reason), r.figures, symbol=r.symbol, base=r.base, session=r.session))
    return out


def check_claim(claim: ArticleClaim, bars: dict[str, pd.DataFrame]) -> ArticleClaimResult:
    early = _before_prices(claim, bars)
    if early is not None:
        return early
    b = bars[claim.symbol]
    try:
        if claim.measure in MOVES:
            return check_move(claim, b)
        if claim.measure in LEVELS:
            return check_level(claim, b)
        if claim.measure in RANK_LIKE:
            return {"streak": check_streak, "rank": check_rank}.get(claim.measure, check_range)(claim, b)
    except Unavailable as exc:
        return uncheckable(claim, str(exc), symbol=claim.symbol)
    return not_sure(claim, _("the app has no rule to check {measure}").format(measure=claim.measure),
                    symbol=claim.symbol)


def _before_prices(claim: ArticleClaim, bars: dict[str, pd.DataFrame]) -> ArticleClaimResult | None:
    """The result of a claim that needs no prices (or cannot have them), else None."""
    if claim.measure in ("fundamental", "other", "unread", "intraday", "extended"):
        return uncheckable(claim, claim.reason or _("not a price"), symbol=claim.symbol)
    if not claim.symbol:
        if claim.subject and claim.unlisted == "group":
            return uncheckable(claim, _("'{subject}' is a group of stocks, not one listing (no single listing)").format(
                subject=claim.subject))
        if claim.subject and claim.unlisted == "unknown":
            return uncheckable(claim, _("{subject} is not in the data (symbol not in the data)").format(
                subject=claim.subject))
        return not_sure(claim, claim.unsure or _("no listing is named for this figure"))
    b = bars.get(claim.symbol)
    if b is None or b.empty:
        return uncheckable(claim, _("{subject} is not in the data (symbol not in the data)").format(
            subject=claim.symbol), symbol=claim.symbol)
    if claim.unsure:
        return not_sure(claim, claim.unsure, symbol=claim.symbol)
    if claim.day is None:
        return not_sure(claim, _("the text gives no day for this figure"), symbol=claim.symbol)
    first, last = b.index[0].date(), b.index[-1].date()
    if claim.day < first:
        return uncheckable(claim, _("{day} is before the data start ({symbol} from {first}) (before the data starts)")
                           .format(day=date_as(claim.day, "date"), symbol=claim.symbol, first=date_as(first, "date")),
                           symbol=claim.symbol)
    if claim.day > last:
        return uncheckable(claim, _("{day} is after the data end ({symbol} to {last})").format(
            day=date_as(claim.day, "date"), symbol=claim.symbol, last=date_as(last, "date")), symbol=claim.symbol)
    return None
