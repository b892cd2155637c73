"""Numeric claims of any article, read clause by clause: each figure with its listing, day and measure.

Every market figure becomes an :class:`~components.analysis.article_claims.ArticleClaim`: a % move,
a points change, a level ("to 19,828.30"), an open against the previous close ("opened 10%
higher"), an intraday extreme ("as much as"), a move over a period ("so far this year", "over the
past 12 months") and a ranking ("highest level since March", "biggest one-day gain since September
last year"). Figures about revenue, profit, a holding or a tariff are claims too, marked
uncheckable with the reason, and so is "beat analysts' estimates".

The listing is the one named nearest before the figure in its clause ("Hong Kong-listed" picks the
Hong Kong symbol, "US-listed" the US one, a bare company name the article's market), else the last
one named before. The day is the clause's day from the reader; a clause without one is about the
publication session. For a US listing in an Asian report the publication day means the US session
before it, which is the last one the writer could have seen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from components.analysis.article_claims import ArticleClaim, decimals_of
from components.facts import MAX_ARTICLE_CLAIMS
from components.text import clause_parts
from components.text import figures as F
from components.text.date_types import DateExpression
from components.text.listings_text import Listing, is_generic
from components.text.periods import ASIAN_PLACES, previous_weekday
from components.text.reader import Clause, Reading, publication_day, read_article

SPAN_KINDS = ("span", "since", "relative", "month", "year")
_SUB_CLAUSE = re.compile(r",\s(?:and|while|but|whereas|after|before|following|as|when|which|amid|despite)\s"
                         r"|\sand\s(?=(?:over|since|so far|in the)\b)|" + clause_parts.BARE.pattern)
# trading outside the regular session, which daily bars do not hold
_EXTENDED = re.compile(r"\b(?:pre-?market|after-?hours|extended(?:-hours)? trad(?:e|ing)|after the (?:closing )?bell"
                       r"|before the (?:opening )?bell|overnight trad(?:e|ing)|off-hours)\b", re.IGNORECASE)
_OWNED = 45  # characters after a ranking phrase within which its look-back stands
FUNDAMENTALS = "fundamentals (revenue, profit, growth, estimates) are not in price data"


PLACES = {"": "read from the text", "HK": "Hong Kong (an Asian report)", "US": "New York (a US report)"}


@dataclass(frozen=True)
class LoadedArticle:
    """An article a user brought: its text, publication date and market ("" = read from the text)."""

    text: str
    published: dt.date
    place: str = ""

    @property
    def label(self) -> str:
        """A short name: its "Title:" line, else its first line that is not a header line (plain text)."""
        lines = [line.strip() for line in self.text.splitlines()[:40] if line.strip()]
        title = next((line.split(":", 1)[1].strip() for line in lines if line.lower().startswith(("title:",
                                                                                                  "headline:"))), "")
        first = title or next((line for line in lines if not re.match(r"^(?:URL|Source|Published|Date|By)\b\s*:",
                                                                      line, re.IGNORECASE)), "")
        return (first[:70] + ("…" if len(first) > 70 else "")) or "(empty text)"


@dataclass
class _State:
    reading: Reading
    last: Listing | None = None
    claims: list[ArticleClaim] | None = None


def claims_of_text(text: str, published: dt.date | str, *, place: str | None = None) -> tuple[Reading,
                                                                                             list[ArticleClaim]]:
    """The text read, and its claims; ValueError for text over the limit or a bad date."""
    reading = read_article(text, published, place=place)
    return reading, read_claims(reading)


def read_claims(reading: Reading) -> list[ArticleClaim]:
    """Every claim of a text already read, in order, at most MAX_ARTICLE_CLAIMS."""
    state = _State(reading, claims=[])
    for clause in reading.clauses:
        for claim in _clause_claims(clause, state):
            if len(state.claims) < MAX_ARTICLE_CLAIMS:
                state.claims.append(claim)
        state.last = next((f for f in reversed(clause.listings) if f.symbol), state.last)
    return state.claims


def _clause_claims(clause: Clause, state: _State) -> list[ArticleClaim]:
    figures = [f for f in F.find_figures(clause.text) if not _repeats_money(f, clause.text)]
    ranks = F.find_superlatives(clause.text)
    owned = {id(r): _owned_span(r, clause) for r in ranks}
    free_spans = [e for e in clause.expressions if e.resolved and e.kind in SPAN_KINDS and e.is_range
                  and not any(s is e for s in owned.values())]
    out = []
    for i, fig in enumerate(figures):
        span = _attached(fig, i, figures, free_spans, clause.text)
        out.append(_figure_claim(fig, span, clause, state, len(state.claims) + len(out)))
    for rank in ranks:
        claim = _rank_claim(rank, owned.get(id(rank)), clause, state, len(state.claims) + len(out))
        if claim is not None:
            out.append(claim)
    if not any(c.measure == "fundamental" for c in out):
        beat = F.BEAT.search(clause.text)
        if beat:
            out.append(_claim(clause, len(state.claims) + len(out), beat.group(), "fundamental", reason=FUNDAMENTALS))
    return out


def _repeats_money(fig: F.Figure, text: str) -> bool:
    """A money figure in brackets right after another ("247.65 billion yuan ($34.73 billion)") is the same claim."""
    return fig.kind == "money" and text[max(0, fig.start - 2):fig.start].endswith("(")


def _claim(clause: Clause, n: int, quote: str, measure: str, **fields) -> ArticleClaim:
    return ArticleClaim(f"claim-{n + 1:03d}", clause.sentence, quote, measure, sentence_index=clause.sentence_index,
                        **fields)


def _owned_span(rank: F.Superlative, clause: Clause) -> DateExpression | None:
    """The look-back a ranking phrase reaches to: the first span just after it ("highest level since March")."""
    return next((e for e in clause.expressions if e.resolved and e.kind in SPAN_KINDS
                 and 0 <= e.start - rank.end <= _OWNED), None)


def _attached(fig: F.Figure, i: int, figures: list[F.Figure], spans: list[DateExpression],
              text: str) -> DateExpression | None:
    """The period a figure is measured over: the nearest span in its stretch of the clause."""
    lo = figures[i - 1].end if i else 0
    hi = figures[i + 1].start if i + 1 < len(figures) else len(text)
    for m in _SUB_CLAUSE.finditer(text, lo, hi):
        if m.end() <= fig.start:
            lo = m.end()
        elif m.start() >= fig.end:
            hi = min(hi, m.start())
    seg_lo, seg_hi = clause_parts.segment(text, fig.start)  # not a span after ", capping its best week since ..."
    inside = [e for e in spans if e.start >= lo and e.end <= hi and (seg_lo <= e.start < seg_hi or e.start < 5)]
    return min(inside, key=lambda e: min(abs(e.start - fig.end), abs(fig.start - e.end)), default=None)


def _listing(clause: Clause, position: int, state: _State) -> Listing | None:
    named = [f for f in clause.listings if f.start < position and f.symbol]
    if named:
        return named[-1]
    after = [f for f in clause.listings if f.symbol]
    return after[0] if after else state.last


def _day(clause: Clause, listing: Listing | None, state: _State) -> tuple[dt.date, str, bool]:
    """The day a clause's figure is about, the rule, and whether the day was written."""
    reading = state.reading
    market = listing.market if listing else reading.place
    if clause.day is None:
        day, rule = publication_day(reading.place, market, reading.published)
        return day, rule, False
    written = not clause.implicit or "previous move" in clause.implicit
    rule = clause.implicit or f"'{clause.date.text}': {clause.date.rule}"
    if written and reading.place in ASIAN_PLACES and market == "US" and clause.day == reading.published \
            and clause.date.kind != "overnight":
        return previous_weekday(clause.day), rule + "; in an Asian report that day's US session had not yet run", False
    return clause.day, rule, written


