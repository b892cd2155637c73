"""Dates, numbers, percentages and prices written in the current run's language (Babel's CLDR data).

"Thu 6 Mar 2025" in English is "2025年3月6日 (週四)" in Hong Kong and "2025年3月6日 (周四)" on the mainland; a missing
value is "—" in every language; a change keeps its sign ("+8.39%", "−1.20%").
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from functools import lru_cache

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from components.locale import _, babel_locale, current

MISSING = "—"
_DAY = {"en": "EEE d MMM y", "zh-HK": "y年M月d日 (EEE)", "zh-CN": "y年M月d日 (EEE)"}
_DAY_SHORT = {"en": "d MMM", "zh-HK": "M月d日", "zh-CN": "M月d日"}


def day(value: dt.date | None, *, short: bool = False) -> str:
    """A trading day as a reader writes it: "Thu 6 Mar 2025" (or "6 Mar" with ``short``)."""
    if value is None:
        return MISSING
    return _written(value, (_DAY_SHORT if short else _DAY)[current()], babel_locale())


def _written(value: dt.date, pattern: str, locale: str) -> str:
    """``format_date`` of the day (Babel writes a datetime's own date too; two equal instants in other zones may
    fall on other days, so the memo is keyed on the day)."""
    return _written_day(value.date() if isinstance(value, dt.datetime) else value, pattern, locale)


@lru_cache(maxsize=4096)  # pages write the same few days on every rerun, and Babel reads its pattern each time
def _written_day(value: dt.date, pattern: str, locale: str) -> str:
    return babel_dates.format_date(value, pattern, locale=locale)


def number(value: float | None, decimals: int = 2) -> str:
    """A number with its grouping: "24,369.71"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return babel_numbers.format_decimal(value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0",
                                        locale=babel_locale())


# CLDR writes Hong Kong Chinese counts in K, M and B; Hong Kong's Chinese press writes 萬 and 億, as CLDR's zh_Hant
_COMPACT_LOCALE = {"zh-HK": "zh_Hant"}


def compact_number(value: float | None, decimals: int = 1) -> str:
    """A large count in the language's own units: 12,345,678 is "12.3M" in English, "1234.6萬" in Hong Kong and
    "1234.6万" on the mainland (a volume's axis and hover)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return babel_numbers.format_compact_decimal(value, format_type="short", fraction_digits=decimals,
                                                locale=_COMPACT_LOCALE.get(current(), babel_locale()))


def signed_percent(fraction: float | None, decimals: int = 2) -> str:
    """A change as a signed percentage: 0.0839 -> "+8.39%" (a minus sign, not a hyphen, below zero)."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return MISSING
    text = babel_numbers.format_percent(abs(fraction), format=f"#,##0.{'0' * decimals}%", locale=babel_locale())
    return ("+" if fraction > 0 else "−" if fraction < 0 else "") + text


def money(value: float | None, currency: str) -> str:
    """A price with its currency: "HK$140.80", "US$138.69"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return babel_numbers.format_currency(value, currency, locale=babel_locale())


# the reader's date shapes: each English pattern writes exactly what strftime wrote before ("Thu 06 Mar 2025")
_SHAPES = {
    "date": ("dd MMM y", "y年M月d日"),  # 06 Mar 2025
    "plain_date": ("d MMM y", "y年M月d日"),  # 6 Mar 2025
    "weekday_date": ("EEE dd MMM y", "y年M月d日 (EEE)"),  # Thu 06 Mar 2025
    "weekday_day": ("EEE dd MMM", "M月d日 (EEE)"),  # Thu 06 Mar
    "long_weekday_day": ("EEEE dd MMMM", "M月d日 (EEEE)"),  # Thursday 06 March
    "long_day": ("dd MMMM", "M月d日"),  # 06 March
    "month": ("MMMM", "M月"),  # March
    "month_year": ("MMMM y", "y年M月"),  # March 2025
}


def date_as(value: dt.date | None, shape: str) -> str:
    """A date in one of the reader's shapes (:data:`_SHAPES`): "date" is "06 Mar 2025" in English, "2025年3月6日" in
    Chinese; "weekday_day" is "Thu 06 Mar"; "month" is "March"."""
    if value is None:
        return MISSING
    english, chinese = _SHAPES[shape]
    return _written(value, english if current() == "en" else chinese, babel_locale())


def month_name(month: int) -> str:
    """A month's name: 3 -> "March" ("3月" in Chinese)."""
    return date_as(dt.date(2000, month, 1), "month")


def _fixed(value: float, decimals: int) -> Decimal:
    """``value`` rounded as Python's own formatting rounds it, so English reads exactly as ``f"{value:.2f}"``."""
    return Decimal(f"{value:.{decimals}f}")


