"""The sessions a run of moves covers, on its market's own calendar (components.text.runs, through the events the
reader proposes)."""

import datetime as dt

import pytest

from components.text.extraction import propose_events

D = dt.date


@pytest.mark.parametrize(("text", "published", "span"), [
    # nine HK sessions back from Monday 30 September 2024: 18 September (the day after Mid-Autumn) was a holiday
    ("The Hang Seng Index jumped 4% on Monday, capping a nine-day win streak.", "2024-09-30",
     (D(2024, 9, 17), D(2024, 9, 30))),
    # ... where Shanghai traded that day
    ("The Shanghai Composite Index surged 8% on Monday, capping a nine-day win streak.", "2024-09-30",
     (D(2024, 9, 18), D(2024, 9, 30))),
    # a run the clause ends is the sessions before its day
    ("The Hang Seng surged 1.4% on Friday, snapping a three-day losing streak.", "2025-09-05",
     (D(2025, 9, 2), D(2025, 9, 4))),
    ("The S&P 500 fell for an eighth day on Monday.", "2024-12-16", (D(2024, 12, 5), D(2024, 12, 16))),
    # a run of weeks starts on the Monday of its first week
    ("The Hang Seng Index rose 0.9% on Friday for a seventh straight week of gains.", "2025-05-23",
     (D(2025, 4, 7), D(2025, 5, 23))),
    ("The Hang Seng Index rose 1% on Friday for a fifth consecutive weekly gain.", "2025-02-14",
     (D(2025, 1, 13), D(2025, 2, 14))),
])
def test_a_run_is_proposed_as_the_sessions_it_covers(text, published, span):
    found = {(c.start_date, c.end_date) for c in propose_events(text, published).candidates}
    assert span in found


def test_a_run_in_a_cause_is_the_cause_s_not_the_move_s():
    text = "Gold miners rose 3% on Friday after bullion set a record high for a third consecutive day."
    found = propose_events(text, "2025-03-21").candidates
    assert all(c.start_date == c.end_date for c in found)


def test_a_run_of_one_or_of_months_is_no_span():
    for text in ("The Hang Seng Index rose 1% on Friday for a first straight day.",
                 "The Hang Seng Index rose 1% on Friday, a third straight month of gains."):
        assert all(c.start_date == c.end_date for c in propose_events(text, "2025-03-21").candidates)


def _streak(text: str, published: str):
    from components.text.claim_reader import read_claims
    from components.text.reader import read_article
    return next(c for c in read_claims(read_article(text, published)) if c.measure == "streak")


def test_a_run_halted_days_before_its_clause_ends_the_session_before_the_halt():
    claim = _streak("The Hong Kong stock market moved lower again on Tuesday, one day after halting the four-day "
                    "slide in which it had plummeted more than 1,030 points.", "2024-05-28")
    assert claim.day == D(2024, 5, 24) and claim.count == 4 and not claim.unsure


@pytest.mark.parametrize("text", [
    "The Hong Kong stock market has alternated between gains and losses through the last eight trading days since "
    "ending a two-day slide.",
    "The market had moved lower in two of three trading days since the end of the two-day rally in which it had "
    "jumped more than 360 points.",
])
def test_a_run_ended_at_a_time_the_clause_does_not_pin_is_not_sure(text):
    claim = _streak(text, "2026-03-02")
    assert "does not say which session ended the run" in claim.unsure


def test_a_run_at_a_time_the_text_does_not_date_is_not_sure():
    claim = _streak("Largest three-day gain since early March, when the market rose for four straight trading "
                    "days.", "2023-03-31")
    assert "does not date" in claim.unsure


def test_a_run_in_a_when_part_ends_on_the_day_written_before_it():
    claim = _streak("Largest three-day gain since Tuesday, March 7, when the market rose for four straight trading "
                    "days.", "2023-03-31")
    assert (claim.day, claim.unsure) == (dt.date(2023, 3, 7), "")


