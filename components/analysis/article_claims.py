"""Numeric claims of any article: what a claim says, and the rules that judge a figure against it.

An :class:`ArticleClaim` is one figure of a text, read by :mod:`components.text.claim_reader`: the
listing it is about, the session (in that listing's market), the measure and the claimed number with
its qualifier, and the trail of rules that decided each. :mod:`components.analysis.claim_checks`
computes the figure from the prices and gives one of :data:`VERDICTS`:

* a bare figure ("rose 8%") **matches** when the move rounds or truncates to it (7.5% to 8.99%);
  "about" allows 3% of the figure (at least half a unit); "more than X" needs at least X,
  "less than X" at most X; "nearly X" a little below X (up to 5% of it, at least one unit);
* **roughly**: within 1.5 units or 10% of the figure, half a unit short of a bound, or a little
  above a "nearly";
* **does not match**: further away, or a move the other way, and no nearby reading (the previous or
  next session, the open, the day's high or low, a price reached during the session, the week) matches;
* **not sure**, with the reason: the reader could not settle the listing, the session or the measure, or
  a nearby reading matches ("matches the previous session's move; the article may mean it");
* **uncheckable**, with the reason: daily bars cannot settle it (a noon level, premarket, fundamentals,
  not a price, a group of stocks, a listing not in the data, before the data start).
Levels are prints: compared with the exchange's close, the figure's last digit (or 0.1%) matches and 1%
is roughly; where only the dividend-adjusted close is known, a figure inside the band the adjustment
allows is roughly, never a confident verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from components.analysis.claims import Figure
from components.locale import N_, _
from components.locale import formats as F

# verdict codes, kept in results and compared in code; shown as _(verdict)
MATCHES, ROUGHLY, NO_MATCH, NOT_SURE, UNCHECKABLE = (N_("matches"), N_("roughly"), N_("does not match"),
                                                     N_("not sure"), N_("uncheckable"))
VERDICTS = (MATCHES, ROUGHLY, NO_MATCH, NOT_SURE, UNCHECKABLE)
CONFIDENT = (MATCHES, ROUGHLY, NO_MATCH)
# each measure in words, for the claims page and the report
MEASURE_WORDS = {
    "day": N_("a day's move"), "points": N_("a change in points"), "level": N_("a close"),
    "open_move": N_("the open against the previous close"),
    "open_points": N_("the open against the previous close, in points"),
    "open_level": N_("the open"), "high_level": N_("the day's high"), "low_level": N_("the day's low"),
    "high_move": N_("the day's high against the previous close"),
    "low_move": N_("the day's low against the previous close"),
    "high_points": N_("the day's high against the previous close, in points"),
    "low_points": N_("the day's low against the previous close, in points"),
    "period": N_("a move over a period"), "period_points": N_("a move over a period, in points"),
    "range_high": N_("the highest price over a stretch of sessions"),
    "range_low": N_("the lowest price over a stretch of sessions"),
    "rank": N_("a ranking"), "streak": N_("a run of sessions"), "threshold": N_("a close beyond a level"),
    "intraday": N_("a price during the session"), "extended": N_("a premarket or after-hours move"),
    "fundamental": N_("fundamentals"), "other": N_("not a price"), "unread": N_("a number not read"),
}
MEASURES = tuple(MEASURE_WORDS)
ABOVE = ("more than", "at least")
BELOW = ("less than",)
NEARLY = ("nearly",)
ABOUT = ("about",)
MOMENT = "at one point"  # a price the session passed, which need not be its high or low
NEAR_THE = "near the"  # a value near a ranking's extreme ("to near the lowest since October 2022")
ONE_OF = "one of"  # a ranking among several ("one of its worst days since mid October"): not only the first


@dataclass(frozen=True)
class ArticleClaim:
    """One figure of a text and how to check it (see the module's docstring for the measures).

    ``day`` is the session the figure is about in the listing's market; ``written_day`` False means it came
    from context (the last session on or before it is used). ``since`` is a period's first day (the base is
    the last close before it); for a ranking, ``since`` is the first day of the window it ranks against.
    ``unsure`` says why the reader could not settle the listing, the session or the measure.
    """

    id: str
    sentence: str
    quote: str
    measure: str
    symbol: str | None = None
    listing_rule: str = ""
    day: dt.date | None = None
    day_rule: str = ""
    written_day: bool = True
    value: float | None = None
    decimals: int = 0
    qualifier: str = ""
    direction: int = 0
    closing: bool = False  # the text says the close ("closed nearly 13% higher")
    since: dt.date | None = None
    since_rule: str = ""
    base_extreme: int = 0  # a period move from a low (-1) or high (+1): the extreme close from ``since`` to base_until
    base_until: dt.date | None = None
    approximate: bool = False  # a look-back said in months or years ("a three-year high"), a period "in late May"
    sign: int = 1  # rankings and streaks: +1 highest, best, gains; -1 lowest, worst, losses
    reason: str = ""  # why the figure cannot be checked (measures intraday, extended, fundamental, other)
    sentence_index: int = 0
    subject: str = ""  # the name the figure belongs to, as written
    rank_of: str = "close"  # rankings: close, move, week_move, intraday
    count: int = 0  # streaks: how many sessions (or weeks) in a row
    nth: int = 0  # an ordinal ranking: "the fourth highest" is 4
    unit: str = ""  # streaks: session or week
    unsure: str = ""
    unlisted: str = ""  # why a figure has no listing: "group" (a group of stocks), "unknown" (a name not in the data)
    trail: tuple[str, ...] = ()

    @property
    def claimed(self) -> str:
        """The claim's figure in words: 'more than 14%'."""
        said = self.quote.lower().startswith(("near", "almost", "about", "around", "some", "more", "over", "less")) or (
            self.qualifier == "nearly" and re.search(r"\b(?:nearly|almost|near|close to)\b", self.quote.lower()))
        return " ".join(x for x in (self.qualifier if not said else "", self.quote) if x)


