"""Moves measured from a point the sentence names, and the guards that keep a true figure from being called wrong:
a pair of figures sharing one base, a base no price names, a listing its sentence's price already gave, a run said
with a comma, a move larger than any session and a run's way said after it. Texts written for the tests; the
figures are the bundled closes."""

import pytest


def test_two_figures_share_the_dated_base_after_them(checked):
    """S&P 500: 6,144.15 on 19 February 2025 to 5,849.72 on 3 March: -4.79%."""
    found = checked("NEW YORK — Stocks fell on Monday. The S&P 500 and the Nasdaq are down 4.8% and 8.5% from their "
                    "all-time closing highs set Feb. 19.", "2025-03-03")
    claim, result = found["4.8%"]
    assert claim.measure == "period" and claim.day.isoformat() == "2025-03-03" and result.verdict == "matches"


@pytest.mark.parametrize("words", ["from Trump's second inauguration", "above where it stood on Election Day eve"])
def test_a_base_no_price_names_is_not_sure(checked, words):
    found = checked(f"NEW YORK — Stocks fell on Monday. The S&P 500 is down 2.5% {words}.", "2025-03-03")
    assert found["2.5%"][1].verdict == "not sure"


def test_a_figure_after_a_price_keeps_that_price_s_listing(checked):
    """Alibaba in New York, 29 July 2022: $89.37 (-11.1%), and -21.4% over July."""
    found = checked("Alibaba shares fell 11% to $89.37 as of the close on Friday, down 21.4% for the month.",
                    "2022-07-29")
    assert {found[q][0].symbol for q in ("11%", "$89.37", "21.4%")} == {"BABA"}
    assert found["21.4%"][1].verdict == "matches"


def test_a_run_written_with_a_comma_is_still_the_run_s_move(checked):
    """Hang Seng, 4 to 12 September 2023 (five sessions, the 8th shut by a rainstorm): -4.34%."""
    found = checked("The Hang Seng Index dropped 0.4 per cent on Tuesday, capping a five-day, 4.3 per cent loss.",
                    "2023-09-12")
    assert found["4.3 per cent"][0].measure == "period" and found["4.3 per cent"][1].verdict == "matches"


def test_a_move_larger_than_any_session_is_not_called_wrong(checked):
    """No session of Alibaba in Hong Kong moved 30%: in a story about the quarter, the figure is the quarter's."""
    found = checked("Hong Kong stocks had their worst quarter in years. Alibaba Group tumbled 30 per cent.",
                    "2022-09-30")
    claim, result = found["30 per cent"]
    assert result.verdict == "not sure" and "far beyond any day" in result.explanation


def test_a_run_of_gains_said_after_it_keeps_its_way(checked):
    """The S&P 500's sixth weekly gain in a row to 8 December 2023; 'shaking off' earlier weakness is no fall."""
    found = checked("NEW YORK — U.S. stocks closed higher on Friday, shaking off earlier weakness, to clinch a sixth "
                    "straight week in a row of gains.", "2023-12-08")
    claim, result = found["sixth straight week"]
    assert claim.direction == 1 and result.verdict == "matches"


def test_a_ranking_s_old_look_back_does_not_take_the_figure_before_it(checked):
    """The Hang Seng's third quarter of 2022: 21,859.79 to 17,222.83, -21.2%; 2011 is the ranking's, not the move's."""
    found = checked("The Hang Seng Index slumped 21 per cent this quarter for the biggest decline since the same three "
                    "months in 2011.", "2022-09-30")
    claim, result = found["21 per cent"]
    assert claim.measure == "period" and result.verdict == "matches"
