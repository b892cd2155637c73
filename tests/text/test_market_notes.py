"""Close notes written as short lines and asides (forexlive, RTTNews, Yahoo style): a section head over list lines
and where its section ends, "a high today of", "That brought its one-week decline to ...", an opening participle's
subject, the volatility index under its nicknames, live words ("in Tuesday morning trading", "are currently") and a
price range that never traded. Figures of the S&P 500 on Friday 15 March 2024: close 5,117.09 (-0.65%), high
5,136.86, the week -0.13%."""

import datetime as dt

import pytest

CONFIDENT = ("matches", "roughly", "does not match")


def test_lines_under_a_trading_week_head_are_the_week(checked):
    found = checked("Wall Street closed lower on Friday.\n\nFor the trading week:\n\nS&P 500 fell 0.13%", "2024-03-15")
    claim, result = found["0.13%"]
    assert (claim.symbol, claim.measure, result.verdict) == ("^GSPC", "period", "matches")


def test_a_paragraph_naming_another_period_ends_the_section(checked):
    """'... for the year' after the week's lines: the lines after it are no longer the week's (9.9% would be a true
    year-to-date figure called wrong as a weekly one)."""
    found = checked("Wall Street closed lower on Friday.\n\nFor the trading week:\n\nS&P 500 fell 0.13%\n\nWith two "
                    "weeks of the quarter left, the Nasdaq leads the other indices for the year.\n\nS&P 500 is up 7.3%",
                    "2024-03-15")
    assert found["0.13%"][0].measure == "period"
    assert found["7.3%"][1].verdict != "does not match"


def test_a_high_with_today_between_is_the_day_s_high(checked):
    found = checked("The S&P 500 reached a high today of 5,136.86 before closing at 5,117.09.", "2024-03-15")
    assert (found["5,136.86"][0].measure, found["5,136.86"][1].verdict) == ("high_level", "matches")
    assert (found["5,117.09"][0].measure, found["5,117.09"][1].verdict) == ("level", "matches")


def test_that_brought_its_one_week_decline_is_the_last_named_index_s_week(checked):
    found = checked("The S&P 500 fell 0.65% on Friday to 5,117.09. That brought its one-week decline to 0.1%.",
                    "2024-03-15")
    claim, result = found["0.1%"]
    assert (claim.symbol, claim.measure, result.verdict) == ("^GSPC", "period", "matches")
    assert all(c.measure != "streak" for c, _r in found.values())  # one week is a period, not a run


def test_an_opening_participle_goes_with_the_subject_after_its_comma(checked):
    found = checked("Slipping to its lowest close in a week, the S&P 500 shed 0.65% on Friday.", "2024-03-15")
    claim, result = next((c, r) for c, r in found.values() if c.measure == "rank")
    assert claim.symbol == "^GSPC" and result.verdict == "matches"


@pytest.mark.parametrize(("text", "quote", "field", "expected"), [
    ("Wall Street slipped on Friday. The Cboe Volatility Index, also known as Wall Street's fear gauge, rose to as "
     "much as 15 points.", "15 points", "symbol", "^VIX"),  # the fear gauge is the volatility index, not the market
    ("Title: Stocks slip as traders await the Fed: Live updates\n\nThe S&P 500 fell 0.6%, while the Nasdaq slid 1%.",
     "0.6%", "measure", "intraday"),  # a "Live updates" title makes the story's figures intraday
])
def test_a_figure_read_as_another_listing_s_or_a_time_of_day_s_gets_no_verdict(checked, text, quote, field, expected):
    claim, result = checked(text, "2024-03-15")[quote]
    assert getattr(claim, field) == expected and result.verdict not in CONFIDENT


def test_live_words_of_a_us_morning_story(checked):
    found = checked("Alibaba's U.S. shares were down about 2% in Tuesday morning trading. Nvidia shares are "
                    "currently a touch above $880.", "2024-03-12")
    for quote in ("2%", "$880"):
        claim, result = found[quote]
        assert claim.measure == "intraday" and result.verdict not in CONFIDENT, quote