@dataclass(frozen=True)
class ArticleClaimResult:
    """The verdict on one claim, the figures it rests on and the session(s) a chart should mark."""

    claim: ArticleClaim
    verdict: str
    explanation: str
    figures: tuple[Figure, ...] = ()
    reason: str = ""
    symbol: str | None = None
    base: dt.date | None = None  # the base session (previous close, period start), for the chart
    session: dt.date | None = None  # the session the claim is about

    @property
    def id(self) -> str:
        return self.claim.id


def decimals_of(text: str) -> int:
    """How many decimals a written number has ("8.1%" has 1)."""
    m = re.search(r"\d(?:,\d{3})*\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _plain(value: float) -> str:
    """A measured figure as the verdicts write it: "2.06"."""
    return F.fixed_number(value, grouping=False)


def judge(actual: float, claimed: float, qualifier: str = "", direction: int = 0, decimals: int = 0) -> tuple[str, str]:
    """The verdict on a figure (percent or points) against its claim, and why, in words."""
    if direction and actual * direction < 0 and abs(actual) >= 0.05:
        return NO_MATCH, _("it moved the other way ({move})").format(move=F.plus_minus_number(actual))
    # the size of the move when a direction is said (it was checked above) or none is, else the signed move
    a = abs(actual) if direction or claimed >= 0 else actual
    x, unit = (abs(claimed) if direction else claimed), 10.0 ** -decimals
    rough = max(1.5 * unit, 0.1 * abs(x))
    shown = {"actual": _plain(a), "claimed": format(x, "g")}
    if qualifier in ABOVE:
        return _bounded(a >= x, a >= x - unit / 2, _("{actual} against at least {claimed}").format(**shown))
    if qualifier in BELOW:
        return _bounded(a <= x, a <= x + unit / 2, _("{actual} against at most {claimed}").format(**shown))
    if qualifier in NEARLY:
        band = max(unit, 0.05 * abs(x))
        if x - band <= a <= x + 1e-9:
            return MATCHES, _("{actual} is a little below {claimed}").format(**shown)
        near = x < a <= x + max(unit, 0.02 * abs(x)) or x - 2 * band <= a < x - band
        return (ROUGHLY, _("{actual} is near {claimed} but not just below it").format(**shown)) if near else \
            (NO_MATCH, _("{actual} is not nearly {claimed}").format(**shown))
    if qualifier in ABOUT:
        close = abs(a - x) <= max(unit / 2, 0.03 * abs(x))
    else:  # a bare figure, or "as much as": rounded or cut to the figure written
        close = x - unit / 2 <= a < x + unit
    if close:
        return MATCHES, (_("{actual} rounds to {claimed}") if a < x + unit / 2 or qualifier in ABOUT else
                         _("{actual} cut to the digits written is {claimed}")).format(**shown)
    if abs(a - x) <= rough:
        return ROUGHLY, _("{actual} is within {rough} of {claimed}").format(rough=_plain(rough), **shown)
    return NO_MATCH, _("{actual} is {gap} away from {claimed}").format(gap=_plain(abs(a - x)), **shown)


def _bounded(holds: bool, near: bool, words: str) -> tuple[str, str]:
    if holds:
        return MATCHES, words
    return (ROUGHLY, _("{words}, short by less than half a unit").format(words=words)) if near else (NO_MATCH, words)


def judge_level(actual: float, claimed: float, qualifier: str = "", decimals: int = 0) -> tuple[str, str]:
    """A level (a print, in points or currency) against the claim: it matches when the print rounds or cuts to
    the figure as written or lies within 0.1% of it; "about" allows 1%, "above"/"below" need the bound;
    within 1% is roughly."""
    unit = 10.0 ** -decimals
    gap = abs(actual / claimed - 1.0) if claimed else float("inf")
    words = _("{actual} against {claimed}").format(actual=F.fixed_number(actual), claimed=F.fixed_number(claimed))
    apart = _("{words}: {gap} apart").format(words=words, gap=format(gap, ".1%"))
    if qualifier in ABOVE or qualifier in BELOW:
        holds = actual >= claimed if qualifier in ABOVE else actual <= claimed
        return (MATCHES, words) if holds else (
            (ROUGHLY, _("{words}, a little short").format(words=words)) if gap <= 0.01 else (NO_MATCH, words))
    if qualifier in ABOUT or qualifier in NEARLY:
        return (MATCHES, words) if gap <= 0.01 else ((ROUGHLY, apart) if gap <= 0.02 else (NO_MATCH, apart))
    if claimed - unit / 2 <= actual < claimed + unit or gap <= 0.001:
        return MATCHES, words
    if gap <= 0.01:
        return ROUGHLY, apart
    return NO_MATCH, apart


def judge_adjusted_level(adjusted: float, claimed: float, bound: float, qualifier: str = "",
                         decimals: int = 0) -> tuple[str, str]:
    """A level where only the dividend-adjusted close is known: the print lies between it and ``bound`` above
    it. A figure in that band is consistent (roughly, never a confident match); outside it, the nearer edge of
    the band is judged as a print would be."""
    top = adjusted * (1 + bound)
    band = {"low": F.fixed_number(adjusted), "high": F.fixed_number(top)}
    if adjusted * 0.999 <= claimed <= top * 1.001:
        return ROUGHLY, _("{claimed} lies in the band the print can be in ({low} to about {high}), so it may be "
                          "exact").format(claimed=F.fixed_number(claimed), **band)
    verdict, words = judge_level(adjusted if claimed < adjusted else top, claimed, qualifier, decimals)
    return verdict, _("{words} (the nearer edge of the band the print can be in, {low} to {high})").format(
        words=words, **band)


def uncheckable(claim: ArticleClaim, reason: str, **extra) -> ArticleClaimResult:
    return ArticleClaimResult(claim, UNCHECKABLE, _("Not checkable: {reason}.").format(reason=reason), reason=reason,
                              **extra)


def not_sure(claim: ArticleClaim, reason: str, **extra) -> ArticleClaimResult:
    return ArticleClaimResult(claim, NOT_SURE, _("Not sure: {reason}.").format(reason=reason), reason=reason, **extra)
