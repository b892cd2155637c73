"""The parts of a clause that are events of their own, each with its own date or none.

A clause reports its main event (a move, a statement) and often its causes: "ADRs rose 11% on Thursday,
after the retailer's sales beat forecasts", "stocks fell as investors awaited talks", "amid a tariff war",
"according to a BofA survey", "with plans to lift investment". Each such part is an event of its own:

* dated by its **own words** ("after it reported on Thursday", "after this month's stock split");
* dated by a **count from its clause's day** ("came a day after reports said ..."): the day before;
* else **undated**: listed with its reason, never given its clause's day (the news before a move is
  not the move's day). A report inside it ("after Bloomberg reported X ... this month") is undated too
  while what it reports keeps its own date.

Parts are cut at a subordinator (", after", " amid ", ", according to", ", with", ", which"), and a part that
opens the clause ("Amid a tariff war, stocks fell") ends at its first comma. Each part's text is its own
words without the subordinator, so a reader sees what the event is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from components.text import lexicon
from components.text.clause_parts import NOT_AS
from components.text.date_types import count_of


@lru_cache(maxsize=1)
def _news_gerunds() -> str:
    """The news verbs' -ing forms: "after announcing a share sale" is news of its own ("after paring gains" is not)."""
    forms = {f for f in lexicon.inflections(lexicon.NEWS_VERBS + ("complete", "post")) if f.endswith("ing")}
    return lexicon.alternation(sorted(re.escape(f) for f in forms))


_COUNT = r"(?:(?:just |only )?(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2}) (?P<unit>days?|weeks?) )"
_NOT_TIME = r"(?!(?:the )?(?:close|open|bell|session|lunch|break|hours|market|closing|opening)\b)"
SPLIT = re.compile(
    r",\s(?:the\s)?(?:[A-Z][\w.&'’-]*\s){1,5}(?:" + lexicon.said_forms() + r")\b"  # ", the Times reported"
    r"(?=(?:\s(?:on|late|early|last)\s[\w.]+(?:\s\w+)?)?\s*(?:[,.;]|$))"  # ... and nothing it reports after it
    r"|,\s(?:tracking|mirroring|echoing)(?=\s(?:[\w-]+\s){0,3}?overnight\b)"  # ", tracking overnight losses in ..."
    r"|,\s(?:after|following|as|amid|while|when|ahead of|according to|citing|with|despite|in the wake of"
    r"|before|because|on (?:worries|hopes|signs|fears|concerns|reports|news|optimism|expectations"
    r"|speculation))\b" + _NOT_TIME
    # "fell 3.1% on reports it cut prices", "rose 4% as RBC raised its target": a cause without a comma
    + r"|\son\s(?=(?:(?:media|press|news)\s)?(?:reports?|word|news|hopes|signs|fears|worries|concerns|speculation"
      r"|expectations|optimism|talk)\b)"
    + r"|\sas\s(?=(?:(?:the company|the group|it)\s|(?:[A-Z][\w.&'’-]*\s){1,3})(?:said|says|raised|cut|lowered"
      r"|announced|reported|upgraded|downgraded|unveiled|posted|agreed|confirmed|launched|disclosed)\b)"
    + r"|\s" + _COUNT + r"?(?:after|following|before)\s(?!(?!(?:" + _news_gerunds() + r")\b)[a-z]\w*ing\b)"
    + _NOT_TIME  # "after announcing a sale" is news of its own, "after paring gains" the same move
    + r"|\s(?:amid|ahead of|because of|because|in the wake of|according to|once)\s" + _NOT_TIME
    # ", ending the week roughly flat", ", but ended the week near a high": how a period ended, a move of its own
    + r"|(?:,\s(?:and\s|but\s)?|\s(?:and|but)\s)(?:end|finish|clos|wrapp?)(?:ing|ed)"
      r"(?=\s(?:the|its|their)\s(?:holiday-shortened\s|shortened\s)?(?:week|month|quarter|year)\b)")
# A quote-tag list resuming after a cause: "Tencent +2.23% after announcing an effort ..., Xiaomi +1.7%, Meituan
# +1.19%": the cause ends where the next name with a signed figure starts.
LIST_ITEM = re.compile(r",\s(?=(?:and\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}\s[+\-−]\d)")
# "Unrest over the policy sends the index tumbling", "The overhaul plan lifted tech stocks": a cause as subject
CAUSE_VERB = re.compile(r"\s(?:sends?|sent|lift(?:s|ed)|push(?:es|ed)|dragg?(?:s|ed)|drove|drives|boost(?:s|ed)"
                        r"|buoy(?:s|ed)|weigh(?:s|ed) on|knock(?:s|ed)|hammer(?:s|ed)|rattl(?:es|ed)|spark(?:s|ed))\s")
OPENING = re.compile(r"^\W*(?:(?:soon|shortly|just|only|right|immediately|long|even|hours|minutes|days|weeks) )?"
                     r"(?:after|following|amid|as" + NOT_AS + r"|while|ahead of|despite|with|before|once|because"
                     r"|since|in the wake of)\b", re.IGNORECASE)
_LEAD = re.compile(r"^[\s,]*(?:(?:just |only )?(?:an?|one|two|three|four|five|six|seven|\d{1,2}) (?:days?|weeks?) )?"
                   r"(?:after|following|as|amid|while|ahead of|according to|citing|with|despite|in the wake of"
                   r"|which|who|whose|before|because of|because|stemming from|once|since|when|on)\s+", re.IGNORECASE)
