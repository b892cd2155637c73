"""The wording of the periods' rules that depends on a word of the text: one whole sentence per unit, per part of
a year and per animal of the lunar calendar, each marked for the catalogs and looked up where a rule is written
(:mod:`components.text.periods`); a counted one is a singular and plural pair for ``ngettext``."""

from __future__ import annotations

from components.locale import N_, Nn_

# a trailing span ("over the past three months"), by its unit
TRAILING = {
    "day": Nn_("the {count} day up to publication", "the {count} days up to publication"),
    "session": Nn_("the {count} session up to publication", "the {count} sessions up to publication"),
    "trading day": Nn_("the {count} trading day up to publication", "the {count} trading days up to publication"),
    "trading session": Nn_("the {count} trading session up to publication",
                           "the {count} trading sessions up to publication"),
    "week": Nn_("the {count} week up to publication", "the {count} weeks up to publication"),
    "month": Nn_("the {count} month up to publication", "the {count} months up to publication"),
    "quarter": Nn_("the {count} quarter up to publication", "the {count} quarters up to publication"),
    "year": Nn_("the {count} year up to publication", "the {count} years up to publication"),
    "decade": Nn_("the {count} decade up to publication", "the {count} decades up to publication"),
}
# a look-back ("in more than three years"), by its unit
LOOK_BACK = {
    "week": Nn_("a look-back of {count} week to publication", "a look-back of {count} weeks to publication"),
    "month": Nn_("a look-back of {count} month to publication", "a look-back of {count} months to publication"),
    "year": Nn_("a look-back of {count} year to publication", "a look-back of {count} years to publication"),
    "decade": Nn_("a look-back of {count} decade to publication", "a look-back of {count} decades to publication"),
}
# "since early 2023", by the part of the year
SINCE_PART = {
    "early": N_("from early {year} to publication"),
    "mid": N_("from mid {year} to publication"),
    "late": N_("from late {year} to publication"),
}
# the twelve animals of the lunar years ("the Year of the Dragon")
ANIMAL_NAMES = {
    "rat": N_("Rat"), "ox": N_("Ox"), "tiger": N_("Tiger"), "rabbit": N_("Rabbit"), "dragon": N_("Dragon"),
    "snake": N_("Snake"), "horse": N_("Horse"), "goat": N_("Goat"), "monkey": N_("Monkey"), "rooster": N_("Rooster"),
    "dog": N_("Dog"), "pig": N_("Pig"),
}
