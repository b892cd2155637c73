"""A move measured from a level the text dates ("Off 0.39% from its record close of 6977.27 hit Monday, Jan. 12,
2026", "5% below its record close of ... set on ...", "since tariffs were announced on April 2"): the level is that
day's close, the move runs from it to the session; a weekday written with its date is that date; a ranking's
"since <day>" is its look-back, never the session; an intraday figure checked a session off is 'not sure'."""

import datetime as dt

import pytest

from components.analysis.article_claims import NEAR_THE
from components.analysis.claim_checks import check_claims
from components.text.claim_reader import read_claims
from components.text.dates import find_date_expressions
from components.text.extraction import propose_events
from components.text.reader import read_article


def _checked(text: str, published: str, prices) -> dict[str, tuple]:
    claims = read_claims(read_article(text, published))
    return {c.quote: (c, r) for c, r in zip(claims, check_claims(claims, prices))}


@pytest.mark.parametrize("words,day", [("hit Monday, Jan. 12, 2026", dt.date(2026, 1, 12)),
                                       ("on Thursday, 20 November 2025", dt.date(2025, 11, 20)),
                                       ("set Friday, March 24, 2023", dt.date(2023, 3, 24))])
def test_a_weekday_written_with_its_date_is_one_day(words, day):
    found = find_date_expressions(f"The index rose 1% {words}.", "2026-01-26")
    assert [(e.kind, e.start_date) for e in found] == [("absolute", day)]


def test_a_weekday_that_is_not_its_date_s_is_noted():
    e = find_date_expressions("It closed there Tuesday, March 8, 2026.", "2026-03-20")[0]
    assert e.start_date == dt.date(2026, 3, 8) and "Tuesday" in e.note


def test_a_move_below_a_dated_record_runs_from_that_day_s_close(prices):
    found = _checked("The S&P 500 closed at 4,774.75 on Tuesday, 0.45% below its record close of 4,796.56 set on "
                     "Jan. 3, 2022.", "2023-12-27", prices)
    move, result = found["0.45%"]
    assert (move.measure, move.day, result.verdict) == ("period", dt.date(2023, 12, 26), "matches")
    assert result.figures[0].dates[0] == dt.date(2022, 1, 3)
    level, checked = found["4,796.56"]
    assert (level.measure, level.day, checked.verdict) == ("level", dt.date(2022, 1, 3), "matches")


def test_a_level_dated_on_a_holiday_is_the_close_standing_then(prices):
    found = _checked("The S&P 500 Index is up 34.62 points or 0.50% today to 6950.23\n\n--Up 15.90% from the "
                     "Inauguration Day close of 5996.66 on Monday, Jan 20, 2025\n", "2026-01-26", prices)
    level, result = found["5996.66"]
    assert (level.day, result.verdict) == (dt.date(2025, 1, 17), "matches")  # 20 January 2025 was a US holiday
    assert found["15.90%"][1].verdict == "matches"


def test_a_move_since_a_dated_news_day_is_not_that_day_s(prices):
    found = _checked("The S&P 500 Index is up 34.62 points or 0.50% today to 6950.23\n\n--Up 22.56% since tariffs "
                     "were announced on Wednesday, April 2, 2025\n", "2026-01-26", prices)
    claim, result = found["22.56%"]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2026, 1, 26), "matches")


def test_a_dated_base_level_before_the_data_is_uncheckable_not_wrong(prices):
    found = _checked("The Hang Seng Index is up 90.98 points or 0.45% today to 20400.11\n\n--Off 38.47% from its "
                     "record close of 33154.12 hit Friday, Jan. 26, 2018\n", "2023-03-31", prices)
    assert {found[q][1].verdict for q in ("38.47%", "33154.12")} == {"uncheckable"}


def test_a_ranking_since_a_dated_day_looks_back_to_it(prices):
    found = _checked("The Hang Seng Index is up 90.98 points or 0.45% today to 20400.11\n\n--Highest closing value "
                     "since Tuesday, March 7, 2023\n", "2023-03-31", prices)
    claim, result = next(v for q, v in found.items() if q.startswith("Highest"))
    assert (claim.symbol, claim.day, claim.since, result.verdict) == (
        "^HSI", dt.date(2023, 3, 31), dt.date(2023, 3, 8), "matches")
    events = propose_events("The Hang Seng Index rose 0.45% to 20400.11 on Friday.\n\n--Highest closing value since "
                            "Tuesday, March 7, 2023\n", "2023-03-31").candidates
    assert (dt.date(2023, 3, 7), dt.date(2023, 3, 7)) in {(c.start_date, c.end_date) for c in events}
    assert not any(c.start_date == dt.date(2023, 3, 7) and c.end_date != c.start_date for c in events)


