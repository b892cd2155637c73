"""Each measure of an article's claim computed from one listing's daily bars, with its nearby readings.

A move runs from a base price to a price of the session (close to close, to the open, high or low; a period's base
close to its last close), a return on the dividend-adjusted values (the total return, as every return in the app); a
level and a change in points are on the exchange's prints where the data hold them. Rankings and streaks are
:mod:`components.analysis.claim_ranks`. :func:`nearby_moves` lists the other readings a reporter may have meant when
the figure does not match its own; one that matches turns "does not match" into "not sure" with its name.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.analysis.article_claims import (
    MATCHES,
    MOMENT,
    NO_MATCH,
    NOT_SURE,
    ROUGHLY,
    ArticleClaim,
    ArticleClaimResult,
    judge,
    judge_adjusted_level,
    judge_level,
)
from components.analysis.bar_prices import bar_day, basis_of, move_value, price
from components.analysis.claims import Figure, Unavailable
from components.analysis.nearby_readings import nearby_moves
from components.data.basis import BASIS_WORDS, PRINT, split_scale, unknown_bound
from components.data.symbols import level_label
from components.facts import MAX_GAP_DAYS
from components.locale import N_, _
from components.locale import formats as F
from components.locale.formats import date_as

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
            raise Unavailable(_("{symbol} has no session on {day} (its market was closed)").format(
                symbol=claim.symbol, day=date_as(claim.day, "weekday_date")))
        return int(b.index.get_loc(stamp))
    pos = int(b.index.searchsorted(stamp, side="right")) - 1
    if pos < 0:
        raise Unavailable(_("{symbol} has no session on or before {day}").format(
            symbol=claim.symbol, day=date_as(claim.day, "weekday_date")))
    return pos


def _previous(claim: ArticleClaim, b: pd.DataFrame, pos: int) -> int:
    if pos == 0:
        raise Unavailable(_("the data start on {day}, so there is no close before it (before the data starts)").format(
            day=date_as(b.index[0].date(), "date")))
    gap = (b.index[pos] - b.index[pos - 1]).days
    if gap > MAX_GAP_DAYS:
        raise Unavailable(_("{symbol}'s data have a gap of {gap} days before {day}").format(
            symbol=claim.symbol, gap=gap, day=date_as(b.index[pos].date(), "date")))
    return pos - 1


_NEW_YEAR_BREAK = dt.timedelta(days=5)  # the longest closure at a period's start: the data cover a "2022 low"


def _base(claim: ArticleClaim, b: pd.DataFrame, pos: int) -> int:
    """The base row of a move: the previous session, or for a period the last session before it starts."""
    if claim.measure not in ("period", "period_points"):
        return _previous(claim, b, pos)
    if claim.since is None:
        raise Unavailable(_("the period's start is not known"))
    if claim.base_extreme and claim.base_until is not None:  # "from a January low": the lowest close then
        first = int(b.index.searchsorted(pd.Timestamp(claim.since), side="left"))
        last = int(b.index.searchsorted(pd.Timestamp(claim.base_until), side="right"))
        if last <= first or (first == 0 and b.index[0].date() > claim.since + _NEW_YEAR_BREAK):
            raise Unavailable(_("the period of the low or high starts {day}, before the data start ({first}) (before "
                                "the data starts)").format(day=date_as(claim.since, "date"),
                                                           first=date_as(b.index[0].date(), "date")))
        closes = b["close"].iloc[first:last]
        return first + int(closes.argmin() if claim.base_extreme < 0 else closes.argmax())
    base = int(b.index.searchsorted(pd.Timestamp(claim.since), side="left")) - 1
    if base < 0:
        raise Unavailable(_("the period starts {day}, before the data start ({first}) (before the data starts)").format(
            day=date_as(claim.since, "date"), first=date_as(b.index[0].date(), "date")))
    return base


def _judge(claim: ArticleClaim, actual: float) -> tuple[str, str]:
    return judge(actual, claim.value, claim.qualifier, claim.direction, claim.decimals)


def result_of(claim: ArticleClaim, verdict: tuple[str, str], text: str, figures: list[Figure], base: dt.date,
            session: dt.date) -> ArticleClaimResult:
    word, why = verdict
    explanation = _("{text} Claimed: {claimed}; {why}.").format(text=text, claimed=claim.claimed, why=why)
    return ArticleClaimResult(claim, word, explanation, tuple(figures), symbol=claim.symbol, base=base,
                              session=session)


def shown_move(value: float, points: bool) -> str:
    """A move as the explanations write it: "+8.39%", "+1,234.50 points"."""
    if points:
        return _("{value} points").format(value=F.plus_minus_number(value, grouping=True))
    return F.plus_minus_percent(value / 100)


_PRICE_WORDS = {"close": N_("{first} ({base} close) to {last} ({day} close)"),
                "open": N_("{first} ({base} close) to {last} ({day} open)"),
                "high": N_("{first} ({base} close) to {last} ({day} high)"),
                "low": N_("{first} ({base} close) to {last} ({day} low)")}


def check_move(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    b.attrs["symbol"] = claim.symbol
    pos = session_of(claim, b)
    base = _base(claim, b, pos)
    col, points = _TO[claim.measure]
    actual, (first, last), basis = move_value(b, base, pos, col, points)
    fig = Figure(claim.measure, _words(claim.measure).format(symbol=claim.symbol), actual if points else actual / 100,
                 claim.symbol, (bar_day(b, base), bar_day(b, pos)), (first, last), basis)
    prices = _(_PRICE_WORDS[col]).format(first=F.fixed_number(first), base=date_as(bar_day(b, base), "weekday_date"),
                                         last=F.fixed_number(last), day=date_as(bar_day(b, pos), "weekday_date"))
    text = _("{symbol}: {prices}: {move}.").format(symbol=claim.symbol, prices=prices, move=shown_move(actual, points))
    verdict = _judge(claim, actual)
    if verdict[0] != MATCHES and claim.qualifier == MOMENT:
        verdict = _passed(claim, b, base, pos, verdict, points) or verdict
    if verdict[0] == NO_MATCH:
        verdict = _hedged(claim, b, base, pos, verdict, points)
    return result_of(claim, verdict, text, [fig], bar_day(b, base), bar_day(b, pos))


_PASSED = N_("{why}; but the price passed {claimed} during the session (the day ranged from {low} to {high}): the "
             "article may mean a moment of the session, not its extreme")


def _passed(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int, verdict: tuple[str, str],
            points: bool) -> tuple[str, str] | None:
    """"At one point dropping 2,981 points" on a day whose low was 3,144 points down: the price passed the figure on
    its way to the low, so the article may mean a moment, not the extreme; None when the day never reached it."""
    low, high = (move_value(b, base, pos, col, points)[0] for col in ("low", "high"))
    target = claim.value * (claim.direction or (-1 if claim.measure.startswith("low") else 1))
    if not low <= target <= high:
        return None
    return NOT_SURE, _(_PASSED).format(
        why=verdict[1], claimed=shown_move(target, points), low=shown_move(low, points), high=shown_move(high, points))


_FIGURE_WORDS = {
    "day": N_("{symbol} close to close"), "points": N_("{symbol} change in points"),
    "period": N_("{symbol} over the period"), "period_points": N_("{symbol} over the period, in points"),
    "open_move": N_("{symbol} open against the previous close"), "open_points": N_("{symbol} open points"),
    "high_move": N_("{symbol} high against the previous close"), "high_points": N_("{symbol} high points"),
    "low_move": N_("{symbol} low against the previous close"), "low_points": N_("{symbol} low points"),
}


def _words(measure: str) -> str:
    """A move's figure label with a {symbol} placeholder, in the run's language."""
    return _(_FIGURE_WORDS[measure])


def _hedged(claim: ArticleClaim, b: pd.DataFrame, base: int, pos: int, verdict: tuple[str, str],
            in_points: bool) -> tuple[str, str]:
    """A day's move reached only at the day's high (low) is roughly; any other nearby reading that matches makes the
    verdict 'not sure' naming it; else the verdict as it was."""
    points = claim.measure.endswith("points")
    if claim.measure in ("day", "points") and not claim.closing:
        extreme = "low" if claim.direction < 0 else "high"
        actual = move_value(b, base, pos, extreme, points)[0]
        if _judge(claim, actual)[0] == MATCHES:
            said = (_("{why}; the figure was reached only during the session ({move} at the low)") if extreme == "low"
                    else _("{why}; the figure was reached only during the session ({move} at the high)"))
            return ROUGHLY, said.format(why=verdict[1], move=shown_move(actual, points))
    if claim.base_extreme:
        return NOT_SURE, _("{why}; but the text does not date the low or high it counts from, which may be the "
                           "session's intraday extreme, and a round figure such as 20% often means 'at least'").format(
            why=verdict[1])
    if claim.measure in ("period", "period_points") and claim.approximate:
        return NOT_SURE, _("{why}; but the period's first and last sessions are only roughly said ({rule}): the "
                           "article may count others").format(why=verdict[1], rule=claim.since_rule)
    beyond = _beyond_any_day(claim, b)
    if beyond:
        return NOT_SURE, _("{why}; but {beyond}").format(why=verdict[1], beyond=beyond)
    for name, actual, during in nearby_moves(claim, b, base, pos):
        if claim.closing and during:
            continue  # "closed 3% higher": the close, never a price during the session
        judged = _judge(claim, actual)[0]
        if judged == MATCHES:
            return NOT_SURE, _may_mean().format(why=verdict[1], name=name, value=shown_move(actual, in_points))
        # a period's bounds are often counted a session apart, so a reading close to the figure is near enough
        if judged == ROUGHLY and claim.measure in ("period", "period_points"):
            return NOT_SURE, _("{why}; but {name} was {value}, close to it: the article may mean it").format(
                why=verdict[1], name=name, value=shown_move(actual, in_points))
    return verdict


def _may_mean() -> str:  # the sentence naming a nearby reading that matches, shared by moves and levels
    return _("{why}; but {name} was {value}, which matches: the article may mean it")


IMPLAUSIBLE_DAY = 1.5  # a claimed day's move this many times the largest in the data is likely a period's
_SESSION_MOVES = ("day", "points", "high_move", "low_move", "high_points", "low_points", "open_move", "open_points")


def _beyond_any_day(claim: ArticleClaim, b: pd.DataFrame) -> str:
    """Why a claimed session's move ("tumbled 30 per cent" of a quarter) is likely a period's, or "": a day's move
    beyond every close-to-close move of the data, another beyond 1.5 times the largest at any of the day's prices."""
    if claim.measure not in _SESSION_MOVES:
        return ""
    points = claim.measure.endswith("points")
    before = b["close"].shift(1)
    if claim.measure != "day" and len(b) < 250:
        return ""
    cols = ["close"] if claim.measure == "day" else [col for col in ("close", "high", "low", "open") if col in b]
    ends = b[cols]
    moves = (ends.sub(before, axis=0) if points else ends.div(before, axis=0).sub(1) * 100).abs().max(axis=1).dropna()
    if moves.empty or abs(claim.value) <= moves.max() * (1 if claim.measure == "day" else IMPLAUSIBLE_DAY):
        return ""
    said = (_("{value} points in one session is far beyond any day of {symbol} in the data (the largest was "
              "{largest} points on {day}): the figure is likely over a longer period the text does not name")
            if points else
            _("{value}% in one session is far beyond any day of {symbol} in the data (the largest was {largest}% on "
              "{day}): the figure is likely over a longer period the text does not name"))
    return said.format(value=format(claim.value, ",g"), symbol=claim.symbol, largest=F.fixed_number(moves.max()),
                       day=date_as(moves.idxmax().date(), "date"))


