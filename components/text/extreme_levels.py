"""The reader's rule for figures at a high or a low: the day's extreme, a stretch's, or the close a move is measured
from.

:func:`extreme` is one of :data:`components.text.measure_rules.MEASURE_RULES`: it returns (measure, reason when not a
price, rule sentence, why not sure), or None when the figure is at no high or low.
"""

from __future__ import annotations

import re

from components.locale import _
from components.locale.formats import date_as
from components.text import claim_periods
from components.text import lexicon as L
from components.text.date_types import MONTH
from components.text.quantities import QUALIFIED

AS_MUCH = L.patterns(L.INTRADAY_EXTREME)
_TODAY = r"(?: (?:today|on the day|intraday|on \w+day))?"  # "it reached a high today of 4772.94"
_EXTREME_LEVEL = re.compile(r"\b(?:(?P<w>high|peak|top|low|trough|bottom)s?" + _TODAY + r"(?: of| at)?"
                            r"|(?P<v>hit(?:ting)?|touch(?:ed|ing)?|reach(?:ed|ing)?) (?:a |an |its )?(?:[\w-]+ )?"
                            r"(?P<w2>high|low|peak|trough)" + _TODAY + r"(?: of| at)?"
                            r"|(?P<w3>peak|bottom|top)(?:ed|ing|s|ped|ping)?(?: out)? at"
                            r"|(?P<w4>high|low)est (?:price|level) (?:of|at))\s(?:about |around |nearly "
                            r"|almost |(?:just )?(?:over|above|under|below) |more than |less than )?$", re.IGNORECASE)
_BASE_LEVEL = re.compile(r"\bfrom (?:the|its|a|an)\s(?:[\w'’-]+\s){0,3}clos(?:e|ing)(?: (?:level|value|price))? "
                         r"(?:of|at)\s(?:about |around )?$", re.IGNORECASE)
_WINDOW_EXTREME = re.compile(r"\b(?:\d{1,3}|\w+)[- ](?:day|week|month|year)[- ](?:closing )?(?:high|low)\s(?:of|at)\s$",
                             re.IGNORECASE)  # "its 52-week high of"
# "down from a late-October peak of $207.04", "below its March 2024 high of": a month's extreme, not the day's
_MONTH_EXTREME = re.compile(r"\b(?:(?:early|mid|late)[- ]?)?(?-i:" + MONTH + r")(?: \d{4})?(?:['’]s)? "
                            r"(?:closing |record )?(?:high|peak|top|low|trough|bottom)s? (?:of|at) " + QUALIFIED + "$",
                            re.IGNORECASE)
_PAST_EXTREME = re.compile(r"\b(?:closing|record|all-time|(?:19|20)\d\d)\s(?:closing\s)?(?P<w>high|low|close)s?"
                           r"\s(?:of|at)\s(?:about |around )?$", re.IGNORECASE)
_FROM_ITS_DAY = re.compile(r"\s(?:(?:from|of|on|set|hit|reached|recorded)(?: on)?\s?)?", re.IGNORECASE)
_WINDOW = re.compile(r"\b(?P<n>\d{1,3}|\w+)[- ](?P<unit>day|week|month|year)[- ](?:high|low|peak|trough|closing high"
                     r"|closing low)", re.IGNORECASE)
_CLOSED_AT_EXTREME = re.compile(r"(?:\b(?:clos|end|finish|settl)(?:e|ed|es|ing)?(?: the (?:day|session|week|year))?"
                                r"(?: trading)? at|(?:\d|%|\bpoints?|\bper ?cent|\bpercent)(?: on the day)?"
                                r"(?: \w+){0,2},? (?:reaching|hitting|to))"
                                r"\s(?:(?:a|an|its|their|the)\s)?(?:[\w-]+\s){0,3}(?:closing\s)?(?:high|low|peak|trough)s?"
                                r"\s(?:of|at)\s(?:about |around )?$", re.IGNORECASE)  # "to close at a record high of"
_ON_THE_WAY = re.compile(r"\b(?:(?:expand|extend|widen)(?:ed|ing|s)?|later|earlier|at one point|intraday)\b",
                         re.IGNORECASE)
# "later expanded its gains to 499 points": how far the session went, at its high (low)
_GREW_TO = re.compile(r"\b(?:(?:expand|extend|widen|stretch)(?:ed|ing|s)? (?:its|their|the) (?P<w>gains?|advance"
                      r"|rally|rise|losses|loss|decline|drop|fall)s? to"
                      # "the gain expanded to 51 points", "fell to a maximum loss of nearly 100 points"
                      r"|(?:the|its|their) (?P<w2>gains?|losses|loss|decline|advance) (?:had |has )?"
                      r"(?:expand|extend|widen|stretch|grow|grew|deepen)(?:ed|ing|s)? to"
                      r"|(?:a|the|its|their) (?:maximum|biggest|largest) (?:intraday )?(?P<w3>gain|loss|decline|drop"
                      r"|rise|advance|fall) of)\s(?:about |around |over |more than |nearly |almost )?$",
                      re.IGNORECASE)