def test_an_intraday_figure_of_the_session_before_is_not_called_wrong(prices):
    found = _checked("Nvidia rallied by 5% intraday before a wave of selling took hold, and it ended with a loss of "
                     "3.2%.", "2025-11-21", prices)
    assert found["5%"][1].verdict != "does not match", found["5%"][1].explanation


def test_a_lead_reporting_a_dated_reversal_sets_the_story_s_session(prices):
    found = _checked("The US stock market delivered a dramatic reversal on Thursday, 20 November 2025.\n\nThe S&P 500 "
                     "ended the session with a loss of 1.6%.", "2025-11-21", prices)
    claim, result = found["1.6%"]
    assert (claim.day, result.verdict) == (dt.date(2025, 11, 20), "matches")


@pytest.mark.parametrize("text,published,quote", [
    ("The Hang Seng Index fell 3% on Tuesday, its steepest fall since a 9% slide in March last year.", "2023-05-23",
     "9%"),
    ("Alibaba's Hong Kong shares fell 10.2 per cent on Friday, the most since a 11 per cent drop in October last "
     "year.", "2023-11-17", "11 per cent"),
    ("Tencent jumped 6% on Monday, its biggest gain since an 8% surge in January.", "2025-02-10", "8%")])
def test_a_move_a_ranking_looks_back_to_is_one_undated_session_not_the_month(text, published, quote, prices):
    claim, result = _checked(text, published, prices)[quote]
    assert claim.measure != "period" and result.verdict == "not sure", result.explanation


def test_a_period_said_only_roughly_is_never_called_wrong(prices):
    claim, result = _checked("Alibaba's American depositary receipts rallied 27% in late September as officials rolled "
                             "out stimulus.", "2024-12-09", prices)["27%"]
    assert claim.approximate and result.verdict == "not sure", result.explanation


def test_a_described_company_is_the_one_named_before(prices):
    found = _checked("Alibaba's American depositary receipts rose on Monday. The Chinese e-commerce giant lost 8% in "
                     "October trading and 10% last month.", "2024-12-09", prices)
    assert {found[q][0].symbol for q in ("8%", "10%")} == {"BABA"}
    assert found["8%"][1].verdict == "matches", found["8%"][1].explanation


def test_a_story_written_during_the_session_still_checks_months_that_ended(prices):
    found = _checked("Alibaba's ADRs gained 7% to 91.17 in recent afternoon trading on the stock market today.\n\n"
                     "Alibaba's ADRs lost 8% in October, and they have gained 11% this year.", "2024-12-09", prices)
    assert found["7%"][0].measure == "intraday"
    october = next(c for q, (c, r) in found.items() if c.measure == "period" and c.day == dt.date(2024, 10, 31))
    assert october.symbol == "BABA"
    assert found["11%"][0].measure == "intraday"  # the year to a price during the session


def test_a_figure_cut_to_its_digits_says_so_not_that_it_rounds(prices):
    result = _checked("Alibaba's U.S. shares lost 10% in November.", "2024-12-09", prices)["10%"][1]
    assert result.verdict == "matches" and "rounds" not in result.explanation


@pytest.mark.parametrize("line,published,span", [
    ("--Up four of the past five months", "2023-03-31", (dt.date(2022, 11, 1), dt.date(2023, 3, 31))),
    ("--Up four of the past five weeks", "2023-03-31", (dt.date(2023, 2, 27), dt.date(2023, 3, 31))),
    ("--Up 11 of the past 13 trading days", "2023-12-26", (dt.date(2023, 12, 7), dt.date(2023, 12, 26))),
    ("--Down three of the last four sessions", "2024-04-02", (dt.date(2024, 3, 26), dt.date(2024, 4, 2))),  # Easter
    ("--Largest one-week gain since the week ending March 3, 2023", "2023-03-31",
     (dt.date(2023, 2, 27), dt.date(2023, 3, 3))),
    ("--Rose 24.69% from 52 weeks ago", "2023-12-26", (dt.date(2022, 12, 28), dt.date(2023, 12, 26)))])
