"""Figures the twenty-third held-out set taught: an average over many sessions or years is no move to check ("has
averaged a 1.3% gain over the seven-day time frame"); "climbed as high as" a level is the day's high, even "in
intraday trading" in a story written after the close; a closing high with its own day written after it is that
session's close; a move "since its close on" a day opening the sentence is measured from that close. Rule tests
written here; accuracy is scored on real articles only (tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import pytest

# ^HSI: Mon 30 Sep 2024 close 21,133.68; Wed 2 Oct high 22,667.74, close 22,443.73; Thu 3 Oct close 22,113.51


@pytest.mark.parametrize("sentence", [
    "Over the past decade, the Hang Seng has averaged a 2% gain in October.",
    "On average, the Hang Seng rose 2.5% in the week after the National Day holiday.",
    "The benchmark has climbed an average 2.5% in the first week of October since 2010.",
    "The Hang Seng, averaging 0.5% a day this week, extended its run on Thursday.",
])
def test_an_average_is_no_move_to_check(checked, sentence):
    found = checked(sentence, "2024-10-03")
    quote = next(q for q in found if q.endswith("%"))
    claim, result = found[quote]
    assert result.verdict == "uncheckable" and "average" in result.explanation, result.explanation


def test_a_real_move_beside_an_average_is_still_checked(checked):
    _claim, result = checked("The Hang Seng fell 1.5% on Thursday, more than its average daily move.",
                             "2024-10-03")["1.5%"]
    assert result.verdict == "matches", result.explanation


@pytest.mark.parametrize("sentence", [
    "The Hang Seng climbed as high as 22,667.74 on Wednesday before paring gains.",
    "In intraday trading, the Hang Seng climbed as high as 22,667.74. It closed at 22,443.73.",
])
def test_climbing_as_high_as_a_level_is_the_day_s_high(checked, sentence):
    claim, result = checked(sentence, "2024-10-02")["22,667.74"]
    assert claim.measure == "high_level" and result.verdict == "matches", (claim.measure, result.explanation)


def test_a_closing_high_with_its_day_written_after_it_is_that_session_s_close(checked):
    claim, result = checked("The Hang Seng slipped on Thursday, below its 2024 closing high of 22,443.73 from "
                            "October 2, 2024.", "2024-10-03")["22,443.73"]
    assert (claim.measure, str(claim.day), result.verdict) == ("level", "2024-10-02", "matches"), result.explanation


def test_a_move_since_its_close_on_a_day_opening_the_sentence_is_measured_from_that_close(checked):
    claim, result = checked("Since its close on Monday, September 30, the Hang Seng Index is up 4.6%.",
                            "2024-10-03")["4.6%"]
    assert claim.measure == "period" and result.verdict == "matches", (claim.measure, result.explanation)
