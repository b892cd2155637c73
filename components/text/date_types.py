"""What a date expression resolves to, the context it is resolved in, and the tense around it.

Shared by :mod:`components.text.dates` (days, months, years, weekdays, relative phrases) and
:mod:`components.text.periods` (spans, look-backs, quarters, "overnight", reference words).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping

from components.facts import EVENT_YEARS
from components.locale import _
from components.locale.formats import date_as

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
# Words that put a date after publication: the future, schedules, plans.
FUTURE_WORDS = re.compile(r"\b(?:will|would|shall|might|won't|upcoming|scheduled|plans? to|planning to|expected to"
                          r"|prepar(?:es|ing) to|(?:is|are) preparing"
                          r"|expects? to"
                          r"|(?:is|are) (?:set|due|slated) to|(?:is|are) due\b|later this|in the coming"
                          r"|on (?:course|track|pace) to|poised to|tipped to|figures? to|likely to"
                          r"|set to open|(?:is|are|remains?|stays?) (?:closed|shut)"
                          # a decision still to come: "signaled potential rate cuts in December"
                          r"|(?:potential|possible|prospective"
                          r"|(?:chances?|odds|prospects?|expectations?|bets?) (?:of|for|on)(?: an?)?)"
                          r" (?:\w+ )?(?:rate )?(?:cuts?|hikes?|increases?"
                          r"|reductions?|easing|tightening)"
                          r"|(?:this|next) week['’]s (?:earnings |economic |data )?(?:calendar|schedule|agenda)"
                          r"|(?:the|its|their) next (?:\w+ ){0,2}(?:meeting|gathering|decision|review))\b"  # "at the
                          # next policy meeting in September": a month to come
                          r"|'ll\b"
                          r"|\b(?-i:may)\b(?! (?:have|well have)\b)",  # the modal, not the month

                          re.IGNORECASE)
# Right before a date, these point ahead ("starting June 1", "by March 31") unless the clause is plainly past.
AHEAD_BEFORE = re.compile(r"\b(?:starting|beginning|effective|until|till|due|by|no later than"
                          r"|as (?:soon|early) as)(?: on| from)?\s+$|\bdue (?:after|before)\s+$", re.IGNORECASE)
# Awaiting what a date names points ahead even in a past-tense report ("were mixed ahead of Wednesday's Fed decision",
# "heading into its earnings results after the bell on Wednesday", "due out on Wednesday"), unless it "had" happened.
AWAITED = re.compile(r"\b(?:ahead of(?! the (?:bell|open|opening|close|closing)\b)|await(?:s|ed|ing)?|heading into"
                     r"|in the run-up to|due out|(?<=, )expected(?! to\b)|look(?:s|ed|ing)? forward to"
                     r"|before (?:the )?[\w'’ .-]{0,40}?(?:meeting|decision|release|report|results|earnings"
                     r"|announcement|speech|testimony|vote|election)s? on"
                     r"|when (?:it|they|[\w'’ .-]{1,30}?) (?:meets?|convenes?|reports?|releases?|decides?|votes?))"
                     r"\b[^,;.]{0,90}$", re.IGNORECASE)  # "the Fed ... when it meets on October 29": ahead
_HAPPENED = re.compile(r"\b(?:had|after(?! (?:the )?(?:bell|close|markets? close)))\b", re.IGNORECASE)
STRONG_PAST = re.compile(r"\b(?:was|were|had|did|said|ago)\b", re.IGNORECASE)
PAST_TENSE = re.compile(r"(?<![-\w])(?:was|were|had|did|said|since|last|ago|earlier|previous"  # not "U.S.-traded"
                        r"|(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bremain )(?<!\bstay )"  # "will be closed": not a past
                        r"(?!(?:mixed|muted|subdued|unchanged|limited|listed|based|related|interested)\b)\w{3,}ed"
                        r"|rose|fell|sank"
                        r"|slid|shrank"
                        r"|grew|hit|met|told|saw|made|took|gave|got|won|lost|sold|bought|paid|began|held|led|left"
                        r"|brought|came|went|spent|struck|swung|leapt|leaped|ran|shed|saw|became|wrote|spoke)\b",
                        re.IGNORECASE)
# "scheduled", "expected" end in -ed but point ahead: the future is looked for first.
_SUB_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\s(?:as|while|whereas|because|although)\s(?=the\s|[A-Z])")


@dataclass(frozen=True)
class DateExpression:
    """A date expression in a sentence; ``start``/``end`` are offsets in that sentence.

    Resolved expressions carry ``start_date``/``end_date`` (equal for a single day) and the ``rule``
    used; unresolved ones carry ``reason`` instead. ``tz`` is the zone of the day when it is not the
    article's own (a US session in a Hong Kong report); ``qualifier`` keeps "early", "morning"...
    """

    text: str
    start: int
    end: int
    kind: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    rule: str = ""
    note: str = ""
    reason: str = ""
    anchor: str = ""
    offset_days: int = 0
    tz: str = ""
    qualifier: str = ""
    to_publication: bool = False  # a span back from publication ("over the past 12 months"): its base is that date
    reach: str = ""  # a section head's: "" up to the next head, "paragraph" the next paragraph only, "spent" after it
    outside_years: bool = False  # unresolved because its period falls outside the years the app handles
    fiscal: bool = False  # a quarter of a company's fiscal year that is not the calendar's: it dates results only

    @property
    def resolved(self) -> bool:
        """True when the expression has a date or a period."""
        return self.start_date is not None

    @property
    def is_range(self) -> bool:
        """True when it resolves to a period of more than one day."""
        return self.resolved and self.start_date != self.end_date


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against: the publication date and what the text said before.

    ``place`` is the article's market ("HK", "US"...); ``fiscal_end`` the month the fiscal year of
    the company it is about ends; ``day`` the last day the text named (for "that day") and
    ``quarter`` the last quarter it named (for "the quarter", "the previous quarter").
    """

    published: dt.date
    anchors: Mapping[str, dt.date] = field(default_factory=dict)
    sentence: str = ""
    place: str = "HK"
    fiscal_end: int = 12
    day: dt.date | None = None
    quarter: tuple[dt.date, dt.date] | None = None
    story: dt.date | None = None  # the session the story reports, when its dateline or lead gives one
    market: str = ""  # the market of the clause's listing, whose calendar "the previous session" counts on

    @property
    def now(self) -> dt.date:
        """The story's own day: what "this week" and "so far this year" run to (the publication day by default, the
        Friday before for a story published at the weekend, when no market trades)."""
        if self.story is not None:
            return self.story
        return self.published - dt.timedelta(days=max(0, self.published.weekday() - 4))

    def tense(self, start: int, end: int) -> str:
        """'future', 'past' or '' for the words around ``sentence[start:end]`` (its sub-clause first)."""
        return tense_at(self.sentence, start, end)