# "trading higher by 0.7% and 1.5% at their peaks": the session's extreme
_AT_PEAK = re.compile(r"(?:[^,;.]|\.(?=\d)){0,24}?\b(?:at (?:its|their|the) (?:(?:session|intraday|day['’]s) )?"
                      r"(?P<w>peak|high|low|trough)s?\b)|,?\s(?:to|reaching|hitting|touching) (?:a|its|the) "
                      r"(?:(?:session|intraday|day['’]s) )?(?P<w2>peak|trough) (?:of|at)\b",
                      re.IGNORECASE)  # "rising 290 points to a peak of", "..., reaching a peak of"
# "dropped to 17,965 points during the trading day": how far the session went
_DURING_AFTER = re.compile(r"\s(?:during|in) the (?:trading )?(?:session|day)\b|\s(?:at one point|intraday)\b",
                           re.IGNORECASE)
# "Shares ended the day 5.24% lower, after falling more than 6% earlier": a move earlier in a session whose close
# the clause gives too is the day's extreme (not "earlier this week", "earlier in the month")
_EARLIER_AFTER = re.compile(r"\s(?:earlier (?:in|during) the (?:session|day|trading day)"
                            r"|earlier(?! (?:in|this|last|that|during)\b))\b", re.IGNORECASE)
_ENDED = L.patterns(L.CLOSE_WORDS)
_PRIOR_INTRADAY = re.compile(r"\b(?:its|the|their|a|an) (?:[A-Z][a-z]+ |\d{4} |[\w-]+-(?:week|month|year) )intraday "
                             r"(?:peak|high|low|trough|record)s?\b")
_MEASURED_FROM = re.compile(r"\b(?:from|off|below|above|under|beneath|since)\s(?:its|the|their|a|an)\s", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:trad(?:ed|ing)|rang(?:ed|ing)|moved|fluctuat(?:ed|ing)|swung|swinging) (?:in a range )?"
                      r"(?:between|from)\s(?:(?:HK\$|US\$|[$€£¥])?[\d,.]+\s(?P<and>and|to)\s)?$", re.IGNORECASE)

def _reached_during(text: str, at: int) -> bool:
    """Whether "as much as", "intraday" ... before ``at`` leads to the level, not to a close after it ("plunging by as
    much as 542 points intraday, and closing at 25,235 points": the close)."""
    reached = list(AS_MUCH.finditer(text, max(0, at - 80), at))
    return bool(reached) and not _CLOSING_AFTER.search(text, reached[-1].end(), at)


def _way_before(text: str, at: int) -> int:
    """The way of the last move verb in the words before ``at`` (0 when none says)."""
    ways = L.verb_directions()
    said = [ways[w] for w in re.findall(r"[a-z]+", text[max(0, at - 80):at].lower()) if ways.get(w)]
    return said[-1] if said else 0


_CLOSING_AFTER = L.patterns(L.CLOSE_WORDS)  # "..., and closing at 25,235 points"
_AS_FAR_AS = re.compile(r"\bas (?P<w>high|low) as\s(?:about |around )?$", re.IGNORECASE)


def _prior_intraday(q, clause) -> tuple | None:
    """"Down 26% from its June intraday peak of over $140": an intraday extreme of another period, not checked."""
    prior = _PRIOR_INTRADAY.search(clause.text, max(0, q.start - 60), min(len(clause.text), q.end + 60))
    if prior is None or q.kind not in ("level", "percent", "points"):
        return None
    said = _("'{words}': an intraday extreme of another period, which daily closes do not settle").format(
        words=prior.group())
    return "other", said, said, ""


def _said_extreme(q, text: str, before: str) -> tuple | None:
    """A level the words around it put at the day's high or low: "reached 4,793.30 at its high", "traded as high as
    $153.73", "traded between HK$518 and HK$533"; else None."""
    if peak := _AT_PEAK.match(text, q.end):
        word = (peak.group("w") or peak.group("w2")).lower()
        return ("low" if word in ("low", "trough") else "high") + "_level", "", f"'{peak.group().strip()}'", ""
    if reach := _AS_FAR_AS.search(before):
        return f"{reach.group('w').lower()}_level", "", f"'{reach.group().strip()}'", ""
    if between := _BETWEEN.search(text[max(0, q.start - 60):q.start]):
        first = not between.group("and")
        return ("low_level" if first else "high_level"), "", _("'{words}': the day's range").format(
            words=between.group().strip()), ""
    return None


def _past_extreme(q, clause, before: str) -> tuple | None:
    """"its 2023 closing high of 22688.90", "its record close of 4796.56": not the day's but a stretch's extreme; with
    its day written after it ("its all-time closing high of 4,796.56 from January 3, 2022") that session's close (its
    high or low for an extreme that is not a close)."""
    past = _PAST_EXTREME.search(before)
    if past is None:
        return None
    low = past.group("w").lower() == "low"
    on = next((e for e in clause.expressions if e.resolved and not e.is_range and e.start >= q.end
               and _FROM_ITS_DAY.fullmatch(clause.text, q.end, e.start)), None)
    if on is not None:
        closing = re.search(r"\b(?:closing|close)\b", past.group(), re.IGNORECASE)
        return ("level" if closing else "low_level" if low else "high_level"), "", _(
            "'{words}' dated {day}: that session's").format(words=past.group().strip(),
                                                            day=date_as(on.start_date, "date")), ""
    return ("range_low" if low else "range_high"), "", _("'{words}': the extreme of a stretch of sessions").format(
        words=past.group().strip()), ""


