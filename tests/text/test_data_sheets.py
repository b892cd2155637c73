"""Market data sheets (a lead line, then items without a subject: "--Up 76.40 points or 1.63% over the last three
trading days") and the reference points of their lines, read and checked on the bundled prices."""

import datetime as dt

import pytest

from components.analysis.claim_checks import check_claims
from components.text.claim_reader import read_claims
from components.text.reader import read_article

SHEET = """The S&P 500 Index is up 20.12 points or 0.42% today to 4774.75

--Up for three consecutive trading days

--Up 76.40 points or 1.63% over the last three trading days

--Off 0.45% from its record close of 4796.56 hit Monday, Jan. 3, 2022

--A new 52-week high

--Up 26.21% from its 52-week low of 3783.22 hit Wednesday, Dec. 28, 2022

--Rose 24.69% from 52 weeks ago

--Up 25.38% from its 2023 closing low of 3808.10 hit Thursday, Jan. 5, 2023

--Month-to-date it is up 4.53%
"""


@pytest.fixture(scope="module")
def sheet(prices):
    claims = read_claims(read_article(SHEET, "2023-12-26"))
    return {c.quote: (c, r) for c, r in zip(claims, check_claims(claims, prices))}


def test_a_line_without_a_subject_under_a_lead_is_the_lead_s(sheet):
    for quote in ("three consecutive trading days", "76.40 points", "1.63%", "4.53%"):
        assert sheet[quote][0].symbol == "^GSPC", quote


def test_two_figures_of_one_move_share_its_period(sheet):
    points, percent = sheet["76.40 points"][0], sheet["1.63%"][0]
    assert (points.measure, percent.measure) == ("period_points", "period") and points.since == percent.since


@pytest.mark.parametrize("quote", ["76.40 points", "1.63%", "24.69%", "4.53%", "three consecutive trading days"])
def test_true_sheet_lines_are_not_called_wrong(sheet, quote):
    assert sheet[quote][1].verdict in ("matches", "roughly"), sheet[quote][1].explanation


def test_a_move_from_a_day_ago_is_measured_from_that_day(sheet):
    claim = sheet["24.69%"][0]
    assert claim.measure == "period" and claim.day == dt.date(2023, 12, 26) and claim.since.year == 2022


@pytest.mark.parametrize("quote,day", [("3808.10", dt.date(2023, 1, 5)), ("4796.56", dt.date(2022, 1, 3)),
                                       ("3783.22", dt.date(2022, 12, 28))])
def test_a_past_extreme_written_with_its_day_is_that_day_s_close_never_the_session_s(sheet, quote, day):
    claim, result = sheet[quote]
    assert (claim.measure, claim.day, result.verdict) == ("level", day, "matches"), result.explanation


@pytest.mark.parametrize("quote,base", [("0.45%", dt.date(2022, 1, 3)), ("26.21%", dt.date(2022, 12, 28)),
                                        ("25.38%", dt.date(2023, 1, 5))])
def test_a_move_from_a_dated_extreme_runs_from_that_day_s_close_to_the_session(sheet, quote, base):
    claim, result = sheet[quote]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2023, 12, 26), "matches")
    assert result.figures[0].dates[0] == base, result.explanation


def test_a_ranking_the_move_is_measured_from_is_not_this_session_s(sheet):
    assert sheet["52-week low"][0].measure == "other"


def test_a_sheet_s_runs_and_reference_closes_are_events():
    from components.text.extraction import propose_events
    text = SHEET + ("\n--Up 41.72% from the Election Day close of 3369.16 on Tuesday, Nov. 3, 2020\n\n--Largest "
                    "three-day gain since Tuesday, Jan. 17, 2023, when the market rose for four straight trading "
                    "days\n")
    spans = {(c.start_date, c.end_date) for c in propose_events(text, "2023-12-26").candidates}
    assert (dt.date(2023, 12, 21), dt.date(2023, 12, 26)) in spans  # "--Up for three consecutive trading days"
    assert (dt.date(2020, 11, 3), dt.date(2020, 11, 3)) in spans
    assert (dt.date(2023, 1, 11), dt.date(2023, 1, 17)) in spans  # 16 January was a US holiday


def test_a_name_an_item_gives_in_passing_does_not_become_the_next_items_subject(prices):
    text = ("The S&P 500 Index is up 20.12 points or 0.42% today to 4774.75\n\n--Up 23.96% from the Inauguration Day "
            "close of 3851.85 on Wednesday, Jan. 20, 2021\n\n--Month-to-date it is up 4.53%\n\n--Alibaba rose 3%\n")
    claims = {c.quote: c for c in read_claims(read_article(text, "2023-12-26"))}
    assert claims["4.53%"].symbol == "^GSPC" and claims["23.96%"].symbol == "^GSPC"
    assert claims["3851.85"].measure == "other"  # a base level on a day given in words: never the session's close
    assert claims["3%"].symbol != "^GSPC"  # an item with a subject of its own keeps it
