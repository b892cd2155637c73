"""Each measure of an article's claim computed from one listing's daily bars, with its nearby readings.

A move runs from a base price to a price of the session (close to close, close to open, close to the day's high
or low, a period's base close to its last close); a level is one price of the session; a ranking compares the
session with every session of its window; a streak counts sessions in a row. A move is a return on the
dividend-adjusted values (the total return, as every return in the app); a level and a change in points are on the
exchange's prints where the data hold them (the same factor applies to every price of a bar).

:func:`nearby` lists the other readings a reporter may have meant when the figure does not match its own; one
that matches turns "does not match" into "not sure" with its name.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.analysis.article_claims import (
    MATCHES,
    NO_MATCH,
    NOT_SURE,
    ROUGHLY,
    ArticleClaim,
    ArticleClaimResult,
    judge,
    judge_adjusted_level,
    judge_level,
    uncheckable,
)
from components.analysis.claims import Figure, Unavailable
from components.data.basis import BASIS_WORDS, PRINT, split_scale, unknown_bound
from components.data.symbols import InvalidSymbol, level_label, symbol_info
from components.facts import MAX_GAP_DAYS
from components.locale import _

MOVES = ("day", "points", "open_move", "open_points", "high_move", "low_move", "high_points", "low_points", "period",
         "period_points")
LEVELS = ("level", "open_level", "high_level", "low_level")
RANK_LIKE = ("rank", "streak", "range_high", "range_low")
# measure -> (price at the session, whether it is in points)
_TO = {"day": ("close", False), "points": ("close", True), "open_move": ("open", False), "open_points": ("open", True),
       "high_move": ("high", False), "low_move": ("low", False), "high_points": ("high", True),
       "low_points": ("low", True), "period": ("close", False), "period_points": ("close", True)}


def session_of(claim: ArticleClaim, b: pd.DataFrame) -> int:
    """The row of the claim's session: its written day (which must be a session), else the last on or before."""
    stamp = pd.Timestamp(claim.day)
    if claim.written_day:
        if stamp not in b.index:
            raise Unavailable(f"{claim.symbol} has no session on {claim.day:%a %d %b %Y} (its market was closed)")
        return int(b.index.get_loc(stamp))
    pos = int(b.index.searchsorted(stamp, side="right")) - 1
    if pos < 0:
        raise Unavailable(f"{claim.symbol} has no session on or before {claim.day}")
    return pos


def _day(b: pd.DataFrame, pos: int) -> dt.date:
    return b.index[pos].date()


def _previous(claim: ArticleClaim, b: pd.DataFrame, pos: int) -> int:
    if pos == 0:
        raise Unavailable(f"the data start on {b.index[0]:%d %b %Y}, so there is no close before it (before the data "
                          "starts)")
    gap = (b.index[pos] - b.index[pos - 1]).days
    if gap > MAX_GAP_DAYS:
        raise Unavailable(f"{claim.symbol}'s data have a gap of {gap} days before {b.index[pos]:%d %b %Y}")
    return pos - 1


def _base(claim: ArticleClaim, b: pd.DataFrame, pos: int) -> int:
    """The base row of a move: the previous session, or for a period the last session before it starts."""
    if claim.measure not in ("period", "period_points"):
        return _previous(claim, b, pos)
    if claim.since is None:
        raise Unavailable("the period's start is not known")
    base = int(b.index.searchsorted(pd.Timestamp(claim.since), side="left")) - 1
    if base < 0:
        raise Unavailable(f"the period starts {claim.since:%d %b %Y}, before the data start ({b.index[0]:%d %b %Y}) "
                          "(before the data starts)")
    return base


def price(b: pd.DataFrame, pos: int, col: str, want_print: bool = True) -> tuple[float, bool]:
    """A price of a bar and whether it is the exchange's print (its bar's close has a known print)."""
    value = float(b[col].iloc[pos])
    raw, close = float(b["raw_close"].iloc[pos]), float(b["close"].iloc[pos])
    if want_print and raw == raw and close > 0:
        return value * raw / close, True
    return value, False