def test_a_sheet_s_tallies_weeks_and_moves_from_a_day_are_the_stretches_they_cover(line, published, span):
    text = f"The Hang Seng Index is up 90.98 points or 0.45% today to 20400.11\n\n{line}\n"
    if "trading days" in line or "52 weeks" in line:
        text = f"The S&P 500 Index is up 20.12 points or 0.42% today to 4774.75\n\n{line}\n"
    spans = {(c.start_date, c.end_date) for c in propose_events(text, published).candidates}
    assert span in spans, spans


@pytest.mark.parametrize("line", ["Other top movers included Horizon Robotics (9.5%), SMIC (6.0%) and Hansoh Pharma "
                                  "(4.6%).", "Top gainers were Meituan (+4.1%) and JD.com (+3.2%).",
                                  "Laggards included Li Auto (-3.3%) and NIO (-2.8%)."])
def test_a_list_of_movers_with_their_figures_is_the_session_s_event(line):
    text = f"The Hang Seng surged 1.4% to finish at 25,418 on Friday.\n\n{line}\n"
    found = [c for c in propose_events(text, "2025-09-05").candidates if c.sentence.startswith(line[:12])]
    assert found and all(c.start_date == c.end_date == dt.date(2025, 9, 5) for c in found), found


@pytest.mark.parametrize("words,published,span", [
    ("this week", "2025-02-15", (dt.date(2025, 2, 10), dt.date(2025, 2, 14))),
    ("so far this year", "2025-02-16", (dt.date(2025, 1, 1), dt.date(2025, 2, 14))),
    ("this week", "2025-02-14", (dt.date(2025, 2, 10), dt.date(2025, 2, 14)))])
def test_a_story_published_at_the_weekend_runs_its_periods_to_the_friday_before(words, published, span):
    e = next(e for e in find_date_expressions(f"The Hang Seng Tech Index rose 5% {words}.", published) if e.resolved)
    assert (e.start_date, e.end_date) == span


def test_since_the_start_of_a_past_year_runs_to_the_story_s_day(prices):
    e = next(e for e in find_date_expressions("Nvidia has soared 765% since the start of 2023.", "2024-08-29")
             if e.resolved)
    assert (e.start_date, e.end_date) == (dt.date(2023, 1, 1), dt.date(2024, 8, 29))
    claim, result = _checked("Nvidia stock has soared 765% since the start of 2023.", "2024-08-29", prices)["765%"]
    assert (claim.measure, claim.since) == ("period", dt.date(2023, 1, 1)) and result.verdict != "does not match"


def test_near_the_lowest_is_not_called_wrong_when_it_is_near(prices):
    claim, result = next(v for q, v in _checked(
        "The Hang Seng Index fell 0.5 per cent on Friday to near the lowest since October 2022.", "2024-01-19",
        prices).items() if q.startswith("lowest"))
    assert claim.qualifier == NEAR_THE and result.verdict == "not sure", result.explanation


def test_a_streak_of_economic_data_is_not_the_index_s(prices):
    claim, result = _checked("The Hang Seng Index rose 0.1 per cent as an official PMI report showed expansion in "
                             "China's manufacturing sector for a third consecutive month.", "2024-12-31",
                             prices)["third consecutive month"]
    assert result.verdict not in ("matches", "roughly", "does not match"), (claim.measure, result.explanation)


def test_the_next_day_after_the_text_moves_to_a_past_quarter_is_not_the_last_day_named(prices):
    text = ("Nvidia will announce its earnings after the close tomorrow.\n\nJensen Huang called demand insane back on "
            "October 3.\n\nLast quarter earnings came in at $0.68. Shares fell -6.38% from $125.61 to a closing level "
            "to $117.59 the next day.")
    found = _checked(text, "2024-11-19", prices)
    assert {found[q][1].verdict for q in ("-6.38%", "$125.61", "$117.59")} == {"not sure"}


