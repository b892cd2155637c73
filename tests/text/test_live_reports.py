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


def test_a_chain_of_figures_after_opened_is_the_open(checked):
    """'Opening lower, with the Hang Seng Index off 203 points or 1.2% at 16,758': each figure of the chain is the
    open (the Hang Seng, 15 March 2024: 16,961.66 to an open of 16,758.36)."""
    found = checked("Hong Kong shares started Friday in the red, opening lower, with the Hang Seng Index off 203 "
                    "points or 1.2% at 16,758.", "2024-03-15")
    measures = {quote: (found[quote][0].measure, found[quote][1].verdict) for quote in ("203 points", "1.2%", "16,758")}
    assert measures == {"203 points": ("open_points", "matches"), "1.2%": ("open_move", "matches"),
                        "16,758": ("open_level", "matches")}


def test_a_title_at_the_lunch_break_makes_the_story_a_morning_report(checked):
    """A title timed at the lunch break: the body's figures without a time of their own are the morning's too."""
    found = checked("Title: Hang Seng loses 1.4% by the lunch break\n\nThe China Enterprises Index shed 86 points, or "
                    "1.5%, to 5,820.", "2024-03-15")
    for quote in ("86 points", "1.5%", "5,820"):
        claim, result = found[quote]
        assert claim.measure == "intraday" and result.verdict not in ("matches", "roughly", "does not match"), quote


def test_a_title_without_a_time_of_day_leaves_the_close(checked):
    found = checked("Title: Hang Seng loses 1.4% on property worries\n\nThe China Enterprises Index shed 86 points, "
                    "or 1.5%, to 5,820 on Friday.", "2024-03-15")
    assert {found[q][0].measure for q in ("86 points", "1.5%", "5,820")} == {"points", "day", "level"}
    assert {found[q][1].verdict for q in ("86 points", "1.5%", "5,820")} == {"matches"}


def test_a_preview_that_may_move_on_a_weekday_keeps_the_last_close(checked):
    """An evening preview: 'could slip further on Wednesday' looks ahead; the level the index 'now sits' at is
    Tuesday's close (the Hang Seng, 30 August 2022: 19,949.03)."""
    found = checked("The Hang Seng ended lower on Tuesday. The index now sits just below the 19,950-point line and "
                    "could slip further on Wednesday.", "2022-08-30")
    claim, result = found["19,950-point"]
    assert claim.day.isoformat() == "2022-08-30" and result.verdict == "matches"


def test_a_session_after_publication_gets_no_verdict(checked):
    """A figure dated after the article was published is a forecast: the prices of that day are not checked
    against it, whatever they turned out to be."""
    claim, result = checked("The Hang Seng Index rose 0.4% on August 31, 2022.", "2022-08-30")["0.4%"]
    assert result.verdict not in ("matches", "roughly", "does not match") and "after the article" in claim.unsure


def test_a_lead_shortly_before_midday_makes_the_story_live(checked):
    """'The S&P 500 (+0.3%) ... sit modestly higher shortly before midday': every figure of that session is one taken
    while it traded, whatever it says later ('The stock traded higher by over 1.0%')."""
    text = ("The S&P 500 (+0.3%) and the Nasdaq Composite (+0.2%) sit modestly higher shortly before midday.\n\n"
            "Nvidia traded higher by over 1.0% after announcing a new chip.")
    found = checked(text, "2026-01-06")
    assert {q: found[q][0].measure for q in ("+0.3%", "1.0%")} == {"+0.3%": "intraday", "1.0%": "intraday"}


def test_a_midday_lead_keeps_the_story_on_its_own_day_after_a_recap_of_yesterday():
    """'... at the local noon trading break. The benchmark climbed 2.6 per cent on Tuesday': a Wednesday midday report
    whose lead recaps Tuesday; its other moves are Wednesday's (as it trades), not Tuesday's."""
    from components.text.extraction import propose_events

    text = ("The Hang Seng Index gained 0.8 per cent to 15,476.85 at the local noon trading break. The benchmark "
            "climbed 2.6 per cent on Tuesday.\n\nTencent jumped 0.5 per cent to HK$273.40.")
    found = {c.sentence: c.date for c in propose_events(text, "2024-01-24", place="HK").candidates}
    assert str(found["Tencent jumped 0.5 per cent to HK$273.40."]) == "2024-01-24"
    assert str(found["The benchmark climbed 2.6 per cent on Tuesday."]) == "2024-01-23"


def test_a_close_still_ahead_makes_the_story_live(checked):
    """'The Hang Seng Index rose almost 2 percent on Monday ... A close at these levels will see the gauge meet the
    definition of a bull market': written before the close, so the 2 percent is not Monday's close."""
    found = checked("The Hang Seng Index rose almost 2 percent on Monday. A close at these levels will see the gauge "
                    "meet the definition of a bull market.", "2024-04-29")
    assert found["2 percent"][0].measure == "intraday"