@lru_cache(maxsize=32)
def _marks(sentence: str) -> tuple[list[int], list[tuple[int, int, str]], list[int], list[int]]:
    """The sentence's tense words (positions, and (position, future first, tense) sorted) and its sub-clause
    breaks (starts and ends), found once per sentence so each date's tense is a lookup, not a new scan."""
    marks = sorted([(m.start(), 1, "future") for m in FUTURE_WORDS.finditer(sentence)]
                   + [(m.start(), 0, "past") for m in PAST_TENSE.finditer(sentence)])
    cuts = [(m.start(), m.end()) for m in _SUB_CLAUSE.finditer(sentence)]
    return [m[0] for m in marks], marks, [c[0] for c in cuts], [c[1] for c in cuts]


def _nearest(sentence: str, lo: int, hi: int, from_end: bool) -> str:
    """The tense of the marker nearest to one end of ``sentence[lo:hi]`` (a word that is both, "scheduled",
    is future)."""
    positions, marks, _spans, _ends = _marks(sentence)
    i, j = bisect_left(positions, lo), bisect_left(positions, hi)
    if i >= j:
        return ""
    if from_end:
        return marks[j - 1][2]
    return marks[bisect_right(positions, positions[i]) - 1][2]  # at one position, the future word wins


def tense_at(sentence: str, start: int, end: int) -> str:
    """'future', 'past' or '' for ``sentence[start:end]``: the tense word nearest to it in its sub-clause
    (before it, else after it); for a date opening the sentence ("Late on Thursday, X said ..."), the verb
    of the clause it introduces; else the first tense word of the sentence."""
    _, _, cut_starts, cut_ends = _marks(sentence)
    k = bisect_right(cut_ends, start) - 1  # the last break ending at or before the date
    n = bisect_left(cut_starts, end)  # the first break starting at or after it
    lo = cut_ends[k] if k >= 0 else 0
    hi = cut_starts[n] if n < len(cut_starts) else len(sentence)
    part = sentence[lo:start] + " " + sentence[end:hi]
    ahead = AHEAD_BEFORE.search(sentence[max(0, start - 24):start])
    after = sentence[end:end + 80]  # "By April 4, the government announced ...": done by then
    done_by = ahead is not None and ahead.group().lower().startswith("by") and \
        (PAST_TENSE.search(after) or PAST_TENSE.search(part)) and not FUTURE_WORDS.search(part + " " + after)
    if ahead and not STRONG_PAST.search(part) and not done_by:
        return "future"
    if AWAITED.search(sentence[max(0, start - 100):start]) and not _HAPPENED.search(part):
        return "future"
    found = _nearest(sentence, lo, start, True) or _nearest(sentence, end, hi, False)
    if found:
        return found
    if not sentence[lo:start].strip(" \"'“‘(") and n < len(cut_starts):
        after_end = cut_ends[n]
        following = cut_starts[n + 1] if n + 1 < len(cut_starts) else len(sentence)
        found = _nearest(sentence, after_end, following, False)
    return found or _nearest(sentence, 0, start, False) or _nearest(sentence, end, len(sentence), False)


