"""Quarters and fiscal years: "third-quarter", "Q3 2024", "the June quarter", "fiscal 2025", "the previous quarter",
"a third consecutive quarter", "the same quarter a year earlier". They follow the company's fiscal year when the text
gives one (``Context.fiscal_end``), calendar quarters otherwise; a quarter named without a year is the most recent
that had ended by publication, or the one running when the clause looks ahead.
"""

from __future__ import annotations

import datetime as dt
import re

from components.locale import _
from components.locale import formats as F
from components.text.date_types import (
    Context,
    DateExpression,
    add_months,
    count_of,
    month_number,
    month_span,
    months_before,
    resolved,
    unresolved,
)

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _months_later(day: dt.date, months: int) -> dt.date:
    return add_months(day, months)


def quarter_from(start: dt.date) -> tuple[dt.date, dt.date]:
    """The three months starting at ``start`` (the 1st of a month)."""
    return start, _months_later(start, 3) - dt.timedelta(days=1)


def shifted_quarter(quarter: tuple[dt.date, dt.date], n: int) -> tuple[dt.date, dt.date]:
    return quarter_from(_months_later(quarter[0], 3 * n))


def latest_quarter(start_month: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """The most recent quarter starting in ``start_month`` that had ended by ``published``."""
    for year in range(published.year, published.year - 3, -1):
        quarter = quarter_from(dt.date(year, start_month, 1))
        if quarter[1] <= published:
            return quarter
    raise AssertionError("a quarter ends every year")


def fiscal_start_month(number: int, fiscal_end: int) -> int:
    """The calendar month fiscal quarter ``number`` (1-4) starts in, for a year ending in ``fiscal_end``."""
    return (fiscal_end + 3 * (number - 1)) % 12 + 1


def fiscal_year(year: int, fiscal_end: int) -> tuple[dt.date, dt.date]:
    """Fiscal year ``year``: the twelve months ending in month ``fiscal_end`` of ``year``."""
    end = month_span(year, fiscal_end)[1]
    return months_before(end, 12) + dt.timedelta(days=1), end


def _fy_note(ctx: Context) -> str:
    if ctx.fiscal_end == 12:
        return _("calendar quarters (no fiscal year known for the company)")
    return _("the company's fiscal year ends in {month}").format(month=F.month_name(ctx.fiscal_end))


def numbered_quarter(m: re.Match, ctx: Context) -> DateExpression:
    number = ORDINALS.get((m.groupdict().get("ord") or "").lower()) or int(m.group("n"))
    year_text, fiscal = m.group("year"), bool(m.group("fiscal"))
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        if fiscal or m.group().upper().find("FY") >= 0:
            fy_start = fiscal_year(year, ctx.fiscal_end)[0]
            span = quarter_from(_months_later(fy_start, 3 * (number - 1)))
            return resolved(m, "quarter", span, _("fiscal Q{number} of fiscal {year}; {basis}").format(
                number=number, year=year, basis=_fy_note(ctx)), fiscal=ctx.fiscal_end != 12)
        return resolved(m, "quarter", quarter_from(dt.date(year, 3 * number - 2, 1)),
                        _("calendar Q{number} {year}").format(number=number, year=year))
    span, rule = _quarter_for(fiscal_start_month(number, ctx.fiscal_end), m, ctx)
    return resolved(m, "quarter", span, _("Q{number}, {rule}; {basis}").format(number=number, rule=rule,
                                                                               basis=_fy_note(ctx)),
                    fiscal=ctx.fiscal_end != 12)


def month_quarter(m: re.Match, ctx: Context) -> DateExpression:
    end_month = month_number(m.group("month"))
    span, rule = _quarter_for((end_month - 3) % 12 + 1, m, ctx)
    return resolved(m, "quarter", span, _("the quarter ending in {month}, {rule}").format(
        month=F.month_name(end_month), rule=rule))


def _quarter_for(start_month: int, m: re.Match, ctx: Context) -> tuple[tuple[dt.date, dt.date], str]:
    """A quarter named without a year: the one running at publication when the clause looks ahead ("will
    report its June-quarter results"), else the most recent that had ended by publication."""
    running = current_quarter(ctx.published)
    if ctx.tense(m.start(), m.end()) == "future" and running[0].month == start_month:
        return running, _("the one running at publication, as the clause looks ahead")
    if running[0].month == start_month and ctx.fiscal_end == 12 and (ctx.now - running[0]).days >= _LAST_MONTH \
            and not _RESULTS.match(ctx.sentence, m.end()):
        # "The S&P 500 gained more than 4% in the second quarter" on 26 June: this quarter so far, not last year's
        return (running[0], ctx.now), _("the one running at publication, in its last month: up to the story's day")
    return latest_quarter(start_month, ctx.published), _("the most recent that had ended by publication")


_LAST_MONTH = 60  # days into a quarter after which its name without a year is the quarter running
_RESULTS = re.compile(r"(?:\s|-)(?:\w+ )?(?:results|earnings|revenue|profit|sales|report|GDP|growth|figures|data)\b",
                      re.IGNORECASE)  # what a quarter covers, reported after it ends


def relative_quarter(m: re.Match, ctx: Context) -> DateExpression:
    word = (m.group("rel") or "").lower()
    last_ended = shifted_quarter(current_quarter(ctx.published), -1)
    if word in ("this", "current"):
        return resolved(m, "quarter-ref", current_quarter(ctx.published), _("the quarter of publication"))
    if word == "next":
        return resolved(m, "quarter-ref", shifted_quarter(current_quarter(ctx.published), 1),
                        _("the quarter after publication"))
    if word == "last" or (not ctx.quarter and word in ("previous", "prior", "preceding", "")):
        return resolved(m, "quarter-ref", last_ended, _("the last quarter that had ended by publication"))
    if word in ("previous", "prior", "preceding"):
        return resolved(m, "quarter-ref", shifted_quarter(ctx.quarter, -1),
                        _("the quarter before the last quarter named"))
    if word == "same":
        return resolved(m, "quarter-ref", shifted_quarter(ctx.quarter or last_ended, -4),
                        _("the same quarter a year earlier"))
    return resolved(m, "quarter-ref", ctx.quarter, _("the last quarter the text named"))


def _current_start(day: dt.date) -> int:
    return 3 * ((day.month - 1) // 3) + 1


def current_quarter(day: dt.date) -> tuple[dt.date, dt.date]:
    return quarter_from(dt.date(day.year, _current_start(day), 1))


def consecutive_quarters(m: re.Match, ctx: Context) -> DateExpression:
    count = ORDINALS.get((m.group("ord") or "").lower()) or count_of(m.group("n") or "x")
    if not count:
        return unresolved(m, "span", _("'{words}' counts quarters without a number").format(words=m.group()))
    last = ctx.quarter or shifted_quarter(current_quarter(ctx.published), -1)
    rule = _("counted back from the last quarter named") if ctx.quarter else _(
        "counted back from the last ended quarter")
    return resolved(m, "span", (shifted_quarter(last, 1 - count)[0], last[1]),
                    _("{count} quarters, {rule}").format(count=count, rule=rule))


def fiscal_year_named(m: re.Match, ctx: Context) -> DateExpression:
    text = m.group("year")
    year = int(text) + (2000 if len(text) == 2 else 0)
    return resolved(m, "fiscal-year", fiscal_year(year, ctx.fiscal_end),
                    _("fiscal {year}; {basis}").format(year=year, basis=_fy_note(ctx)))


def year_earlier_quarter(m: re.Match, ctx: Context) -> DateExpression:
    if ctx.quarter is None:
        return unresolved(m, "comparison", _("compares with a year earlier, but the text names no period"))
    return resolved(m, "comparison", shifted_quarter(ctx.quarter, -4),
                    _("the same quarter a year earlier (comparison)"))


class MonthMatch:
    """A match of "the June quarter" or "the quarter ended June", read through one ``month`` group."""

    def __init__(self, m: re.Match):
        self._m = m

    def group(self, name: str | int = 0):
        if name == "month":
            return self._m.group("month") or self._m.group("m2")
        return self._m.group(name)

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()
