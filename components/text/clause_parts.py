"""The parts of a clause that decide which of its dates is the event's: main part, asides, reported speech.

* The **main part** ends where a subordinate part begins (", which ...", ", after ...", ", extending
  ...") or where reported speech begins ("Alibaba said on Monday | it will hold ... on Jan. 8").
* A **relative aside** (", which reported results on Wednesday,") dates something else than its
  sentence's verb: "Tencent, which reported ... on Wednesday, fell 1.5%" fell on its own day.
* A market move is dated by a day in its own comma-separated segment, else by one opening the
  clause ("On Monday, ...", "Overnight, ..."), never by one in an aside.
* A day that only an aside or the reported speech gives is a **second event** of the clause.
"""

from __future__ import annotations

import re

from components.text.date_types import DateExpression

SUBORDINATE = re.compile(r",\s(?:which|who|whose|after|before|as|while|when|extending|following|helped|lifted|driven"
                         r"|fuell?ed|boosted|according|adding|with|despite|amid|than|its|their)\b")
RELATIVE = re.compile(r",\s(?:which|who|whose)\b[^,;]{0,200}(?:,|$)")
REPORTED = re.compile(r"\b(?:said|says|announced|reported|confirmed|disclosed|revealed|told (?:[A-Z][\w.]*|analysts"
                      r"|investors|reporters))\b(?:,?(?: on)? (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                      r"|Sunday|today|yesterday)\b)?(?: that)?(?=\s)")
_PRONOUN = re.compile(r"^[\s,]*(?:which|who|that|it|they|the company|the group)\s+", re.IGNORECASE)


def main_end(text: str) -> int:
    """Where the main part of a clause ends (the whole clause when it has no subordinate part or reported speech)."""
    ends = [m.start() for m in [SUBORDINATE.search(text)] if m]
    said = REPORTED.search(text)
    if said and said.end() < len(text.rstrip(" .")) - 1:
        ends.append(said.end())
    return min(ends, default=len(text))


def asides(text: str) -> list[tuple[int, int]]:
    """(start, end) of each relative aside of a clause."""
    return [m.span() for m in RELATIVE.finditer(text)]


def _inside(e: DateExpression, spans: list[tuple[int, int]]) -> bool:
    return any(a <= e.start < b for a, b in spans)


def move_day(text: str, days: list[DateExpression], figure_at: int) -> DateExpression | None:
    """The day of a market move whose figure stands at ``figure_at``: one in the figure's segment, else one
    opening the clause; days in an aside do not count."""
    free = [e for e in days if not _inside(e, asides(text))]
    start = text.rfind(",", 0, figure_at) + 1
    comma = text.find(",", figure_at)
    end = comma if comma >= 0 else len(text)
    own = [e for e in free if start <= e.start < end]
    if own:
        return min(own, key=lambda e: abs(e.start - figure_at))
    first_comma = text.find(",")
    opening = [e for e in free if first_comma >= 0 and e.end <= first_comma]
    return opening[0] if opening else None


def main_day(text: str, days: list[DateExpression]) -> DateExpression | None:
    """The day of a clause that is not a move: the first of its main part, else the first outside asides."""
    end = main_end(text)
    main = [e for e in days if e.start < end and not _inside(e, asides(text))]
    rest = [e for e in days if not _inside(e, asides(text))]
    return (main or rest or days or [None])[0]


def second_event(text: str, days: list[DateExpression], chosen: DateExpression | None) -> tuple[DateExpression,
                                                                                               str] | None:
    """(day, words) of a second event: a day given only by an aside or by reported speech, other than ``chosen``."""
    end, spans = main_end(text), asides(text)
    for e in days:
        if chosen is not None and e.start_date == chosen.start_date:
            continue
        aside = next(((a, b) for a, b in spans if a <= e.start < b), None)
        if aside is None and e.start < end:
            continue
        part_start, part_end = aside or (end, len(text))
        cut = SUBORDINATE.search(text, part_start + 1)
        if cut and cut.start() < e.start and aside is None:
            continue
        if cut and aside is None:
            part_end = cut.start()
        subject = text[:min(a for a, _ in spans)] if aside else text[:end]
        subject = REPORTED.sub("", subject).strip(" ,")
        return e, f"{subject} {_PRONOUN.sub('', text[part_start:part_end])}".strip(" ,.")
    return None