def _figure_claim(fig: F.Figure, span: DateExpression | None, clause: Clause, state: _State, n: int) -> ArticleClaim:
    if fig.kind in ("money", "pace") or fig.subject in ("fundamental", "other"):
        fundamental = fig.subject == "fundamental" or (fig.kind != "money" and fig.subject != "other")
        reason = FUNDAMENTALS if fundamental else "not a price: an amount, a stake or a rate that prices do not show"
        return _claim(clause, n, fig.text, "fundamental" if fundamental else "other", value=fig.value, reason=reason)
    listing = _listing(clause, fig.start, state)
    if listing is None or (is_generic(clause.text) and not any(f.start < fig.start for f in clause.listings)):
        return _claim(clause, n, fig.text, "other", value=fig.value,
                      reason="no single listing is named for this figure (a group of stocks or none)")
    day, day_rule, written = _day(clause, listing, state)
    fields = dict(symbol=listing.symbol, listing_rule=listing.rule, day=day, day_rule=day_rule, written_day=written,
                  value=fig.value, decimals=decimals_of(fig.text), qualifier=fig.qualifier, direction=fig.direction,
                  closing=bool(F.CLOSE.search(clause.text[max(0, fig.start - 25):fig.start])))
    fields.update(_period_fields(span, day))
    return _claim(clause, n, fig.text, _measure(fig, span, clause), **fields)