_LEVEL_LABELS = {"close": N_("{symbol} close"), "open": N_("{symbol} open"), "high": N_("{symbol} high"),
                 "low": N_("{symbol} low")}
_LEVEL_WORDS = {"close": N_("{symbol} closed at {price} on {day}."), "open": N_("{symbol} opened at {price} on {day}."),
                "high": N_("{symbol} reached a high of {price} on {day}."),
                "low": N_("{symbol} fell to a low of {price} on {day}.")}
_ADJUSTED_WORDS = {
    "close": N_("{symbol}'s dividend-adjusted close on {day} was {value}; the data do not hold the "
              "exchange's price, which is higher by the dividends paid since (for {symbol} at most "
              "about {bound})."),
    "open": N_("{symbol}'s dividend-adjusted open on {day} was {value}; the data do not hold the "
              "exchange's price, which is higher by the dividends paid since (for {symbol} at most "
              "about {bound})."),
    "high": N_("{symbol}'s dividend-adjusted high on {day} was {value}; the data do not hold the "
              "exchange's price, which is higher by the dividends paid since (for {symbol} at most "
              "about {bound})."),
    "low": N_("{symbol}'s dividend-adjusted low on {day} was {value}; the data do not hold the "
              "exchange's price, which is higher by the dividends paid since (for {symbol} at most "
              "about {bound})."),
}