def move_value(b: pd.DataFrame, base: int, pos: int, col: str, points: bool) -> tuple[float, tuple[float, float], str]:
    """(the move, the two prices, their basis) from the base row's close to ``col`` of the session's row: a return
    on the dividend-adjusted values (total return), a change in points on the prints (an index's are its own)."""
    if points:
        first, p0 = price(b, base, "close")
        last, p1 = price(b, pos, col)
        if p0 and p1:
            return last - first, (first, last), _(BASIS_WORDS[PRINT])
    first, last = float(b["close"].iloc[base]), float(b[col].iloc[pos])
    return (last - first if points else (last / first - 1) * 100), (first, last), _basis(b.attrs.get("symbol", ""))


def _basis(symbol: str) -> str:
    try:
        return symbol_info(symbol).basis_label
    except InvalidSymbol:
        return ""


def _judge(claim: ArticleClaim, actual: float) -> tuple[str, str]:
    return judge(actual, claim.value, claim.qualifier, claim.direction, claim.decimals)


def _result(claim: ArticleClaim, verdict: tuple[str, str], text: str, figures: list[Figure], base: dt.date,
            session: dt.date) -> ArticleClaimResult:
    word, why = verdict
    return ArticleClaimResult(claim, word, f"{text} Claimed: {claim.claimed}; {why}.", tuple(figures),
                              symbol=claim.symbol, base=base, session=session)


