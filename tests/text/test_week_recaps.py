"""Weekly recaps and the time a paragraph has moved on to: a lead that opens with the week's move ("This week, the Hang
Seng Index tumbled 8.5%") is a recap up to the story's day, so a day its lead names later ("On Monday, it plunged
13.2%") is one of its sessions, not the story's; "at the start of the week" and "in the second half of the week" are
days of that week; after a paragraph moves on to a later time, a move without a day no longer takes the day of the
move before. Classes the twenty-fourth held-out set showed; rule tests written here, accuracy is scored on real
articles only (tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import pytest

# ^HSI, week of 7-11 April 2025: Thu 3 Apr close 22,849.81; Mon 7 Apr 19,828.30 (-13.22%); then up four sessions to
# Fri 11 Apr 20,914.69 (-8.47% on the week)
RECAP = ("This week, the Hang Seng Index tumbled 8.5%. At the start of the week, a tariff hike rattled markets. On "
         "Monday, the Hang Seng Index plunged 13.2%. In the second half of the week, the White House paused some "
         "tariffs. The Hang Seng Index then rebounded for four consecutive sessions.")


def test_a_recap_lead_keeps_the_story_s_day_for_its_undated_figures(checked):
    found = checked(RECAP, "2025-04-11")
    assert [(str(found[q][1].session or found[q][0].day), found[q][1].verdict)
            for q in ("8.5%", "13.2%", "four consecutive sessions")] == [
        ("2025-04-11", "matches"), ("2025-04-07", "matches"), ("2025-04-11", "matches")]


@pytest.mark.parametrize(("words", "start", "end"), [
    ("At the start of the week", "2025-04-07", "2025-04-08"),
    ("In the first half of the week", "2025-04-07", "2025-04-09"),
    ("In the second half of the week", "2025-04-09", "2025-04-11"),
    ("At the end of the week", "2025-04-10", "2025-04-11"),
])
def test_parts_of_the_week_are_its_days(words, start, end):
    from components.text.extraction import extraction_of
    from components.text.reader import read_article
    found = extraction_of(read_article(f"{words}, the White House paused some tariffs.", "2025-04-11")).candidates
    assert [(str(c.start_date), str(c.end_date)) for c in found] == [(start, end)]


def test_a_move_after_a_dated_report_in_its_paragraph_still_takes_the_move_s_day(checked):
    """A clause that only reports ("analysts said on Tuesday") does not move the paragraph's time on."""
    found = checked("On Monday, the Hang Seng Index plunged 13.2%. Analysts said on Tuesday that the selloff was "
                    "overdone. The benchmark's China Enterprises peer lost 13.4%.", "2025-04-11")
    assert str(found["13.4%"][0].day) == "2025-04-07"


def test_a_period_to_the_day_before_a_story_s_session_is_not_sure_never_wrong(checked):
    """^HSI: 10 March 2023 close 19,319.92, Friday 24 March 19,915.68 (+3.08% over the two weeks), Monday 27 March
    19,567.69; "over the past two weeks" in the Monday story that ended the run meant the two weeks before it."""
    _claim, result = checked("Hong Kong stocks fell on Monday after a two-week advance. The Hang Seng Index climbed "
                             "3.1 per cent over the past two weeks.", "2023-03-27")["3.1 per cent"]
    assert result.verdict == "not sure" and "one session earlier" in result.explanation, result.explanation


@pytest.mark.parametrize("sentence", [
    "Alibaba's stock jumped on Thursday, closing up 10.1% in New York and 7.1% in Hong Kong.",
    "Alibaba's stock jumped on Thursday, rising 7.1% in Hong Kong and closing up 10.1% in New York.",
])
def test_a_market_named_right_after_a_figure_picks_the_company_s_listing_there(checked, sentence):
    """Thursday 26 September 2024: BABA +10.07%, 9988.HK +7.07%."""
    found = checked(sentence, "2024-09-26")
    assert [(found[q][0].symbol, found[q][1].verdict) for q in ("10.1%", "7.1%")] == [
        ("BABA", "matches"), ("9988.HK", "matches")]


# ^HSI, week of 5-9 February 2024: Fri 2 Feb close 15,533.56; Tue 6 Feb 16,136.87 (+4.04%), then three falls to
# Fri 9 Feb 15,746.58 (+1.37% on the week)
def test_a_run_as_the_subject_stands_for_the_listing_and_a_later_part_keeps_its_own_day(checked):
    found = checked("The Hang Seng Index slipped 0.8 per cent to 15,746.58 on Friday. The three-day losing streak "
                    "cut this week's gain to 1.4 per cent, and undid much of the 4 per cent jump on February 6.",
                    "2024-02-09")
    assert [(found[q][0].symbol, str(found[q][0].day), found[q][0].measure, found[q][1].verdict)
            for q in ("three-day losing streak", "1.4 per cent", "4 per cent")] == [
        ("^HSI", "2024-02-09", "streak", "matches"), ("^HSI", "2024-02-09", "period", "matches"),
        ("^HSI", "2024-02-06", "day", "matches")]


