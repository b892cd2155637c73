"""A level at a high or a low: the session's close when the text closes there ("finished at a fresh six-year low of
19,531.66", "hitting a three-year high of 23,477.92" after a close-to-close move), the day's high or low when it says
"as much as", and never the session's close when it is a past extreme the move is measured against."""

import datetime as dt

import pytest


@pytest.mark.parametrize("text,published,quote,day", [
    ("The Hang Seng Index finished at a fresh six-year low of 19,531.66 on Monday.", "2022-03-14", "19,531.66",
     dt.date(2022, 3, 14)),
    ("The S&P 500 settled at an all-time high of 6,445.76 on Tuesday.", "2025-08-12", "6,445.76", dt.date(2025, 8, 12)),
    ("The S&P 500 closed the session at a record high of 6,445.76, up 1.1%.", "2025-08-12", "6,445.76",
     dt.date(2025, 8, 12)),
    ("The Hang Seng Index added 900.94 points on Friday, hitting a three-year high of 23,477.92.", "2025-02-21",
     "23,477.92", dt.date(2025, 2, 21)),
])
def test_a_level_the_session_closed_at_is_its_close(text, published, quote, day, checked):
    claim, result = checked(text, published)[quote]
    assert (claim.measure, claim.day, result.verdict) == ("level", day, "matches")
    assert any("the session's close" in step for step in claim.trail)


def test_a_close_below_a_past_high_is_not_the_session_s_close(checked):
    claim, result = checked("The S&P 500 closed 0.2% below its record high of 6,445.76.", "2025-08-14")["6,445.76"]
    assert claim.measure != "level" and result.verdict != "does not match"


def test_a_high_reached_as_much_as_is_the_day_s_high(checked):
    claim, _result = checked("The Hang Seng Index rose as much as 4.2%, to a three-year high of 23,500 on Friday.",
                              "2025-02-21")["23,500"]
    assert claim.measure == "high_level"


def test_gains_expanded_later_in_the_session_are_the_day_s_high_not_its_close(checked):
    found = checked("The Hang Seng Index opened 453 points higher on Friday and later expanded its gains to 499 "
                     "points, reaching a four-year high of 26,585 points.", "2025-09-12")
    points, result = found["499 points"]
    assert (points.measure, result.verdict) == ("high_points", "matches")
    assert found["26,585 points"][0].measure != "level"


@pytest.mark.parametrize("words", ["rebound from an 11-month low", "recover from a two-month low",
                                   "bounce off a three-week low", "retreat from near a two-week high"])
def test_a_low_the_index_rebounded_from_is_no_ranking_of_the_session(words, checked):
    found = checked(f"The Hang Seng Index rose 1% on Friday, allowing the benchmark to {words}.", "2023-11-03")
    claim, result = next((c, r) for quote, (c, r) in found.items() if quote.endswith(("low", "high")))
    assert claim.measure != "rank" and result.verdict not in ("matches", "roughly", "does not match")


def test_a_move_on_the_day_to_a_year_high_of_a_level_is_the_close(checked):
    found = checked("The S&P 500 rose 0.59% on the day to a 2023 high of 4,594 on Friday.", "2023-12-01")
    claim, result = found["4,594"]
    assert (claim.measure, result.verdict) == ("level", "matches")


def test_a_move_at_its_peak_is_the_day_s_high(checked):
    found = checked("The S&P 500 and the Nasdaq were trading higher by 0.7% and 1.5% at their peaks, respectively, "
                     "on Friday.", "2026-01-02")
    assert found["0.7%"][0].measure == "high_move"


@pytest.mark.parametrize(("sentence", "quote", "measure"), [
    ("The Hang Seng Index swung on Friday: its gain widened to 129 points before it slid to a maximum loss of about "
     "204 points, and it closed down 176 points.", "129 points", "high_points"),
    ("The Hang Seng Index swung on Friday: its gain widened to 129 points before it slid to a maximum loss of about "
     "204 points, and it closed down 176 points.", "204 points", "low_points"),
    ("The Hang Seng Index fell 176 points on Friday, after its loss had deepened to 204 points.",
     "204 points", "low_points"),
])
def test_a_gain_that_widened_and_a_maximum_loss_are_the_day_s_extremes(sentence, quote, measure, checked):
    """Friday 10 January 2025: the Hang Seng Index's high was 129.6 points above the previous close, its low 204.2
    below, its close 176.6 below."""
    claim, result = checked(sentence, "2025-01-10")[quote]
    assert (claim.measure, result.verdict) == (measure, "matches")



@pytest.mark.parametrize("sentence,quote", [
    ("Nvidia shares fell 3% to $180.64, down from a late-October peak of $207.04.", "$207.04"),
    ("Nvidia shares fell 3% to $180.64, below its March 2025 high of $150.04.", "$150.04"),
    ("Nvidia shares fell 3% to $180.64, well off an October peak of $207.04.", "$207.04"),
])
def test_an_extreme_of_a_named_month_is_never_the_day_s_high(checked, sentence, quote):
    claim, result = checked(sentence, "2025-11-20")[quote]
    assert claim.measure == "range_high" and result.verdict == "not sure"


@pytest.mark.parametrize("text,quote,measure", [
    ("The S&P 500 rose 0.3% to fresh closing high of 5,487.97 on Tuesday.", "5,487.97", "level"),
    ("The S&P 500 reached 5,490.38 at its high on Tuesday.", "5,490.38", "high_level"),
    ("The S&P 500 stood at 5,471.32 at its low for the day on Tuesday.", "5,471.32", "low_level"),
])
def test_a_level_said_at_the_close_or_at_the_day_s_extreme_is_checked_as_that(checked, text, quote, measure):
    claim, result = checked(text, "2024-06-18")[quote]
    assert (claim.measure, result.verdict) == (measure, "matches"), result.explanation


def test_a_range_in_dollars_after_an_abbreviated_month_is_the_stock_s_low_and_high(checked):
    found = checked("In New York, Alibaba's U.S.-listed shares (BABA) last closed at $146.58 on Dec. 31, down about "
                    "0.5%. The stock traded between $145.66 and $147.29 in that session.", "2026-01-02")
    (low, low_result), (high, high_result) = found["$145.66"], found["$147.29"]
    assert (low.symbol, low.measure, high.symbol, high.measure) == ("BABA", "low_level", "BABA", "high_level")
    assert low_result.verdict == high_result.verdict == "matches"
