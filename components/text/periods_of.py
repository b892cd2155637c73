"""Periods a clause names that are not when its event happened, but what something covers.

* **A result's period**: "PDD posted 94% growth in the September quarter", "after third-quarter profit beat
  estimates", "Nvidia posted record Q4 revenue": the quarter (or fiscal year) is the period the result
  covers; the day the result came out is not given.
* **A forecast's, a plan's or a programme's period**: "cut their forecasts for growth this year", "a buyback
  programme through March 2027", "guidance for the fiscal second quarter": the period is what they cover.

Such a period never dates the clause's event; a clause with nothing else stays undated (listed, with why).
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.text import lexicon
from components.text.date_types import DateExpression

RESULT_KINDS = ("quarter", "quarter-ref", "fiscal-year")
_RESULTS = r"profits?|earnings|results|revenues?|sales|income"  # what a result or a forecast of one is of
_RESULT_NOUN = re.compile(rf"^[\s-]*(?:[\w-]+\s){{0,2}}?(?:{_RESULTS}|growth|guidance|loss|losses|numbers|figures"
                          r"|report)\b", re.IGNORECASE)

_RESULT_WORD = re.compile(rf"\b(?:{_RESULTS})\b", re.IGNORECASE)
# "it expects another $45 billion worth of sales in the current quarter": the quarter a forecast covers
_EXPECTS_RESULT = re.compile(rf"\b(?:expects?|forecasts?|projects?|guided|sees)\b[^.;]{{0,60}}?\b(?:{_RESULTS})\b"
                             r"[^.;]{0,20}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _result_verb() -> re.Pattern:
    forms = lexicon.inflections(lexicon.RESULT_VERBS)
    return re.compile(r"(?<![\w-])(?:" + lexicon.alternation(sorted(re.escape(f) for f in forms)) + r")(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _covering() -> re.Pattern:
    nouns = lexicon.alternation(sorted(re.escape(n) for n in lexicon.SUBJECT_PERIOD_NOUNS))
    return re.compile(rf"\b(?:{nouns})\b(?:(?: [\w'’$.-]+){{0,5}}? (?:for|through|to|until|covering|in))?\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)


def covered(text: str, e: DateExpression) -> bool:
    """Whether ``e`` is the period a result, forecast or programme covers rather than when its clause happened."""
    before = text[max(0, e.start - 80):e.start]
    after = text[e.end:e.end + 80]  # "In the first quarter of 2025 alone, the company reported its revenue soared"
    if e.kind in RESULT_KINDS and (_RESULT_NOUN.match(after[:40]) or _result_verb().search(before) or (
            _result_verb().search(after) and _RESULT_WORD.search(after)) or _EXPECTS_RESULT.search(before)):
        return True
    return bool(_covering().search(before))
