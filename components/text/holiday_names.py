"""Holidays named in a market story ("in observance of Veterans Day", "ahead of the Dragon Boat Festival", "after the
three-day Lunar New Year holiday"): their days, from the public holidays of Hong Kong and the United States in the
``holidays`` package, in the calendar of the place the holiday belongs to.

The year is the occurrence nearest the publication date ("given Thursday's Thanksgiving holiday" in a Monday story),
unless the clause's tense points the other way: the last one on or before it in a past-tense clause, the first one on
or after it when the clause looks ahead. "Labor Day" is the story's place's: the first Monday of September in a US
story, 1 May in a Hong Kong one. The Lunar New Year holiday is its run of Hong Kong public holidays; Christmas Eve and
New Year's Eve, which are no public holidays, their calendar days.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import holidays

from components.locale import _
from components.locale.formats import date_as
from components.text.date_types import Context, DateExpression, resolved

# (what the text says, the country, the words of the package's holiday names it means)
_NAMED = (
    (r"Veterans Day", "US", "Veterans Day"),
    (r"Thanksgiving(?: Day)?", "US", "Thanksgiving"),
    (r"Independence Day|Fourth of July", "US", "Independence Day"),
    (r"Juneteenth", "US", "Juneteenth"),
    (r"Memorial Day", "US", "Memorial Day"),
    (r"Martin Luther King(?: Jr\.?)? Day|MLK Day", "US", "Martin Luther King"),
    (r"Presidents['’]? Day|Washington['’]s Birthday", "US", "Washington's Birthday"),
    (r"Columbus Day", "US", "Columbus Day"),
    (r"Christmas(?: Day)?(?! Eve)", "", "Christmas Day"),
    (r"Christmas Eve", "", "Christmas Eve"),
    (r"New Year['’]s Eve", "", "New Year's Eve"),
    (r"Labou?r Day", "", "Labor Day"),
    (r"Dragon Boat Festival|Tuen Ng(?: Festival)?", "HK", "Dragon Boat"),
    (r"Buddha['’]s Birthday", "HK", "Buddha"),
    (r"Ching Ming(?: Festival)?|Qingming(?: Festival)?|Tomb[- ]Sweeping (?:Day|Festival)", "HK", "Tomb-Sweeping"),
    (r"Chung Yeung(?: Festival)?|Double Ninth(?: Festival)?", "HK", "Double Ninth"),
    (r"Mid-Autumn Festival", "HK", "Mid-Autumn"),
    (r"(?:Lunar|Chinese) New Year(?: holidays?| break)?|Spring Festival(?: holidays?| break)?", "HK",
     "Chinese New Year"),
)
PATTERN = re.compile(r"\b(?:the )?(?:(?:three|four|two)-day )?(?:" + "|".join(f"(?:{p})" for p, _c, _w in _NAMED)
                     + r")\b")
_EVES = {"Christmas Eve": (12, 24), "New Year's Eve": (12, 31)}  # not public holidays: their calendar days
_SEASON = dt.timedelta(days=12)  # the days of one Lunar New Year holiday lie within this of each other
_OBSERVED = dt.timedelta(days=3)  # a holiday on a weekend is kept on the weekday next to it


@lru_cache(maxsize=8)
def _calendar(country: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    table = holidays.US(years=range(year - 1, year + 2)) if country == "US" else \
        holidays.HK(years=range(year - 1, year + 2))
    return tuple(sorted(table.items()))


# "will reopen on Monday after a week-long Lunar New Year holiday": the holiday just over, not next year's
_AFTER = re.compile(r"\b(?:after|following)\s(?:an?\s|the\s|its\s)?(?:[\w-]+\s){0,3}$", re.IGNORECASE)
_JUST_OVER = 14  # days since a holiday that "after the holiday" may still mean


def resolve(m: re.Match, ctx: Context) -> DateExpression:
    said = m.group()
    _pattern, country, words = next(entry for entry in _NAMED if re.search(entry[0], said))
    country = country or ("US" if ctx.place == "US" else "HK")
    days = [day for day, name in _calendar(country, ctx.published.year) if words in name] or [
        dt.date(y, *_EVES[words]) for y in range(ctx.published.year - 1, ctx.published.year + 2)]
    tense, published = ctx.tense(m.start(), m.end()), ctx.published
    near = min(days, key=lambda d: abs(d - published))  # "given Thursday's Thanksgiving holiday": this year's
    just_over = (published - near).days <= _JUST_OVER and _AFTER.search(m.string, max(0, m.start() - 40), m.start())
    if tense == "future" and near < published and not just_over or tense == "past" and near > published:
        near = ([d for d in days if d >= published][:1] if tense == "future" else
                [d for d in days if d <= published][-1:] or [near])[0]
    first = last = near
    observed = [d for d, name in _calendar(country, ctx.published.year) if words in name and "observed" in name
                and abs(d - first) <= _OBSERVED]
    if first.weekday() >= 5 and observed and words not in _EVES:  # "shut for Veterans Day" on a Saturday: the Friday
        first = last = observed[0]
    if words == "Chinese New Year":  # its run of days
        run = [d for d in days if abs(d - near) <= _SEASON]
        first, last = min(run), max(run)
    rule = _("'{words}': the public holiday of {place} on {first}").format(
        words=said, place=_("Hong Kong") if country == "HK" else _("the United States"), first=date_as(first, "date"))
    return resolved(m, "holiday", (first, last), rule)
