"""A report of the open (a wire's "Hong Kong stocks opened higher Monday" followed by the index's figures): the
session's figures that give no time of their own are the open's, checked against the day's opening print; a lead
that also reports the close, or a figure of another day, keeps the close."""


def test_the_figures_under_an_opening_lead_are_the_open(checked):
    """The Hang Seng, 6 November 2023: 17,664.12 to an open of 17,913.54 (+249.42, +1.41%); it closed +1.71%."""
    found = checked("HONG KONG: Hong Kong shares opened higher on Monday, led by property developers.\n\n"
                    "The Hang Seng Index gained 1.41 percent, or 249.42 points, to 17,913.54.", "2023-11-06")
    measures = {q: (found[q][0].measure, found[q][1].verdict) for q in ("1.41 percent", "249.42 points", "17,913.54")}
    assert measures == {"1.41 percent": ("open_move", "matches"), "249.42 points": ("open_points", "matches"),
                        "17,913.54": ("open_level", "matches")}


def test_at_a_weekday_s_open_makes_an_opening_report(checked):
    """The Hang Seng, 22 April 2024: an open of 16,410.83, 1.15% above the close before."""
    found = checked("Hong Kong equities climbed more than one percent at Monday's open.\n\nThe Hang Seng Index "
                    "rose 1.15 percent to 16,410.83.", "2024-04-22")
    assert found["1.15 percent"][0].measure == "open_move" and found["1.15 percent"][1].verdict == "matches"
    assert found["16,410.83"][0].measure == "open_level"


def test_a_lead_that_also_reports_the_close_is_a_close_wrap(checked):
    """The Hang Seng, 12 May 2025, closed 2.98% higher at 23,549.46 after opening higher."""
    found = checked("Hong Kong stocks opened higher on Monday and closed near the day's high.\n\nThe Hang Seng "
                    "Index rose 2.98 percent to 23,549.46.", "2025-05-12")
    assert (found["2.98 percent"][0].measure, found["2.98 percent"][1].verdict) == ("day", "matches")


def test_the_day_before_in_an_opening_report_is_a_close(checked):
    """'Had jumped 2.5 percent on Friday': Friday's close-to-close move (the Hang Seng, 3 November 2023: +2.52%),
    while the opening figures are Monday's open."""
    found = checked("Hong Kong stocks opened higher on Monday.\n\nThe Hang Seng Index gained 1.41 percent. The index "
                    "had jumped 2.5 percent on Friday.", "2023-11-06")
    assert found["1.41 percent"][0].measure == "open_move"
    claim, result = found["2.5 percent"]
    assert (claim.measure, str(claim.day), result.verdict) == ("day", "2023-11-03", "matches")


def test_a_figure_with_its_own_time_in_an_opening_report_keeps_it(checked):
    """"Lost over 1% in opening trade": a price after the open, which daily bars do not hold."""
    found = checked("Hong Kong stocks opened higher on Monday.\n\nShares of Alibaba lost over 1% in opening trade.",
                    "2023-11-06")
    assert (found["1%"][0].measure, found["1%"][1].verdict) == ("intraday", "uncheckable")
