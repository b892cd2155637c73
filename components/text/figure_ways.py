"""Which way a figure says its listing moved: a sign written with it, a direction word or noun right after it ("closed
2% higher", "a week of gains"), the move named before it ("a gain of 5%"), a running tally ("taking the loss for the
week to 2.6%"), else its verb's way, read through the object of verbs that give back or carry on ("pared losses",
"extended gains"). Part of :mod:`components.text.claim_subjects`, which reads each figure's owner."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from components.text import lexicon as L
from components.text.quantities import Quantity

if TYPE_CHECKING:
    from components.text.claim_subjects import Verb

_OPENING_WAY = re.compile(r"[\s\-–—•*]*(up|down|higher|lower|off)\b", re.IGNORECASE)
# the figure after "to" is what remains of a move ("pared losses to 0.3%": down 0.3%)
_LEFT_TO = re.compile(r"\bto\s(?:(?:about|around|just|only|roughly)\s)?[-+−]?[$€£¥]?$")


# the move a figure measures, named right before it: "up 2%", "a gain of more than 5%", "annual gain exceeding 20%"
_NAMED_MOVE = re.compile(r"\b(up|down|higher|lower|gain|gains|loss|losses|rise|drop|decline|fall|slide|advance)"
                         r"(?: of| by)?(?: (?:" + L.alternation(re.escape(k) for k in L.QUALIFIERS if k) + r"))?\s$")


# a running tally brought to the figure: "taking the loss for the week to 2.6%", "cutting its weekly advance to 2.4%"
_TALLY_TO = re.compile(r"\b(?:its|the|their|a|his|her)\s(?:[\w-]+\s){0,2}?(" + L.alternation(L.DIRECTION_NOUNS)
                       + r")\s(?:[\w-]+\s){0,5}?to\s(?:(?:about|around|just|only|roughly|nearly|almost)\s)?"
                       r"[-+−]?[$€£¥]?$")


# only a unit between a figure and its way: "fell 2.6% on higher yields" is a fall, whatever the yields did
_UNIT_BETWEEN = r"^\s(?:(?:points?|pts|cents?|pc|percent|per ?cent|percentage points?)\s)?"
# a direction word that is a preposition here: "ahead of its results"; "off its low" (the verb says the way)
_NOT_A_WAY = r"\b(?! of\b)(?! (?:its|the|their|a|an) (?:[\w-]+ )?(?:lows?|bottoms?|troughs?)\b)"


def direction_of(text: str, q: Quantity, verb: Verb | None, lo: int) -> int:
    """Which way a figure says its listing moved (0 when it does not say); ``lo`` is where the figure's part of the
    clause starts."""
    if q.sign:
        return q.sign
    after = text[q.end:q.end + 40].lower()
    for word, sign in sorted(L.DIRECTION_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.match(_UNIT_BETWEEN + re.escape(word) + _NOT_A_WAY, after):  # "closed 2% higher", "31 points down"
            return sign
    for noun in (re.match(r"^\s(\w[\w-]*)", after), re.match(r"^\s[\w-]+\s(\w[\w-]*)", after),
                 re.match(r"^\s(?:in a row\s|running\s)?of\s(?:\w+\s)?(\w[\w-]*)", after)):  # "week in a row of gains"
        if noun and noun.group(1) in L.DIRECTION_NOUNS:
            return L.DIRECTION_NOUNS[noun.group(1)]
    before = text[max(0, q.start - 40):q.start].lower()
    tally = _TALLY_TO.search(text[max(0, q.start - 70):q.start].lower())
    if tally:  # "taking the loss for the week to 2.6%": the noun says the way, whatever verb came before
        return L.DIRECTION_NOUNS[tally.group(1)]
    named = _NAMED_MOVE.search(before)
    particle = named is not None and verb is not None and verb.direction != 0 and \
        max(0, q.start - 40) + named.start(1) == verb.end + 1  # "gave up 31 points": the verb's way, not "up"
    if named and not particle:
        word = named.group(1)
        return L.DIRECTION_WORDS.get(word) or L.DIRECTION_NOUNS.get(word, 0)
    if verb is None:  # a data sheet's "--Down for six consecutive trading days", "has tracked higher in seven ..."
        opening = _OPENING_WAY.match(text, lo, q.start)
        said = [(m.start(), word) for word in L.DIRECTION_WORDS if word != "ahead"
                for m in re.finditer(r"\b" + re.escape(word) + r"\b", before)]
        word = opening.group(1).lower() if opening else max(said)[1] if said else None
        return L.DIRECTION_WORDS[word] if word else 0
    if verb.lemma in L.GIVE_BACK or verb.lemma in L.CARRY:
        obj = text[verb.end:verb.end + 30].lower()
        left = _LEFT_TO.search(text, verb.end, q.start) is not None  # "trimmed its gains to 4.2%": what is left
        if any(re.search(r"\b" + re.escape(n) + r"\b", obj) for n in L.LOSS_NOUNS):
            return -1 if left else 1 if verb.lemma in L.GIVE_BACK else -1
        if any(re.search(r"\b" + re.escape(n) + r"\b", obj) for n in L.GAIN_NOUNS):
            return 1 if left else -1 if verb.lemma in L.GIVE_BACK else 1
    if verb.direction:
        return verb.direction
    following = text[verb.end:q.start].lower()
    hits = [sign for word, sign in L.DIRECTION_WORDS.items() if re.search(r"\b" + re.escape(word) + r"\b", following)]
    return hits[-1] if hits else 0