@pytest.mark.parametrize(("sentence", "quote"), [
    ("The S&P 500 rose 0.5% this week, its first weekly gain in five weeks.", "first weekly gain in five weeks"),
    ("The S&P 500 rose 0.5% this week, snapping a slide over the preceding four weeks.",
     "slide over the preceding four weeks"),
])
def test_a_first_gain_in_weeks_checks_the_run_it_ended(sentence, quote, checked):
    """The S&P 500 fell in the four weeks to Friday 14 March 2025 and rose 0.51% in the week to 21 March."""
    claim, result = checked(sentence, "2025-03-21")[quote]
    assert (claim.measure, claim.day, result.verdict) == ("streak", dt.date(2025, 3, 14), "matches")


def test_green_days_in_a_row_are_a_run_of_gains(checked):
    claim, result = checked("The S&P 500 closed up 0.7% on Tuesday, the second green day in a row.", "2025-05-13")[
        "the second green day in a row"]
    assert (claim.measure, claim.sign, result.verdict) == ("streak", 1, "matches")


def test_a_first_weekly_gain_said_of_last_week_checks_the_run_before_that_week(checked):
    """Published Monday 24 March 2025: last week (to the 21st) the S&P 500 rose 0.51%, after four weeks of losses
    that ended on the 14th."""
    claim, result = checked("The S&P 500 rose 0.5% last week, its first weekly gain in five weeks.", "2025-03-24")[
        "first weekly gain in five weeks"]
    assert (claim.day, result.verdict) == (dt.date(2025, 3, 14), "matches")


def test_a_close_on_record_is_a_record(checked):
    claim, result = checked("The S&P 500 rose 0.4% to 6,693.75 on Monday, its highest close on record.",
                            "2025-09-22")["highest close on record"]
    assert claim.since is None and result.verdict == "uncheckable" and "before the data" in result.explanation


def test_a_figure_inside_a_run_it_ended_is_that_run_s_move(checked):
    """Thursday 26 June 2025: the Hang Seng Index fell 0.61%, after four sessions that took it from 23,237.74 (19
    June) to 24,474.67 (25 June), +5.32%."""
    claim, result = checked("Hong Kong stocks fell 0.6 per cent on Thursday, ending a four-day 5.3 per cent rally.",
                            "2025-06-26")["5.3 per cent"]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2025, 6, 25), "matches")


@pytest.mark.parametrize("sentence,published,words", [
    ("U.S. stocks rose on Friday and closed out their best week of the year.", "2024-09-13", "best week of the year"),
    ("The S&P 500 rose on Friday, capping its biggest monthly gain since July.", "2024-09-13", "monthly"),
    ("The Hang Seng fell on Friday to end its worst month since October.", "2024-01-31", "worst month"),
])
def test_a_ranking_of_whole_weeks_or_months_is_not_sure(checked, sentence, published, words):
    """The app ranks single sessions; a week or a month against the others of a year is a different sum, so it says
    so instead of ranking the session."""
    found = checked(sentence, published)
    ranked = [(c, r) for c, r in found.values() if c.measure == "rank"]
    assert ranked and all(r.verdict == "not sure" and "single sessions" in r.reason for _c, r in ranked), words


@pytest.mark.parametrize("sentence,published", [
    ("The Hang Seng fell 0.7% on Monday, marking a potential second straight annual gain.", "2025-12-29"),
    ("The S&P 500 is on track for its fifth straight weekly gain.", "2023-12-01"),
])
def test_a_run_the_text_says_may_come_is_not_checked(checked, sentence, published):
    found = checked(sentence, published)
    runs = [(c, r) for c, r in found.values() if c.measure in ("streak", "rank")]
    assert runs and all(r.verdict == "not sure" and "may come" in r.reason for _c, r in runs)


def test_a_run_s_total_said_with_a_participle_is_the_run_s_move(checked):
    """'an upward trend for three consecutive sessions, amassing nearly 560 points or a 3 percent increase': both
    figures are the three sessions' move, the run is up; 'rose for a third straight session, gaining 1.2%' stays the
    day's."""
    found = checked("The Hong Kong stock market has experienced an upward trend for three consecutive sessions, "
                    "amassing nearly 560 points or a 3 percent increase.", "2024-05-20")
    assert [found[q][0].measure for q in ("560 points", "3 percent")] == ["period_points", "period"]
    assert str(found["3 percent"][0].since) == "2024-05-16" and found["3 percent"][1].verdict == "matches"
    assert found["three consecutive sessions"][1].verdict == "matches"
    day = checked("The Hang Seng rose for a third straight session, gaining 1.2%.", "2024-05-20")["1.2%"][0]
    assert day.measure == "day"


