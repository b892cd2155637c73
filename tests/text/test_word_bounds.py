"""The reader's word lists match whole words: "ended" is not found inside "extended", "noon break" not inside
"afternoon break" (which is a time of day of its own), and "at one point" is a time, never a figure of one point."""

from __future__ import annotations

import pytest

from components.text import lexicon as L
from components.text.claim_reader import read_claims
from components.text.quantities import quantities
from components.text.reader import read_article

FRIDAY = "2025-07-11"  # ^HSI: 24,028.37 on Thursday, a high of 24,506.30 and a close of 24,139.57 on Friday


@pytest.mark.parametrize(("text", "found"), [
    ("the index extended its gains", False), ("the index ended higher", True), ("the index closes at 20,000", True),
    ("it finishes the week flat", True), ("the intended listing", False),
])
def test_a_closing_word_is_a_whole_word(text, found):
    assert bool(L.patterns(L.CLOSING).search(text)) is found


def test_a_morning_figure_stays_intraday_when_its_clause_goes_on_to_extend_gains():
    claims = read_claims(read_article(
        "Boosted by gains in technology, the benchmark jumped more than 460 points in early trading and extended its "
        "gains in the afternoon session, at one point reaching 24506, a two-week high.", FRIDAY, place="HK"))
    found = {c.quote: c.measure for c in claims}
    assert found["460 points"] == "intraday" and found["24506"] == "high_level" and "one point" not in found


@pytest.mark.parametrize("text", ["The index fell 2.5% by the afternoon break.",
                                  "The index was down 2.5% at the afternoon break."])
def test_the_afternoon_break_is_a_time_of_day(text):
    assert read_claims(read_article(text, FRIDAY, place="HK"))[0].measure == "intraday"


def test_at_one_point_is_not_a_figure():
    assert [q.text for q in quantities("Alibaba at one point rose 5% and at one stage slid two points.")] == [
        "5%", "two points"]
