"""Whose figure a number is, and which way it moved: the subject, verb and direction of each figure of a clause.

The rules, in the order they are tried (each gives the rule sentence a claim shows):

1. **Attached**: a name right before the figure in brackets or after a comma ("Meituan (-2.3%)") is its subject.
2. **Respectively**: names joined by "and" before one verb share out the figures after it in order ("the Dow
   and the S&P 500 rose 0.4% and 0.9%, respectively"; also without the word when the counts agree).
3. **Gapping**: a name between the governing verb and the figure takes it ("Tencent rose 2%, Meituan 3%").
4. **The verb's subject**: the last name before the figure's verb in its part of the clause, leaving out asides
   and bracketed remarks ("Kingsoft Cloud, a cloud provider backed by Xiaomi, jumped 11.2%": Kingsoft Cloud's).
5. **Carried over**: a figure with no name of its own ("... to HK$9.16") is the previous figure's; the first one
   of a clause with no name is the previous clause's subject only through a reference word.

A figure's direction comes from its own sign, the direction word after it ("0.6% weaker"), the noun it measures
("a 1.3% rise"), or its verb; verbs that give a move back ("pared") are down unless their object is a loss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from components.locale import _
from components.text import lexicon as L
from components.text.entities import Mention
from components.text.figure_ways import direction_of
from components.text.name_modifiers import without_modifiers
from components.text.quantities import QUALIFIED, Quantity

SUBJECT_KINDS = ("index", "company", "market", "group", "company_ref", "index_ref", "other")
# "... at 9,160 and the tech index was up 35 points": "and" after a figure, before a listing and its own move, begins
# a part ("the S&P 500 and Nasdaq Composite logging ..." is one subject)
_AND_ANOTHER = (r"(?:(?<=\d,\d\d\d)|(?<=\.\d\d)|(?<=%)|(?<=points)|(?<=cent))\sand\s(?=(?:the\s|its\s)?"
                r"(?:[\w&.'’-]+\s){0,4}?(?:index|gauge|benchmark|composite|shares|stocks?|ADRs?)\s"
                r"(?:was\s|were\s|had\s|has\s)?(?:up|down|higher|lower|" + L.alternation(sorted(L.verb_directions()))
                + r")\b)")
_BREAK = re.compile(r";|,\s(?:while|whereas|but|and|as|with|even as|compared with)\s|\s(?:while|whereas)\s|"
                    + _AND_ANOTHER, re.IGNORECASE)
_LISTED_ON = re.compile(r",\s(?:and|but)\s$")  # a break that may only list the next item
_FIGURE_NEXT = re.compile(r"(?:[-+−]?\d|(?:US|HK|A|S)?\$|¥|€|£)")
_ASIDE = re.compile(r",\s(?:a|an|the|which|who|whose|one of|itself|currently|now|once|formerly|known as|including"
                    r"|led by|backed by|the world['’]s|(?:[A-Z][\w&.-]*\s){0,2}[A-Z][\w&.-]*['’]s|its)\b"
                    r"[^,;()]{0,140}?,|\((?![A-Z0-9.:\s]{1,16}\))"
                    r"[^()]{0,160}\)|\s[—–-]{1,2}\s(?:a|an|the|which|its)\b[^—–;]{0,140}?\s[—–-]{1,2}\s")
_ASIDE_START = re.compile(r"[,(]|\s[—–-]")
_COPULA = L.patterns((L.COPULA_MOVES,))
# "In Hong Kong, the benchmark Hang Seng Index was up ...": a sentence's opening phrase, not a name with an apposition
_OPENING_PHRASE = re.compile(r"(?:In|On|At|Across|Over|Back|Elsewhere|Meanwhile|Among|For|Over in|Elsewhere in"
                             r"|Meanwhile in|Back in)\s[^,]{0,60}|(?:Meanwhile|Elsewhere|However|Separately|Still|Also"
                             r"|Overall|Earlier|Later|Today|Yesterday|Now|Instead|Similarly|Likewise)")
_ATTACHED = re.compile(r"^['’]s\s$|^(?:\.?\s?\(\s?|,\s(?=(?:up|down)\b)|\s\((?=up|down))$"  # "Tencent Holdings. (-1%)"
                       r"|^,?\s(?:up|down|higher|lower|off)\s(?:by\s)?" + QUALIFIED + r"$|^\s?\((?:up|down)\s$"
                       r"|^,\s(?:which\s)?(?:was\s|were\s)?(?:up|down)\s$", re.IGNORECASE)
# a name, then its move as a noun: "Nvidia, with a 4.55% jump", "Alibaba, on a 3% gain"
_WITH_A = re.compile(r",\s(?:with|on)\s(?:a|an)\s(?:[\w-]+\s)?" + QUALIFIED, re.IGNORECASE)
_WITH_MOVE = re.compile(r"\s(?:[\w-]+\s)?(?:" + L.alternation(L.DIRECTION_NOUNS) + r")\b", re.IGNORECASE)
_AFTER_NAME = re.compile(r"(?:\b[A-Z][\w.&'’-]*|\)|\b(?:index|benchmark|gauge|average))$")  # "Tencent, the ..."
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that|these|those|fresh|new|record|biggest|sharp"
                          r"|weekly|daily|monthly|yearly|annual|quarterly|intraday|one-day|single-day|solid|steady"
                          r"|steep|modest|slight|strong|big|huge|within|of|another|further|first|second|third|its"
                          r"|s|day['’]s|week['’]s|year['’]s|night['’]s|recording|recorded|posting|posted|logging"
                          r"|logged|booking|booked|notching|notched|registering|registered|suffering|suffered)\s$"
                          r"|['’]s\s$|%\s$", re.IGNORECASE)
# a verb's bare form after these is a noun: "a 3.5% share price rise", "the index's jump"
_NOUN_BEFORE_BARE = re.compile(r"\b(?:price|share|stock|index|market|percent|cent|session|day|week)\s$", re.IGNORECASE)
_MOVE_IN = re.compile(r"\s(?:[\w-]+\s)?(?P<noun>" + L.alternation(L.GAIN_NOUNS + L.LOSS_NOUNS + (
    "plunge", "tumble", "rebound", "selloff", "sell-off")) + r")\s(?:in|for|at|of)\s(?:shares of\s|shares in\s"
    r"|the (?:benchmark |broader |broad )?)?",
                      re.IGNORECASE)
_LED = re.compile(r"\s?(?:\([^)]{1,20}\)\s)?(?:(?:(?:was |were |is |are )?(?:helping |helped )?(?:to )?(?:lead|leading)"
                  r"|led|topped|headed) (?:the )?(?:[\w-]+ ){0,2}(?:market|index|gains"
                  r"|gainers|losers|decliners|laggards|list|pack|sector|rally|advance|declines)\b[^,;]{0,50}"
                  r"|(?:leading|led|trailing|lagging) with (?:an? )?(?:[\w-]+ )?"  # "the Nasdaq leading with a"
                  r"|(?:lead|leading|led|topped|headed)\b[^,;]{0,60}\bwith (?:an? )?(?:[\w-]+ )?)$",  # "led it up with"
                  re.IGNORECASE)
_RANK_OF = re.compile(r"\s(?:for|of|in)\s(?:shares of\s)?")  # "the highest level for the stock since March"
_FOR_NAME = re.compile(r"\sfor\s(?:the\s)?")  # "monthly gains of 1% for the Dow, 3% for the S&P 500"
# "A drop of 2.3% in the S&P 500": the move a noun before the figure names is of the name after it
_NOUN_OF = re.compile(r"\b(?:" + L.alternation(L.GAIN_NOUNS + L.LOSS_NOUNS) + r")\sof\s" + QUALIFIED + "$",
                      re.IGNORECASE)
_IN_NAME = re.compile(r"\sin\s(?:shares of\s|shares in\s|the\s)?")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_BOTH = re.compile(r"\bboth(?: of (?:which|them))?\b(?![^,;]{0,12}\b(?:and|&)\b)", re.IGNORECASE)
_MOVED_WAY = re.compile(r"\s(?:down|up|lower|higher|by)\b[^,;]{0,30}(?:,\s(?:clos|conclud|end|finish|settl)ing"
                        r" (?:at|on)\s)?$", re.IGNORECASE)  # "lifted the index by 0.14%, concluding at 20,225.11"
_OPENING_PARTICIPLE = re.compile(r"^\W*(?:[A-Z][\w ]{0,24}:\s)?(?:(?:after|before|while|when|on) )?(?:[A-Za-z]+ing\b"
                                 r"|(?:after|following) (?:a |an |its |the )?\w+ (?:straight|consecutive|successive)"
                                 r" \w+s\b)[^,;]*,\s", re.IGNORECASE)  # "After dropping 0.3% ..., the S&P 500"
_GAP_BETWEEN = re.compile(r"^[\s,]*(?:and|while|with|but)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Verb:
    text: str
    start: int
    end: int
    lemma: str
    direction: int


@dataclass(frozen=True)
class Owner:
    """A figure's subject (None: no name for it), its verb, its direction and the rule that gave the subject."""

    subject: Mention | None
    verb: Verb | None
    direction: int
    rule: str
    also: tuple[Mention, ...] = ()  # other names the figure is shared with ("A and B rose around 4%")


