"""Counted sentences: English writes "1 day" and "2 days" (``ngettext``), never "day(s)"; Chinese has one form.

The catalogs are read as the translators see them: a counted sentence is a singular and plural pair whose two English
forms differ, and each Chinese catalog declares one plural form and fills it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.messages.pofile import read_po

from components import locale as L
from components.locale import CATALOGS, DOMAIN, LANGUAGES
from components.text.dates import find_date_expressions
from tests.locale.conftest import HAN
from tests.ui.test_words import PLURAL_HACK

PUBLISHED = dt.date(2025, 3, 7)


def _template():
    with open(CATALOGS / f"{DOMAIN}.pot", "rb") as handle:
        return list(read_po(handle))


def _rule(sentence: str) -> str:
    return find_date_expressions(sentence, PUBLISHED)[0].rule


def test_no_catalogued_sentence_pluralises_by_hand():
    hacks = [m.id for m in _template() if m.id and PLURAL_HACK.search(" ".join(m.id if isinstance(m.id, tuple)
                                                                               else (m.id,)))]
    assert hacks == []


def test_each_counted_sentence_has_a_distinct_english_plural():
    pairs = [m.id for m in _template() if isinstance(m.id, tuple)]
    assert len(pairs) > 40
    same = [pair[0] for pair in pairs if pair[0] == pair[1] and not pair[0].endswith("series")]
    assert same == []


def test_chinese_catalogs_have_one_plural_form_filled():
    for _name, locale in LANGUAGES.values():
        if locale == "en":
            continue
        with open(CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
            catalog = read_po(handle)
        assert catalog.num_plurals == 1, locale
        assert all(len(m.string) == 1 and m.string[0] for m in catalog if isinstance(m.id, tuple)), locale


@pytest.mark.parametrize("sentence, rule", [
    ("It rose one day ago.", "1 day before publication"),
    ("It rose two days ago.", "2 days before publication"),
    ("It fell over the past month.", "the 1 month up to publication"),
    ("It fell over the past three months.", "the 3 months up to publication"),
    ("It is the best in more than one year.", "a look-back of 1 year to publication"),
    ("It is the best in more than three years.", "a look-back of 3 years to publication"),
])
def test_english_counts_read_one_day_and_two_days(sentence, rule):
    L.use("en")
    assert _rule(sentence) == rule


@pytest.mark.parametrize("language", ["zh-HK", "zh-CN"])
def test_chinese_counts_read_in_chinese_for_one_and_many(language):
    L.use(language)
    for sentence in ("It rose one day ago.", "It rose two days ago.", "It fell over the past three months."):
        rule = _rule(sentence)
        assert HAN.search(rule) and "day" not in rule and "month" not in rule, rule
    assert _rule("It rose one day ago.").replace("1", "2") == _rule("It rose two days ago.")



def test_the_timeline_counts_its_events_by_their_total():
    from components.ui.timeline import _labels

    L.use("en")
    assert _labels(1)["in_view"].format(shown=1, total=1) == "1 of 1 event in view"
    assert _labels(3)["in_view_more"].format(shown=2, total=3).startswith("2 of 3 events in view")