def check_move(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    b.attrs["symbol"] = claim.symbol
    pos = session_of(claim, b)
    base = _base(claim, b, pos)
    col, points = _TO[claim.measure]
    actual, (first, last), basis = move_value(b, base, pos, col, points)
    unit = "points" if points else "%"
    shown = f"{actual:+,.2f} points" if points else f"{actual:+.2f}%"
    fig = Figure(claim.measure, f"{claim.symbol} {_words(claim.measure)}", actual if points else actual / 100,
                 claim.symbol, (_day(b, base), _day(b, pos)), (first, last), basis)
    text = (f"{claim.symbol}: {first:,.2f} ({_day(b, base):%a %d %b %Y} close) to {last:,.2f} "
            f"({_day(b, pos):%a %d %b %Y} {col}): {shown}.")
    verdict = _judge(claim, actual)
    if verdict[0] == NO_MATCH:
        verdict = _hedged(claim, b, base, pos, verdict, unit)
    return _result(claim, verdict, text, [fig], _day(b, base), _day(b, pos))


def _words(measure: str) -> str:
    return {"day": "close to close", "points": "change in points", "period": "over the period",
            "period_points": "over the period, in points"}.get(measure, measure.replace("_", " ").replace(
                "move", "against the previous close"))


def _hedged(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int, verdict: tuple[str, str],
            unit: str) -> tuple[str, str]:
    """A day's move reached only at the day's high (low) is roughly; any other nearby reading that matches makes the
    verdict 'not sure' naming it; else the verdict as it was."""
    points = claim.measure.endswith("points")
    if claim.measure in ("day", "points") and not claim.closing:
        extreme = "low" if claim.direction < 0 else "high"
        actual = move_value(b, base, pos, extreme, points)[0]
        if _judge(claim, actual)[0] == MATCHES:
            shown = f"{actual:+,.2f} points" if points else f"{actual:+.2f}%"
            return ROUGHLY, f"{verdict[1]}; the figure was reached only during the session ({shown} at the {extreme})"
    beyond = _beyond_any_day(claim, b)
    if beyond:
        return NOT_SURE, f"{verdict[1]}; but {beyond}"
    for name, actual in nearby_moves(claim, b, base, pos):
        if claim.closing and name.startswith(("the day's", "a price reached")):
            continue  # "closed 3% higher": the close, never a price during the session
        if _judge(claim, actual)[0] == MATCHES:
            shown = f"{actual:+,.2f} points" if unit == "points" else f"{actual:+.2f}%"
            return NOT_SURE, f"{verdict[1]}; but {name} was {shown}, which matches: the article may mean it"
    return verdict


IMPLAUSIBLE_DAY = 1.5  # a claimed day's move this many times the largest in the data is likely a period's
_SESSION_MOVES = ("day", "points", "high_move", "low_move", "high_points", "low_points", "open_move", "open_points")


def _beyond_any_day(claim: ArticleClaim, b: pd.DataFrame) -> str:
    """Why a claimed move of one session is likely a longer period's that the reader did not find ("soared 32 percent"
    in a paragraph about the lunar year, "gained as much as 27 per cent" since a policy announcement weeks before),
    or "" when some session of the data came near it at its close, high, low or open."""
    if claim.measure not in _SESSION_MOVES or len(b) < 250:
        return ""
    points = claim.measure.endswith("points")
    before = b["close"].shift(1)
    ends = pd.concat([b[col] for col in ("close", "high", "low", "open") if col in b], axis=1)
    moves = (ends.sub(before, axis=0) if points else ends.div(before, axis=0).sub(1) * 100).abs().max(axis=1).dropna()
    if moves.empty or abs(claim.value) <= IMPLAUSIBLE_DAY * moves.max():
        return ""
    unit = " points" if points else "%"
    return (f"{claim.value:,g}{unit} in one session is far beyond any day of {claim.symbol} in the data (the largest "
            f"was {moves.max():,.2f}{unit} on {moves.idxmax():%d %b %Y}): the figure is likely over a longer period "
            "the text does not name")


def nearby_moves(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int) -> list[tuple[str, float]]:
    """Other readings of a move a reporter may have meant, each (its name, its value)."""
    points = claim.measure.endswith("points")
    out = []

    def add(name: str, first: int, last: int, col: str = "close") -> None:
        if 0 <= first < len(b) and 0 <= last < len(b) and first < last:
            out.append((name, move_value(b, first, last, col, points)[0]))

    if claim.measure in ("period", "period_points"):
        add(f"the period up to the session before ({_day(b, pos - 1):%a %d %b})" if pos else "", base, pos - 1)
        return out
    add(f"the previous session's move ({_day(b, pos - 1):%a %d %b})" if pos else "", pos - 2, pos - 1)
    if pos + 1 < len(b):
        add(f"the next session's move ({_day(b, pos + 1):%a %d %b})", pos, pos + 1)
    for col in ("open", "high", "low", "close"):
        add(f"the {'day' if col != 'open' else 'session'}'s {col} against the previous close", base, pos, col)
    monday = b.index[pos] - pd.Timedelta(days=b.index[pos].weekday())
    week_base = int(b.index.searchsorted(monday, side="left")) - 1
    if week_base >= 0:
        add("the week's move", week_base, pos)
    low = move_value(b, base, pos, "low", points)[0]
    high = move_value(b, base, pos, "high", points)[0]
    target = claim.value * (claim.direction or 1)
    if low <= target <= high and claim.measure in ("day", "points"):
        out.append(("a price reached during the session (the day ranged from "
                    f"{low:+,.2f} to {high:+,.2f}{'' if points else '%'})", target))
    return out


def check_level(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """A level is a print: checked against the exchange's price, or, where the data hold only the adjusted value,
    against the band the dividend adjustment allows."""
    pos = session_of(claim, b)
    col = {"level": "close", "open_level": "open", "high_level": "high", "low_level": "low"}[claim.measure]
    day = _day(b, pos)
    claimed = claim.value / split_scale(claim.symbol, day) if claim.value else claim.value
    value, known = price(b, pos, col)
    adjusted = float(b[col].iloc[pos])
    fig = Figure(claim.measure, f"{claim.symbol} {col}", value, claim.symbol, (day,), (value,),
                 _(BASIS_WORDS[PRINT]) if known else _basis(claim.symbol))
    word = {"close": "closed at", "open": "opened at", "high": "reached a high of", "low": "fell to a low of"}[col]
    if known:
        text = f"{claim.symbol} {word} {level_label(adjusted, claim.symbol, value)} on {day:%a %d %b %Y}."
        verdict = judge_level(value, claimed, claim.qualifier, claim.decimals)
    else:
        bound = unknown_bound(claim.symbol)
        text = (f"{claim.symbol}'s dividend-adjusted {col} on {day:%a %d %b %Y} was {adjusted:,.2f}; the data do not "
                f"hold the exchange's price, which is higher by the dividends paid since (for {claim.symbol} at most "
                f"about {bound:.0%}).")
        verdict = judge_adjusted_level(adjusted, claimed, bound, claim.qualifier, claim.decimals)
    if claimed != claim.value:
        text += f" The figure was written before a share split: {claim.value:,.2f} is {claimed:,.2f} today."
    if verdict[0] == NO_MATCH:
        verdict = _hedged_level(claim, b, pos, claimed, verdict)
    return _result(claim, verdict, text, [fig], day, day)


def _hedged_level(claim: ArticleClaim, b: pd.DataFrame, pos: int, claimed: float,
                  verdict: tuple[str, str]) -> tuple[str, str]:
    readings = [(f"the {col}", pos, col) for col in ("open", "high", "low", "close")]
    readings += [(f"the previous session's close ({_day(b, pos - 1):%a %d %b})", pos - 1, "close")] if pos else []
    readings += [(f"the next session's close ({_day(b, pos + 1):%a %d %b})", pos + 1, "close")] \
        if pos + 1 < len(b) else []
    for name, row, col in readings:
        value = price(b, row, col)[0]
        if judge_level(value, claimed, claim.qualifier, claim.decimals)[0] == MATCHES:
            return NOT_SURE, f"{verdict[1]}; but {name} was {value:,.2f}, which matches: the article may mean it"
    low, high = price(b, pos, "low")[0], price(b, pos, "high")[0]
    if low <= claimed <= high:
        return NOT_SURE, (f"{verdict[1]}; but the price was {claimed:,.2f} at some time that session (it ranged from "
                          f"{low:,.2f} to {high:,.2f}): the article may have been written before the close")
    return verdict


def check_rank(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """The session's close (or move) beyond every one of its window: from ``since`` (or the data start, for a
    record) to the session before."""
    pos = session_of(claim, b)
    values, what = _rank_values(claim, b)
    if pd.isna(values.iloc[pos]):
        raise Unavailable("there is no close before the session to measure its move (before the data starts)")
    now, session, start = float(values.iloc[pos]), _day(b, pos), b.index[0].date()
    if claim.since is None or claim.since < start:
        return uncheckable(claim, f"it reaches back before the data start ({claim.symbol} from {start:%d %b %Y}), "
                                  "so the data cannot show it (before the data starts)", symbol=claim.symbol,
                           base=start, session=session)
    window = values.iloc[:pos]
    window = window[window.index >= pd.Timestamp(_since(claim, session))].dropna()
    beyond = window[window >= now] if claim.sign > 0 else window[window <= now]
    shown = f"{now:+.2f}%" if what != "close" else f"{now:,.2f}"
    fig = Figure("rank", f"{claim.symbol} {what} on the session", now, claim.symbol, (session,), (now,),
                 _basis(claim.symbol))
    text = f"{claim.symbol}'s {what} on {session:%a %d %b %Y} was {shown}."
    word = "higher" if claim.sign > 0 else "lower"
    if len(beyond):
        last = beyond.index[-1].date()
        verdict = (NO_MATCH, f"it was {word} or equal on {last:%d %b %Y} ({float(beyond.iloc[-1]):,.2f}), after "
                             f"{claim.since:%d %b %Y}")
        if claim.approximate and (last - claim.since).days < (session - claim.since).days / 10:
            verdict = (NOT_SURE, verdict[1] + f"; from {last + dt.timedelta(days=1):%d %b %Y} on none was: a look-back "
                                              "said in months or years is approximate, and the article may mean it")
        if verdict[0] == NO_MATCH:
            verdict = _intraday_extreme(claim, b, pos, verdict)
    else:
        verdict = (MATCHES, f"no session from {claim.since:%d %b %Y} was {word} or equal")
    return _result(claim, verdict, text, [fig], claim.since, session)


NEAR_WINDOW = 0.8  # "a near three-month high": beyond every session of at least this share of the three months


def _since(claim: ArticleClaim, session: dt.date) -> dt.date:
    """The first day a ranking's window must cover: its ``since``, or for a look-back said to be nearly so long
    ("a near three-month high") a little later."""
    if claim.qualifier in ("nearly", "near", "almost", "close to") and claim.since is not None:
        return session - (session - claim.since) * NEAR_WINDOW
    return claim.since


def _intraday_extreme(claim: ArticleClaim, b: pd.DataFrame, pos: int, verdict: tuple[str, str]) -> tuple[str, str]:
    """"Hit a three-month high" may mean a price reached during the session: when the session's high (low) is beyond
    every high (low) of the window, the verdict is 'not sure' naming it."""
    col = "high" if claim.sign > 0 else "low"
    if claim.rank_of != "close" or col not in b or pd.isna(b[col].iloc[pos]):
        return verdict
    window = b[col].iloc[:pos]
    window = window[window.index >= pd.Timestamp(_since(claim, _day(b, pos)))].dropna()
    now = float(b[col].iloc[pos])
    if len(window) and (now > window.max() if claim.sign > 0 else now < window.min()):
        return NOT_SURE, (f"{verdict[1]}; but the session's {col} ({now:,.2f}) was beyond every {col} from "
                          f"{claim.since:%d %b %Y}: the article may mean a price reached during the session")
    return verdict


def _rank_values(claim: ArticleClaim, b: pd.DataFrame) -> tuple[pd.Series, str]:
    if claim.rank_of == "move":
        return b["close"].pct_change() * 100, "daily move"
    if claim.rank_of.endswith("_move"):
        unit = claim.rank_of.split("_")[0][0].upper()
        period = {"W": "W-FRI", "M": "ME", "Y": "YE", "Q": "QE"}[unit]
        closes = b["close"].resample(period).last().dropna()
        moves = closes.pct_change() * 100
        return moves.reindex(b.index, method="bfill"), f"{claim.rank_of.split('_')[0]}'s move"
    prints = b["raw_close"]
    return (prints if prints.notna().all() else b["close"]), "close"


def check_range(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """The highest high (lowest low) from ``since`` to the session, as a print: "a 52-week high of $230.89"."""
    pos = session_of(claim, b)
    start, session = b.index[0].date(), _day(b, pos)
    if claim.since is None or claim.since < start:
        return uncheckable(claim, f"it reaches back before the data start ({claim.symbol} from {start:%d %b %Y}) "
                                  "(before the data starts)", symbol=claim.symbol, base=start, session=session)
    col = "high" if claim.measure == "range_high" else "low"
    rows = [i for i in range(pos + 1) if b.index[i] >= pd.Timestamp(claim.since)]
    values = [(price(b, i, col)[0], i) for i in rows]
    value, at = max(values) if col == "high" else min(values)
    claimed = claim.value / split_scale(claim.symbol, session) if claim.value else claim.value
    fig = Figure(claim.measure, f"{claim.symbol} {col} over the sessions", value, claim.symbol, (_day(b, at),),
                 (value,), _(BASIS_WORDS[PRINT]) if price(b, at, col)[1] else _basis(claim.symbol))
    text = (f"{claim.symbol}'s {'highest high' if col == 'high' else 'lowest low'} from {claim.since:%d %b %Y} to "
            f"{session:%d %b %Y} was {value:,.2f}, on {_day(b, at):%a %d %b %Y}.")
    return _result(claim, judge_level(value, claimed, claim.qualifier, claim.decimals), text, [fig], claim.since,
                   session)


def check_streak(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """``count`` sessions (or weeks) in a row moved ``sign``, ending on the session."""
    pos = session_of(claim, b)
    closes = b["close"] if claim.unit != "week" else b["close"].resample("W-FRI").last().dropna()
    at = pos if claim.unit != "week" else int(closes.index.searchsorted(b.index[pos], side="left"))
    at = min(at, len(closes) - 1)
    moves = closes.diff()
    run = 0
    while at - run >= 1 and moves.iloc[at - run] * claim.sign > 0:
        run += 1
    session = _day(b, pos)
    fig = Figure("streak", f"{claim.symbol} {claim.unit}s in a row", float(run), claim.symbol, (session,), (),
                 _basis(claim.symbol))
    direction = "up" if claim.sign > 0 else "down"
    text = f"{claim.symbol} closed {direction} {run} {claim.unit}(s) in a row up to {session:%a %d %b %Y}."
    verdict = (MATCHES, f"{run} in a row") if run == claim.count else (
        NO_MATCH, f"{run} in a row, not {claim.count}")
    return _result(claim, verdict, text, [fig], session, session)


__all__ = ["LEVELS", "MOVES", "RANK_LIKE", "ROUGHLY", "check_level", "check_move", "check_range",
           "check_rank", "check_streak", "nearby_moves", "price", "session_of"]
