"""Section heads of a market report: a short line that only names a day or a period and ends with a colon
("On Friday:", "For the week:", "For the year:", as in the Associated Press's closing tables).

The figures of the paragraphs under a head, up to the next head or heading, belong to that day or period unless
they name their own.
"""

from __future__ import annotations

import re

from components.text.date_types import Context, DateExpression
from components.text.dates import find_date_expressions

_HEAD = re.compile(r"(?:On|For|In|Over|During|Since) [^.:;!?]{2,40}:")
SECTION_RULE = "under the section head"


def section_head(line: str, context: Context) -> DateExpression | None:
    """The day or period a section-head line names, or None when the line is no section head."""
    text = line.strip()
    if not _HEAD.fullmatch(text):
        return None
    found = [e for e in find_date_expressions(text, context.published, context=context) if e.resolved]
    return found[0] if len(found) == 1 else None


def under(head: DateExpression) -> str:
    """The rule of a clause dated by its section head."""
    return f"{SECTION_RULE} '{head.text}:'"
