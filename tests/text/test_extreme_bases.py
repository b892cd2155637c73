"""A move measured from a dated period's low or high ("has risen 20% from a January low"): the base is the lowest
(highest) close of that period, the figure's session the story's. The Hang Seng on Thursday 2 May 2024 closed at
18,207.13; its lowest close of January 2024 was 14,961.18 (22 January, +21.7% since), its highest of 2023 22,688.90
(27 January 2023, -19.8% since)."""

import datetime as dt

CONFIDENT = ("matches", "roughly", "does not match")


def test_a_move_from_a_month_s_low_counts_from_its_lowest_close(checked):
    claim, result = checked("The Hang Seng Index has risen 21.7% from its January low.", "2024-05-02")["21.7%"]
    assert (claim.measure, claim.day, claim.base_extreme) == ("period", dt.date(2024, 5, 2), -1)
    assert result.verdict == "matches" and "22" in result.explanation


def test_a_move_below_a_year_s_high_counts_from_its_highest_close(checked):
    claim, result = checked("The Hang Seng Index is still 19.8% below its 2023 high.", "2024-05-02")["19.8%"]
    assert (claim.measure, claim.base_extreme, result.verdict) == ("period", 1, "matches")


def test_a_round_threshold_from_a_low_is_roughly_never_wrong(checked):
    """'Risen 20% from a January low' with 21.7% in the data: the bull-market line, said roughly."""
    result = checked("The Hang Seng Index has risen 20% from a January low, entering a bull market.",
                     "2024-05-02")["20%"][1]
    assert result.verdict == "roughly"


def test_a_figure_far_from_the_low_is_not_sure_rather_than_wrong(checked):
    """The low may be an intraday one and a round figure may mean 'at least': no 'does not match' on a move from
    an undated extreme."""
    result = checked("The Hang Seng Index has risen 15% from a January low.", "2024-05-02")["15%"][1]
    assert result.verdict == "not sure"


def test_a_low_before_the_data_is_said_so(checked):
    result = checked("The Hang Seng Index has risen 40% from its 2021 low.", "2024-05-02")["40%"][1]
    assert result.verdict not in CONFIDENT


def test_a_low_without_a_period_keeps_no_base(checked):
    claim, result = checked("The Hang Seng Index has risen 21.7% from its recent low.", "2024-05-02")["21.7%"]
    assert claim.base_extreme == 0 and result.verdict not in CONFIDENT


def test_the_highs_of_a_month_written_after_the_noun(checked):
    """'More than 20% below the highs of January' on Friday 18 August 2023: the Hang Seng's 17,950.85 against
    22,688.90 (27 January), -20.88%."""
    claim, result = checked("The Hang Seng Index ended at 17,950.85 on Friday, more than 20% below the highs of "
                            "January.", "2023-08-18")["20%"]
    assert (claim.measure, claim.base_extreme, result.verdict) == ("period", 1, "matches")


def test_a_level_of_a_dated_day_is_the_base_and_its_digits_never_a_day_of_the_month(checked):
    """'Down 20.88% from the 22,688.9 of Jan. 27': the base is 27 January's close; '...9 of Jan' is no 9 January."""
    found = checked("The Hang Seng Index closed at 17,950.85 on Friday, down 20.88% from the 22,688.9 of Jan. 27.",
                    "2023-08-18")
    level, move = found["22,688.9"], found["20.88%"]
    assert (level[0].day, level[1].verdict) == (dt.date(2023, 1, 27), "matches")
    assert (move[0].measure, move[1].verdict) == ("period", "matches")


def test_a_move_on_its_day_from_a_look_back_low_counts_from_that_low(checked):
    """'climbed 2.6 per cent on Tuesday from a 14-month low': from the lowest close of the 14 months before the story,
    Monday's; a look-back whose lowest close lies further back is measured from there, and never called wrong."""
    claim, result = checked("The Hang Seng Index climbed 2.6 per cent on Tuesday from a 14-month low.",
                            "2024-01-24")["2.6 per cent"]
    assert (claim.day, claim.base_extreme, result.base, result.verdict) == (
        dt.date(2024, 1, 23), -1, dt.date(2024, 1, 22), "matches")
    result = checked("The Hang Seng Index climbed 2.6 per cent on Tuesday from a 15-month low.",
                     "2024-01-24")["2.6 per cent"][1]
    assert result.verdict == "not sure"