def _sign(value: float) -> str:
    """The sign Python's ``+`` format writes: "+" from zero up, "-" below zero (and for a negative zero)."""
    return "-" if math.copysign(1.0, value) < 0 else "+"


def plus_minus_percent(fraction: float | None, decimals: int = 2) -> str:
    """A change as tables write it, with an ASCII sign on every value: 0.0839 -> "+8.39%", -0.012 -> "-1.20%"."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return MISSING
    text = babel_numbers.format_percent(abs(_fixed(fraction * 100, decimals)) / 100,
                                        format=f"0.{'0' * decimals}%" if decimals else "0%",
                                        locale=babel_locale(), decimal_quantization=False)
    return _sign(fraction) + text


def plus_minus_number(value: float | None, decimals: int = 2, *, grouping: bool = False) -> str:
    """A signed difference with an ASCII sign on every value: 4.83 -> "+4.83", -0.5 -> "-0.50" ("+1,234.50" with
    ``grouping``, as ``f"{value:+,.2f}"`` writes it)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return _sign(value) + fixed_number(abs(value), decimals, grouping=grouping)


def fixed_number(value: float | None, decimals: int = 2, *, grouping: bool = True) -> str:
    """A number with its grouping, rounded exactly as ``f"{value:,.2f}"`` rounds it: "24,369.71"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    whole = "#,##0" if grouping else "0"
    return babel_numbers.format_decimal(_fixed(value, decimals),
                                        format=f"{whole}.{'0' * decimals}" if decimals else whole,
                                        locale=babel_locale(), decimal_quantization=False)


def hover_day(*, year: bool = True) -> str:
    """Plotly's d3 format of a trading day in hover text: "%a %d %b %Y" in English ("Thu 06 Mar 2025")."""
    # Translators: a d3 time format read by plotly; keep the % codes valid (%Y year, %-m month, %-d day, %a weekday)
    return _("%a %d %b %Y") if year else _("%a %d %b")


def tick_date() -> str:
    """Plotly's d3 format of a date on a small chart's time axis: "%d %b %y" in English ("06 Mar 25")."""
    # Translators: a d3 time format read by plotly for a date tick; keep the % codes valid (%Y year, %-m month, %-d day)
    return _("%d %b %y")


_PADDED_DAY = {"en": "EEE dd MMM", "zh-HK": "M月d日 (EEE)", "zh-CN": "M月d日 (EEE)"}
_PADDED_YEAR = {"en": "EEE dd MMM y", "zh-HK": "y年M月d日 (EEE)", "zh-CN": "y年M月d日 (EEE)"}
_DAY_TIME = {"en": "EEE d MMM HH:mm", "zh-HK": "M月d日 (EEE) HH:mm", "zh-CN": "M月d日 (EEE) HH:mm"}


def padded_day(value: dt.date, *, year: bool = False) -> str:
    """A day as plotly's ticks write it: "Thu 06 Mar" ("Thu 06 Mar 2025" with ``year``)."""
    return babel_dates.format_date(value, (_PADDED_YEAR if year else _PADDED_DAY)[current()], locale=babel_locale())


_UTC_TIME = {"en": "EEE d MMM y HH:mm", "zh-HK": "y年M月d日 (EEE) HH:mm", "zh-CN": "y年M月d日 (EEE) HH:mm"}


def utc_time(moment: dt.datetime | None) -> str:
    """A moment as UTC's clock reads it, as a notice writes it: "Thu 6 Mar 2025 08:00 UTC" (a fetch time)."""
    if moment is None:
        return MISSING
    wall = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return babel_dates.format_datetime(wall, _UTC_TIME[current()], locale=babel_locale()) + " UTC"


def day_time(value: dt.datetime) -> str:
    """A day and a wall-clock time without the year: "Wed 5 Mar 13:53" (the clock ``value`` reads, not UTC's)."""
    wall = dt.datetime.combine(value.date(), value.time())
    return babel_dates.format_datetime(wall, _DAY_TIME[current()], locale=babel_locale())


_DAY_MONTH = {"en": "dd MMM", "zh-HK": "M月d日", "zh-CN": "M月d日"}


def day_month(value: dt.date) -> str:
    """A day and its month as a chart labels a point: "06 Mar"."""
    return babel_dates.format_date(value, _DAY_MONTH[current()], locale=babel_locale())


_DATE = {"en": "dd MMM y", "zh-HK": "y年M月d日", "zh-CN": "y年M月d日"}


def padded_date(value: dt.date) -> str:
    """A date without its weekday, as a report's header writes it: "06 Mar 2025"."""
    return babel_dates.format_date(value, _DATE[current()], locale=babel_locale())


_MONTH = {"en": "MMMM y", "zh-HK": "y年M月", "zh-CN": "y年M月"}


def month(value: dt.date) -> str:
    """A month and its year: "January 2025"."""
    return babel_dates.format_date(value, _MONTH[current()], locale=babel_locale())
