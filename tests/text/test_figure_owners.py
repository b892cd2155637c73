"""Whose figure, and of which part of the session: a company named right before a market's words owns them ("Alibaba
Hong Kong shares"), and a figure in a part with its own day is not the opening words' premarket or morning figure.
Classes the twentieth held-out set showed; rule tests written here, accuracy is scored on real articles only
(tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize("sentence", [
    "Alibaba Hong Kong shares soared 18.5% on Monday after its results.",
    "Alibaba Hong Kong Shares Soared 18.5% On Monday.",  # a headline's capitals
    "Alibaba Hong Kong stock soared 18.5% on Monday.",
])
def test_a_company_right_before_a_market_s_words_owns_them(checked, sentence):
    claim, result = checked(sentence, "2025-09-01")["18.5%"]
    assert claim.symbol == "9988.HK" and result.verdict == "matches", result.explanation


def test_the_market_s_words_alone_are_still_the_market(checked):
    claim, _result = checked("Alibaba rose after its results, and Hong Kong shares gained 2.2% on Monday.",
                             "2025-09-01")["2.2%"]
    assert claim.symbol == "^HSI"


@pytest.mark.parametrize("sentence,quote", [
    ("Alibaba's ADRs fell 1.4% in premarket trading on Tuesday, following a 10% surge in the previous session.", "10%"),
    ("Alibaba's ADRs slipped 1.4% in early trade on Tuesday, after a 10% surge on Monday.", "10%"),
])
def test_a_figure_with_its_own_day_is_not_the_opening_s_premarket_or_morning_figure(checked, sentence, quote):
    claim, result = checked(sentence, "2026-01-13")[quote]
    assert claim.day == dt.date(2026, 1, 12) and result.verdict == "matches", (claim.measure, result.explanation)


def test_an_opening_s_time_of_day_still_covers_a_figure_without_a_day(checked):
    found = checked("The Dow surged 3.9% in early trading, while the S&P 500 jumped 4.1%.", "2025-04-08")
    claim, result = found["4.1%"]
    assert result.verdict in ("uncheckable", "not sure"), (claim.measure, result.explanation)


@pytest.mark.parametrize("sentence,move", [
    ("Nvidia shares posted their biggest one-day loss since the 10% plunge on Sept. 3.", "10%"),
    ("Nvidia shares fell 4.7% on Tuesday, their biggest one-day loss since a 9.5% plunge on Sept. 3.", "9.5%"),
])
def test_a_ranking_since_a_dated_move_ranks_the_story_s_session_from_that_move(checked, sentence, move):
    found = checked(sentence, "2024-10-15")
    rank, result = found["biggest one-day loss"]
    assert rank.day == dt.date(2024, 10, 15) and result.verdict == "matches", result.explanation
    earlier, result = found[move]
    assert earlier.day == dt.date(2024, 9, 3) and result.verdict == "matches", result.explanation


def test_a_move_looked_back_to_without_its_day_stays_not_sure(checked):
    found = checked("Nvidia fell 4.7% on Tuesday, its worst day since an 11 per cent drop.", "2024-10-15")
    assert found["11 per cent"][1].verdict == "not sure"


@pytest.mark.parametrize("sentence", [
    "Nvidia fell around 2% ahead of its third-quarter results, due after Wednesday's close.",
    "Nvidia slid 2.6% ahead of its earnings on Tuesday.",
    "Nvidia fell 2.6% on higher bond yields on Tuesday.",
    "Nvidia fell 2.6% after positive news from a rival on Tuesday.",
    "Nvidia dropped 2.6% despite better results on Tuesday.",
])
def test_a_word_of_direction_after_a_preposition_is_not_the_figure_s_way(checked, sentence):
    found = checked(sentence, "2025-11-25")
    claim, result = next(found[q] for q in ("2%", "2.6%") if q in found)
    assert claim.direction == -1 and result.verdict != "does not match", result.explanation


@pytest.mark.parametrize("sentence,quote", [
    ("Nvidia closed 2.6% lower on Tuesday.", "2.6%"),
    ("Nvidia ended 2.6 per cent lower on Tuesday.", "2.6 per cent"),
])
def test_a_way_right_after_the_figure_is_its_way(checked, sentence, quote):
    claim, result = checked(sentence, "2025-11-25")[quote]
    assert claim.direction == -1 and result.verdict == "matches", result.explanation


def test_a_move_off_a_low_said_on_its_own_day_is_not_measured_from_that_day(checked):
    claim, result = checked("Nvidia rebounded 5% off its low on Tuesday.", "2025-11-25")["5%"]
    assert result.verdict == "not sure" and claim.direction != -1, result.explanation


def test_a_thing_of_the_market_is_not_the_market(checked):
    claim, result = checked("An index measuring expectations of U.S. stock market volatility was down 35% from its "
                            "high on April 15.", "2024-06-28")["35%"]
    assert claim.symbol != "^GSPC" and result.verdict != "does not match", result.explanation


def test_a_maker_named_by_its_trade_before_an_aside_is_the_last_company(checked):
    found = checked("Nvidia shares closed down 7% on Tuesday. The Silicon Valley chipmaker, a dominant provider of AI "
                    "processors, has fallen 4% this week.", "2024-07-30")
    assert found["4%"][0].symbol == "NVDA"


def test_us_stock_markets_are_the_us_market(checked):
    claim, result = checked("U.S. stock markets capped off their seventh consecutive week of gains on Friday.",
                            "2023-12-15")["seventh consecutive week of gains"]
    assert claim.symbol == "^GSPC" and result.verdict == "matches", result.explanation
