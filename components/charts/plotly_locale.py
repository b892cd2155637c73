"""Plotly's own words in the run's language: the mode bar's buttons, its notices, a candle's hover labels, and the
month and weekday names of every date plotly writes itself (time axis ticks, ``%b`` and ``%a`` in a hover format).

plotly.js takes these from its ``locale`` and ``locales`` options (a dictionary of its English sentences and a
``format`` of names and date patterns), so every chart, on a page or in the report, draws with :func:`plotly_config`.
The names and patterns come from Babel's CLDR data; the sentences from the catalogs. English keeps plotly's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel import numbers as babel_numbers

from components.locale import DEFAULT, N_, _, babel_locale, catalog_key

# plotly.js's sentences the app's charts can show (their exact English is plotly's key)
MODE_BAR = (
    N_("Download plot as a PNG"), N_("Zoom"), N_("Pan"), N_("Box Select"), N_("Lasso Select"), N_("Zoom in"),
    N_("Zoom out"), N_("Autoscale"), N_("Reset axes"), N_("Double-click to zoom back out"),
    N_("Double-click on legend to isolate one trace"), N_("Preparing image - this may take a few seconds"),
    N_("Image download succeeded"),
)
# Translators: a candle's labels in a chart's hover box, each followed by a price
CANDLE = (N_("open:"), N_("high:"), N_("low:"), N_("close:"))
# the date patterns plotly picks for automatic ticks, as CLDR skeletons: "2025", "Mar 2025", "Mar 3", "Mar 3, 2025"
TICK_SKELETONS = {"year": "y", "month": "yMMM", "dayMonth": "MMMd", "dayMonthYear": "yMMMd"}
# CLDR date fields as d3's time format writes them (plotly's)
_FIELDS = {"y": "%Y", "yyyy": "%Y", "yy": "%y", "M": "%-m", "MM": "%m", "MMM": "%b", "MMMM": "%B", "L": "%-m",
           "LL": "%m", "LLL": "%b", "LLLL": "%B", "d": "%-d", "dd": "%d", "E": "%a", "EE": "%a", "EEE": "%a",
           "EEEE": "%A", "H": "%-H", "HH": "%H", "h": "%-I", "hh": "%I", "m": "%-M", "mm": "%M", "s": "%-S",
           "ss": "%S", "a": "%p"}
_TOKEN = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|([^'A-Za-z]+)")


def d3_pattern(pattern: str) -> str:
    """A CLDR date pattern as a d3 time format: "y年M月d日" -> "%Y年%-m月%-d日", "MMM d, y" -> "%b %-d, %Y"."""
    out = []
    for match in _TOKEN.finditer(pattern):
        quoted, field, text = match.group(1), match.group(0), match.group(3)
        if quoted is not None:
            out.append((quoted.replace("''", "'") or "'").replace("%", "%%"))
        elif text is not None:
            out.append(text.replace("%", "%%"))
        elif field in _FIELDS:
            out.append(_FIELDS[field])
        else:
            raise ValueError(f"no d3 format for the CLDR field {field!r} in {pattern!r}")
    return "".join(out)


def _sunday_first(names) -> list[str]:
    """Babel's weekday names (0 is Monday) in plotly's order, Sunday first."""
    return [names[(i + 6) % 7] for i in range(7)]


def date_format(babel: str) -> dict:
    """plotly's ``format`` of a locale: month and weekday names, AM/PM, separators and date patterns (CLDR's)."""
    loc = Locale.parse(babel)
    days, months, periods = loc.days["format"], loc.months["format"], loc.day_periods["format"]["abbreviated"]
    skeletons = loc.datetime_skeletons
    date, time = d3_pattern(loc.date_formats["medium"].pattern), d3_pattern(loc.time_formats["medium"].pattern)
    return {
        "days": _sunday_first(days["wide"]), "shortDays": _sunday_first(days["abbreviated"]),
        "months": [months["wide"][m] for m in range(1, 13)],
        "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
        "periods": [periods["am"], periods["pm"]],
        "dateTime": loc.datetime_formats["medium"].replace("{1}", date).replace("{0}", time),
        "date": d3_pattern(loc.date_formats["short"].pattern), "time": time,
        "decimal": babel_numbers.get_decimal_symbol(babel), "thousands": babel_numbers.get_group_symbol(babel),
        **{key: d3_pattern(str(skeletons[skeleton])) for key, skeleton in TICK_SKELETONS.items()},
    }


@lru_cache(maxsize=8)
def _config(key: tuple[str, int]) -> dict:
    language = key[0]
    if language == DEFAULT:
        return {}
    dictionary = {english: _(english) for english in (*MODE_BAR, *CANDLE)}
    return {"locale": language,
            "locales": {language: {"dictionary": dictionary, "format": date_format(babel_locale(language))}}}


def plotly_config() -> dict:
    """The ``locale`` and ``locales`` options of plotly's config for the run's language (none in English): made once
    per language and catalog, the same dict each time (never change it)."""
    return _config(catalog_key())
