"""When a figure is no price at all: an amount, a rate, revenue, a stake, a share of something, a contribution, an
average, a move the text says did not happen, or a forecast. :func:`not_a_price` is asked before any measure rule
(:mod:`components.text.measure_rules`)."""

from __future__ import annotations

import re

from components.locale import N_, _
from components.text import lexicon as L
from components.text.claim_subjects import Owner, asides, part_of
from components.text.quantities import Quantity

# a move said as a noun after the figure: "a 0.7% gain of the S&P 500", "since the 10% plunge"
MOVE_NOUN = re.compile(r"\s(?:[\w-]+\s)?(?:drop|fall|slide|decline|loss|plunge|slump|tumble|sell-?off|rout|gain|rise"
                       r"|jump|surge|rally|advance|climb)s?\b", re.IGNORECASE)
_NOT_PRICE = L.words_pattern(L.NOT_PRICE, 0)
_CONTRIBUTION = re.compile(r"\bcontribut(?:or|ors|ion|ions|ing|ed)\b", re.IGNORECASE)
_YEAR_ON_YEAR = re.compile(r"^\s?(?:\w+\s)?(?:" + L.alternation([re.escape(w) for w in L.YEAR_ON_YEAR]) + r")\b",
                           re.IGNORECASE)
_FUNDAMENTAL = L.words_pattern(L.FUNDAMENTALS, 0)
_NOT_PRICE_ANY, _FUNDAMENTAL_ANY = L.words_pattern(L.NOT_PRICE), L.words_pattern(L.FUNDAMENTALS)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs with".split())