def test_a_price_range_hoped_for_is_not_a_price(checked):
    found = checked("Nvidia slipped on Friday. \"Traders are selling the stock after a big run and lack of upside in "
                    "guide to break the stock out to $950+ range,\" a trader said.", "2024-03-15")
    assert found["$950"][1].verdict not in CONFIDENT


def test_a_cause_with_a_day_of_its_own_is_a_second_event():
    """'The index was buoyed by the strong performance of Wall Street on Thursday' in a Friday wrap: the move is
    Friday's, the cause Thursday's."""
    from components.text.extraction import propose_events

    found = propose_events("The Hang Seng Index rose 0.6% on Friday. Closing at a two-week high, the index was helped "
                           "by the strong showing of Wall Street on Thursday.", "2024-03-15")
    days = {(c.start_date, c.end_date) for c in found.candidates}
    assert {(dt.date(2024, 3, 15),) * 2, (dt.date(2024, 3, 14),) * 2} <= days


def test_a_paragraph_opening_for_a_month_is_that_month_s_move(checked):
    """'For February, the S&P 500 gained 5.2%': the month's move (31 January to 29 February 2024: +5.17%), not the
    day's."""
    claim, result = checked("Wall Street ended the month higher on Thursday. For February, the S&P 500 gained 5.2%.",
                            "2024-02-29")["5.2%"]
    assert (claim.measure, result.verdict) == ("period", "matches")


def test_a_table_line_s_level_after_the_name_and_colon(checked):
    found = checked("Here's where US indexes stood after the close on Friday:\n- S&P 500: 5,117.09, down 0.65%\n"
                    "- S&P 500: 5,117.09 (-0.65%)", "2024-03-15")
    claim, result = found["5,117.09"]
    assert (claim.symbol, claim.measure, result.verdict) == ("^GSPC", "level", "matches")


def test_a_sheet_s_two_trading_day_winning_streak_snapped(checked):
    """Friday 8 March 2024: -0.65% after two up days (6 and 7 March), a fall on 5 March before them."""
    found = checked("The S&P 500 Index is down 33.67 points or 0.65% today to 5123.69\n\n--Snaps a two-trading-day "
                    "winning streak", "2024-03-08")
    claim, result = found["two-trading-day winning streak"]
    assert (claim.measure, claim.day, result.verdict) == ("streak", dt.date(2024, 3, 7), "matches")


def test_a_sheet_s_largest_point_and_percentage_decline_since_a_day(checked):
    """Friday 15 March 2024: -33.39 points (-0.65%), the largest fall since Friday 8 March (-33.67, -0.65%)."""
    found = checked("The S&P 500 Index is down 33.39 points or 0.65% today to 5117.09\n\n--Largest one-day point and "
                    "percentage decline since Friday, March 8, 2024", "2024-03-15")
    claim, result = next((c, r) for c, r in found.values() if c.measure == "rank")
    assert "June" not in claim.quote and result.verdict == "matches"


def test_closed_above_a_round_number_is_a_level_beyond_it(checked):
    claim, result = checked("Stocks rose on Friday, and the S&P 500 closed above 5,100.", "2024-03-15")["5,100"]
    assert (claim.measure, claim.qualifier, result.verdict) == ("level", "more than", "matches")


def test_an_asset_the_data_lack_keeps_its_own_figure(checked):
    """'... as the S&P 500 closed above 5,100 and bitcoin surged past $68,000': bitcoin's figure is bitcoin's, and
    it does not make the S&P 500's level doubtful."""
    found = checked("Stocks rose, as the S&P 500 closed above 5,100 and bitcoin surged past $68,000. Gold slipped 0.3% "
                    "to $2,155.", "2024-03-15")
    assert found["5,100"][1].verdict == "matches"
    for quote in ("$68,000", "0.3%", "$2,155"):
        claim, result = found[quote]
        assert claim.symbol is None and result.verdict not in CONFIDENT, quote


