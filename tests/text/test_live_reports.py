"""A report written while the session was open ("U.S.-listed shares of ... Alibaba were sinking Friday"): that
market's figures of the day are taken during the session and not checked against the close; a market already shut
by then (Hong Kong's, in a New York afternoon story) is checked as usual; a live phrase whose clause names no listing
marks nothing."""




def test_a_live_report_s_figures_of_its_market_are_intraday(checked):
    found = checked("U.S.-listed shares of Alibaba Group Holdings Ltd. were sinking Friday. Alibaba's U.S.-listed "
                     "shares were off 8.5% in Friday's session.", "2022-07-29")
    claim, result = found["8.5%"]
    assert claim.measure == "intraday" and result.verdict not in ("matches", "roughly", "does not match")


def test_a_market_shut_before_the_live_report_ischecked(checked):
    found = checked("U.S.-listed shares of Alibaba Group Holdings Ltd. were jumping Tuesday. Hong Kong's Hang Seng "
                     "Index rallied 5.2% on Tuesday.", "2022-11-29")
    claim, result = found["5.2%"]
    assert (claim.symbol, claim.measure, result.verdict) == ("^HSI", "day", "matches")


def test_a_live_phrase_without_a_listing_marks_nothing(checked):
    found = checked("Shares of funds focused on Chinese stocks were jumping Tuesday. Hong Kong's Hang Seng Index "
                     "rallied 5.2% on Tuesday.", "2022-11-29")
    assert found["5.2%"][1].verdict == "matches"


def test_the_open_is_checked_even_beside_a_time_of_day(checked):
    """'Opening down 63 points, ... before rebounding': the open is in the day's bar whatever the words after it
    (the Hang Seng, 23 October 2025: 25,781.77 to an open of 25,718.53)."""
    found = checked("Hong Kong stocks rose, with the Hang Seng Index opening down 63 points, initially falling to a "
                    "low before rebounding.", "2025-10-23")
    claim, result = found["63 points"]
    assert claim.measure == "open_points" and result.verdict == "matches"


def test_a_close_wrap_that_times_one_figure_in_the_morning_is_not_a_live_story(checked):
    """'Dropped 0.4 per cent at the close ... rose by as much as 0.6 per cent in morning trading': the morning figure
    is timed, the rest are closes (the Hang Seng, 14 August 2025: 25,519.32; Alibaba -1.5% to HK$121.80)."""
    found = checked("Hong Kong stocks fell on Thursday.\n\nThe Hang Seng Index dropped 0.4 per cent to 25,519.32 at "
                    "the close. The gauge rose by as much as 0.6 per cent in morning trading.\n\nAlibaba Group Holding "
                    "retreated 1.5 per cent to HK$121.80.", "2025-08-14")
    assert {found[q][1].verdict for q in ("0.4 per cent", "25,519.32", "1.5 per cent", "HK$121.80")} == {"matches"}
    assert found["0.6 per cent"][1].verdict == "uncheckable"


def test_an_average_over_the_years_is_not_a_move(checked):
    found = checked("NEW YORK — Stocks rose on Monday. Since 1950, the S&P 500 has risen by an average of 1.3% over "
                    "the last five trading days of the year.", "2025-12-22")
    assert found["1.3%"][1].verdict == "uncheckable"