# how far a print written to the cent may stand from the close and still be the close another source printed ("to
# HK$78.60" for a close of 78.70); further, a precise print the session passed through was more likely taken then
PRINT_NOISE = 0.005


def check_level(claim: ArticleClaim, b: pd.DataFrame) -> ArticleClaimResult:
    """A level is a print: checked against the exchange's price, or, where the data hold only the adjusted value,
    against the band the dividend adjustment allows."""
    pos = session_of(claim, b)
    col = {"level": "close", "open_level": "open", "high_level": "high", "low_level": "low"}[claim.measure]
    day = bar_day(b, pos)
    claimed = claim.value / split_scale(claim.symbol, day) if claim.value else claim.value
    value, known = price(b, pos, col)
    adjusted = float(b[col].iloc[pos])
    fig = Figure(claim.measure, _(_LEVEL_LABELS[col]).format(symbol=claim.symbol), value, claim.symbol, (day,),
                 (value,), _(BASIS_WORDS[PRINT]) if known else basis_of(claim.symbol))
    shown_day = date_as(day, "weekday_date")
    if known:
        text = _(_LEVEL_WORDS[col]).format(symbol=claim.symbol, price=level_label(adjusted, claim.symbol, value),
                                           day=shown_day)
        verdict = judge_level(value, claimed, claim.qualifier, claim.decimals)
    else:
        bound = unknown_bound(claim.symbol)
        text = _(_ADJUSTED_WORDS[col]).format(symbol=claim.symbol, day=shown_day, value=F.fixed_number(adjusted),
                                              bound=format(bound, ".0%"))
        verdict = judge_adjusted_level(adjusted, claimed, bound, claim.qualifier, claim.decimals)
    if claimed != claim.value:
        text = _("{text} The figure was written before a share split: {written} is {today} today.").format(
            text=text, written=F.fixed_number(claim.value), today=F.fixed_number(claimed))
    precise = known and not claim.qualifier and claim.decimals > 0  # "to finish at 17,517.40" against a known print
    if verdict[0] == NO_MATCH or verdict[0] == ROUGHLY and (claim.qualifier == MOMENT or precise):
        far = abs(value / claimed - 1) > PRINT_NOISE if claimed else True
        verdict = _hedged_level(claim, b, pos, claimed, verdict, passed=verdict[0] == NO_MATCH or not precise or far)
    return result_of(claim, verdict, text, [fig], day, day)


