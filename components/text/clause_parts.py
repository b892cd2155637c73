"""The parts of a clause that decide which of its dates is the event's: main part, asides, reported speech.

* The **main part** ends where a subordinate part begins (", which ...", ", after ...", ", extending
  ...") or where reported speech begins ("Alibaba said on Monday | it will hold ... on Jan. 8").
* A **relative aside** (", which reported results on Wednesday,") dates something else than its
  sentence's verb: "Tencent, which reported ... on Wednesday, fell 1.5%" fell on its own day.
* A subordinate part may also begin without a comma ("Alibaba fell 5% after it unveiled a model on
  Sunday"): its day is the other event's (the model's), never the move's.
* A market move is dated by a day in its own segment (between commas, up to a subordinate part, before a
  "that"/"which" clause after it),
  else by one opening the clause ("On Monday, ...", "Overnight, ..."; not "After ... on Monday,"),
  never by one in an aside.
* A day that only an aside, a subordinate part (opening the clause or not) or the reported speech
  gives is a **second event** of the clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.text import lexicon
from components.text.date_types import DAY_KINDS, DateExpression

SUBORDINATE = re.compile(r",\s(?:which|who|whose|after|before|as|while|when|extending|following|helped|lifted|driven"
                         r"|fuell?ed|boosted|according|adding|with|despite|amid|than|its|their)\b")
# a part giving a cause or a circumstance of its own (not an appositive ", its slowest growth since 2014")
CAUSE = re.compile(r",\s(?:after|before|following|as|while|when|amid|despite|because|according to|ahead of)\b")
# a subordinate part that needs no comma: "fell 5% after it unveiled ...", "rose ahead of results on Thursday"
BARE = re.compile(r"(?<!\bthe)(?<!\bday)\s(?:after|before|following|ahead of|once|because|when|in the wake of"
                  r"|on the back of|as(?= (?:the|its|their|investors|traders|it|they)\s))\s"  # "lost 3% as the group
                  r"(?!(?:the )?(?:close|open|bell|session|lunch|break|hours|market)\b)")  # prepares to report ..."
# "as" that is not a subordinator: "As recently as October", "As of Friday", "As expected"
NOT_AS = r"(?! (?:recently|early|late|of|much|many|little|few|expected|usual|well|a result|part|such|long|soon|far)\b)"
OPENING_SUBORDINATE = re.compile(r"^\W*(?:after|before|following|ahead of|once|because|when|as" + NOT_AS
                                 + r"|while|since)\b", re.IGNORECASE)
CONJUNCTION = re.compile(r"^[\s,]*(?:after|before|following|ahead of|once|because|when|as|while)\s+", re.IGNORECASE)
# a relative or reported clause after a move's verb: "rebounded on the names that led it lower yesterday", "rose on
# a report that it will list on Friday": its day is not the move's
THAT = re.compile(r"\s(?:that|which|who)\s")
RELATIVE = re.compile(r",\s(?:which|who|whose)\b[^,;]{0,200}(?:,|$)")
REPORTED = re.compile(r"\b(?:" + lexicon.said_forms() + r"|told (?:[A-Z][\w.]*|analysts|investors|reporters))\b"
                      r"(?:,?(?: on)? (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b)?"
                      r"(?: that)?(?=\s)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def not_its_time(text: str, e: DateExpression, published) -> bool:
    """Whether a date is not the time of the clause's event: inside the quoted words of a clause that says who said
    them ('"... reforms this year," Goldman Sachs said': the speaker's time), or a deadline still to come ("to rent
    chips by next year", "by the end of 2030": when a plan is due, not when anything happened)."""
    for m in _QUOTED.finditer(text):
        if m.start() < e.start and e.end <= m.end():
            return bool(_SAYS.search(text[:m.start()] + " " + text[m.end():]))
    return e.is_range and e.start_date > published and bool(_BY.search(text, 0, e.start) or _PLANNED.search(
        text, max(0, e.start - 80), e.start))  # "projections signaling a more cautious approach to easing in 2025"


def looks_back(text: str, e: DateExpression) -> bool:
    """Whether a date is a ranking's look-back ("its biggest hike since 1994", "its longest since early January"): a
    point of reference of its own, never the day of its clause's event."""
    m = _RANK_SINCE.search(text, max(0, e.start - 60), e.start + (6 if e.text[:6].lower() == "since " else 0))
    return bool(m and not _SHEET_ITEM.match(text))  # not a data sheet's "--Largest gain since March 3" line


_SAYS = re.compile(r"\b(?:" + lexicon.said_forms() + r"|told|according to)\b")
# the words of a ranking that looks back ("its biggest hike since 1994"), for every reader of look-backs
SUPERLATIVE = (r"\b(?:biggest|largest|longest|highest|lowest|best|worst|steepest|sharpest|heftiest|strongest|weakest"
               r"|most|least|first)\b")
_RANK_SINCE = re.compile(r"(?:" + SUPERLATIVE + r"[^.;,]{0,40}\bsince|\b(?:not|last) seen (?:since|in))\s"
                         r"(?:early |late |mid-?)?$", re.IGNORECASE)  # "to lows not seen since November 2020"
RANKED = re.compile(SUPERLATIVE + r"[^.;,]{0,50}$", re.IGNORECASE)  # "its most substantial decline in nine months"
_SHEET_ITEM = re.compile(r"^\W*(?:--|[•·▪●–—-])\s*")
_PLANNED = re.compile(r"\b(?:" + "|".join(lexicon.SUBJECT_PERIOD_NOUNS) + r")\b[^.;]*$", re.IGNORECASE)
_BY = re.compile(r"\bby (?:the (?:end|close|start) of )?$", re.IGNORECASE)


# a clause that only continues a report: "The company added that ...", "It also said ...", "He further noted ..."
_WHO = r"^(?:It|He|She|They|(?:The\s)?(?:[\w.&'’-]+\s){0,3}?(?:company|group|firm|bank|ministry|[A-Z][\w.&'’-]*))\s"
CONTINUES = re.compile(_WHO + r"(?:also |further )?(?:added|noted)\b(?= that\b| it\b| the\b)|" + _WHO
                       + r"(?:also|further) (?:" + lexicon.said_forms() + r")\b")
_PRONOUN = re.compile(r"^[\s,]*(?:which|who|that|it|they|the company|the group)\s+", re.IGNORECASE)


def main_end(text: str) -> int:
    """Where the main part of a clause ends (the whole clause when it has no subordinate part or reported speech)."""
    ends = [m.start() for m in (SUBORDINATE.search(text), BARE.search(text)) if m]
    said = REPORTED.search(text)
    if said and said.end() < len(text.rstrip(" .")) - 1:
        ends.append(said.end())
    return min(ends, default=len(text))


def main_span(text: str) -> tuple[int, int]:
    """(start, end) of the main part: after a part that opens the clause with a subordinator ("After dipping on
    Wednesday, | markets soared | after ..."), up to the next subordinate part."""
    first = text.find(", ")
    if not (OPENING_SUBORDINATE.match(text) and first > 0):
        return 0, main_end(text)
    rest = text[first + 1:]
    return first + 1, first + 1 + main_end(rest)


def asides(text: str) -> list[tuple[int, int]]:
    """(start, end) of each relative aside of a clause."""
    return [m.span() for m in RELATIVE.finditer(text)]


def _inside(e: DateExpression, spans: list[tuple[int, int]]) -> bool:
    return any(a <= e.start < b for a, b in spans)


def segment(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the stretch of a clause around position ``at``: between commas, and not past a
    subordinate part that begins without one."""
    start = text.rfind(", ", 0, at) + 1  # ", ": not the comma of "21,000"
    start = max([start] + [m.end() for m in BARE.finditer(text, start, at) if m.end() <= at])
    comma = text.find(", ", at)
    end = comma if comma >= 0 else len(text)
    bare = BARE.search(text, at, end) or _AND_THE_PERIOD.search(text, at, end)
    return start, bare.start() if bare else end


# a second verb that takes the move over a period: "grew 1.5% to close at 17,877.79 and finish the week up 1.4%"
_AND_THE_PERIOD = re.compile(r"\s(?:and|to)\s(?:(?:finish|end|close|conclude|cap)(?:ed|s|ing)?|wrap(?:ped|s)? up)\s"
                             r"(?:the|its)\s(?:week|month|quarter|year)\b"
                             # "jumping 7% and extending its year-to-date gain to 130%": the period's own figure
                             r"|\s(?:and|to)\s(?:extend|lift|push|take|bring|boost|trim|pare|cut|narrow|widen)(?:s|ed|ing)?"
                             r"\s(?:its|their|the)\s(?:[\w-]+\s){0,3}(?:gains?|loss(?:es)?|rally|advance|decline|drop"
                             r"|rise|fall|slide)\b", re.IGNORECASE)


# what may stand between a figure and a day set off after it: the rest of its list ("10.1%, 7.2%, and 0.4%,
# respectively, on Thursday")
_TRAILING_DAY = re.compile(r"(?:,?\s(?:and\s)?[-+−]?\d[\d.,]*\s?(?:%|per ?cent|percent|points?))*"
                           r",?\s(?:respectively,?\s)?(?:on\s)?", re.IGNORECASE)


def _without_asides(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the asides that lie wholly inside it left out."""
    kept, at = [], start
    for a, b in sorted(asides(text)):
        if start <= a and b <= end:
            kept.append(text[at:a])
            at = b
    return "".join(kept) + text[at:end]


def move_day(text: str, days: list[DateExpression], figure_at: int) -> DateExpression | None:
    """The day of a market move whose figure stands at ``figure_at``: one in the figure's segment, else one
    opening the clause; days in an aside or a subordinate part do not count."""
    free = [e for e in days if not _inside(e, asides(text))]
    start, end = segment(text, figure_at)
    own = [e for e in free if start <= e.start < end and not THAT.search(text, figure_at, e.start)]
    if own:
        return min(own, key=lambda e: abs(e.start - figure_at))
    trailing = next((e for e in free if e.start >= end and _TRAILING_DAY.fullmatch(_without_asides(text, end, e.start))
                     and _AFTER_TRAILING.match(text[e.end:])), None)
    if trailing is not None:  # "rose 0.4% and 0.9%, respectively, on Friday": a day set off by a comma
        return trailing
    first_comma = next((i for i in (m.start() for m in re.finditer(", ", text))  # not the comma of "January 14, 2026"
                        if not any(e.start <= i < e.end for e in days)), -1)
    if first_comma < 0 or OPENING_SUBORDINATE.match(text) or first_comma > figure_at:
        return None
    opening = [e for e in free if e.end <= first_comma and not THAT.search(text, 0, e.start)]
    return opening[0] if opening else None


def main_day(text: str, days: list[DateExpression]) -> DateExpression | None:
    """The day of a clause that is not a move: the first of its main part, else the first outside asides."""
    end = main_end(text)
    main = [e for e in days if e.start < end and not _inside(e, asides(text))]
    rest = [e for e in days if not _inside(e, asides(text))]
    return (main or rest or days or [None])[0]


def second_event(text: str, days: list[DateExpression], chosen: DateExpression | None) -> tuple[DateExpression,
                                                                                               str] | None:
    """(day, words) of a second event: a day given only by an aside, a subordinate part or reported speech,
    other than ``chosen``; a part that opens with a conjunction is worded from its own subject."""
    end, spans = main_end(text), asides(text)
    first_comma = text.find(", ")
    if OPENING_SUBORDINATE.match(text) and CONJUNCTION.match(text) and first_comma > 0:
        # "After Alibaba reported results on Thursday, its shares rose 5%": the opening part is the other event
        for e in days:
            if e.end <= first_comma and (chosen is None or e.start_date != chosen.start_date):
                return e, CONJUNCTION.sub("", text[:first_comma]).strip(" ,.")
    for e in days:
        if chosen is not None and e.start_date == chosen.start_date:
            continue
        aside = next(((a, b) for a, b in spans if a <= e.start < b), None)
        if aside is None and e.start < end:
            continue
        part_start, part_end = aside or (end, len(text))
        cut = SUBORDINATE.search(text, part_start + 1)
        if cut and cut.start() < e.start and aside is None:
            # a later part holds the day: its own event when it opens with a conjunction (", after a report ...")
            held = [m for m in SUBORDINATE.finditer(text, part_start + 1) if m.start() < e.start][-1]
            if not CONJUNCTION.match(text[held.start():]):
                continue
            part_start, cut = held.start(), SUBORDINATE.search(text, e.end)
        if cut and aside is None:
            part_end = cut.start()
        part = text[part_start:part_end]
        inner = [m for m in BARE.finditer(text, part_start + 1, e.start)]  # ", extending gains after the company ..."
        if aside is None and inner:
            part = text[inner[-1].start():part_end]
        if aside is None and CONJUNCTION.match(part):  # "after the company said ...": a part with its own subject
            return e, CONJUNCTION.sub("", part).strip(" ,.")
        subject = text[:min(a for a, _ in spans)] if aside else text[:end]
        subject = REPORTED.sub("", subject).strip(" ,")
        return e, f"{subject} {_PRONOUN.sub('', part)}".strip(" ,.")
    return None


# what a market move owes to another: "buoyed by the strong performance of Wall Street on Thursday"
_CAUSED_BY = re.compile(r"\b(?:buoyed|boosted|lifted|helped|supported|dragged|weighed|pressured|hurt|spurred|driven"
                        r"|tracking|following|mirroring|echoing)(?: down| up)? (?:by )?(?:the |a |an )?(?:\w+ ){0,4}?"
                        r"(?:performance|showing|gains?|losses|rally|sell-?off|slump|rebound|lead|cues?)"
                        r" (?:of|on|in|from) ", re.IGNORECASE)


def cause_day(text: str, days: list[DateExpression], chosen: DateExpression | None) -> tuple[DateExpression,
                                                                                             str] | None:
    """(day, words) of the cause a move is put down to, when the cause has a day of its own other than the
    clause's ("the index was buoyed by the strong performance of Wall Street on Thursday")."""
    for e in days:
        cause = [m for m in _CAUSED_BY.finditer(text, 0, e.start) if e.start - m.end() <= 40]
        if cause and (chosen is None or e.start_date != chosen.start_date):
            return e, text[cause[-1].start():e.end]
    return None


@lru_cache(maxsize=1)
def coordinated() -> re.Pattern:
    """", and China retaliated", ", but shares fell", ", while Japan's Nikkei dropped": a coordinated clause with a
    subject (a name, a pronoun, a market noun) and a verb (a move, a verb of news, an auxiliary) of its own. The
    match is the comma before the conjunction, which stays with its clause."""
    verbs = set(lexicon.verb_directions()) | lexicon.inflections(lexicon.NEWS_VERBS) | {
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "may"}
    nouns = lexicon.alternation(sorted(re.escape(n) for n in lexicon.MARKET_NOUNS))
    subject = (r"(?:(?:the\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)*|it|they|its|their"
               rf"|(?:the |its |their )?(?:[\w-]+\s){{0,2}}?(?:{nouns}))")
    return re.compile(r",\s(?=(?:and|but|while|whereas)\s" + subject + r"\s(?:[a-z]+\s){0,2}?(?:"
                      + lexicon.alternation(sorted(re.escape(v) for v in verbs)) + r"|[a-z]{3,}ed)\b)")


def in_cause(text: str, at: int) -> bool:
    """Whether position ``at`` lies in a part that opens the clause with a subordinator ("After his
    disappearance in 2020, CNBC reported ...") or in a later subordinate part (", after it cut prices in March"):
    a date there is that part's event's, not the clause's (reported speech is not such a part)."""
    first = text.find(", ")
    if OPENING_SUBORDINATE.match(text) and 0 < first and at < first:
        return True
    cut = [m.start() for m in (CAUSE.search(text), BARE.search(text)) if m]
    return bool(cut) and min(cut) <= at and not (OPENING_SUBORDINATE.match(text) and min(cut) < first)


_COMPARED = re.compile(r"\b(?:from|than|versus|vs\.?|compared (?:with|to)|against)\b[^,;]{0,40}$", re.IGNORECASE)


# what may follow a day set off after the figures: the clause's end, or a part of its own ("..., respectively, on
# Monday as the government pledged support")
_AFTER_TRAILING = re.compile(r"\s*(?:[.,;]|$)|\s(?:" + lexicon.alternation(lexicon.SUBORDINATORS) + r")\s")
_SINCE_A_MOVE = r"since (?:a|an|the|its|their) [^,;]{0,30}?\bon\s"  # "since the 10% plunge on |Sept. 3"
_LOOKED_BACK_TO = re.compile(r"\b" + _SINCE_A_MOVE + "$", re.IGNORECASE)
_SINCE_TO_DAY = re.compile(r"\s*" + _SINCE_A_MOVE, re.IGNORECASE)


def since_a_move(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` only leads from a ranking to the day of the move it looks back to ("its biggest
    loss| since the 10% plunge on |Sept. 3")."""
    return _SINCE_TO_DAY.fullmatch(text, start, end) is not None
_FIGURE_FROM = re.compile(r"(?:\d|%|points?|per ?cent|percent)\s+from\s+$", re.IGNORECASE)


def figure_from(text: str, e: DateExpression) -> bool:
    """Whether ``e`` is the day a figure is measured from ("--Rose 24.69% from 52 weeks ago")."""
    return bool(_FIGURE_FROM.search(text[max(0, e.start - 40):e.start]))


# "Tuesday's rally": a move before the story's, by its day
POSSESSED_MOVE = re.compile(r"(?:['’]s)? (?:\w+ )?(?:rally|gains?|losses|loss|advance|rebound|surge|jump|slump|drop"
                            r"|decline|sell-?off|rout|rise|fall)\b")
_BUILT_ON = re.compile(r"\b(?:surrender|eras|par(?:e|ed|ing)\b|trim|revers|extend|add(?:ed|ing|s)? to"
                       r"|buil(?:t|d|ding) on|gave back|giv(?:e|es|ing) back|wip(?:e|ed|ing) out|undo|undid|recoup"
                       r"|recover)\w*\b[^,;.]{0,35}$", re.IGNORECASE)


def is_comparison(text: str, e: DateExpression, move: bool = True) -> bool:
    """Whether a day only dates what something is compared with ("down from 3.1 trillion yuan on Thursday", a
    move "added to gains from Monday"): a second event, never the clause's day. Outside a move, "from Tuesday"
    with no figure between is when something starts, not a comparison."""
    if POSSESSED_MOVE.match(text, e.end) and _BUILT_ON.search(text[max(0, e.start - 50):e.start]):
        return True  # "surrendered most of Tuesday's rally", "extending Monday's gains": the earlier move's day
    if _LOOKED_BACK_TO.search(text[max(0, e.start - 60):e.start]):
        return True  # "its biggest loss since the 10% plunge on Sept. 3": the day of the move looked back to
    m = _COMPARED.search(text[max(0, e.start - 60):e.start])
    return bool(m) and (move or any(ch.isdigit() for ch in m.group()) or bool(_FIGURE_FROM.search(
        text[max(0, e.start - 40):e.start])))  # "--Rose 24.69% from 52 weeks ago": a figure measured from it


_WHEN = re.compile(r",\swhen\s")


def when_date(text: str, days: list[DateExpression], ranges: list[DateExpression]) -> DateExpression | None:
    """The date of a ", when ..." part ("Shares jumped 5%, when the founder was seen in Hangzhou in early 2023"): the
    time of a move that gives none of its own."""
    m = _WHEN.search(text)
    if m is None:
        return None
    inside = [e for e in days + ranges if e.start >= m.end()]
    return min(inside, key=lambda e: e.start, default=None)


def clauses(sentence: str) -> list[str]:
    """A sentence's clauses: its parts between semicolons, and coordinated clauses with their own subject and verb
    (", and China retaliated on Friday", ", but shares fell 5%"), which keep their conjunction."""
    parts = [p.strip() for p in sentence.split(";") if p.strip()]
    return [q.strip(" ,") for p in parts for q in coordinated().split(p) if q.strip(" ,")]


def opens_sentence(text: str, sentence: str, date: DateExpression | None) -> bool:
    """Whether a day opens the sentence as an adverb of all of it ("Last Friday, the court struck down the tariffs,
    and the S&P closed up 0.69%"): a clause after it without a day of its own is of that day."""
    return date is not None and not date.is_range and date.start <= 4 and sentence.startswith(text) \
        and text[date.end:date.end + 1] == ","


def opening_phrase(text: str, at: int, part: str, expressions) -> str:
    """The words opening a clause before its first comma ("In pre-market trading, ..."), when a figure at ``at`` comes
    after them, unless the figure's own words (``part``) name its day ("fell 1.4% in premarket trade, following a 10%
    surge in the previous session": not the 10%'s)."""
    comma = text.find(",")
    own = any(e.resolved and not e.is_range and e.kind in DAY_KINDS and e.text and e.text in part for e in expressions)
    return text[:comma] if 0 < comma < at and not own else ""
