"""Periods said with a count or a weekday, and what a give-back verb leaves: "rose 2.1% on Friday after losing 1.7%
over the preceding three days" (the three sessions before Friday), "cut its losses since last Friday to 2.3%" (from
that Friday's close, and what is left is a loss), "pared gains to 0.3%" (what is left is a gain)."""

from __future__ import annotations

import datetime as dt

import pytest

from components.text.dates import find_date_expressions

FRIDAY = "2025-03-14"  # the S&P 500: 5,770.20 on Fri 7 March, 5,614.56 Mon 10, 5,521.52 Thu 13, 5,638.94 Fri 14


def test_the_preceding_days_are_the_sessions_before_the_clause_s_day(checked):
    claim, result = checked("The S&P 500 rose 2.1% on Friday, after losing 1.7% over the preceding three days.",
                            FRIDAY)["1.7%"]
    assert (claim.measure, claim.day, claim.since) == ("period", dt.date(2025, 3, 13), dt.date(2025, 3, 11))
    assert result.verdict == "matches"


@pytest.mark.parametrize("words", ["since last Friday", "since Friday"])
def test_since_a_weekday_is_from_that_day_s_close(words, checked):
    claim, result = checked(f"The S&P 500 rose 2.1% on Friday. The rally cut the S&P 500's losses {words} to 2.3%.",
                            FRIDAY)["2.3%"]
    assert (claim.measure, claim.since) == ("period", dt.date(2025, 3, 8)) and result.verdict == "matches"


@pytest.mark.parametrize(("text", "quote", "way"), [
    ("The S&P 500 pared its gains to 2.1% on Friday.", "2.1%", 1),
    ("The S&P 500 trimmed its losses to 1.4% on Thursday.", "1.4%", -1),
    ("The S&P 500 extended its losses to 1.4% on Thursday.", "1.4%", -1),
])
def test_what_a_give_back_verb_leaves_keeps_the_way_of_its_object(text, quote, way, checked):
    claim, _result = checked(text, FRIDAY)[quote]
    assert claim.direction == way


def test_a_give_back_without_to_is_the_move_given_back(checked):
    claim, _result = checked("The S&P 500 pared 0.5% on Friday.", FRIDAY)["0.5%"]
    assert claim.direction == -1


def test_a_market_s_move_in_a_calendar_quarter_is_that_quarter_s(checked):
    claim, result = checked("The S&P 500 is up 16% for the first half after rising 8.3% in the second quarter.",
                            "2023-06-30")["8.3%"]
    assert (claim.measure, claim.since, claim.day) == ("period", dt.date(2023, 4, 1), dt.date(2023, 6, 30))
    assert result.verdict == "matches"


def test_a_quarter_of_a_fiscal_year_dates_results_not_a_move(checked):
    """Alibaba's fiscal year ends in March: its "second quarter" is July to September, never a span of its shares."""
    claim, result = checked("Alibaba said revenue for its fiscal year ending March grew, and its shares rose 8.3% in "
                            "the second quarter.", "2023-06-30")["8.3%"]
    assert claim.since != dt.date(2023, 7, 1) and result.verdict != "does not match"


def test_a_move_over_two_weekdays_spans_both_sessions(checked):
    """5,770.20 on Friday 7 March 2025 to 5,572.07 on Tuesday 11 March: -3.43%."""
    claim, result = checked("The S&P 500 lost 3.4% over Monday and Tuesday.", "2025-03-12")["3.4%"]
    assert (claim.measure, claim.since, claim.day) == ("period", dt.date(2025, 3, 10), dt.date(2025, 3, 11))
    assert result.verdict == "matches"