@pytest.mark.parametrize("name", ["The large-cap benchmark", "The 500-stock index", "The broad-market gauge"])
def test_an_index_called_by_its_kind_is_the_market_s_benchmark(checked, name):
    found = checked(f"Wall Street stocks finished mostly higher Wednesday, giving the S&P 500 room. {name} rose 0.2% "
                    "to close at 4,183.96.", "2022-04-27")
    assert [(found[q][0].symbol, found[q][1].verdict) for q in ("0.2%", "4,183.96")] == [
        ("^GSPC", "matches"), ("^GSPC", "matches")]


@pytest.mark.parametrize("text", [
    "The S&P 500 is on pace to close lower on Friday. The index fell 21 points, or 0.5%, to around 4,116.",
    "The S&P 500 fell 21 points, or 0.5%, to around 4,116 Friday afternoon.",
])
def test_a_figure_of_a_session_still_trading_is_not_checked_as_its_close(checked, text):
    found = checked(text, "2023-10-27")
    assert all(found[q][1].verdict == "uncheckable" for q in ("21 points", "0.5%", "4,116")), \
        [found[q][1].explanation for q in found]


def test_a_ranking_reached_as_much_as_during_the_session_is_intraday(checked):
    found = checked("The Hang Seng Index rose less than 0.1 per cent at the close on Monday. The index earlier fell as "
                    "much as 1.4 per cent to the lowest level since May 13.", "2022-08-01")
    claim, result = found["lowest level since May 13"]
    assert result.verdict == "uncheckable" and claim.measure == "intraday", result.explanation


def test_the_most_since_in_a_sentence_about_the_week_ranks_weeks_and_is_not_sure(checked):
    found = checked("For the week, the benchmark Hang Seng Index slid 3.5%, dropping by the most since early April.",
                    "2025-08-01")
    claim, result = found["most since early April"]
    assert result.verdict == "not sure" and "weeks" in result.explanation, result.explanation


@pytest.mark.parametrize(("sentence", "quote", "verdict"), [
    # 0700.HK closed at 515.00 (adjusted) on Thursday 20 March 2025, -3.80%; its print is not held, so a price is rough
    ("Tencent ended down 3.8 percent at HKD519.50 (USD66.85) a share in Hong Kong on Thursday.", "3.8 percent",
     "matches"),
    # ^GSPC closed at 5,505.00 on Friday 19 July 2024, -0.71%
    ("The S&P 500, which tracks the top 500 US companies, settled at 5,505 for a decline of 0.7% on Friday.", "0.7%",
     "matches"),
])
def test_a_converted_price_or_a_count_of_companies_does_not_make_a_sentence_unsure(checked, sentence, quote, verdict):
    day = "2025-03-20" if "Tencent" in sentence else "2024-07-19"
    found = checked(sentence, day)
    assert found[quote][1].verdict == verdict, found[quote][1].explanation
    assert not any(q.startswith(("USD66", "500 ")) or q == "500" for q in found), list(found)


@pytest.mark.parametrize(("sentence", "published", "start"), [
    ("Traders raised the chances of a second rate cut in December.", "2024-07-09", "2024-12-01"),
    ("Traders are watching the market's reopening on Jan. 5 and whether U.S.-traded ADRs follow.", "2026-01-02",
     "2026-01-05"),
])
def test_a_date_still_to_come_is_not_last_year_s(sentence, published, start):
    from components.text.extraction import extraction_of
    from components.text.reader import read_article
    found = extraction_of(read_article(sentence, published)).candidates
    assert str(found[0].start_date) == start, [(c.start_date, c.sentence) for c in found]


def test_a_month_s_move_after_the_day_s_close_does_not_date_the_moves_after_it():
    from components.text.extraction import extraction_of
    from components.text.reader import read_article
    text = ("The Hang Seng Index rose 0.1 per cent at the close of Monday trading. The gauge slumped 7.8 per cent in "
            "July, the worst month in a year. The Hang Seng Tech Index lost 0.2 per cent.")
    found = extraction_of(read_article(text, "2022-08-01")).candidates
    tech = [(str(c.start_date), str(c.end_date)) for c in found if c.sentence.startswith("The Hang Seng Tech")]
    assert tech == [("2022-08-01", "2022-08-01")], tech


def test_a_run_snapped_without_a_day_is_an_event_of_the_story_s_day_and_the_run_one_of_its_own():
    from components.text.extraction import extraction_of
    from components.text.reader import read_article
    found = extraction_of(read_article("Hong Kong stocks fell. Alibaba ended a five-day slide.", "2025-01-09"))
    spans = {(str(c.start_date), str(c.end_date)) for c in found.candidates if c.sentence.startswith("Alibaba")}
    assert ("2025-01-09", "2025-01-09") in spans and len(spans) == 2, spans


@pytest.mark.parametrize("sentence", [
    "The central bank reduced the reserve requirement ratio for banks.",
    "Trump compared the tariff implementation to a medical procedure.",
])
def test_a_policy_action_without_a_date_is_listed_undated_not_dropped(sentence):
    from components.text.extraction import extraction_of
    from components.text.reader import read_article
    found = extraction_of(read_article(f"Hong Kong stocks rose 2% on Friday. {sentence}", "2024-09-27"))
    assert not any(c.sentence.startswith(sentence[:12]) for c in found.candidates)
    assert any(u.sentence.startswith(sentence[:12]) for u in found.unresolved), found.unresolved
