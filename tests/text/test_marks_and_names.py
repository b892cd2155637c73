"""Marks, moves as nouns and names the app does not know: "a gain of 1,310 points" is a change, "topping out at"
and "at one moment" are the day's extreme, "winning back the 22,000 mark" is a close above it, a figure after
"Nvidia, with a" is Nvidia's, "X, which saw its stock surge" is X's, and a "noon trading break" is the middle of the
session. Classes the twenty-first held-out set showed; rule tests written here, accuracy is scored on real articles
only (tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import pytest

HK_DAY = "2024-10-02"  # ^HSI: previous close 21,133.68, high 22,667.74, close 22,443.73 (+1,310.05, +6.20%)


@pytest.mark.parametrize("sentence,quote,measure", [
    ("The Hang Seng index ended Wednesday with a gain of 1,310 points.", "1,310 points", "points"),
    ("The Hang Seng index closed on Wednesday, an increase of 1,310 points on the day.", "1,310 points", "points"),
    ("The Hang Seng index topped out at 22,667 points on Wednesday.", "22,667 points", "high_level"),
    ("The Hang Seng index, peaking at 22,667 points on Wednesday, later eased.", "22,667 points", "high_level"),
    ("The Hang Seng index jumped on Wednesday, a rise of 1,534 points at one moment.", "1,534 points",
     "high_points"),
])
def test_a_move_as_a_noun_and_the_day_s_extreme_are_read_as_such(checked, sentence, quote, measure):
    claim, result = checked(sentence, HK_DAY)[quote]
    assert claim.measure == measure and result.verdict == "matches", (claim.measure, result.explanation)


@pytest.mark.parametrize("words", ["reclaiming the 22,000-point threshold", "regaining the 22,000 mark",
                                   "and recaptured the 22,000-point level"])
def test_a_mark_won_back_is_a_close_above_it(checked, words):
    found = checked(f"The Hang Seng index surged on Wednesday, {words}.", HK_DAY)
    claim, result = next(v for quote, v in found.items() if quote.startswith("22,000"))
    assert claim.qualifier == "more than" and result.verdict == "matches", result.explanation


def test_a_mark_won_back_that_the_close_missed_does_not_match(checked):
    _claim, result = checked("The Hang Seng index surged on Wednesday, reclaiming the 23,000 mark.", HK_DAY)["23,000"]
    assert result.verdict != "matches", result.explanation


@pytest.mark.parametrize("sentence,quote,symbol", [
    ("The best performers were chipmaker Nvidia, with a 4.55% jump, and a software firm.", "4.55%", "NVDA"),
    ("Among the big movers on Friday was Nvidia, on a 4.55% gain.", "4.55%", "NVDA"),
])
def test_a_name_then_its_move_as_a_noun_owns_the_figure(checked, sentence, quote, symbol):
    claim, result = checked(sentence, "2024-08-23")[quote]
    assert claim.symbol == symbol and result.verdict == "matches", result.explanation


@pytest.mark.parametrize("sentence,quote,name", [
    ("The S&P 500 rose 1.1% on Friday, led by homebuilder Acme Lumber, which saw its stock surge 8.75%.", "8.75%",
     "Acme Lumber"),
    ("The S&P 500 rose 1.1% on Friday; Zephyr Cruises, whose shares jumped 7.5%, was the best performer.", "7.5%",
     "Zephyr Cruises"),
])
def test_a_company_the_app_does_not_know_keeps_its_figure_by_name(checked, sentence, quote, name):
    claim, result = checked(sentence, "2024-08-23")[quote]
    assert claim.symbol is None and result.verdict == "uncheckable" and name in result.explanation, \
        result.explanation
    assert checked(sentence, "2024-08-23")["1.1%"][0].symbol == "^GSPC"


def test_biggest_gainers_is_no_ranking(checked):
    found = checked("Its biggest gainers were Nvidia and Apple.", "2024-08-23")
    assert not any(claim.measure == "rank" for claim, _result in found.values())


@pytest.mark.parametrize("words", ["at the noon trading break", "by the midday trading break"])
def test_a_noon_trading_break_is_the_middle_of_the_session(checked, words):
    found = checked(f"The Hang Seng Index advanced 0.2 per cent to 25,742.24 {words}. Alibaba added 0.8 per cent "
                    "to HK$146.50.", "2025-12-22")
    for quote in ("0.2 per cent", "25,742.24", "0.8 per cent", "HK$146.50"):
        assert found[quote][1].verdict == "uncheckable", (quote, found[quote][1].explanation)