@pytest.mark.parametrize("text,published,span", [
    ("Tesla finished the year up more than 62%.", "2024-12-31", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("The Hang Seng ended the week 1.2% higher.", "2025-09-05", (dt.date(2025, 9, 1), dt.date(2025, 9, 5))),
    ("The Hang Seng Index is up 618.70 points or 3.13% this quarter to 20400.11", "2023-03-31",
     (dt.date(2023, 1, 1), dt.date(2023, 3, 31)))])
def test_a_move_said_as_how_a_period_ended_or_over_the_quarter_is_that_period(text, published, span):
    assert span in {(c.start_date, c.end_date) for c in propose_events(text, published).candidates}


@pytest.mark.parametrize("text,quote", [
    ("New Zealand's benchmark S&P NZX-50 index edged up 0.2%.", "0.2%"),
    ("By comparison, the S&P 400 index has posted more modest gains, up 3% in one month.", "3%"),
    ("The Volatility Index (VIX), Wall Street’s fear index, continued its downward trend, dropping 0.17 points.",
     "0.17 points"),
    ("Its gain of over 112% has outpaced the NYSE Composite index’s 13% returns.", "13%")])
def test_an_index_the_data_lack_keeps_its_figure(text, quote, prices):
    claim, result = _checked(text, "2025-05-13", prices)[quote]
    assert claim.symbol != "^GSPC" and result.verdict == "uncheckable", (claim.symbol, result.explanation)


def test_a_figure_at_the_noon_break_is_taken_during_the_session(prices):
    found = _checked("The Hang Seng Index fell 1 per cent to 25,842.77 at the noon break. Alibaba sank 2 per cent to "
                     "HK$153.90.", "2025-12-03", prices)
    assert {found[q][1].verdict for q in ("1 per cent", "25,842.77", "2 per cent", "HK$153.90")} == {"uncheckable"}


def test_a_weekly_fall_streak_counts_falling_weeks(prices):
    claim, result = _checked("The Hang Seng dipped 1.1% for the week, marking its third straight weekly fall.",
                             "2025-03-28", prices)["third straight weekly fall"]
    assert (claim.unit, claim.sign, result.verdict) == ("week", -1, "matches"), result.explanation


def test_a_month_s_move_written_as_its_possessive_is_that_month(prices):
    claim, result = _checked("The Hang Seng Index has recovered all of April’s 4.3 per cent loss triggered by "
                             "tariffs on April 2.", "2025-05-30", prices)["4.3 per cent"]
    assert (claim.measure, claim.day, result.verdict) == ("period", dt.date(2025, 4, 30), "matches")


def test_a_move_from_a_dated_close_is_never_called_wrong_when_the_session_before_matches(prices):
    found = _checked("NEW YORK, June 25 (Reuters) - Nvidia shares rose 6.8% to $126.09 on Tuesday, recovering from a "
                     "tumble that saw them lose around 13% from their June 18 close of $135.58.", "2024-06-25", prices)
    assert found["13%"][0].measure == "period" and found["13%"][1].verdict == "not sure"  # to Monday's close it was
    assert (found["$135.58"][0].symbol, found["$135.58"][0].day) == ("NVDA", dt.date(2024, 6, 18))


@pytest.mark.parametrize("text,published,span", [
    ("Hong Kong stocks hovered near a two-week high as the region continues to recover from last week’s rout.",
     "2024-08-13", (dt.date(2024, 8, 13), dt.date(2024, 8, 13))),
    ("The S&P 500 closed out 2023 with a gain of more than 24%.", "2023-12-29",
     (dt.date(2023, 1, 1), dt.date(2023, 12, 29))),
    ("The Hang Seng fell 0.7% to close at 23,427 on Friday, snapping two-day gains.", "2025-03-28",
     (dt.date(2025, 3, 26), dt.date(2025, 3, 27)))])
def test_a_move_s_own_period_not_its_cause_s_and_a_run_it_snapped(text, published, span):
    spans = [(c.start_date, c.end_date) for c in propose_events(text, published).candidates]
    assert span in spans and len(spans) == len(set(spans)), spans


def test_an_ordinal_ranking_counts_the_closes_beyond_it(prices):
    found = _checked("The S&P 500 Index is up 34.62 points or 0.50% today to 6950.23\n\n--Fourth highest close in "
                     "history\n\n--Today's closing value is the fourth highest this year\n\n--Third highest close this "
                     "year\n", "2026-01-26", prices)
    assert found["Fourth highest close in history"][1].verdict == "uncheckable"  # the record reaches before the data
    assert found["fourth highest this year"][0].symbol == "^GSPC"
    assert found["fourth highest this year"][1].verdict == "matches"
    assert found["Third highest close this year"][1].verdict == "does not match"
    two_week = _checked("The Hang Seng Index fell 1% to a two-week low on Monday.", "2022-11-28", prices)
    assert next(c for q, (c, r) in two_week.items() if q.startswith("two-week")).nth == 0


@pytest.mark.parametrize("words,published,span", [
    ("On a one-year basis, the index has delivered 19% returns.", "2025-08-12",
     (dt.date(2024, 8, 12), dt.date(2025, 8, 12))),
    ("Its shares have rallied 41% over three months.", "2025-08-12", (dt.date(2025, 5, 12), dt.date(2025, 8, 12))),
    ("Meta and Amazon have advanced about 33% and 10%, respectively, in 2024.", "2024-02-20",
     (dt.date(2024, 1, 1), dt.date(2024, 2, 20)))])
def test_trailing_periods_and_the_running_year_end_at_the_story_s_day(words, published, span):
    e = next(e for e in find_date_expressions(words, published) if e.resolved)
    assert (e.start_date, e.end_date) == span


def test_a_run_snapped_out_of_is_the_sessions_before(prices):
    text = ("NEW YORK, June 25 (Reuters) - Nvidia shares rose nearly 7% on Tuesday, snapping out of a three-session "
            "tailspin that had erased $430 billion from its value.")
    claim, result = _checked(text, "2024-06-25", prices)["three-session tailspin"]
    assert (claim.sign, claim.day, result.verdict) == (-1, dt.date(2024, 6, 24), "matches")
    spans = {(c.start_date, c.end_date) for c in propose_events(text, "2024-06-25").candidates}
    assert (dt.date(2024, 6, 20), dt.date(2024, 6, 24)) in spans


def test_a_level_reached_upon_opening_is_the_open_and_its_ranking_is_not_a_close_s(prices):
    found = _checked("The Hang Seng Index surged past 25,000 points upon opening on Tuesday morning, its highest level "
                     "since February 2022.", "2025-07-22", prices)
    level, result = found["25,000 points"]
    assert (level.measure, result.verdict) == ("open_level", "matches"), result.explanation
    rank = next(r for q, (c, r) in found.items() if q.startswith("highest"))
    assert rank.verdict == "uncheckable"


@pytest.mark.parametrize("weeks,verdict", [("four", "matches"), ("three", "matches"), ("five", "does not match")])
def test_a_look_back_in_weeks_ends_on_the_session_and_starts_the_day_after_the_same_weekday(weeks, verdict, checked):
    """The S&P 500 fell 0.72% on Tuesday 2 April 2024; its last worse day was Tuesday 5 March (-1.02%), four weeks
    before, the day "its worst day in four weeks" is measured against."""
    quote = f"worst day in {weeks} weeks"
    claim, result = checked(f"The S&P 500 fell 0.7% on Tuesday, its {quote}.", "2024-04-02")[quote]
    assert claim.measure == "rank" and result.verdict == verdict


def test_a_new_low_for_the_year_ranks_the_session_against_that_year(checked):
    """The S&P 500 closed at 3,655.04 on Monday 26 September 2022, its lowest close of 2022 (the data's first year:
    its window starts with the first session, 3 January)."""
    found = checked("The S&P 500 notched a new closing low for 2022 on Monday, falling 1.03% to 3,655.04.",
                    "2022-09-26")
    claim, result = found["new closing low for 2022"]
    assert (claim.measure, claim.since, result.verdict) == ("rank", dt.date(2022, 1, 3), "matches")


def test_a_ranking_since_a_dated_event_looks_back_to_that_day(checked):
    """'the most since the March 15 crash': the crash is dated, so the ranking looks back to the sessions after it,
    and the day inside the ranking is never the figure's own session."""
    claim, result = checked("The Hang Seng Index fell 3.8 per cent to 20,001.96 points yesterday, the most since the "
                            "March 15 crash.", "2022-05-07")["most since the March 15 crash"]
    assert (str(claim.day), result.verdict) == ("2022-05-06", "matches")


def test_a_level_a_move_counts_from_is_that_day_s_level(checked):
    """'closed at 4,191.98, up from last Friday's closing level of 4,124.08': the second level is last Friday's."""
    found = checked("The S&P 500 closed the week at 4,191.98, up from last Friday's closing level of 4,124.08.",
                    "2023-05-19")
    claim, result = found["4,124.08"]
    assert (str(claim.day), result.verdict) == ("2023-05-12", "matches")


def test_a_weekly_recap_s_intraday_high_on_thursday_does_not_set_its_session(checked):
    """'reached 4,793.30 at its high on Thursday, but backed off by the close' in a Friday recap is not the story's
    session, so 'for the week' runs to Friday."""
    text = ("The S&P 500 reached 4,793.30 at its high on Thursday, but backed off by the close.\n\n"
            "S&P 500: +0.3% for the week")
    claim, result = checked(text, "2023-12-29")["+0.3%"]
    assert (str(claim.day), result.verdict) == ("2023-12-29", "matches")
