"""Figures of a time the daily bars do not hold, or of a run that never happened: a move "ahead of the U.S. opening
bell" is premarket, whichever words name the bell; "A ninth straight gain would have marked ..." is a run that did not
come, so it gets no verdict either way."""

import pytest


@pytest.mark.parametrize("words", ["ahead of the U.S. opening bell", "before the New York opening bell",
                                   "ahead of the bell", "in premarket trading"])
def test_a_move_before_the_us_open_is_premarket(checked, words):
    found = checked(f"Wall Street futures rose on Monday.\n\nAlibaba's ADRs jumped 7.1% {words}.", "2025-05-12")
    assert found["7.1%"][0].measure == "extended" and found["7.1%"][1].verdict == "uncheckable"


def test_a_market_named_after_the_figure_is_not_a_time(checked):
    """"jumped 1.91%, futures on Treasuries ...": the futures are another market, the figure is still the day's (the
    S&P 500, 14 November 2023: +1.91%)."""
    found = checked("Wall Street rallied on Tuesday.\n\nThe S&P 500 jumped 1.91%, futures on Treasuries rallying "
                    "too.", "2023-11-14")
    assert (found["1.91%"][0].measure, found["1.91%"][1].verdict) == ("day", "matches")


def test_a_run_that_would_have_come_gets_no_verdict(checked):
    """The S&P 500 rose eight sessions in a row to 19 August 2024 and fell on 21 August: "a ninth consecutive gain
    would have marked ..." is a run that did not come."""
    found = checked("Wall Street was mixed on Wednesday.\n\nA ninth consecutive gain for the S&P 500 would have "
                    "marked its longest streak in two decades.", "2024-08-21")
    assert found["ninth consecutive gain"][1].verdict == "not sure"


def test_a_change_chained_to_a_premarket_price_is_premarket_too(checked):
    """"trades at roughly $140.59 in the pre-market session, lower by 3.65%": one print, one time."""
    found = checked("On Thursday, November 21, NVDA trades at roughly $140.59 in the pre-market session, lower by "
                    "3.65%.", "2024-11-21")
    assert {found[q][0].measure for q in ("$140.59", "3.65%")} == {"extended"}