def _title_case(text: str) -> bool:
    """Whether words are written as a headline's, nearly every one capitalised ("Annual Profit Soaring 68%")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def not_a_price(q: Quantity, owner: Owner, text: str) -> tuple[str, str] | None:
    """(measure, reason) for a figure that is no price: an amount, a rate, revenue, a stake, a target, ...."""
    if q.kind == "unread":
        return "unread", _("the number {problem}; it is listed, not judged").format(problem=q.problem)
    if q.kind == "pace":
        return "fundamental", _(L.FUNDAMENTALS_REASON)
    if q.kind == "rate":
        return "other", _("percentage points: a change in a rate, not a price")
    if _NEGATED.search(text[max(0, q.start - 40):q.start]):
        return "other", _("a move the text says did not happen, not a price to check")
    if q.kind == "percent" and _SHARE_OF.match(text, q.end):
        return "other", _("a share of something (\"90 per cent of last year's purchases\"), not a price move")
    if q.kind in ("points", "percent") and _CONTRIBUTION.search(text, part_of(text, q.start)[0], q.start):
        return "other", _(L.NOT_PRICE["contribution"])  # "the largest contributor, driving the index's rise by 1,332"
    if _AVERAGE.search(text[max(0, q.start - 40):q.start]) or _ON_AVERAGE.search(text, part_of(text, q.start)[0],
                                                                                   q.start):
        return "other", _("an average over many years or sessions, not one move to check")
    if _YEAR_ON_YEAR.match(text[q.end:q.end + 30]) and not _price_over_a_year(q, owner, text):
        return "fundamental", _("{reason} (a comparison with a year before)").format(reason=_(L.FUNDAMENTALS_REASON))
    forecast = _forecast(q, text) if q.kind in ("level", "percent", "points") else None
    if forecast:
        return "other", _("a price expected, not one that traded ('{words}')").format(words=forecast)
    for window in _what_it_measures(q, owner, text):
        found = _noun_reason(window, text)
        if found is not None:
            return found
    if q.kind == "money":
        return "other", _("an amount of money (a value, turnover or earnings), not a price")
    return None


def _price_over_a_year(q: Quantity, owner: Owner, text: str) -> bool:
    """"The index is up 30% year-on-year" is a price over a year; "revenue of 247 billion yuan, up 2% year-on-year"
    is not, even with the company as the subject: a result named between them decides."""
    if owner.subject is None or owner.subject.kind not in ("index", "market", "company", "other"):
        return False
    between = text[owner.subject.end:q.start] if owner.subject.end <= q.start else ""
    return owner.subject.kind != "company" or not _FUNDAMENTAL.search(between)


def _noun_reason(window: str, text: str) -> tuple[str, str] | None:
    headline = _title_case(text)  # "Annual Profit Soaring 68%": a headline's capitals
    noun, fundamental = (_NOT_PRICE_ANY, _FUNDAMENTAL_ANY) if headline else (_NOT_PRICE, _FUNDAMENTAL)
    noun, fundamental = noun.search(window), fundamental.search(window)
    if fundamental and (not noun or fundamental.start() > noun.start()):
        return "fundamental", _(L.FUNDAMENTALS_REASON)
    if noun:
        return "other", _(L.NOT_PRICE.get(noun.group(), L.NOT_PRICE.get(noun.group().lower(), N_("not a price"))))
    return None


_FORECAST = L.patterns(L.FORECAST)
_RESULT_TO = re.compile(r"(?:%|\bpoints?|\bper ?cent|\bpercent)\)?,?\s$")  # a move, then the level it brought ("soared
# by $5.71 (4.14%) to reach $143.71")


def _forecast(q: Quantity, text: str) -> str:
    """The words that make a figure a forecast ("ASX likely to fall 1%", "expected to reach 21,000"), else ""; not
    "with four days to go", "ASX to fall after Nvidia's 9.5pc drop" (the drop traded), "dropping 13%, to reach 19,868"
    (the level the drop brought), "continued to climb, rising 290 points" (a move that happened)."""
    lo = max(0, q.start - 60, part_of(text, q.start)[0])
    if _TARGET.search(text[max(0, q.start - 160):q.start]):  # "raised its target ... to 24,000 points by the end
        lo = min(lo, part_of(text, q.start)[0])  # of 2025, an increase of 6%": every figure of its part
    found = _FORECAST.search(text[lo:q.start])
    if found is None or _TO_GO.search(text, max(0, lo + found.start() - 12), lo + found.end()) \
            or _CAUSE_BETWEEN.search(text, lo + found.end(), q.start) \
            or found.group().startswith("to ") and (_RESULT_TO.search(text, 0, lo + found.start())
                                                    or _DID_TO.search(text, 0, lo + found.start())
                                                    or _CAUSED_TO.search(text, 0, lo + found.start())):
        return ""
    return found.group().strip()


# "rising by an average of 1.3% over the last five trading days of the year" (since 1950): a statistic, not a move
_AVERAGE = re.compile(r"\b(?:an|the|its) (?:\w+ )?average (?:\w+ )?of (?:about |around |roughly )?[-+]?$"
                      r"|\bon average,? (?:by )?(?:about |around )?[-+]?$"
                      # "has averaged a 1.3% gain", "averaging 0.5% a day", "an average 1.3% gain"
                      r"|\baverag(?:ed|es|ing)\s(?:an?\s)?(?:\w+\s)?(?:of\s)?(?:about |around |roughly )?[-+]?$"
                      r"|\b(?:an|the|its) (?:annual |yearly |daily |weekly |monthly )?average\s$", re.IGNORECASE)
_ON_AVERAGE = re.compile(r"\bon average\b|\bon an average basis\b", re.IGNORECASE)  # "On average, the index gained"
_NEGATED = re.compile(r"\b(?:failed to|did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t|without|never)\s"
                      r"(?:\w+\s){0,2}?(?:move|moved|rise|risen|fall|fallen|close|closed|swing|swung|budge|gain|lose)\b"
                      r"[^.;]{0,30}$", re.IGNORECASE)
# "5% of its sales" is a share of something; "lost 10% of their value" is still a move
_SHARE_OF = re.compile(r"\sof\s(?!(?:gains?|losses?|(?:its|their|the|the stock's|the index's) (?:market )?(?:value"
                       r"|worth|capitali[sz]ation|cap)\b))", re.IGNORECASE)
_TARGET = re.compile(r"\b(?:price )?targets?\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\+?\s(?!(?:on|at|in|to|for|after|before|as|while|with|from|by|amid|since|and|or)\b)"
                         r"(?:(?:rise|increase|jump|gain|drop|fall|decline|growth|surge|slump)\s(?:in|of)\s)?"
                         r"(?:of\s)?(?:its\s|the\s|their\s|his\s|her\s|annual\s|quarterly\s|total\s)?[\w-]+(?:\s[\w-]+)?")
_PRICE_WORDS = frozenset("shares share stock stocks index indices indexes benchmark gauge adrs adr price level mark "
                         "close points point it".split())


def _what_it_measures(q: Quantity, owner: Owner, text: str) -> list[str]:
    """The words that say what a figure measures, nearest first: the noun right after it ("a 25% stake", "5% of its
    sales"), the aside it stands in ("Tencent, the third-largest weighting ... at 8.1 per cent,"), the nouns right
    before it up to a price word ("turnover of", "a price target of"; not "a jump of"), and the head of its subject
    ("Alibaba's revenue ... rose 9%"), or the words before its verb when no listing is named."""
    after = _NOUN_AFTER.match(text[q.end:q.end + 40])
    out = [after.group() if after else ""]
    inside = next(((a, b) for a, b in asides(text) if a <= q.start < b), None)
    if inside is not None:
        out.append(text[inside[0]:q.start])
    moved = MOVE_NOUN.match(text, q.end)  # "a rate that beat the 0.7% gain of the S&P 500": a move, whatever before
    words = [] if moved else re.findall(r"[A-Za-z][\w'’-]*|[,;]", text[max(0, q.start - 60):q.start])
    near = []
    for word in reversed(words):
        if word in ",;" or word.lower() in _PRICE_WORDS or word.lower() in L.DIRECTION_NOUNS \
                or word.lower() in L.verb_directions():
            break
        near.insert(0, word)
    out.append(" ".join(near[-5:]))
    verb = owner.verb
    if owner.subject is not None and verb is not None and owner.subject.end <= verb.start:
        head = text[owner.subject.end:verb.start]
        for a, b in sorted(asides(text), reverse=True):  # "Tencent, the third-largest weighting ..., slipped"
            if owner.subject.end <= a and b <= verb.start:
                head = head[:a - owner.subject.end] + " " + head[b - owner.subject.end:]
        out.append(head)
    elif owner.subject is None and verb is not None:
        out.append(text[max(0, verb.start - 40):verb.start])
    return out


# "continued to climb", "went on to gain": a move that happened
_DID_TO = re.compile(r"\b(?:continu(?:e|ed|es|ing)|went on|goes on|going on|manag(?:e|ed|es|ing)|began|begins|beginning"
                     r"|start(?:ed|s|ing)?|kept|keeps|keeping|helped|helping|rushed|moved|tended|used)\s$",
                     re.IGNORECASE)
# "prompted the entire index to rise by 2.1%": a move the news caused
_CAUSED_TO = re.compile(r"\b(?:prompted|caused|sent|pushed|led|helped|forced|drove|lifted|dragged)\s"
                        r"(?:[\w&.'’-]+\s){1,4}$", re.IGNORECASE)
_CAUSE_BETWEEN = re.compile(r"\b(?:after|following)\b", re.IGNORECASE)
_TO_GO = re.compile(r"\b(?:days?|weeks?|months?|sessions?|hours?) (?:left )?to go\b", re.IGNORECASE)
