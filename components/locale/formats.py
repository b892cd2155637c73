"""Dates, numbers, percentages and prices written in the current run's language (Babel's CLDR data).

"Thu 6 Mar 2025" in English is "2025年3月6日 (週四)" in Hong Kong and "2025年3月6日 (周四)" on the mainland; a missing
value is "—" in every language; a change keeps its sign ("+8.39%", "−1.20%").
"""

from __future__ import annotations

import datetime as dt
import math

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from components.locale import babel_locale, current

MISSING = "—"
_DAY = {"en": "EEE d MMM y", "zh-HK": "y年M月d日 (EEE)", "zh-CN": "y年M月d日 (EEE)"}
_DAY_SHORT = {"en": "d MMM", "zh-HK": "M月d日", "zh-CN": "M月d日"}


def day(value: dt.date | None, *, short: bool = False) -> str:
    """A trading day as a reader writes it: "Thu 6 Mar 2025" (or "6 Mar" with ``short``)."""
    if value is None:
        return MISSING
    pattern = (_DAY_SHORT if short else _DAY)[current()]
    return babel_dates.format_date(value, pattern, locale=babel_locale())


def number(value: float | None, decimals: int = 2) -> str:
    """A number with its grouping: "24,369.71"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return babel_numbers.format_decimal(value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0",
                                        locale=babel_locale())


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
    return babel_dates.format_date(value, english if current() == "en" else chinese, locale=babel_locale())


def month_name(month: int) -> str:
    """A month's name: 3 -> "March" ("3月" in Chinese)."""
    return date_as(dt.date(2000, month, 1), "month")
