"""A US story dated the morning after, read in Asia: its undated figures are the session its dated moves name, when
it never names its own date (the twentieth held-out set's next-morning wraps from Sydney and Mumbai). Rule tests
written here; accuracy is scored on real articles only (tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import datetime as dt

import pytest

TUESDAY, WEDNESDAY = dt.date(2024, 5, 28), dt.date(2024, 5, 29)
LEAD = "Nvidia shares jumped nearly 7 per cent and the S&P 500 edged up 0.02 per cent."


@pytest.mark.parametrize("later", [
    "Utilities were broadly lower on Tuesday as bond yields climbed.",
    "Bank stocks fell on Tuesday after a weak Treasury auction.",
])
def test_figures_before_the_only_dated_move_take_its_session(checked, later):
    found = checked(f"{LEAD}\n\n{later}", WEDNESDAY.isoformat())
    for quote in ("7 per cent", "0.02 per cent"):
        claim, result = found[quote]
        assert claim.day == TUESDAY and result.verdict in ("matches", "roughly"), (quote, result.explanation)


@pytest.mark.parametrize("later", [
    "Utilities were broadly lower on Tuesday, and futures were steady on Wednesday.",  # it names its own day
    "Utilities were broadly lower on Tuesday. Banks had risen on Friday.",  # two sessions dated: no one story day
])
def test_a_story_naming_its_own_date_or_two_sessions_keeps_the_publication_session(checked, later):
    claim, _result = checked(f"{LEAD}\n\n{later}", WEDNESDAY.isoformat())["0.02 per cent"]
    assert claim.day == WEDNESDAY


def test_a_hong_kong_story_naming_wall_street_s_day_keeps_its_own_session(checked):
    claim, _result = checked("The Hang Seng Index rose 1.2 per cent in Hong Kong, led by developers and banks.\n\n"
                             "Wall Street was broadly lower on Tuesday.", WEDNESDAY.isoformat())["1.2 per cent"]
    assert claim.day == WEDNESDAY


def test_a_ranking_of_the_previous_session_is_not_called_wrong(checked):
    found = checked("Alibaba's American depositary receipts closed down 10%, the biggest decline since Oct. 2022.\n\n"
                    "Chinese stocks trading in the US suffered a bigger loss on Monday than those in Hong Kong.",
                    "2025-02-25")
    for quote in ("10%", "biggest decline since Oct"):
        claim, result = found[quote]
        assert claim.day == dt.date(2025, 2, 24) and result.verdict != "does not match", (quote, result.explanation)


def test_a_weekend_dated_live_story_trades_on_the_coming_weekday(checked):
    found = checked("The Hang Seng China Enterprises Index jumped 4.6% in early trading on Monday in Hong Kong. The "
                    "gauge had rallied 17% in the last two weeks.", "2022-11-13")  # Sunday in New York
    live, result = found["4.6%"]
    assert live.day == dt.date(2022, 11, 14) and result.verdict == "uncheckable"
    period, result = found["17%"]
    assert period.day == dt.date(2022, 11, 11) and result.verdict in ("matches", "roughly"), result.explanation


def test_a_weekday_without_live_words_in_a_weekend_recap_is_the_week_before(checked):
    claim, _result = checked("On Monday, the Hang Seng China Enterprises Index fell 1.2% in Hong Kong.",
                             "2022-11-13")["1.2%"]
    assert claim.day == dt.date(2022, 11, 7)


@pytest.mark.parametrize("sentence", [
    "On Monday, the S&P 500 posted a 2% increase for the month and a 5.5% gain for Q3.",
    "The S&P 500 ended September with a 1.9% rise in the month, while it logged a 5.5% gain in the third quarter.",
])
def test_each_figure_keeps_the_period_written_after_its_own_noun(checked, sentence):
    claim, result = checked(sentence, "2024-10-08")["5.5%"]
    assert claim.day == dt.date(2024, 9, 30) and result.verdict == "matches", result.explanation


@pytest.mark.parametrize("cause", ["in the wake of Wednesday's cooler inflation report",
                                   "on the back of Wednesday's cooler inflation report"])
def test_a_day_of_a_cause_part_is_not_the_figure_s_session(checked, cause):
    claim, result = checked(f"The S&P 500 notched its fourth straight weekly advance, fueled by hopes for lower rates "
                            f"{cause}.", "2024-05-17")["fourth straight weekly advance"]
    assert claim.day == dt.date(2024, 5, 17) and result.verdict == "matches", result.explanation


def test_a_day_after_respectively_is_the_figures_day_even_before_a_part_of_its_own(checked):
    found = checked("Nvidia and the S&P 500 rose 2.1% and 1.6%, respectively, on Monday as traders weighed the data.",
                    "2025-11-25")
    claim, result = found["1.6%"]
    assert claim.day == dt.date(2025, 11, 24) and result.verdict in ("matches", "roughly"), result.explanation


def test_a_tally_on_the_new_year_s_first_session_is_the_new_year_s(checked):
    found = checked("Nvidia rose 1.3% on Friday, taking its gain for the year to 1.3%.", "2026-01-02")
    assert [found[q][1].verdict for q in found] == ["matches"] * len(found)
    recap, result = checked("Over the full year, the S&P 500 rose 16.4%.", "2026-01-02")["16.4%"]
    assert recap.day == dt.date(2025, 12, 31) and result.verdict == "matches"


@pytest.mark.parametrize("words", ["in a shortened week", "over a holiday-shortened week"])
def test_a_move_in_a_shortened_week_is_the_week_s(checked, words):
    claim, result = checked(f"The Hang Seng Index slid 2.46% {words} as tariff shocks hit.", "2025-04-05")["2.46%"]
    assert claim.measure == "period" and result.verdict == "matches", result.explanation


def test_a_ranking_in_a_week_is_not_a_week_s_move(checked):
    found = checked("Nvidia jumped 4.1% on Tuesday, its biggest gain in a week.", "2025-11-25")
    assert found["4.1%"][0].measure == "day"