def test_a_day_opening_its_sentence_dates_a_move_in_a_later_clause(checked):
    """"Last Friday, <news>, and the S&P 500 closed up 0.69% at 6,909.51": Friday 20 February 2026, not the story's
    session, and not the month its paragraph opens with."""
    found = checked("The S&P 500 closed Wednesday at 6,946.13.\n\nIt has been a rough month. Last Friday, judges "
                    "struck down the duties, lifting the mood, and the S&P 500 closed up 0.69% at 6,909.51.",
                    "2026-02-26")
    for quote in ("0.69%", "6,909.51"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (dt.date(2026, 2, 20), "matches")


@pytest.mark.parametrize(("sentence", "quote", "symbol", "measure"), [
    ("The national index added 0.06% to 5,768 points.", "0.06%", "^HSCE", "day"),
    ("The S&T Index fell 8.8% during the period.", "8.8%", "^HSTECH", "day"),
    ("The Hang Seng Index lost 13.8% throughout the year.", "13.8%", "^HSI", "period"),
    ("The Hang Seng Index dropped 9.2% throughout the month.", "9.2%", "^HSI", "period"),
])
def test_names_and_periods_of_a_translated_hong_kong_wrap(sentence, quote, symbol, measure, checked):
    claim, _result = checked(sentence, "2023-12-29")[quote]
    assert (claim.symbol, claim.measure) == (symbol, measure)


def test_a_national_index_of_something_else_is_no_listing(checked):
    claim, _result = checked("The national index of home prices rose 0.4% in November.", "2023-12-29")["0.4%"]
    assert claim.symbol != "^HSCE"


@pytest.mark.parametrize("sentence", [
    "The benchmark has slumped 12 per cent over the past few months.",
    "Before the rally, the benchmark slumped 12 per cent to a 15-month low.",
    "The benchmark slumped 12 per cent in recent weeks.",
])
def test_a_move_over_a_period_without_bounds_is_not_sure_never_the_day_s(sentence, checked):
    claim, result = checked("The Hang Seng Index declined 1.6 per cent on Friday. " + sentence, "2024-01-26")[
        "12 per cent"]
    assert result.verdict == "not sure" and "without bounds" in result.explanation


def test_last_week_in_a_recap_posted_the_day_its_week_ends_is_not_called_wrong(checked):
    """Published Friday 16 May 2025: "last week" reads as 5-9 May (-0.47%), but the week ending that day was +5.27%;
    a recap posted after its week may mean it, so the verdict is 'not sure' naming it."""
    found = checked("The S&P 500 rose 5.3% last week, lifting the benchmark's May gain to 7%.", "2025-05-16")
    claim, result = found["5.3%"]
    assert result.verdict == "not sure" and "next week" in result.explanation
    claim, result = found["7%"]
    assert (claim.measure, claim.since, result.verdict) == ("period", dt.date(2025, 5, 1), "matches")


def test_a_wrong_weekly_figure_is_still_called_wrong(checked):
    _claim, result = checked("The S&P 500 rose 3% last week.", "2025-05-16")["3%"]
    assert result.verdict == "does not match"


@pytest.mark.parametrize("words", ["for the first six months of the year", "in the first half of 2023"])
def test_the_first_months_of_a_year_are_a_period_from_its_start(words, checked):
    claim, result = checked(f"The S&P 500 is up 16% {words}.", "2023-06-30")["16%"]
    assert (claim.measure, claim.since, result.verdict) == ("period", dt.date(2023, 1, 1), "matches")


def test_the_first_half_of_a_session_is_no_year(checked):
    claim, _result = checked("The S&P 500 rose 0.4% in the first half of trading on Friday.", "2023-06-30")["0.4%"]
    assert claim.since is None


def test_a_month_a_market_closed_with_a_figure_is_that_month_s_move(checked):
    claim, result = checked("The S&P 500 closed November with an 8.9% jump, its best month in a year.", "2023-12-01")[
        "8.9%"]
    assert (claim.measure, claim.since, claim.day, result.verdict) == (
        "period", dt.date(2023, 11, 1), dt.date(2023, 11, 30), "matches")


def test_the_past_days_right_after_a_figure_are_its_period(checked):
    """5,599.30 on Wednesday 12 March 2025 to 5,638.94 on Friday the 14th: +0.71% over the past two days."""
    claim, result = checked("The S&P 500 has climbed 0.7% the past two days.", "2025-03-14")["0.7%"]
    assert claim.measure == "period" and result.verdict == "matches"


@pytest.mark.parametrize(("sentence", "quote", "verdict"), [
    ("The S&P's financials index is up 13.8% across the past year.", "13.8%", "uncheckable"),
    ("At the moment, the Hang Seng Index is up 2.3% to 17,217.86.", "2.3%", "uncheckable"),
])
def test_a_sector_index_and_a_live_figure_get_no_verdict(sentence, quote, verdict, checked):
    _claim, result = checked(sentence, "2025-03-14")[quote]
    assert result.verdict == verdict


@pytest.mark.parametrize(("sentence", "quote", "since", "day"), [
    ("In the first stage, January 3rd — January 27th, 16 trading days, the Hang Seng Index surged 14.70%.", "14.70%",
     dt.date(2023, 1, 3), dt.date(2023, 1, 27)),
    ("In the second stage, from January 30th to March 20th, the Hang Seng Index fell by 16.26%.", "16.26%",
     dt.date(2023, 1, 30), dt.date(2023, 3, 20)),
    ("The Hang Seng Index fell 16.26% between January 30 and March 20.", "16.26%", dt.date(2023, 1, 30),
     dt.date(2023, 3, 20)),
])
def test_a_range_of_two_written_days_is_the_figure_s_period(sentence, quote, since, day, checked):
    claim, result = checked(sentence, "2023-07-11")[quote]
    assert (claim.measure, claim.since, claim.day, result.verdict) == ("period", since, day, "matches")


def test_two_days_a_thing_happened_on_are_no_range():
    found = find_date_expressions("Shares rose on March 3 and March 7.", "2023-07-11")
    assert [e.kind for e in found] == ["absolute", "absolute"]


def test_a_paragraph_opening_on_a_week_to_come_gives_no_period_to_today_s_move(checked):
    """'Next week, ...' looks ahead: Nvidia's 1.99% fall 'in trading today' is that Friday's (17 May 2024)."""
    found = checked("NEW YORK — Stocks closed mixed on Friday.\n\nNext week, the focus will be on Nvidia's earnings. "
                    "Nvidia shares fell 1.99% to $924.79 in trading today.", "2024-05-17")
    assert found["1.99%"][0].measure == "day" and found["1.99%"][0].day.isoformat() == "2024-05-17"
    assert found["1.99%"][1].verdict == "matches"


def test_a_quarter_in_its_last_month_is_the_quarter_running():
    """'Gained more than 4% in the second quarter' on 26 June: this quarter up to the story's day, not last year's
    second quarter; 'second-quarter results' on the same day are still last year's (reported after a quarter ends),
    and early in a quarter its name is the last one that ended."""
    from components.text.dates import find_date_expressions

    def span(text, published):
        return [(e.start_date, e.end_date) for e in find_date_expressions(text, published)]

    assert span("The S&P 500 gained more than 4% in the second quarter.", "2024-06-26") == [
        (dt.date(2024, 4, 1), dt.date(2024, 6, 26))]
    assert span("Alibaba reported second-quarter results.", "2024-06-26") == [
        (dt.date(2023, 4, 1), dt.date(2023, 6, 30))]
    assert span("The S&P 500 gained 4% in the second quarter.", "2024-05-10") == [(dt.date(2023, 4, 1),
                                                                                  dt.date(2023, 6, 30))]


@pytest.mark.parametrize(("text", "measure", "since"), [
    ("The Hang Seng ended the first half up 4%.", "period", dt.date(2024, 1, 1)),
    ("The index finished the first half of the year 4% higher.", "period", dt.date(2024, 1, 1)),
    ("The Hang Seng rose 1% in the first half of the session.", "intraday", None),
    ("The index finished the first half of trading up 0.5%.", "intraday", None),
    ("The index ended the first half of the trading day 0.5% higher.", "intraday", None),
])
def test_the_first_half_is_the_year_s_unless_it_is_the_session_s(text, measure, since):
    """'Ended the first half' in July is the year's first six months; 'the first half of trading' is the morning."""
    from components.text.claim_reader import read_claims
    from components.text.reader import read_article

    claim = read_claims(read_article(text, "2024-07-02", place="HK"))[0]
    assert (claim.measure, claim.since) == (measure, since)


def test_by_the_end_of_last_week_is_the_last_session_of_that_week(checked):
    """'By the end of last week, it had posted a month-to-date gain of 16.1%': up to that Friday, not Monday's story."""
    found = checked("The Hang Seng Index has been on a tear. By the end of last week, it had posted a month-to-date "
                    "gain of 16.1%, and had risen by 17% since the start of the year.", "2025-02-24")
    for quote in ("16.1%", "17%"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (dt.date(2025, 2, 21), "matches")


def test_a_period_before_a_colon_is_every_listed_figure_s(checked):
    """"Year-to-date gains remain strong: the Dow is up 12.3%, the S&P has risen 23%": each figure of the list is the
    year's (the S&P 500, 29 December 2023 to 18 December 2024: +23.11%)."""
    found = checked("Wall Street fell on Wednesday. Despite Wednesday's losses, year-to-date gains remain strong: the "
                    "Dow is up 12.3%, the S&P has risen 23%, and the Nasdaq has surged 29%.", "2024-12-18")
    claim, result = found["23%"]
    assert (claim.measure, claim.since, result.verdict) == ("period", dt.date(2024, 1, 1), "matches")


def test_a_head_without_a_period_before_a_colon_lends_none(checked):
    """"Stocks tumbled on Wednesday: the S&P 500 dropped 2.95%": the day's move (18 December 2024)."""
    found = checked("Stocks tumbled on Wednesday: the S&P 500 dropped 2.95% and the Nasdaq fell 3.6%.", "2024-12-18")
    assert (found["2.95%"][0].measure, found["2.95%"][1].verdict) == ("day", "matches")


def test_last_quarter_is_a_period_move(checked):
    """"The Hang Seng Index slumped 21% last quarter" in an October story: July to September 2022 (-21.2%)."""
    claim, result = checked("Hong Kong stocks surged on Wednesday. The Hang Seng Index slumped 21% last quarter in its "
                            "worst performance in more than a decade.", "2022-10-05")["21%"]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2022, 9, 30), "matches")