def test_weekly_losses_in_a_row_and_back_to_back(checked):
    """The S&P 500's weeks to 12 and 19 April 2024: -1.56% and -3.05%, after -0.95% to 5 April."""
    found = checked("Stocks fell on Friday, with the S&P 500 cementing its third weekly loss in a row. It was the "
                    "index's first back-to-back weekly losses since early January.", "2024-04-19")
    claim, result = found["third weekly loss in a row"]
    assert (claim.measure, claim.count, claim.unit, result.verdict) == ("streak", 3, "week", "matches")
    assert found["back-to-back weekly losses"][0].count == 2


def test_loftiest_is_highest(checked):
    """The Hang Seng on 2 May 2024 closed at 18,207.13: above every close after October 2023 (at most 18,079.00), so
    its highest since October; not since September (18,238.21 on 12 October)."""
    found = checked("Hong Kong's Hang Seng ended at its loftiest since October. Another desk said it was at its "
                    "loftiest since September.", "2024-05-02")
    assert found["loftiest since October"][1].verdict == "matches"
    assert found["loftiest since September"][1].verdict == "does not match"


def test_a_company_that_led_the_index_keeps_its_own_figure(checked):
    """'Alibaba led the Hang Seng lower with a 2.1% drop' (15 March 2024: Alibaba -2.11%, the Hang Seng -1.42%); a
    name the app does not know that 'was helping to lead the market with' a gain keeps it too."""
    found = checked("Hong Kong stocks fell on Friday. Alibaba led the Hang Seng lower with a 2.1% drop. Bank of East "
                    "Asia was helping to lead the market with a 1.5% gain.", "2024-03-15")
    claim, result = found["2.1%"]
    assert (claim.symbol, result.verdict) == ("9988.HK", "matches")
    claim, result = found["1.5%"]
    assert claim.symbol is None and result.verdict not in CONFIDENT


def test_a_level_reached_during_the_trading_day_is_the_day_s_extreme(checked):
    """The Hang Seng's low on 15 March 2024 was 16,550.42 (close 16,720.89)."""
    claim, result = checked("The Hang Seng Index dropped to 16,550 points during the trading day before closing at "
                            "16,720.89.", "2024-03-15")["16,550 points"]
    assert (claim.measure, result.verdict) == ("low_level", "matches")


def test_a_day_whose_earlier_move_is_surrendered_is_not_the_story_s(checked):
    """'Hong Kong stocks fell as Alibaba surrendered most of Tuesday's rally' in a Wednesday story: the figures are
    Wednesday's (the Hang Seng, 13 March 2024: 17,093.50 to 17,082.11, -0.07%)."""
    found = checked("Hong Kong stocks fell as Alibaba surrendered most of Tuesday's rally. The Hang Seng Index slipped "
                    "0.1% to 17,082.", "2024-03-13")
    claim, result = found["0.1%"]
    assert (claim.day, result.verdict) == (dt.date(2024, 3, 13), "matches")


def test_the_title_repeated_as_the_first_line_leaves_the_lead_to_the_body(checked):
    """A page that repeats its title above the body: the dated move that opens the body still sets the session
    (a Korean outlet's next-morning recap of Tuesday 30 September 2025: the S&P 500 +0.41%)."""
    text = ("Title: How Stocks Defied September\n\nHow Stocks Defied September\n\nTraditionally, September has been a "
            "bearish month for stocks and investors rebalance.\n\nThis September defied the trend with a robust "
            "performance overall.\n\nOn Tuesday, U.S. markets closed slightly higher across the board.\n\nThe S&P 500 "
            "rose 0.41%, and the Nasdaq Composite added 0.31%.")
    claim, result = checked(text, "2025-10-01")["0.41%"]
    assert (claim.day, result.verdict) == (dt.date(2025, 9, 30), "matches")


def test_a_figure_at_the_local_noon_trading_break_is_intraday(checked):
    claim, result = checked("The Hang Seng Index retreated 1.5 per cent to 20,590.46 at local noon trading break.",
                            "2022-07-27")["1.5 per cent"]
    assert claim.measure == "intraday" and result.verdict not in CONFIDENT