def verbs_in(text: str) -> list[Verb]:
    """The move verbs of a clause, with their lemma and direction (see :mod:`components.text.lexicon`)."""
    directions, lemmas = L.verb_directions(), L.verb_lemmas()
    out = []
    for m in L.move_verb_re().finditer(text):
        word = m.group().lower()
        before = text[max(0, m.start() - 24):m.start()]
        if _NOUN_BEFORE.search(before) or (word == lemmas.get(word) and _NOUN_BEFORE_BARE.search(before)):
            continue  # "a jump of", "a fresh record", "within reach", "share price rise": a noun, not a verb
        out.append(Verb(m.group(), m.start(), m.end(), lemmas.get(word, word), directions.get(word, 0)))
    for m in _COPULA.finditer(text):  # "the Dow Jones Industrial Average was down 0.1%": a move said with "be"
        if not any(v.start <= m.start() < v.end or m.start() <= v.start < m.end() for v in out):
            way = next((sign for word, sign in L.DIRECTION_WORDS.items() if m.group().lower().endswith(" " + word)), 0)
            out.append(Verb(m.group(), m.start(), m.end(), "be", way))
    return sorted(out, key=lambda v: v.start)


@lru_cache(maxsize=64)
def asides(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each aside of a clause: an apposition or relative part between commas, or brackets; a part
    with a move verb of its own is a clause of a list, not an aside ("X rose 7%, the Y index rose 8%, ..."). Asked
    for each figure of a clause, so found once per clause."""
    moving = L.move_verb_re()
    found = (_ASIDE.match(text, at.start()) for at in _ASIDE_START.finditer(text[:20_000]))  # overlapping: ", the
    return tuple(m.span() for m in found if m is not None and (  # Dow Jones, which excludes Nvidia," holds two
            m.group().startswith((", which", ", who", ", whose", "(")) or m.group().lstrip().startswith(("—", "–"))
            or not moving.search(m.group()) and not _COPULA.search(m.group()) and _AFTER_NAME.search(
                text[:m.start()]) and not _OPENING_PHRASE.fullmatch(text[:m.start()])))


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def part_of(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the part of a clause holding position ``at``: between the breaks that begin another subject."""
    lo, hi = 0, len(text)
    for m in _BREAK.finditer(text):
        before = text[lo:m.start()]
        if _LISTED_ON.match(m.group()) and (_FIGURE_NEXT.match(text, m.end())
                                           or not verbs_in(before) and not re.search(r"\d", before)):
            continue  # "10%, 9.1%, and 14.4%", "Alibaba (BABA), Baidu (BIDU), and JD.com surged": one list, one part
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = m.start()
            break
    return lo, hi


# an index a constituent is ranked on, never the figure's owner: "saw ... the second-biggest (drop) on the S&P 500,
# down 4.6%", "the top gainer in the Hang Seng"
_RANKED_AMONG = re.compile(r"\b(?:biggest|largest|best|worst|top|steepest|sharpest|gainers?|losers?|performers?"
                           r"|decliners?|laggards?|drops?|falls?|gains?|declines?)\s(?:on|in|among|across)\s(?:the\s)?$",
                           re.IGNORECASE)


def owners(text: str, qs: list[Quantity], found: list[Mention]) -> list[Owner]:
    """The owner of each figure of a clause (see the module's docstring), in the figures' order."""
    verbs = verbs_in(text)
    spans = [(a, b) for a, b in asides(text) if not _just_a_name(text, a, b, found)]
    names = [m for m in found if m.kind in SUBJECT_KINDS and not _inside(m.start, spans)
             and not _RANKED_AMONG.search(text, max(0, m.start - 40), m.start)]
    out: list[Owner] = []
    shared = _respectively(text, qs, names, verbs) or _respectively_verbless(
        text, qs, [m for m in found if m.kind in SUBJECT_KINDS], verbs)
    for i, q in enumerate(qs):
        lo, _end = part_of(text, q.start)
        verb = next((v for v in reversed(verbs) if lo <= v.start < q.start), None)
        aside = next(((a, b) for a, b in spans if a <= q.start < b), None)  # "..., led by a selloff in Alibaba, ..."
        named_in = [m for m in found if m.kind in SUBJECT_KINDS and aside and aside[0] <= m.start < aside[1]]
        subject, rule = _holder(q, names) or (None if i in shared else _relative(text, q, found)) or _owner(
            # "the S&P 500 and the Dow, which gained 5% and 3% respectively": shared out in turn, not both the Dow's
            text, q, i, qs, sorted(names + named_in, key=lambda m: m.start), verb, lo, shared, out)
        also = () if shared or subject is None else _sharers(subject, [m for m in names if m.end <= q.start], text)
        out.append(Owner(subject, verb, direction_of(text, q, verb, lo), rule, also))
    return out


def _holder(q: Quantity, names: list[Mention]) -> tuple[Mention, str] | None:
    """The name that holds the figure in its own words ("The three-day losing streak reduced ...": the run stands for
    the listing that made it), else None."""
    holder = next((m for m in names if m.start <= q.start and q.end <= m.end), None)
    return (holder, _("'{words}' holds it").format(words=holder.text)) if holder is not None else None


def _sharers(subject: Mention, before: list[Mention], text: str) -> tuple[Mention, ...]:
    """The other names a figure is shared with: names joined to its subject by "and" right before its verb or it ("the
    Hang Seng Index and the China Enterprises Index rose around 4%"), each checked too."""
    chain = _joined(before, text)
    if subject not in chain or subject.kind not in ("index", "company", "other", "market"):
        return ()
    return tuple(m for m in chain if m is not subject and m.kind in ("index", "company", "other", "market"))


def _just_a_name(text: str, a: int, b: int, found: list[Mention]) -> bool:
    """An aside that is only a listing's name (", the Dow Jones," after an opening phrase with commas of its own) is
    the subject, not an apposition."""
    inner = re.sub(r"^[,(\s—–-]*(?:the\s)?|[,)\s—–-]*$", "", text[a:b])
    return any(m.kind in ("index", "company") and m.text == inner for m in found)


_RELATIVE = re.compile(r",\s(?:which|whose|who)\s[^,;()]*$")


def _relative(text: str, q: Quantity, found: list[Mention]) -> tuple[Mention, str] | None:
    """The name a relative part that holds the figure is about ("led by Acme Lumber, which saw its stock surge 8.75%":
    Acme Lumber's), else None; not when another name stands between ("X, which said Alibaba rose 3%")."""
    m = _RELATIVE.search(text, max(0, q.start - 90), q.start)
    if m is None:
        return None
    named = [n for n in found if n.kind in SUBJECT_KINDS and n.end <= m.start()
             and re.fullmatch(r"(?:\s?\([^()]{1,16}\))?", text[n.end:m.start()])]
    between = [n for n in found if n.kind in SUBJECT_KINDS and not n.text[:1].islower()
               and m.start() < n.start < q.start]  # "which saw its stock surge": "its stock" is the name's
    if not named or between:
        return None
    return named[-1], _("'{words}, {relative}...' is about it").format(words=named[-1].text,
                                                                     relative=m.group()[2:].split()[0])


def _attached(text: str, q: Quantity, names: list[Mention]) -> Mention | None:
    """The name right before a figure ("Alibaba up 3%", "Dow +0.1% S&P +0.4%", "Nvidia, with a 4.55% jump"), else
    None; not the second of two names joined by "and", which share the figure ("Alibaba and Meituan down by about 1
    percent")."""
    with_move = _WITH_MOVE.match(text, q.end)
    found = next((i for i, m in reversed(list(enumerate(names))) if m.end <= q.start and (
        _ATTACHED.search(text[m.end:q.start]) or (text[m.end:q.start] == " " and text[q.start:q.start + 1] in "+-−")
        or (with_move and _WITH_A.fullmatch(text[m.end:q.start])))), None)
    if found is None or (found and re.fullmatch(r"\s(?:and|&)\s", text[names[found - 1].end:names[found].start])):
        return None
    return names[found]


def _move_of(text: str, q: Quantity) -> re.Match | None:
    """The words after a figure that lead to the name whose move it is ("a 6% surge in", "gains of 1% for", "a drop
    of 2.3% in"), else None."""
    return (_MOVE_IN.match(text, q.end) or (_RANK_OF.match(text, q.end) if q.kind == "rank" else None)
            or _FOR_NAME.match(text, q.end)
            or (_IN_NAME.match(text, q.end) if _NOUN_OF.search(text, max(0, q.start - 40), q.start) else None))


def _owner(text: str, q: Quantity, i: int, qs: list[Quantity], names: list[Mention], verb: Verb | None, lo: int,
           shared: dict[int, Mention], done: list[Owner]) -> tuple[Mention | None, str]:
    in_turn = i in shared and _RESPECTIVELY.search(text)  # "the S&P 500 and the Nasdaq up 0.7% and 1.5%, respectively"
    if attached := None if in_turn else _attached(text, q, names):
        return attached, _("'{words}' stands right before it").format(words=attached.text)
    move_of = _move_of(text, q)
    named_after = next((m for m in names if move_of and m.start == move_of.end()), None)
    if named_after is not None:  # "fuelled by a six percent surge in Alibaba"
        return named_after, _("'{words}' is what the '{noun}' is of").format(
            words=named_after.text, noun=move_of.groupdict().get("noun") or q.text)
    leader = next((m for m in reversed(names) if m.end <= q.start and _LED.match(text[m.end:q.start])), None)
    if leader is not None:  # "3SBIO (01530.HK) led the market with a weekly gain of 57.38%"
        return leader, _("'{words}' led the others with it").format(words=leader.text)
    if i in shared:
        return shared[i], _("'{words}' takes it in turn (figures shared out in the order of the names)").format(
            words=shared[i].text)
    both = _BOTH.search(text, lo, q.start)
    alone = both is not None and sum(both.start() <= o.start < part_of(text, q.start)[1] for o in qs) == 1
    pair = [m for m in names if m.end <= both.start()][-2:] if alone else []
    if len(pair) == 2:  # "the S&P 500 fell 0.9% and the Nasdaq 2%, both of which recorded a six-day losing streak"
        return pair[0], _("'both': '{first}' and '{second}' share it; '{first}' is checked").format(
            first=pair[0].text, second=pair[1].text)
    if verb is not None and verb.lemma in L.CAUSE_MOVE_VERBS:  # "dragging the S&P and Nasdaq down for six days"
        moved = [m for m in names if verb.end <= m.start and m.end <= q.start]
        if moved and _MOVED_WAY.match(text, moved[-1].end, q.start):
            return _shared(moved, text, qs, shared) or (moved[-1], _("'{words}' is what '{verb}' moved").format(
                words=moved[-1].text, verb=verb.text))
    if verb is not None:
        gap = [m for m in names if verb.end <= m.start and m.end <= q.start and _GAP_BETWEEN.match(
            text[m.end:q.start])]
        if gap:
            return gap[-1], _("'{words}' stands between the verb and the figure").format(words=gap[-1].text)
        before = without_modifiers([m for m in names if lo <= m.start and m.end <= verb.start], text)
        subjects = [m for m in before if text[m.end:m.end + 2] not in ("'s", "’s")]
        # a participle goes with its sentence's subject: "The tech sector led the S&P 500's gains, finishing 1.7% up"
        if before and verb.text.endswith("ing") and _AFTER_DOING.search(text, 0, verb.start):
            if subjects and text[lo:subjects[0].start].strip().lower() in ("", "the") \
                    and text[subjects[0].end:subjects[0].end + 1] != ",":  # not "Instead, the S&P 500 ended ..."
                return subjects[0], _("'{words}' is the subject of the sentence '{verb}' goes with").format(
                    words=subjects[0].text, verb=verb.text)
        if before:
            return _shared(before, text, qs, shared) or (before[-1], _("'{words}' is the subject of '{verb}'").format(
                words=before[-1].text, verb=verb.text))
    if i and done and part_of(text, qs[i - 1].start)[0] == lo:
        return done[-1].subject, _("the previous figure's, in the same part of the sentence")
    here = [m for m in names if lo <= m.start and m.end <= q.start]
    if here:  # "with heavyweights Alibaba and Meituan down by about 1 percent": both names' figure
        return _shared(here, text, qs, shared) or (here[-1], _("'{words}' is named before it").format(
            words=here[-1].text))
    if i and done:
        return done[-1].subject, _("the previous figure's")
    if carried := _carried_subject(text, lo, verb, names):  # "The index surged, and recaptured the 22,000 mark"
        return carried, _("'{words}' is the subject the sentence goes on with after 'and'").format(words=carried.text)
    opening = _OPENING_PARTICIPLE.match(text)
    after = next((m for m in names if opening and q.end <= opening.end() <= m.start
                  and re.fullmatch(r"(?:the\s)?", text[opening.end():m.start], re.IGNORECASE)), None)
    if after is not None:  # "Closing at its highest level in a month, the index ..."
        return after, _("'{words}' is the subject the opening '{phrase}' goes with").format(
            words=after.text, phrase=opening.group().strip(" ,"))
    return None, _("no name before it in its sentence")


# "finishing 1.7% up" after a comma, "pushed the market higher after climbing 6.3%": the sentence's subject's
_AFTER_DOING = re.compile(r"(?:,|\b(?:after|before|while|on|by))\s$")
_AND_THEN = re.compile(r",?\s(?:and|but)\s$")
_ADVERBS = re.compile(r"(?:(?:then|later|also|still|eventually|finally|\w+ly)\s)*")


def _carried_subject(text: str, lo: int, verb: Verb | None, names: list[Mention]) -> Mention | None:
    """The sentence's subject, when the figure's part is a verb going on after "and" with no name of its own ("The
    index surged, and recaptured the 22,000 mark"), else None."""
    if not lo or not _AND_THEN.search(text, 0, lo):
        return None
    if verb is None:  # a verb the lexicon does not list: "and recaptured the mark", "and hit a record"
        lead = _ADVERBS.match(text, lo)
        if not re.match(r"[a-z]+(?:ed|ing|hit|set)\b", text[lead.end():lead.end() + 20]):
            return None
    elif _ADVERBS.fullmatch(text, lo, verb.start) is None:
        return None
    first_verb = next(iter(verbs_in(text[:lo])), None)
    subject = next((m for m in names if first_verb is not None and m.end <= first_verb.start), None)
    return subject


def _shared(before: list[Mention], text: str, qs: list[Quantity], shared: dict[int, Mention]
            ) -> tuple[Mention, str] | None:
    """Names joined by "and" right before one figure share it ("Alibaba and Meituan down by about 1 percent"): the
    first with a listing takes it, saying so; None when the names are not joined or the figures are shared out."""
    pair = _joined(before, text)
    if not pair or any(j in shared for j in range(len(qs))):
        return None
    chosen = next((m for m in pair if m.symbol), pair[-1])
    names_said = _("'{words}'").format(words=pair[0].text)
    for m in pair[1:]:
        names_said = _("{first} and '{words}'").format(first=names_said, words=m.text)
    return chosen, _("{names} share the figure; '{words}' is the one with a listing").format(
        names=names_said, words=chosen.text)


def _respectively(text: str, qs: list[Quantity], names: list[Mention], verbs: list[Verb]) -> dict[int, Mention]:
    """Figures shared out among names joined by "and" before their verb, by the figures' index in ``qs``."""
    out: dict[int, Mention] = {}
    for verb in verbs:
        lo, hi = part_of(text, verb.start)
        subjects = _joined([m for m in names if lo <= m.start and m.end <= verb.start], text)
        after = [i for i, q in enumerate(qs) if verb.end <= q.start < hi and q.kind in ("percent", "points")]
        if len(subjects) < 2 or len(after) != len(subjects):
            continue
        said = _RESPECTIVELY.search(text, verb.end, hi + 20)
        joined = all(_GAP_BETWEEN.match(text[qs[a].end:qs[b].start]) or re.match(r"^\s?(?:,\s)?(?:and\s)?$",
                                                                              text[qs[a].end:qs[b].start])
                     for a, b in zip(after, after[1:]))
        if said or joined:
            out.update(zip(after, subjects))
    return out


def _respectively_verbless(text: str, qs: list[Quantity], names: list[Mention], verbs: list[Verb]
                           ) -> dict[int, Mention]:
    """Figures shared out "respectively" among names joined by "and" with no verb between ("with the S&P 500 and the
    Nasdaq up as much as 0.7% and 1.5%, respectively"), by the figures' index in ``qs``."""
    said = _RESPECTIVELY.search(text)
    if said is None or not qs:
        return {}
    lo = part_of(text, qs[0].start)[0]
    subjects = _joined([m for m in names if lo <= m.start and m.end <= qs[0].start], text)
    after = [i for i, q in enumerate(qs) if q.start < said.start() and q.kind in ("percent", "points")]
    if len(subjects) < 2 or len(after) != len(subjects) or any(
            subjects[-1].end <= v.start < qs[after[0]].start for v in verbs):
        return {}  # a verb between the names and the figures: the verb's own sharing (:func:`_respectively`) or none
    return dict(zip(after, subjects))


def _joined(candidates: list[Mention], text: str) -> list[Mention]:
    """The names at the end of ``candidates`` joined by "and" or commas ("A, B and C")."""
    if not candidates:
        return []
    chain = [candidates[-1]]
    for m in reversed(candidates[:-1]):
        if re.fullmatch(r"\s?(?:\([^()]{1,16}\))?(?:,|,?\s(?:and|&))\s(?:the\s)?", text[m.end:chain[0].start]):
            chain.insert(0, m)
        else:
            break
    last_join = text[chain[-2].end:chain[-1].start] if len(chain) > 1 else ""
    return chain if re.search(r"\band\b|&", last_join) else []  # "HSBC, Tencent rose 1.2%": a list, not a pair
