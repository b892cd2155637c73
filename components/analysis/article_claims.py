"""Numeric claims of any article: what a claim says, and the rules that judge a figure against it.

An :class:`ArticleClaim` is one figure of a text, read by :mod:`components.text.claim_reader`: the
listing it is about, the day (in that listing's market), the measure and the claimed number with
its qualifier. :mod:`components.analysis.claim_checks` computes the figure from the prices and
:func:`judge` gives the verdict, one of :data:`VERDICTS`:

* a bare figure ("rose 8%") **matches** when the move rounds or truncates to it (7.5% to 8.99%);
  "about" allows 3% of the figure (at least half a unit); "more than X" needs at least X,
  "less than X" at most X; "nearly X" a little below X (up to 5% of it, at least one unit);
* **roughly**: within 1.5 units or 10% of the figure, half a unit short of a bound, or a little
  above a "nearly"; a day's move that misses at the close but holds at the day's high (or low) is
  "roughly" too: it was reached only intraday;
* **does not match**: anything further away, or a move the other way;
* **uncheckable**, with the reason: fundamentals, not a price, no listing named, the symbol not in
  the data, a day before the data starts (or after they end), a market closed that day.
Levels are prints: compared with the exchange's close, 0.1% (or the figure's last digit) matches and 1% is
roughly; where only the dividend-adjusted close is known, a figure inside the band the adjustment allows is
roughly, never a confident verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from components.analysis.claims import Figure

MATCHES, ROUGHLY, NO_MATCH, UNCHECKABLE = "matches", "roughly", "does not match", "uncheckable"
VERDICTS = (MATCHES, ROUGHLY, NO_MATCH, UNCHECKABLE)
# each measure in words, for the claims page and the report
MEASURE_WORDS = {"day": "a day's move", "open": "the open against the previous close", "intraday": "an intraday move",
                 "level": "a level", "points": "a change in points", "period": "a move over a period",
                 "rank_level": "a ranking of closes", "rank_return": "a ranking of daily moves",
                 "extended": "a premarket or after-hours move", "fundamental": "fundamentals", "other": "not a price"}
MEASURES = ("day", "open", "intraday", "level", "points", "period", "rank_level", "rank_return", "extended",
            "fundamental", "other")
ABOVE = ("more than", "over", "above", "at least", "upwards of", "in excess of", "just over", "just above")
BELOW = ("less than", "under", "below", "as little as")
NEARLY = ("nearly", "almost", "close to", "just under", "just shy of")
ABOUT = ("about", "around", "roughly", "some", "approximately", "an estimated")


@dataclass(frozen=True)
class ArticleClaim:
    """One figure of a text and how to check it (see the module's docstring for the measures).

    ``day`` is the day in the listing's market the figure is about; ``written_day`` False means it
    was implied (the publication session), so the listing's session on or before it is used.
    ``since`` is a period's first day (``period``) or, for a ranking, the day after which no higher
    (lower) value may occur.
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
    sign: int = 1  # for rankings: +1 highest / biggest gain, -1 lowest / biggest drop
    reason: str = ""  # why a fundamentals or other figure cannot be checked
    sentence_index: int = 0

    @property
    def claimed(self) -> str:
        """The claim's figure in words: 'more than 14%'."""
        return " ".join(x for x in (self.qualifier, self.quote) if x)


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


def judge(actual: float, claimed: float, qualifier: str = "", direction: int = 0, decimals: int = 0) -> tuple[str, str]:
    """The verdict on a figure (percent or points) against its claim, and why, in words."""
    if direction and actual * direction < 0 and abs(actual) >= 0.05:
        return NO_MATCH, f"it moved the other way ({actual:+.2f})"
    a, x, unit = (abs(actual) if direction else actual), claimed, 10.0 ** -decimals
    rough = max(1.5 * unit, 0.1 * abs(x))
    if qualifier in ABOVE:
        return _bounded(a >= x, a >= x - unit / 2, f"{a:.2f} against at least {x:g}")
    if qualifier in BELOW:
        return _bounded(a <= x, a <= x + unit / 2, f"{a:.2f} against at most {x:g}")
    if qualifier in NEARLY:
        band = max(unit, 0.05 * abs(x))
        if x - band <= a <= x + 1e-9:
            return MATCHES, f"{a:.2f} is a little below {x:g}"
        near = x < a <= x + max(unit, 0.02 * abs(x)) or x - 2 * band <= a < x - band
        return (ROUGHLY, f"{a:.2f} is near {x:g} but not just below it") if near else \
            (NO_MATCH, f"{a:.2f} is not nearly {x:g}")
    if qualifier in ABOUT:
        close = abs(a - x) <= max(unit / 2, 0.03 * abs(x))
    else:  # a bare figure, or "as much as": rounded or cut to the figure written
        close = x - unit / 2 <= a < x + unit
    if close:
        return MATCHES, f"{a:.2f} rounds to {x:g}"
    if abs(a - x) <= rough:
        return ROUGHLY, f"{a:.2f} is within {rough:.2g} of {x:g}"
    return NO_MATCH, f"{a:.2f} is {abs(a - x):.2f} away from {x:g}"


def _bounded(holds: bool, near: bool, words: str) -> tuple[str, str]:
    if holds:
        return MATCHES, words
    return (ROUGHLY, words + ", short by less than half a unit") if near else (NO_MATCH, words)


def judge_level(actual: float, claimed: float, qualifier: str = "", decimals: int = 0) -> tuple[str, str]:
    """A level (a print, in points or currency) against the claim: it matches when the print rounds or cuts to
    the figure as written or lies within 0.1% of it; "about" allows 1%, "above"/"below" need the bound;
    within 1% is roughly."""
    unit = 10.0 ** -decimals
    gap = abs(actual / claimed - 1.0) if claimed else float("inf")
    words = f"{actual:,.2f} against {claimed:,.2f}"
    if qualifier in ABOVE or qualifier in BELOW:
        holds = actual >= claimed if qualifier in ABOVE else actual <= claimed
        return (MATCHES, words) if holds else ((ROUGHLY, words + ", a little short") if gap <= 0.01 else
                                              (NO_MATCH, words))
    if qualifier in ABOUT or qualifier in NEARLY:
        return (MATCHES, words) if gap <= 0.01 else ((ROUGHLY, f"{words}: {gap:.1%} apart") if gap <= 0.02 else
                                                     (NO_MATCH, f"{words}: {gap:.1%} apart"))
    if claimed - unit / 2 <= actual < claimed + unit or gap <= 0.001:
        return MATCHES, words
    if gap <= 0.01:
        return ROUGHLY, f"{words}: {gap:.1%} apart"
    return NO_MATCH, f"{words}: {gap:.1%} apart"


def judge_adjusted_level(adjusted: float, claimed: float, bound: float, qualifier: str = "",
                         decimals: int = 0) -> tuple[str, str]:
    """A level where only the dividend-adjusted close is known: the print lies between it and ``bound`` above
    it. A figure in that band is consistent (roughly, never a confident match); outside it, the nearer edge of
    the band is judged as a print would be."""
    top = adjusted * (1 + bound)
    if adjusted * 0.999 <= claimed <= top * 1.001:
        return ROUGHLY, (f"{claimed:,.2f} lies in the band the print can be in ({adjusted:,.2f} to about {top:,.2f}), "
                         "so it may be exact")
    verdict, words = judge_level(adjusted if claimed < adjusted else top, claimed, qualifier, decimals)
    return verdict, words + f" (the nearer edge of the band the print can be in, {adjusted:,.2f} to {top:,.2f})"


def uncheckable(claim: ArticleClaim, reason: str, **extra) -> ArticleClaimResult:
    return ArticleClaimResult(claim, UNCHECKABLE, f"Not checkable: {reason}.", reason=reason, **extra)