def test_shares_dropping_after_a_named_company_are_its_shares(checked):
    """'Alibaba slid on Friday, with shares dropping 2.1%' (15 March 2024: -2.11%)."""
    claim, result = checked("Hong Kong stocks fell. Alibaba slid on Friday, with shares dropping 2.1%.",
                            "2024-03-15")["2.1%"]
    assert (claim.symbol, result.verdict) == ("9988.HK", "matches")


@pytest.mark.parametrize("text,published,quote,count,unit", [
    ("Hong Kong share market finished lower for third session in row on Friday.", "2024-03-15",
     "for third session in row", 3, "session"),
    ("The S&P 500 slid 0.9% on Friday, capping a third straight losing week.", "2024-04-19",
     "third straight losing week", 3, "week"),
])
def test_runs_said_without_an_article_or_with_winning_and_losing(checked, text, published, quote, count, unit):
    claim, result = checked(text, published)[quote]
    assert (claim.measure, claim.count, claim.unit, result.verdict) == ("streak", count, unit, "matches")


def test_a_bare_change_before_the_level_it_reached_is_points(checked):
    """'The Hang Seng gained 164.07 to 19,864.55' (18 December 2024: 19,700.48 to 19,864.55)."""
    claim, result = checked("The Hang Seng gained 164.07 to 19,864.55 on Wednesday.", "2024-12-18")["164.07"]
    assert (claim.measure, result.verdict) == ("points", "matches")


def test_a_level_not_seen_since_a_day_ranks_the_close(checked):
    """The Hang Seng's 22,849.81 on 3 April 2025 was its lowest close after 20 February (22,576.98)."""
    found = checked("Hong Kong's benchmark closed at 22,849.81 on Thursday, a level not seen since Feb. 20.",
                    "2025-04-03")
    claim, result = next((c, r) for c, r in found.values() if c.measure == "rank")
    assert result.verdict == "matches"


def test_a_table_row_of_period_columns_is_never_checked_as_days(checked):
    """'Index Q1 Q2 Q3 Oct ...' over 'Hang Seng -3.0% 7.1% 19.3%': the app does not read which period a column is, so
    no cell is judged (as a day's move, every true one would be called wrong)."""
    found = checked("Index Q1 Q2 Q3 Oct Nov\nHang Seng -3.0% 7.1% 19.3% -3.9% -4.4%", "2025-02-24")
    assert found and all(r.verdict not in CONFIDENT for _c, r in found.values())


def test_a_move_from_an_intraday_peak_of_another_month_is_not_judged(checked):
    found = checked("Nvidia closed lower on Tuesday. Nvidia stock is now down 26% from its June intraday peak of over "
                    "$140 per share.", "2024-07-30")
    assert all(found[q][1].verdict not in CONFIDENT for q in ("26%", "$140"))


def test_consecutive_gains_said_of_a_week_are_weeks(checked):
    """The Hang Seng's weeks to 26 April, 3, 10 and 17 May 2024: +8.80%, +4.67%, +2.64%, +3.11%."""
    claim, result = checked("The Hang Seng Index rose 3.1% for the week, marking its fourth consecutive gain.",
                            "2024-05-17")["fourth consecutive gain"]
    assert (claim.unit, claim.count, result.verdict) == ("week", 4, "matches")


def test_an_apposition_after_an_index_is_an_aside_not_the_subject(checked):
    """'The S&P 500 index, a measure of U.S. large-cap stocks, finished Wednesday higher, boosting its year-to-date
    gain to 14.8%' (29 December 2023 to 26 June 2024: +14.84%)."""
    claim, result = checked("The S&P 500 index, a measure of U.S. large-cap stocks, finished Wednesday with a modest "
                            "rise, boosting its year-to-date gain to 14.8%.", "2024-06-26")["14.8%"]
    assert (claim.symbol, claim.measure, result.verdict) == ("^GSPC", "period", "matches")


