"""Section heads of a market report: a short line that only names a day or a period and ends with a colon
("On Friday:", "For the week:", "For the year:", as in the Associated Press's closing tables).

The figures of the paragraphs under a head, up to the next head or heading, belong to that day or period unless
they name their own; a paragraph that names another day or period ends the section ("With one week to go in trading
for the year, ..." after the lines under "For the trading week:").

A short paragraph whose subject is a period or a day and that gives no figure ("The second quarter saw the most
dramatic increases.", "Tuesday saw a rise in Hong Kong equities as ...") heads the one paragraph after it: "The S&P
500 and Nasdaq skyrocketed 11.42% and 16.76%" there are the quarter's moves.
"""

from __future__ import annotations

import re
from dataclasses import replace

from components.locale import _
from components.text import story
from components.text.article import is_heading
from components.text.date_types import Context, DateExpression
from components.text.dates import find_date_expressions

_HEAD = re.compile(r"(?:On|For|In|Over|During|Since) [^.:;!?]{2,40}:")
_PERIOD_LINE = re.compile(r"(?:The|This|Last|That) [^.:;!?\d]{2,40}? (?:saw|was|brought|delivered|marked|produced)\b"
                          r"[^.:;!?\d]{0,80}\.")
# the same of a day: "Tuesday saw a rise in Hong Kong equities as ...", a compilation's paragraph on that day's close
_DAY_LINE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri)day (?:saw|was|brought|delivered|marked)\b[^.:;!?\d]{0,300}\.")


def section_head(line: str, context: Context, market: str) -> DateExpression | None:
    """The day or period a section-head line names, or None when the line is no section head. A day must be one of
    the story's last two sessions of ``market``: a head naming another ("On Tuesday:" over Monday's closes in a
    story of Monday) is a slip of the template, and the figures under it keep the story's day."""
    text = line.strip()
    period_line = _PERIOD_LINE.fullmatch(text) is not None
    day_line = not period_line and _DAY_LINE.fullmatch(text) is not None
    if not (_HEAD.fullmatch(text) or period_line or day_line):
        return None
    if period_line:  # a market's period: "the second quarter" is the calendar's, not the company's fiscal one
        context = replace(context, fiscal_end=12)
    found = [e for e in find_date_expressions(text, context.published, context=context) if e.resolved]
    if len(found) != 1 or (period_line and not (found[0].is_range and found[0].start <= 12)) or (
            day_line and found[0].is_range):
        return None
    head = replace(found[0], reach="paragraph") if period_line or day_line else found[0]
    if not head.is_range:
        last = story.last_session(market, context.now)
        if head.start_date not in (last, story.previous_session(market, last)):
            return None
    return head


def is_head(line: str) -> bool:
    """Whether a line is only a section head ("For the week:"): it names when the lines under it are, no event."""
    return _HEAD.fullmatch(line.strip()) is not None


def under(head: DateExpression) -> str:
    """The rule of a clause dated by its section head."""
    if head.reach:
        return _("in the paragraph after the one about '{words}'").format(words=head.text)
    return _("under the section head '{words}:'").format(words=head.text)


def current(line: str, section: DateExpression | None, heading: bool, context: Context,
            market: str) -> DateExpression | None:
    """The section a paragraph stands in: its own head's, none after a heading or a paragraph that names another
    day or period than its section's, else the section it continues."""
    head = section_head(line, context, market) or (_week_heading(line, context) if heading or is_heading(line)
                                                   else None)
    if head is not None or heading or (section is not None and _names_another(line, section, context)):
        return head
    if section is not None and section.reach == "paragraph":  # a period's paragraph heads the next paragraph only
        return replace(section, reach="spent")
    return None if section is not None and section.reach == "spent" else section


# a heading over a week's figures: "Weekly Performance Snapshot: Tech Leads the Charge", "The Week in Review"
_WEEK_HEADING = re.compile(r"\bWeekly (?:Performance|Recap|Review|Wrap|Snapshot|Scorecard|Gains?|Losses|Moves?)\b"
                           r"|\bWeek in Review\b", re.IGNORECASE)


def _week_heading(line: str, context: Context) -> DateExpression | None:
    """The week of the story, for a heading that says the lines under it are the week's ("Weekly Performance
    Snapshot"), else None."""
    if not _WEEK_HEADING.search(line):
        return None
    week = next((e for e in find_date_expressions("this week", context.published, context=context) if e.resolved),
                None)
    return replace(week, text=_WEEK_HEADING.search(line).group()) if week is not None else None


def _names_another(line: str, head: DateExpression, context: Context) -> bool:
    return any(e.resolved and (e.start_date, e.end_date) != (head.start_date, head.end_date)
               for e in find_date_expressions(line, context.published, context=context))
