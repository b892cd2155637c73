"""The wording of the periods' rules that depends on a word of the text: one whole sentence per unit, per part of
a year and per animal of the lunar calendar, each marked for the catalogs and looked up where a rule is written
(:mod:`components.text.periods`)."""

from __future__ import annotations

from components.locale import N_

# a trailing span ("over the past three months"), by its unit
TRAILING = {
    "day": N_("the {count} day(s) up to publication"),
    "session": N_("the {count} session(s) up to publication"),
    "trading day": N_("the {count} trading day(s) up to publication"),
    "trading session": N_("the {count} trading session(s) up to publication"),
    "week": N_("the {count} week(s) up to publication"),
    "month": N_("the {count} month(s) up to publication"),
    "quarter": N_("the {count} quarter(s) up to publication"),
    "year": N_("the {count} year(s) up to publication"),
    "decade": N_("the {count} decade(s) up to publication"),
}
# a look-back ("in more than three years"), by its unit
LOOK_BACK = {
    "week": N_("a look-back of {count} week(s) to publication"),
    "month": N_("a look-back of {count} month(s) to publication"),
    "year": N_("a look-back of {count} year(s) to publication"),
    "decade": N_("a look-back of {count} decade(s) to publication"),
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
