"""Which way a run went: a data sheet's line says it first ("--Down for six consecutive trading days"), a sentence
without a move verb says it before the count ("has tracked higher in seven straight sessions"); a run that says
neither is 'not sure', never counted as a run of gains."""

import pytest

from components.text.claim_reader import read_claims
from components.text.reader import read_article


def test_a_data_sheet_line_opening_with_down_is_a_losing_run(checked):
    found = checked("The S&P 500 Index is down 7.75 points or 0.21% today to 3647.29\n\n--Down for six consecutive "
                     "trading days\n", "2022-09-27")
    claim, result = found["six consecutive trading days"]
    assert (claim.sign, result.verdict) == (-1, "matches")


def test_a_data_sheet_line_opening_with_up_is_a_winning_run(checked):
    claim, result = checked("The S&P 500 Index is down 7.75 points or 0.21% today to 3647.29\n\n--Up for six "
                             "consecutive trading days\n", "2022-09-27")["six consecutive trading days"]
    assert claim.sign == 1 and result.verdict == "does not match"


@pytest.mark.parametrize("text", ["The Hang Seng Index has tracked higher in seven straight sessions.",
                                  "The Hang Seng Index, higher for seven straight sessions, paused."])
def test_a_direction_word_before_the_count_says_the_way(text):
    claims = {c.quote: c for c in read_claims(read_article(text, "2025-05-09"))}
    assert claims["seven straight sessions"].sign == 1


def test_a_run_that_says_no_way_is_not_sure(checked):
    found = checked("The S&P 500 posted six consecutive sessions through Tuesday.", "2022-09-27")
    claim, result = found["six consecutive sessions"]
    assert claim.sign == 0 and result.verdict == "not sure"


def test_a_run_the_subject_dragged_others_into_is_theirs(checked):
    claim, result = checked("On Friday, Nvidia plunged 10%, dragging the S&P and Nasdaq down for six consecutive "
                             "days.", "2024-04-19")["six consecutive days"]
    assert (claim.symbol, claim.sign, result.verdict) == ("^GSPC", -1, "matches")


def test_both_after_two_names_in_a_clause_shares_the_figure():
    claims = {c.quote: c for c in read_claims(read_article(
        "Alibaba rose 2% to HK$80 while Tencent gained 1% to HK$300, both hitting a three-month high.", "2024-04-19"))}
    assert claims["three-month high"].symbol == "9988.HK"


def test_a_snapped_run_of_weeks_ended_with_the_week_before(checked):
    found = checked("The Hang Seng Index is up 557.50 points, or 2.79%, this week to 20567.54\n\n--Snaps a four-week "
                     "losing streak\n", "2023-03-03")
    claim, result = found["four-week losing streak"]
    assert (str(claim.day), result.verdict) == ("2023-02-24", "matches")
    for quote in ("557.50 points", "2.79%"):  # ", this week" after the pair is its period
        assert found[quote][0].measure in ("period", "period_points") and found[quote][1].verdict == "matches"


@pytest.mark.parametrize("words,sign", [("four-straight down days", -1), ("three straight up days", 1)])
def test_a_run_said_with_up_or_down_days_is_read(words, sign):
    claims = {c.quote: c for c in read_claims(read_article(f"The S&P 500 ended the year with {words}.",
                                                            "2024-12-31"))}
    assert claims[words].measure == "streak" and claims[words].sign == sign


@pytest.mark.parametrize("words,count,sign,unit", [("a fifth successive gain", 5, 1, "session"),
                                                   ("the second consecutive decline", 2, -1, "session"),
                                                   ("a second week of advance", 2, 1, "week"),
                                                   ("a third straight drop", 3, -1, "session")])
def test_a_run_said_by_its_ordinal_and_its_move_is_read(words, count, sign, unit):
    claims = read_claims(read_article(f"Hong Kong stocks ended with {words} on Friday.", "2024-04-26"))
    claim = next(c for c in claims if c.measure == "streak")
    assert (claim.count, claim.sign, claim.unit) == (count, sign, unit)



def test_the_most_since_a_day_ranks_the_move_its_way(checked):
    found = checked("The Hang Seng Index climbed 2.7 per cent at 19,362.25 at the close on Friday, the most "
                            "since August 25.", "2022-09-09")
    claim, result = found["most since August 25"]
    assert (claim.measure, claim.rank_of, claim.sign, result.verdict) == ("rank", "move", 1, "matches")


def test_the_most_after_as_much_as_is_the_intraday_move_s_and_one_since_an_undated_move_is_not_sure(checked):
    found = checked("Alibaba's stock jumped as much as 16 per cent to HK$98, the most since November.",
                            "2023-03-29")
    assert found["most since November"][1].verdict not in ("matches", "roughly", "does not match")
    found = checked("Alibaba tumbled 8.2 per cent to HK$74.65, the most since a 11 per cent drop in October "
                            "last year.", "2023-11-17")
    claim, result = next(v for k, v in found.items() if k.startswith("most"))
    assert result.verdict == "not sure" and "11 per cent" in found