def test_a_period_after_the_level_a_move_reached_is_the_move_s(checked):
    """"The Hang Seng Index fell 1 per cent to 18,202.07 for the week" (a story of Friday 8 September 2023, when a
    rainstorm shut the market): the week's move to Thursday's close, from 31 August (1 September was shut too)."""
    claim, result = checked("The Hang Seng Index fell 1 per cent to 18,202.07 for the week, snapping a two-week "
                            "rebound.", "2023-09-08")["1 per cent"]
    assert (claim.measure, result.verdict) == ("period", "matches")


def test_a_ranking_s_look_back_is_no_period_of_the_figure_after_it(checked):
    """"its most substantial one-day decline in nine months, with shares falling 5.6% on Friday": the day's move
    (Nvidia, 8 March 2024: -5.55%), not a move over nine months."""
    claim, result = checked("Nvidia Corp experienced its most substantial one-day decline in nine months, with shares "
                            "falling 5.6% on Friday.", "2024-03-08")["5.6%"]
    assert (claim.measure, result.verdict) == ("day", "roughly")


def test_a_period_in_the_past_perfect_ends_the_session_before(checked):
    """"Before today, the Hang Seng Index had declined 9.8 per cent since a peak on May 20" (a story of Tuesday 2 July
    2024; Monday was a holiday): 20 May to Friday 28 June, -9.77%."""
    claim, result = checked("Before today, the Hang Seng Index had declined 9.8 per cent since a peak on May 20.",
                            "2024-07-02")["9.8 per cent"]
    assert (claim.day, result.verdict) == (dt.date(2024, 6, 28), "matches")
    assert "past perfect" in claim.day_rule and "publication" not in claim.day_rule  # the rule says why


def test_a_written_day_in_the_past_perfect_stays_that_day(checked):
    """"By the close on December 19, the Hang Seng Index had advanced ... year-to-date": that session's year."""
    claim, _result = checked("By the close on December 19, the Hang Seng Index had advanced 28% year-to-date.",
                             "2025-12-20")["28%"]
    assert claim.day == dt.date(2025, 12, 19)