def _hedged_level(claim: ArticleClaim, b: pd.DataFrame, pos: int, claimed: float, verdict: tuple[str, str],
                  passed: bool = True) -> tuple[str, str]:
    """Another price of the session, or the same price of the session next door, that matches makes a level "not
    sure"; so does a price the session passed (``passed``: not for a precise print that is only roughly right)."""
    readings = [(_(_THE_PRICE[col]), pos, col) for col in ("open", "high", "low", "close")]
    own = {"level": "close", "open_level": "open", "high_level": "high", "low_level": "low"}[claim.measure]
    for row, words in ((pos - 1, _NEXT_DOOR[0]), (pos + 1, _NEXT_DOOR[1])):
        if 0 <= row < len(b):  # the same price of the session before or after: "after trading between" a day late
            readings.append((_(words[own]).format(day=date_as(bar_day(b, row), "weekday_day")), row, own))
    for name, row, col in readings:
        value = price(b, row, col)[0]
        if judge_level(value, claimed, claim.qualifier, claim.decimals)[0] == MATCHES:
            return NOT_SURE, _may_mean().format(why=verdict[1], name=name, value=F.fixed_number(value))
    low, high = price(b, pos, "low")[0], price(b, pos, "high")[0]
    if passed and low <= claimed <= high:
        return NOT_SURE, (_(_PASSED)
                          if claim.qualifier == MOMENT else
                          _("{why}; but the price was {claimed} at some time that session (it ranged from {low} to "
                            "{high}): the article may have been written before the close")).format(
            why=verdict[1], claimed=F.fixed_number(claimed), low=F.fixed_number(low), high=F.fixed_number(high))
    return verdict


_NEXT_DOOR = ({"close": N_("the previous session's close ({day})"), "open": N_("the previous session's open ({day})"),
               "high": N_("the previous session's high ({day})"), "low": N_("the previous session's low ({day})")},
              {"close": N_("the next session's close ({day})"), "open": N_("the next session's open ({day})"),
               "high": N_("the next session's high ({day})"), "low": N_("the next session's low ({day})")})
_THE_PRICE = {"open": N_("the open"), "high": N_("the high"), "low": N_("the low"), "close": N_("the close")}


__all__ = ["LEVELS", "MOVES", "RANK_LIKE", "ROUGHLY", "bar_day", "basis_of", "check_level", "check_move",
           "move_value", "nearby_moves", "price", "result_of", "session_of", "shown_move"]