def extreme(q, owner, clause, story, day, part):
    """A level at a day's (a stretch's) high or low, or a move's base; a move "as much as" is to the high or low."""
    before, near = clause.text[max(0, q.start - 40):q.start], clause.text[max(0, q.start - 90):q.start]
    prior = _prior_intraday(q, clause)
    if prior is not None:
        return prior
    closed = _CLOSED_AT_EXTREME.search(clause.text[max(0, q.start - 70):q.start]) if q.kind == "level" else None
    bare_peak = closed is not None and re.search(r"\b(?:a|the|its) (?:peak|trough)\b", closed.group())
    if closed is not None and not AS_MUCH.search(near) and not _ON_THE_WAY.search(near) and not bare_peak:
        # "ended the day at a six-year low of 19,531.66"; not "later expanded its gains to 499 points, reaching a
        # four-year high of", nor "rising 290 points to a peak of" (the day's)
        return "level", "", _("'{words}': the session's close, which set that high or low").format(
            words=closed.group().strip()), ""
    wider = clause.text[max(0, q.start - 60):q.start]
    base = q.kind == "level" and (_BASE_LEVEL.search(wider) or _MEASURED_FROM.search(wider) and (
        _PAST_EXTREME.search(before) or _WINDOW_EXTREME.search(before)))
    if base and (on := claim_periods.dated_base(clause, q)) is not None:  # "its 52-week low of 4982.77 hit April 8"
        return "level", "", _("'{words}': the close of {day}, the level the move is measured from").format(
            words=base.group().strip(), day=date_as(on.start_date, "date")), ""
    if q.kind == "level" and _BASE_LEVEL.search(clause.text[max(0, q.start - 60):q.start]):
        said = _("'{words}' is the level the move is measured from, on a day the text gives in words the app does "
                 "not read").format(words=q.text)  # "Up 20.19% from the Election Day close of 5782.76 on Tuesday"
        return "other", said, said, ""
    past = _past_extreme(q, clause, before) if q.kind == "level" else None
    if past is not None:
        return past
    m = _EXTREME_LEVEL.search(before)
    if q.kind == "level" and m:
        word = (m.group("w") or m.group("w2") or m.group("w3") or m.group("w4")).lower().replace("top", "high")
        low = word in ("low", "trough", "bottom")
        window = _WINDOW.search(before) or _MONTH_EXTREME.search(before) or claim_periods.period_of(q, clause, day)
        if window and AS_MUCH.search(near):  # "rose as much as 4.2%, to a three-year high of": the day's
            return ("low_level" if low else "high_level"), "", f"'{m.group().strip()}'", ""
        if window:
            words = window.group() if isinstance(window, re.Match) else window
            rule = _("{words}: the extreme of a stretch of sessions").format(words=words)
            return ("range_low" if low else "range_high"), "", rule, ""
        return ("low_level" if low else "high_level"), "", f"'{m.group().strip()}'", ""
    if q.kind == "level" and (said := _said_extreme(q, clause.text, before)) is not None:
        return said
    during = _DURING_AFTER.match(clause.text, q.end) and owner.direction != 0
    if q.kind == "level" and (_reached_during(clause.text, q.start) or during):
        low = (owner.direction or _way_before(clause.text, q.start)) < 0  # "dropping 2,981 points, to reach 19,868"
        return ("low_level" if low else "high_level"), "", (_("'as much as ... to': the day's low") if low else
                                                            _("'as much as ... to': the day's high")), ""
    grown = (_GREW_TO.search(clause.text[max(0, q.start - 45):q.start]) or _AT_PEAK.match(clause.text, q.end)) \
        if q.kind in ("percent", "points") else None
    said = AS_MUCH.search(part) or AS_MUCH.match(clause.text) or (
        _EARLIER_AFTER.match(clause.text, q.end) if _ENDED.search(clause.text) and owner.direction else None)
    if q.kind in ("percent", "points") and (q.qualifier == "as much as" or said or grown):
        # "During the session, shares gained 2%", "at one point dropping 2,981 points"
        word = next((w for w in (grown.group(g) for g in grown.re.groupindex) if w), "") if grown else ""
        low = word.lower().startswith(("loss", "decline", "drop", "fall", "low", "trough")) if grown \
            else owner.direction < 0
        measure = ("low_" if low else "high_") + ("move" if q.kind == "percent" else "points")
        words = q.qualifier or (said.group() if said else grown.group().strip())
        return measure, "", (_("'{words}': the previous close to the day's low") if low else
                             _("'{words}': the previous close to the day's high")).format(words=words), ""
    return None
