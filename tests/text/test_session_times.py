"""Times within a session: a clock time with its zone in the lead ("at 04:51 a.m. ET", New York's premarket) makes a
story live for New York only, so Hong Kong's close that day is still checked; a move "earlier" in a session whose
close the clause also gives is the day's extreme ("ended 5.24% lower, after falling more than 6% earlier")."""


def test_a_new_york_clock_in_the_lead_leaves_hong_kong_s_close(checked):
    """Alibaba in Hong Kong on 23 May 2024: -5.24% at the close; its New York shares were quoted before the open."""
    found = checked("Hong Kong-listed shares of Alibaba fell over 5% Thursday after a report on a bond sale.\n\n"
                    "In premarket trading in New York, Alibaba's NYSE-listed shares were down 2.21% at 04:51 a.m. ET.",
                    "2024-05-23")
    assert (found["5%"][0].symbol, found["5%"][0].measure, found["5%"][1].verdict) == ("9988.HK", "day", "matches")
    assert found["2.21%"][1].verdict == "uncheckable"


def test_a_clock_without_a_zone_still_makes_every_market_live(checked):
    found = checked("Hong Kong-listed shares of Alibaba were down 5% at 10:51 a.m. on Thursday.", "2024-05-23")
    assert found["5%"][1].verdict == "uncheckable"


def test_a_move_earlier_in_a_closed_session_is_the_day_s_extreme(checked):
    """Alibaba, 23 May 2024: -5.24% at the close, -6.57% at the low."""
    found = checked("Hong Kong-listed shares of Alibaba fell on Thursday.\n\nShares ended the trading day 5.24% "
                    "lower, after falling more than 6% earlier following the report.", "2024-05-23")
    assert (found["6%"][0].measure, found["6%"][1].verdict) == ("low_move", "matches")
    assert found["5.24%"][0].measure == "day"


def test_earlier_in_the_week_is_not_the_session_s_extreme(checked):
    """The Hang Seng, 16 April 2024: -2.12% at the close; 'earlier this week' points to another day, not the low."""
    found = checked("The Hang Seng Index ended 2.12% lower on Tuesday, after falling 1% earlier this week.",
                    "2024-04-16")
    assert found["1%"][0].measure not in ("low_move", "high_move")