def _measure(fig: F.Figure, span: DateExpression | None, clause: Clause) -> str:
    if fig.kind == "points":
        return "points"
    if fig.kind == "level":
        return "level"
    text = clause.text
    lo, hi = text.rfind(",", 0, fig.start) + 1, text.find(",", fig.end)
    if _EXTENDED.search(text[max(lo, fig.start - 40):min(hi if hi >= 0 else len(text), fig.end + 40)]):
        return "extended"  # in the figure's own stretch ("rose 3% in premarket trading")
    before = clause.text[max(0, fig.start - 22):fig.start]
    if F.OPEN.search(before):
        return "open"
    if span is not None:
        return "period"
    near = clause.text[max(0, fig.start - 40):fig.end + 40]
    return "intraday" if fig.qualifier in ("as much as", "up to") or F.INTRADAY.search(near) else "day"


def _period_fields(span: DateExpression | None, day: dt.date) -> dict:
    if span is None:
        return {}
    # "over the past 12 months" counts from the close 12 months back; "so far this year" from the close before 1 Jan
    since = span.start_date + dt.timedelta(days=1) if "up to publication" in span.rule else span.start_date
    return {"since": since, "since_rule": f"'{span.text}': {span.rule}",
            **({"day": span.end_date, "written_day": False} if span.end_date < day else {})}


def _rank_claim(rank: F.Superlative, span: DateExpression | None, clause: Clause, state: _State,
                n: int) -> ArticleClaim | None:
    record = rank.text.lower().startswith(("record", "all-time"))
    if span is None and not record:
        return None
    listing = _listing(clause, rank.start, state)
    if listing is None:
        return None
    day, day_rule, written = _day(clause, listing, state)
    boundary, why = _boundary(span)
    quote = rank.text + (f" {clause.text[rank.end:span.end].strip()}" if span is not None else "")
    return _claim(clause, n, quote, f"rank_{rank.measure}", symbol=listing.symbol, listing_rule=listing.rule, day=day,
                  day_rule=day_rule, written_day=written, since=boundary, since_rule=why, sign=rank.sign)


def _boundary(span: DateExpression | None) -> tuple[dt.date | None, str]:
    """The day after which no session may beat the claimed one: the end of a named month or year, else the span's
    start ("in more than three years"), or None for a record."""
    if span is None:
        return None, "a record: every session in the data"
    if span.kind == "since" and "day named" in span.rule:
        return span.start_date, f"'{span.text}': after {span.start_date}"
    if span.kind == "since" and "month named" in span.rule:
        start = span.start_date
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return end, f"'{span.text}': after the end of {start:%B %Y}"
    if span.kind in ("since", "year") or (span.kind == "span" and span.rule.startswith("from ")):
        return dt.date(span.start_date.year, 12, 31), f"'{span.text}': after {span.start_date.year}"
    return span.start_date - dt.timedelta(days=1) if span.kind == "relative" else span.start_date, \
        f"'{span.text}': after {span.start_date}"