def test_a_session_in_red_is_a_losing_one(checked):
    found = checked("The S&P 500 fell 0.7% on Tuesday, the index's fourth straight session in red.", "2024-12-31")
    claim, result = found["fourth straight session"]
    assert claim.sign == -1 and result.verdict == "matches"


@pytest.mark.parametrize("ended", ["wrote a finish to", "put an end to", "snapped"])
def test_a_run_s_move_in_which_words_is_over_that_run(checked, ended):
    """"The Hong Kong stock market on Monday wrote a finish to the two-day winning streak in which it had advanced
    almost 140 points": the streak ended on Friday 8 July 2022, and its move runs from the close of 6 July (21,586.66)
    to 8 July (21,725.78), +139.12 points."""
    found = checked(f"The Hong Kong stock market on Monday {ended} the two-day winning streak in which it had advanced "
                    "almost 140 points.", "2022-07-11")
    streak, points = found["two-day winning streak"], found["140 points"]
    assert (streak[0].day, streak[1].verdict) == (dt.date(2022, 7, 8), "matches")
    assert (points[0].measure, points[0].day, points[1].verdict) == ("period_points", dt.date(2022, 7, 8), "matches")


@pytest.mark.parametrize("text,count,sign", [
    ("After seven consecutive declines, Hong Kong stocks rebounded.", 7, -1),
    ("The index rose after three straight rallies.", 3, 1),
    ("It has now posted 12 successive gains.", 12, 1),
])
def test_a_count_of_moves_in_a_row_is_a_run_of_sessions(text, count, sign):
    from components.text.quantities import quantities

    run = next(q for q in quantities(text) if q.kind == "streak")
    assert (run.count, run.unit, run.rank_sign) == (count, "session", sign)


def test_a_run_the_opening_part_names_is_the_subject_s_and_ended_before(checked):
    """"After seven consecutive declines, Hong Kong stocks rebounded today" (15 October 2025): the Hang Seng fell
    seven sessions in a row to 14 October."""
    claim, result = checked("After seven consecutive declines, Hong Kong stocks experienced a strong rebound today.",
                            "2025-10-15")["seven consecutive declines"]
    assert (claim.symbol, claim.day, result.verdict) == ("^HSI", dt.date(2025, 10, 14), "matches")


def test_a_run_in_the_past_perfect_ended_before_the_story_s_session(checked):
    """Nvidia fell 5.55% on 8 March 2024 after rising six sessions in a row to 7 March (+19.33% from the close of 28
    February): "had previously rallied, gaining more than 19% across six consecutive trading days"."""
    found = checked("Nvidia's shares plummeted 5.6% on Friday. The chipmaker's stock had previously rallied, gaining "
                    "more than 19% across six consecutive trading days.", "2024-03-08")
    run, move = found["six consecutive trading days"], found["19%"]
    assert (run[0].day, run[1].verdict) == (dt.date(2024, 3, 7), "matches")
    assert (move[0].measure, move[0].day, move[1].verdict) == ("period", dt.date(2024, 3, 7), "matches")


def test_a_first_weekly_fall_in_three_is_a_run_of_weeks_not_dated_by_a_look_back(checked):
    """"lost 1.5% for the week, its first weekly fall in three and the steepest since early April" (the Hang Seng,
    week to 20 June 2025, after two weekly gains): the two weeks before, not a week of April."""
    found = checked("The Hang Seng lost 1.5% for the week, its first weekly fall in three and the steepest since "
                    "early April.", "2025-06-20")
    claim, result = found["first weekly fall in three"]
    assert (claim.count, result.verdict) == (2, "matches") and claim.day.month == 6