def checked_date(published: dt.date | str) -> dt.date:
    """The publication date as a ``datetime.date`` (accepts a date, a datetime or an ISO string)."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(published, dt.date):
        try:
            published = dt.date.fromisoformat(str(published))
        except ValueError:
            raise ValueError(_("The publication date '{published}' is not a date such as 2025-06-10.").format(
                published=published)) from None
    if not EVENT_YEARS[0] <= published.year <= EVENT_YEARS[1]:
        raise ValueError(_("The publication date {published} is outside the years {first}–{last} this app "
                           "handles.").format(published=date_as(published, "date"), first=EVENT_YEARS[0],
                                              last=EVENT_YEARS[1]))
    return published


def in_years(day: dt.date) -> bool:
    """Whether a day lies in the years the app handles (EVENT_YEARS)."""
    return EVENT_YEARS[0] <= day.year <= EVENT_YEARS[1]


def month_number(name: str) -> int:
    """1..12 for a month name or its abbreviation ("Sept.", "march")."""
    return MONTH_NUMBERS[name.rstrip(".").lower()[:3]]


def count_of(word: str) -> int | None:
    """A count written as digits or a word ("three" is 3); None for anything else."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def one_day(start: dt.date, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    return start, end or start


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=4)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (earlier when negative), the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shifted_month(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    first = add_months(day.replace(day=1), months)
    return month_span(first.year, first.month)


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    return add_months(day, -months)


def resolved(m: re.Match, kind: str, span: tuple[dt.date, dt.date], rule: str, note: str = "",
             **extra) -> DateExpression:
    """A resolved expression for match ``m``; an empty or out-of-range period becomes unresolved."""
    if span[0] > span[1]:
        return unresolved(m, kind, _("'{words}' gives an empty period for this publication date").format(
            words=m.group()))
    if not (in_years(span[0]) and in_years(span[1])):
        return unresolved(m, kind, _("'{words}' falls outside the years {first}–{last}").format(
            words=m.group(), first=EVENT_YEARS[0], last=EVENT_YEARS[1]), outside_years=True)
    return DateExpression(m.group(), m.start(), m.end(), kind, span[0], span[1], rule, note, **extra)


def unresolved(m: re.Match, kind: str, reason: str, anchor: str = "", offset: int = 0, **extra) -> DateExpression:
    return DateExpression(m.group(), m.start(), m.end(), kind, reason=reason, anchor=anchor, offset_days=offset,
                          **extra)


def since_day(e: DateExpression) -> bool:
    """Whether a "since" expression names a day ("since Nov. 11", "since Tuesday, Jan. 17, 2023"), not a month or a
    year ("since March", "since 2021")."""
    return e.kind == "since" and bool(_DAY_OF_MONTH.search(e.text))


_DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday"
                           r"|Saturday|Sunday)\b")  # "since Nov. 11", "since last Friday"

# the kinds of expression that name one day
DAY_KINDS = ("absolute", "weekday", "relative", "overnight", "reference", "offset")


def anchored(e: DateExpression, ctx: Context) -> bool:
    """Whether ``e`` is a day or quarter later references count from ("the next day", "the quarter")."""
    if not e.resolved:
        return False
    if e.kind in DAY_KINDS and not e.is_range:
        return e.start_date != ctx.day
    return e.kind == "quarter" and (e.start_date, e.end_date) != ctx.quarter  # a quarter named, not "the quarter"


def leaves_the_day(e: DateExpression, ctx: Context) -> bool:
    """Whether the text moves to a past quarter without the last day it named ("Last quarter earnings came in ...":
    a later "the next day" is after a day it does not give)."""
    return e.resolved and e.kind in ("quarter", "quarter-ref") and ctx.day is not None and not (
        e.start_date <= ctx.day <= e.end_date) and e.end_date < ctx.published


def advanced(ctx: Context, e: DateExpression) -> Context:
    """``ctx`` with ``e`` as the day (or quarter) later references count from."""
    if e.kind == "quarter":
        return replace(ctx, quarter=(e.start_date, e.end_date))
    return replace(ctx, day=e.start_date)