_NEWS_NOUNS = re.compile(r"\b(?:reports?|results|earnings|data|news|comments?|remarks|measures|stimulus|polic(?:y|ies)"
                         r"|plans?|survey|meeting|talks|tariffs?|war|beat|deal|announcement|statement|memo"
                         r"|decision|sales|profits?|revenue|guidance|fears|worries|concerns|hopes|optimism"
                         r"|outages?|return|crackdown|protests?|unrest|rally|sell-?off|slump|estimates?"
                         r"|forecasts?|expectations|speculation|signs?|upgrade|partnership|strides|rules|record)\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """A stretch of a clause: ``lead`` is its subordinator ("" for the main part); ``back`` the days its
    subordinator counts back from the clause's day ("a day after ..." is 1), 0 when it counts none."""

    start: int
    end: int
    lead: str
    back: int = 0

    def words(self, text: str) -> str:
        """The part's own words: without its subordinator and the punctuation around it."""
        return _LEAD.sub("", text[self.start:self.end]).strip(" ,.;:\"'“”")

    def text(self, text: str) -> str:
        """The part as written, with its subordinator ("after the retailer's sales beat forecasts")."""
        return text[self.start:self.end].strip(" ,.;:")


@lru_cache(maxsize=1)
def _news_verbs() -> re.Pattern:
    forms = lexicon.inflections(lexicon.NEWS_VERBS)
    return re.compile(r"(?<![\w-])(?:" + lexicon.alternation(sorted(re.escape(f) for f in forms)) + r")(?![\w-])")


def parts(text: str) -> list[Part]:
    """The clause's parts in order; the main part is the one with no ``lead`` (an opening subordinate part, or a
    cause that is the subject of a move, comes before it)."""
    cuts: list[tuple[int, str, int]] = []
    opening, first_comma = OPENING.match(text), text.find(", ")
    first = ""
    if opening and 0 < first_comma < 240:
        cuts.append((first_comma, "", 0))  # "Amid a tariff war, | stocks fell": the main part follows
        first = "opening"
    else:
        cause = CAUSE_VERB.search(text, 0, 160)
        if cause and "," not in text[:cause.start()] and is_event(text, Part(0, cause.start(), "cause")):
            cuts.append((cause.start(), "", 0))  # "Unrest over the policy | sends the index tumbling"
            first = "cause"
    for m in SPLIT.finditer(text):
        if m.start() > (first_comma if first == "opening" else 0):
            cuts.append((m.start(), m.group().strip(" ,").lower(), _back(m)))
    for m in LIST_ITEM.finditer(text):
        if cuts and m.start() > min(at for at, _lead, _back in cuts):  # only after a cut: a list resuming
            cuts.append((m.start(), "and", 0))
    cuts.sort()
    out, start, lead, back = [], 0, first, 0
    for at, next_lead, next_back in cuts[:40]:  # a clause has a few parts; bounded all the same
        if at > start:
            out.append(Part(start, at, lead, back))
            start, lead, back = at, next_lead, next_back
    out.append(Part(start, len(text), lead, back))
    return out


def _back(m: re.Match) -> int:
    if not m.groupdict().get("n"):
        return 0
    count = count_of(m.group("n")) or 1
    days = count * (7 if m.group("unit").startswith("week") else 1)
    return days if m.group().rstrip().endswith(("after", "following")) else -days


def is_event(text: str, part: Part) -> bool:
    """Whether a part says something happened (a verb of news, or a news noun): "after trading between 25,882
    and 26,403" does not; "after the retailer's sales beat forecasts" does."""
    words = part.words(text)
    return len(words.split()) >= 3 and bool(_news_verbs().search(words) or _NEWS_NOUNS.search(words) or (
        part.lead in _CAUSE_LEADS and _FINITE.search(words)))


# a cause with a verb of its own is an event of its own: "after regulators rolled out further controls", "after crude
# prices retreated on the build-up in US inventories"
_CAUSE_LEADS = ("after", "following", "amid", "in the wake of", "because", "because of")
_FINITE = re.compile(r"\b(?:[a-z]{3,}(?<!need)(?<!speed)(?<!feed)(?<!seed)ed|rose|fell|sank|slid|grew|hit|sent|took"
                     r"|made|came|went|saw|won|lost|cut|set|said|told|held|led|began)\b(?!-)")


_REPORTED = re.compile(r"\b(?:" + lexicon.said_forms() + r")$")


def ends_a_period(part: Part) -> bool:
    """Whether a part says how a period ended (", ending the week roughly flat"): its span is its own date."""
    return bool(re.search(r"\b(?:end|finish|clos|wrapp?)(?:ing|ed)$", part.lead))


def is_report(part: Part) -> bool:
    """Whether a part is a trailing attribution (", the New York Times reported on Saturday")."""
    return bool(_REPORTED.search(part.lead))


_OWN_ACTION = re.compile(r"^(?i:after|before|while|following|since|once)\s+(?!(?:" + _news_gerunds()
                         + r")\b)[a-z]\w*ing\b")  # "after paring gains", never "after Beijing said"


def is_own_action(text: str, part: Part) -> bool:
    """A part without a subject of its own ("after sending a memo", "before paring gains"): the main subject's
    action, so the same event as its clause, not another."""
    return bool(_OWN_ACTION.match(text[part.start:part.end].lstrip(" ,")))


def news_verb(text: str) -> str | None:
    """The first verb of news in ``text`` ("said", "estimates", "vowed", "posted"), or None."""
    m = _news_verbs().search(text)
    return m.group() if m else None