def test_an_opening_participle_after_a_label_goes_with_the_subject(checked):
    """'State of play: After dropping 0.3% on ... Friday, the S&P 500 finished 2022 down 19.4%' (30 December 2022:
    -0.25%)."""
    claim, result = checked("State of play: After dropping 0.3% on the final trading session of the year Friday, the "
                            "S&P 500 finished 2022 down 19.4%.", "2022-12-31")["0.3%"]
    assert (claim.symbol, result.verdict) == ("^GSPC", "matches")


QUARTER_END = "2025-06-30"  # ^GSPC: 5,611.85 on 31 Mar, 6,204.95 on 30 Jun 2025 (+10.57%); +0.52% on 30 Jun


def test_a_paragraph_about_a_period_heads_the_next_one(checked):
    """'The second quarter saw the most dramatic increases.' then 'The S&P 500 ... skyrocketed 11.42% and ...': the
    quarter's move, in calendar quarters even in a story about Nvidia; the paragraph after that is the day's again."""
    found = checked("Nvidia led chipmakers higher on Monday.\n\nThe second quarter saw the most dramatic increases.\n\n"
                    "The S&P 500 and Nasdaq skyrocketed 10.6% and 17.7%, respectively.\n\nThe S&P 500 added 0.5%.",
                    QUARTER_END)
    claim, result = found["10.6%"]
    assert (claim.measure, str(claim.since), result.verdict) == ("period", "2025-04-01", "matches")
    assert found["0.5%"][0].measure == "day"


def test_an_index_s_quarter_is_a_calendar_quarter_in_a_company_story(checked):
    found = checked("Nvidia shares rose 2% on Monday. The S&P 500 rose 10.6% in the second quarter.", QUARTER_END)
    assert found["10.6%"][1].verdict == "matches"


def test_a_paragraph_about_a_day_heads_the_next_one_in_a_compilation_of_wraps(checked):
    """A page of two close wraps, the later first: 'Thursday saw a small loss as ...' then the Hang Seng's figures
    without a day are Thursday 13 February 2025's (-0.2%, 21,814.37), and the paragraph after them is Friday's."""
    found = checked("Hong Kong stocks jumped on Friday as technology shares rallied.\n\nThe Hang Seng Index rose 3.69 "
                    "percent to 22,620.33.\n\nThursday saw a small loss as traders booked profits after a strong run "
                    "in technology shares.\n\nThe Hang Seng Index shed 0.2 percent to 21,814.37.\n\nTurnover rose and "
                    "the Hang Seng Index ended 3.7 percent higher.", "2025-02-14")
    for quote in ("0.2 percent", "21,814.37"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (dt.date(2025, 2, 13), "matches"), quote
    assert found["3.7 percent"][0].day == dt.date(2025, 2, 14)


def test_a_day_paragraph_far_from_the_story_heads_nothing(checked):
    """'Monday was ...' in a story of Friday names a day that is not one of its last two sessions: no head."""
    found = checked("Hong Kong stocks jumped on Friday.\n\nMonday was a quiet day for the market as traders waited "
                    "for data.\n\nThe Hang Seng Index rose 3.69 percent to 22,620.33.", "2025-02-14")
    assert found["3.69 percent"][0].day == dt.date(2025, 2, 14)


def test_a_move_s_month_after_for_is_that_month_s_move(checked):
    """'locked in a 5% gain for June' on a Tuesday in July: June's move (+4.96% to 30 June 2025), not Tuesday's."""
    claim, result = checked("On Tuesday, the S&P 500 locked in a 5% gain for June.", "2025-07-03")["5%"]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2025, 6, 30), "matches")


@pytest.mark.parametrize("words", ["a 5% gain for the stretch", "a 3% rise for the holiday period",
                                   "a 4% advance for the run"])
def test_a_move_for_something_the_reader_does_not_know_is_not_judged_as_the_day_s(checked, words):
    """'a 5% gain for the stretch' may be over any period: never 'does not match' against the day's move."""
    claim, result = checked(f"The S&P 500 posted {words}.", "2025-07-03")[words.split()[1]]
    assert result.verdict == "not sure" and "may name a period" in claim.unsure
