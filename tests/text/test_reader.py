"""The reader's rules (components/text/reader.py, dates.py, periods.py): each rule on sentences of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from components.facts import MAX_SENTENCE_CHARS, MAX_SENTENCES
from components.text import sentences
from components.text.dates import find_date_expressions
from components.text.extraction import propose_events
from components.text.reader import read_article

D = dt.date


def clause(text: str, published: str, containing: str = "", **kw):
    reading = read_article(text, published, **kw)
    return next(c for c in reading.clauses if containing in c.text)


def expression(text: str, published: str, wording: str, **kw):
    reading = read_article(text, published, **kw)
    return next(e for c in reading.clauses for e in c.expressions if e.text == wording)


# --- implicit publication session --------------------------------------------------------------------

def test_a_move_without_a_date_is_the_publication_session():
    c = clause("Alibaba's Hong Kong shares rose 4% to a three-month high.", "2025-06-10")
    assert (c.day, c.implicit) == (D(2025, 6, 10), "no date of its own: the publication session")


def test_a_us_listing_in_an_asian_report_is_the_us_session_before_publication():
    c = clause("Alibaba's ADRs jumped 5%.", "2025-06-09", place="HK")  # a Monday: the last US session is Friday
    assert (c.day, c.tz) == (D(2025, 6, 6), "America/New_York")


def test_a_dateless_move_takes_the_day_of_the_previous_move_of_its_paragraph():
    text = "Hong Kong stocks edged up 0.2% on Thursday.\nThe Hang Seng Index fell 2% on Tuesday. Tencent dropped 3%." \
           "\nBaidu rose 1%."
    reading = read_article(text, "2025-06-12")  # a Thursday
    days = {c.text: c.day for c in reading.clauses}
    assert days["Tencent dropped 3%."] == D(2025, 6, 10)
    assert days["Baidu rose 1%."] == D(2025, 6, 12)  # a new paragraph: the story's session


def test_a_lead_with_a_day_before_publication_sets_the_story_session():
    text = "Hong Kong shares slid 2% on Wednesday as lenders fell.\n\nMeituan dropped 3%. Hang Seng futures were flat."
    reading = read_article(text, "2025-06-12")  # published Thursday, about Wednesday's session
    c = next(c for c in reading.clauses if c.text.startswith("Meituan"))
    assert c.day == D(2025, 6, 11) and "the story's session" in c.implicit
    assert reading.story_day("HK")[0] == D(2025, 6, 11) and reading.story_day("US")[0] == D(2025, 6, 10)


def test_a_dateline_with_a_day_sets_the_story_session():
    text = "NEW YORK, March 4 (Wire) — Wall Street closed higher as chipmakers rallied.\n\nThe S&P 500 gained 1.1%."
    reading = read_article(text, "2026-03-05")  # published the next morning in Asia
    assert reading.session == D(2026, 3, 4) and reading.place == "US"
    assert next(c for c in reading.clauses if "S&P" in c.text).day == D(2026, 3, 4)


def test_a_move_over_a_period_is_not_dated_as_a_day():
    c = clause("The stock has gained 35% so far this year.", "2025-06-10")
    assert c.period_statistic and c.day is None and (c.date.start_date, c.date.end_date) == (D(2025, 1, 1),
                                                                                              D(2025, 6, 10))


def test_a_look_back_does_not_swallow_the_day_of_a_move():
    c = clause("Shares of Tencent rose 6%, their biggest gain since 2022.", "2025-06-10")
    assert c.day == D(2025, 6, 10) and not c.period_statistic


# --- weekdays -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, wording, day, qualifier", [
    ("Shares fell early Monday in Hong Kong.", "early Monday", D(2025, 6, 9), "early"),
    ("The board met on Thursday evening.", "on Thursday evening", D(2025, 6, 5), "evening"),
    ("The regulator said late on Friday it had approved the deal.", "late on Friday", D(2025, 6, 6), "late"),
    ("The company will report results on Thursday.", "on Thursday", D(2025, 6, 12), ""),
    ("It reported results on Tuesday.", "on Tuesday", D(2025, 6, 10), ""),
])
def test_weekdays_follow_the_tense_and_keep_the_time_of_day(sentence, wording, day, qualifier):
    e = expression(sentence, "2025-06-10", wording)  # a Tuesday
    assert (e.start_date, e.qualifier) == (day, qualifier)


def test_an_extracted_event_keeps_the_time_of_day_in_its_note():
    candidate = propose_events("Alibaba unveiled the model early Monday.", "2025-06-10").candidates[0]
    assert candidate.qualifier == "early" and "time of day: early" in candidate.confidence


# --- overnight ------------------------------------------------------------------------------------------

def test_overnight_in_an_asian_report_is_the_previous_us_session():
    c = clause("Overnight, Alibaba's US-listed shares rose 8%.", "2025-06-09", place="HK")  # a Monday
    assert (c.day, c.tz) == (D(2025, 6, 6), "America/New_York")


def test_overnight_in_a_us_report_is_the_asian_session_of_the_day():
    c = clause("Overnight, Hong Kong stocks fell 2%.", "2025-06-09", place="US")
    assert (c.day, c.tz) == (D(2025, 6, 9), "Asia/Hong_Kong")


def test_the_place_is_read_from_the_dateline_or_the_markets_named():
    assert read_article("NEW YORK (Reuters) - Stocks rose.", "2025-06-09").place == "US"
    assert read_article("Hong Kong stocks fell as the Hang Seng slid.", "2025-06-09").place == "HK"
    assert read_article("Wall Street gained; the S&P 500 and the Nasdaq rose.", "2025-06-09").place == "US"


# --- dates without a year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, published, wording, day", [
    ("New rules apply starting June 1.", "2025-05-20", "June 1", D(2025, 6, 1)),
    ("Alibaba will hold an investor day on Jan. 8.", "2024-12-16", "Jan. 8", D(2025, 1, 8)),
    ("The deal closed on Dec. 28.", "2025-01-06", "Dec. 28", D(2024, 12, 28)),
    ("The prototype was shown on 14 July.", "2025-06-10", "14 July", D(2024, 7, 14)),
    ("A shareholder meeting on June 20.", "2025-06-10", "June 20", D(2025, 6, 20)),  # no tense: the nearer
    ("A shareholder meeting on December 20.", "2025-01-10", "December 20", D(2024, 12, 20)),
])
def test_a_date_without_a_year_is_placed_by_tense_and_direction(sentence, published, wording, day):
    assert expression(sentence, published, wording).start_date == day


# --- fiscal and calendar quarters -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, published, wording, span", [
    ("Alibaba's third-quarter revenue beat estimates.", "2025-02-21", "third-quarter",
     (D(2024, 10, 1), D(2024, 12, 31))),
    ("Tencent's third-quarter revenue beat estimates.", "2025-02-21", "third-quarter",
     (D(2024, 7, 1), D(2024, 9, 30))),
    ("Alibaba's fiscal Q1 2026 ends soon.", "2025-06-10", "fiscal Q1 2026", (D(2025, 4, 1), D(2025, 6, 30))),
    ("Sales grew in Q3 2024.", "2025-02-21", "Q3 2024", (D(2024, 7, 1), D(2024, 9, 30))),
    ("Alibaba reported results for the December quarter.", "2025-02-21", "the December quarter",
     (D(2024, 10, 1), D(2024, 12, 31))),
    ("Alibaba will report its June-quarter results in August.", "2025-05-16", "its June-quarter",
     (D(2025, 4, 1), D(2025, 6, 30))),
])
def test_quarters_follow_the_fiscal_year_of_the_company_named(sentence, published, wording, span):
    e = expression(sentence, published, wording)
    assert (e.start_date, e.end_date) == span


def test_the_previous_quarter_counts_from_the_quarter_named_not_from_publication():
    text = "Alibaba's revenue for the June quarter rose 2%. Cloud growth beat that of the previous quarter."
    e = expression(text, "2025-09-01", "the previous quarter")
    assert (e.start_date, e.end_date) == (D(2025, 1, 1), D(2025, 3, 31))


def test_consecutive_quarters_count_back_from_the_quarter_named():
    text = "In the June quarter, AI revenue grew for the eighth consecutive quarter."
    e = expression(text, "2025-09-01", "for the eighth consecutive quarter")
    assert (e.start_date, e.end_date) == (D(2023, 7, 1), D(2025, 6, 30))


# --- spans and look-backs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, wording, start", [
    ("The index hit its highest level since 2008.", "since 2008", D(2008, 1, 1)),
    ("It was the biggest drop in two decades.", "in two decades", D(2005, 6, 10)),
    ("The stock doubled over the past 12 months.", "over the past 12 months", D(2024, 6, 10)),
    ("Shares are up 20% so far this year.", "so far this year", D(2025, 1, 1)),
    ("The highest close in more than three years.", "in more than three years", D(2022, 6, 10)),
])
def test_spans_are_periods_to_publication(sentence, wording, start):
    e = expression(sentence, "2025-06-10", wording)
    assert e.kind in ("span", "since") and (e.start_date, e.end_date) == (start, D(2025, 6, 10))


@pytest.mark.parametrize("sentence, wording", [
    ("The firm has lost money for years.", "for years"),
    ("He bought shares in recent months.", "in recent months"),
    ("Growth has picked up over the last few quarters.", "over the last few quarters"),
    ("Tourism has stayed weak since the pandemic.", "since the pandemic"),
])
def test_spans_without_bounds_are_unresolved_and_listed(sentence, wording):
    result = propose_events(sentence, "2025-06-10")
    assert wording in [u.expression for u in result.unresolved]
    assert all(c.date is None for c in result.candidates)


# --- references -------------------------------------------------------------------------------------------

def test_reference_words_count_from_the_last_day_written():
    text = "Alibaba reported results on Thursday. That same day, its ADRs rose 8%. The next day, it fell 2%."
    reading = read_article(text, "2025-02-21")
    days = [c.day for c in reading.clauses]
    assert days == [D(2025, 2, 20), D(2025, 2, 20), D(2025, 2, 21)]


def test_a_reference_without_a_day_written_is_unresolved_not_the_publication_day():
    result = propose_events("That same day, Baidu unveiled a chatbot.", "2025-02-21")
    assert result.candidates[0].date is None
    assert [u.expression for u in result.unresolved] == ["That same day"]


# --- events without dates, titles, captions -------------------------------------------------------------

def test_an_event_cue_without_a_date_is_listed_never_given_the_publication_date():
    result = propose_events("Alibaba plans to spin off its logistics arm.", "2025-06-10")
    assert [c.date for c in result.candidates] == [None]
    assert [u.expression for u in result.unresolved] == ["plans to"]
    assert "publication date is not assumed" in result.unresolved[0].reason


def test_a_named_event_without_a_date_is_listed():
    result = propose_events("Shares rose 5% on Monday after the launch of the Qwen3 model lifted sentiment.",
                            "2025-06-10")
    assert "the launch of the Qwen3 model" in [u.expression for u in result.unresolved]
    assert result.candidates[0].date == D(2025, 6, 9)


def test_titles_come_from_subject_and_verb_never_from_a_dateline():
    result = propose_events("HONG KONG (Reuters) - Alibaba shares rose 5% on Monday, extending gains.", "2025-06-10")
    assert result.candidates[0].title == "Alibaba shares rose 5%"
    titles = [c.title for c in propose_events("BEIJING — Ryan Cohen, the billionaire investor, bought shares "
                                              "on Friday.", "2025-06-10").candidates]
    assert titles == ["Ryan Cohen bought shares"]


def test_a_photo_caption_is_set_aside_with_a_notice():
    text = ("Alibaba headquarters in Hangzhou, China, on Thursday, Feb. 6, 2025.\n"
            "Alibaba shares rose 5% on Monday.")
    result = propose_events(text, "2025-09-01")
    assert [c.date for c in result.candidates] == [D(2025, 9, 1)]
    assert any("photo caption" in n for n in result.notices)


def test_a_dated_aside_and_reported_speech_are_second_events():
    result = propose_events("Alibaba said on Monday it will hold an investor day on Jan. 8.", "2024-12-16")
    assert sorted(c.date for c in result.candidates) == [D(2024, 12, 16), D(2025, 1, 8)]
    result = propose_events("Tencent, which reported results on Wednesday, fell 1.5%.", "2025-05-16")
    assert sorted(c.date for c in result.candidates) == [D(2025, 5, 14), D(2025, 5, 16)]


def test_a_published_line_that_disagrees_is_said():
    result = propose_events("Published: 2025-02-22\nAlibaba rose 5% on Friday.", "2025-02-21")
    assert any("2025-02-22" in n for n in result.notices) and result.candidates[0].date == D(2025, 2, 21)


# --- dates the app cannot hold, and bounded work -----------------------------------------------------------

@pytest.mark.parametrize("wording", ["9999-12-31", "0001-01-01", "December 31, 9999"])
def test_dates_outside_the_years_are_unresolved(wording):
    [e] = find_date_expressions(f"It happened on {wording}.", "2025-06-10")
    assert not e.resolved and "outside the years" in e.reason


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_a_publication_date_outside_the_years_is_refused(published):
    with pytest.raises(ValueError, match="outside the years"):
        read_article("Shares rose.", published)


@pytest.mark.parametrize("text", ["Shares rose" + " on" * 33000, "A. " * 33000])
def test_pathological_text_is_read_with_a_cut_and_a_notice(text):
    reading = read_article(text, "2025-06-10")
    assert any(f"only its first {MAX_SENTENCE_CHARS:,} were read" in n for n in reading.notices)
    assert all(len(c.sentence) <= MAX_SENTENCE_CHARS for c in reading.clauses)


def test_at_most_max_sentences_are_read():
    reading = read_article("Shares rose 1% on Monday. " * (MAX_SENTENCES + 50), "2025-06-10")
    assert len({c.sentence_index for c in reading.clauses}) == MAX_SENTENCES
    assert any(f"first {MAX_SENTENCES:,} sentences" in n for n in reading.notices)


def test_sentence_splitting_looks_only_at_a_bounded_tail(monkeypatch):
    """Linear work: the abbreviation check never sees more than a few characters, however long the text."""
    seen = []
    original = sentences._ends_with_abbreviation
    monkeypatch.setattr(sentences, "_ends_with_abbreviation", lambda chunk: seen.append(len(chunk)) or original(chunk))
    sentences.split_sentences("A. " * 5000)
    assert seen and max(seen) <= 24


# --- subordinate parts: the other event's day is never the move's (held-out sentences) -----------------

def candidates(text: str, published: str, **kw) -> dict[str, tuple]:
    return {c.title: (c.start_date, c.category) for c in propose_events(text, published, **kw).candidates}


def test_a_move_after_news_of_another_day_is_the_publication_session_and_the_news_a_second_event():
    got = candidates("Alibaba tumbled 5.5% in Hong Kong after it unveiled a new version of its Qwen model on "
                     "Sunday, which some analysts said failed to impress.", "2025-03-03")  # a Monday
    assert got["Alibaba tumbled 5.5% in Hong Kong"] == (D(2025, 3, 3), "market move")
    assert got["Alibaba unveiled a new version of its Qwen model"] == (D(2025, 3, 2), "model release")


def test_an_opening_subordinate_part_dates_its_own_event_not_the_move():
    text = "After Alibaba reported results on Thursday, its Hong Kong shares rose 5%."
    c = clause(text, "2025-02-21")  # a Friday
    assert c.day == D(2025, 2, 21) and c.implicit and c.second.start_date == D(2025, 2, 20)
    assert c.second_text == "Alibaba reported results on Thursday"


def test_a_period_move_keeps_its_span_and_the_subordinate_day_is_another_event():
    text = "The market had rallied 4% last week after Beijing pledged more support for the private sector on Friday."
    c = clause(text, "2025-03-03")
    assert c.period_statistic and c.day is None and c.date.text == "last week"
    got = candidates(text, "2025-03-03")
    assert got["Beijing pledged more support for the private sector"][0] == D(2025, 2, 28)
    assert got["The market had rallied 4%"][0] == D(2025, 2, 24)  # the span (the week before), not a day


def test_a_span_of_another_part_of_the_clause_does_not_make_a_move_a_period():
    c = clause("Shares of Alibaba fell as much as 6% in Hong Kong on Wednesday, after the company said late on "
               "Tuesday it would cut prices for the second time this year.", "2025-04-23")
    assert not c.period_statistic and c.day == D(2025, 4, 23)
    assert c.second.start_date == D(2025, 4, 22) and c.second_text.startswith("the company said")


@pytest.mark.parametrize("text, published, title", [
    ("The Hang Seng Index fell 1.8% to 23,503.48, its biggest drop since January.", "2025-03-03",
     "The Hang Seng Index fell 1.8% to 23,503.48"),
    ("Tencent rose 3% after it beat forecasts.", "2025-03-03", "Tencent rose 3%"),
    ("Shares rose 5% after the announcement.", "2025-03-03", "Shares rose 5% after the announcement"),
    ("Alibaba rose 2% before the close on Monday.", "2025-03-04", "Alibaba rose 2% before the close"),
])
def test_titles_keep_numbers_whole_and_end_before_a_part_with_its_own_subject(text, published, title):
    assert title in candidates(text, published)


def test_before_the_close_is_a_time_of_the_move_not_another_event():
    c = clause("Alibaba rose 2% before the close on Monday.", "2025-03-04")
    assert c.day == D(2025, 3, 3) and c.second is None


def test_a_company_name_with_holding_is_a_listing_and_an_aside_leaves_the_title_and_the_period():
    text = ("NEW YORK, Feb 20 (Reuters) - U.S.-listed shares of Alibaba Group Holding jumped 8% on Thursday after "
            "the company reported revenue above estimates.\n\nThe stock, which touched its highest level since "
            "late 2021, has climbed more than 60% this year.")
    got = candidates(text, "2025-02-20")
    assert got["U.S.-listed shares of Alibaba Group Holding jumped 8%"] == (D(2025, 2, 20), "market move")
    assert got["The stock has climbed more than 60%"][0] == D(2025, 1, 1)  # a period statistic (the year)


def test_a_market_as_a_whole_and_an_event_inside_a_longer_subordinate_part():
    text = ("HONG KONG (Reuters) - Hong Kong shares rallied on Monday, with Alibaba Group surging nearly 19%.\n\n"
            "Alibaba's Hong Kong-listed shares closed at HK$137.10, extending gains after the company posted "
            "better-than-expected cloud revenue on Friday.")
    reading = read_article(text, "2025-09-01")
    first = reading.clauses[0]
    assert [f.symbol for f in first.listings] == ["^HSI", "9988.HK"]
    got = candidates(text, "2025-09-01")
    assert got["Alibaba posted better-than-expected cloud revenue"] == (D(2025, 8, 29), "corporate")
    assert got["Alibaba's Hong Kong-listed shares closed at HK$137.10"][0] == D(2025, 9, 1)


@pytest.mark.parametrize("wording, published, start, end", [
    ("over the weekend", "2025-09-01", D(2025, 8, 30), D(2025, 8, 31)),  # a Monday: the weekend just gone
    ("at the weekend", "2025-09-03", D(2025, 8, 30), D(2025, 8, 31)),
    ("last weekend", "2025-09-06", D(2025, 8, 30), D(2025, 8, 31)),  # on a Saturday, the weekend before
    ("over the weekend", "2025-08-31", D(2025, 8, 30), D(2025, 8, 31)),  # on a Sunday: up to publication
    ("next weekend", "2025-09-01", D(2025, 9, 6), D(2025, 9, 7)),
])
def test_a_weekend_is_its_two_days(wording, published, start, end):
    e = find_date_expressions(f"Alibaba said {wording} it had a new chip.", published)[0]
    assert (e.kind, e.start_date, e.end_date) == ("weekend", start, end)


def test_a_weekend_looking_ahead_is_the_next_one_and_a_weekend_report_is_a_second_event():
    e = find_date_expressions("Leaders will meet this weekend.", "2025-09-03")[0]
    assert (e.start_date, e.end_date) == (D(2025, 9, 6), D(2025, 9, 7))
    text = ("Hong Kong shares rallied on Monday, with Alibaba surging nearly 19%, after a report over the weekend "
            "said the company had developed a new AI chip.")
    c = clause(text, "2025-09-01")
    assert c.day == D(2025, 9, 1) and (c.second.start_date, c.second.end_date) == (D(2025, 8, 30), D(2025, 8, 31))
    assert c.second_text == "a report over the weekend said the company had developed a new AI chip"


def test_a_moves_symbols_are_its_main_parts_and_a_day_after_leaves_the_title():
    got = {c.title: c.symbols for c in propose_events(
        "Alibaba shares jumped 8.5% after a report that it would partner with Apple on AI.\n\n"
        "Tencent rose 5.8% a day after it said it would integrate DeepSeek.", "2025-02-14").candidates}
    alibaba = next(symbols for title, symbols in got.items() if title.startswith("Alibaba shares jumped 8.5%"))
    assert alibaba == ("9988.HK",) and got["Tencent rose 5.8%"] == ("0700.HK",)  # not Apple's, not "a day"


# --- the story's place and session (story.py) -----------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Acme Corp (NYSE:ACME) ADRs rose 4% in early trading.\nBeijing and Shanghai officials met.", "US"),
    ("Futures rose in premarket trading as Acme rallied.\nHong Kong and Shanghai were shut.", "US"),
    ("Hong Kong stocks fell as developers slid to HK$3.10.\nThe Nasdaq and the S&P 500 rose.", "HK"),
])
def test_the_lead_decides_the_place_before_the_whole_text(text, place):
    assert read_article(text, "2025-06-10").place == place


def test_an_asian_market_named_in_an_asian_story_trades_the_story_session():
    text = "Nvidia rose 2% overnight on Wall Street.\n\nJapan's Nikkei 225 lost 0.3%."
    c = clause(text, "2025-06-10", "Nikkei", place="HK")
    assert c.day == D(2025, 6, 10)  # not the US session the last company named traded


def test_a_previous_session_skips_weekends_and_holidays():
    from components.text import story
    assert story.previous_session("HK", D(2025, 4, 22)) == D(2025, 4, 17)  # Easter: Good Friday and Monday shut
    assert story.previous_session("US", D(2025, 6, 9)) == D(2025, 6, 6)
    assert story.last_session("XX", D(2025, 6, 8)) == D(2025, 6, 6)  # no calendar known: weekdays


# --- moves said without a figure (moves.py) -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, move", [
    ("Oil futures slumped ahead of the bell.", True),
    ("European bourses were mixed.", True),
    ("Property developers saw a broad sell-off.", True),
    ("Several brokers have cut their forecasts.", False),
    ("The company said demand was strong.", False),
])
def test_a_market_subject_with_a_move_verb_is_a_move_without_a_figure(sentence, move):
    c = clause(sentence, "2025-06-10")
    assert c.move is move and (c.day == D(2025, 6, 10)) is move


def test_a_group_of_stocks_with_a_figure_is_the_session_move():
    c = clause("Casino operators rose 3% as visitor numbers climbed.", "2025-06-10")
    assert c.move and c.day == D(2025, 6, 10)


# --- lines: bullets and captions (story_lines.py) -------------------------------------------------------------

def test_a_caption_that_repeats_a_figure_is_read_and_one_that_names_a_day_is_listed():
    text = "The benchmark closed 1.2% higher at 21,000 on Monday. File photo: Getty Images\n" \
           "Workers repaired the bridge on Sunday. Photo: Reuters\nStocks rose."
    reading = read_article(text, "2025-06-10")
    assert any(c.text.startswith("The benchmark closed") and c.day == D(2025, 6, 9) for c in reading.clauses)
    listed = propose_events(text, "2025-06-10").unresolved
    assert any("repaired the bridge" in u.sentence and "caption" in u.reason for u in listed)


def test_a_bullet_is_read_without_its_marker():
    reading = read_article("• Acme shares jumped 5% on Monday.", "2025-06-10")
    assert reading.clauses[0].text == "Acme shares jumped 5% on Monday."


# --- periods and days counted from the story's day (story_periods.py) -----------------------------------------

@pytest.mark.parametrize("sentence, published, wording, span", [
    ("The index fell 2% this week.", "2025-06-12", "this week", (D(2025, 6, 9), D(2025, 6, 12))),
    ("Results are due this week.", "2025-06-12", "this week", (D(2025, 6, 9), D(2025, 6, 13))),  # ahead: all
    ("The launch is expected as soon as this month.", "2025-06-12", "this month", (D(2025, 6, 1), D(2025, 6, 30))),
    ("The index is up 1% for the week.", "2025-06-12", "for the week", (D(2025, 6, 9), D(2025, 6, 12))),
    ("Miners posted a 4% weekly gain.", "2025-06-12", "weekly", (D(2025, 6, 9), D(2025, 6, 12))),
    ("The stock has lost 8% in the new year.", "2025-02-12", "in the new year", (D(2025, 1, 1), D(2025, 2, 12))),
    ("The chief executive spoke this morning.", "2025-06-12", "this morning", (D(2025, 6, 12),) * 2),
    ("The benchmark closed at a record last night.", "2025-06-12", "last night", (D(2025, 6, 11),) * 2),
    ("It opened a plant in late 2023.", "2025-06-12", "late 2023", (D(2023, 7, 1), D(2023, 12, 31))),
    ("It opened a plant in early 2023.", "2025-06-12", "early 2023", (D(2023, 1, 1), D(2023, 6, 30))),
    ("Markets were shut for the Golden Week holiday.", "2025-10-03", "the Golden Week holiday",
     (D(2025, 10, 1), D(2025, 10, 7))),
    ("A levy applies effective from Feb. 4.", "2025-02-03", "Feb. 4", (D(2025, 2, 4),) * 2),
])
def test_periods_and_days_counted_from_the_story(sentence, published, wording, span):
    e = expression(sentence, published, wording)
    assert (e.start_date, e.end_date) == span


def test_the_last_trading_days_are_sessions_of_the_market_calendar():
    e = expression("Stocks swung over the last five trading days.", "2025-04-24", "over the last five trading days",
                   place="HK")  # Easter: 18 and 21 April were holidays in Hong Kong
    assert (e.start_date, e.end_date) == (D(2025, 4, 16), D(2025, 4, 24))


def test_the_current_year_of_a_move_runs_to_the_story_day():
    c = clause("The index has advanced 12% in 2025.", "2025-06-12")
    assert c.period_statistic and (c.date.start_date, c.date.end_date) == (D(2025, 1, 1), D(2025, 6, 12))


@pytest.mark.parametrize("sentence", [
    "The Tokyo Growth Index, tracking young companies, lost 0.4% to close at 880.",
    "Stocks related to solar panels led gains on the mainland.",
])
def test_a_market_subject_before_an_aside_or_with_a_qualifier_moves(sentence):
    c = clause(sentence, "2025-06-10")
    assert c.move and c.day == D(2025, 6, 10)


def test_a_coordinated_clause_keeps_its_conjunction_and_may_open_with_the():
    reading = read_article("The main index rose 1%, while the Composite Tech index posted a gain of 2%.", "2025-06-10")
    assert [c.text for c in reading.clauses] == ["The main index rose 1%", "while the Composite Tech index posted a "
                                                                            "gain of 2%."]


def test_later_opening_a_sentence_is_the_day_named_last():
    text = "Talks stalled on Tuesday morning. Later, the minister said progress was made."
    assert [c.day for c in read_article(text, "2025-06-12").clauses] == [D(2025, 6, 10)] * 2


# --- sessions on the market's own calendar ----------------------------------------------------------------

def test_the_previous_session_and_overnight_skip_holidays():
    text = "Hong Kong stocks rose 1% on Tuesday, after falling 2% in the previous session."
    e = expression(text, "2025-04-22", "in the previous session")  # Easter Monday and Good Friday were shut
    assert e.start_date == D(2025, 4, 17)
    c = clause("Overnight, US-listed shares of Acme rose 3%.", "2025-01-21", place="HK")  # MLK day: shut
    assert c.day == D(2025, 1, 17)


def test_a_weekday_move_on_a_holiday_is_the_market_s_last_session():
    c = clause("Hong Kong stocks rose 1% on Friday.", "2025-04-19")  # Good Friday: Hong Kong was shut
    assert c.day == D(2025, 4, 17) and "holiday" in c.date.rule


def test_a_move_published_on_a_weekend_is_the_last_session():
    c = clause("Hong Kong stocks rose 1%.", "2025-06-14")  # a Saturday
    assert c.day == D(2025, 6, 13)


def test_premarket_trading_in_an_asian_story_is_the_us_session_of_its_date():
    text = "Hong Kong shares of Acme rose 3% on Wednesday.\nIn premarket trading in the US, Acme's ADRs rose 4%."
    c = clause(text, "2025-06-11", "premarket", place="HK")
    assert c.day == D(2025, 6, 11)


def test_a_close_in_a_us_story_written_before_the_open_is_the_previous_session():
    text = "US futures rose in premarket trading as Acme jumped ahead of the bell.\nAcme shares closed at $74."
    c = clause(text, "2025-06-11", "closed at")
    assert c.day == D(2025, 6, 10) and "before the open" in c.implicit


def test_a_day_a_move_is_compared_with_is_a_second_event_not_its_day():
    c = clause("The Kospi added to gains from Monday, climbing 0.5%.", "2025-06-11")  # a Wednesday
    assert c.day == D(2025, 6, 11) and c.second.start_date == D(2025, 6, 9)
    c = clause("Turnover was 210 billion yuan, down from 250 billion yuan on Tuesday; the index rose 1%.",
               "2025-06-11", "Turnover")
    assert c.day != D(2025, 6, 10)


def test_a_place_named_gives_the_market_of_a_move_without_a_listing():
    text = "Acme's US-listed shares rose 2% overnight.\n\nMainland Chinese markets slipped 0.3%."
    assert clause(text, "2025-06-11", "Mainland", place="HK").day == D(2025, 6, 11)  # not Acme's US session


def test_a_cause_moving_a_market_and_a_move_after_an_opening_part_are_moves():
    assert clause("The reform plan lifted Chinese property stocks.", "2025-06-11").move
    c = clause("After slipping ahead of the data on Tuesday, markets rallied worldwide.", "2025-06-11")
    assert c.move and c.day == D(2025, 6, 11)


def test_a_move_whose_only_time_is_its_when_part_takes_it():
    c = clause("The stock jumped 6%, when the founder was seen at a school in late 2022.", "2025-06-11")
    assert (c.date.start_date, c.date.end_date) == (D(2022, 7, 1), D(2022, 12, 31))


@pytest.mark.parametrize("sentence, published, span", [
    ("Revenue in the three months through March rose 9%.", "2025-05-20", (D(2025, 1, 1), D(2025, 3, 31))),
    ("Sales in the six months to September 2024 fell.", "2025-05-20", (D(2024, 4, 1), D(2024, 9, 30))),
    ("Profit in the three months ended June rose.", "2025-05-20", (D(2024, 4, 1), D(2024, 6, 30))),
])
def test_months_through_a_month_are_the_months_ending_with_it(sentence, published, span):
    c = clause(sentence, published)
    assert (c.date.start_date, c.date.end_date) == span


def test_a_clause_that_only_continues_a_report_takes_its_day():
    text = ("Acme said on Tuesday that orders rose.\n\nNet profit fell.\n\n"
            "The company added that it would buy back shares.")
    c = clause(text, "2025-06-12", "The company added")
    assert c.day == D(2025, 6, 10) and "continues the report" in c.implicit
    assert clause("The company added that it would buy back shares.", "2025-06-12").day is None


def test_cues_of_one_phrase_count_once_in_the_lead():
    text = ("Acme's Hong Kong-listed shares jumped 5% on Monday, tracking a rally in its US-listed ADRs.\n"
            "Hong Kong stocks rose.")
    assert read_article(text, "2025-06-10").place == "HK"


@pytest.mark.parametrize("sentence, wording, span", [
    ("Over the full year the benchmark added 12 per cent.", "Over the full year", (D(2025, 1, 1), D(2025, 12, 30))),
    ("The index is on course to finish the year 10% higher.", "finish the year", (D(2025, 1, 1), D(2025, 12, 31))),
    ("It was a third consecutive yearly advance.", "yearly", (D(2025, 1, 1), D(2025, 12, 30))),
    ("Shares fell for a second year running.", "for a second year running", (D(2025, 1, 1), D(2025, 12, 30))),
    ("The index lost 14% for 2024.", "for 2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Miners posted a 6% quarterly gain.", "quarterly", (D(2025, 10, 1), D(2025, 12, 30))),
])
def test_year_and_quarter_moves_are_periods_to_the_story_day(sentence, wording, span):
    e = expression(sentence, "2025-12-30", wording)
    assert (e.start_date, e.end_date) == span


@pytest.mark.parametrize("sentence, wording, span", [
    ("It was the steepest fall since a 9% slide in March last year.", "in March last year",
     (D(2024, 3, 1), D(2024, 3, 31))),
    ("The plant opens in September next year.", "in September next year", (D(2026, 9, 1), D(2026, 9, 30))),
])
def test_a_month_of_a_relative_year_is_that_month(sentence, wording, span):
    e = expression(sentence, "2025-06-10", wording)
    assert (e.start_date, e.end_date) == span


def test_a_second_move_with_its_own_day_is_a_second_event():
    c = clause("The Hang Seng Index ended 0.6% weaker, wiping out a 1.3% rise on Wednesday.", "2025-06-12")
    assert c.day == D(2025, 6, 12) and c.second.start_date == D(2025, 6, 11)


def test_a_move_over_a_period_without_bounds_does_not_raise():
    c = clause("Acme shares have slid 3% for months.", "2025-06-10")
    assert c.move and not c.period_statistic


def test_the_lead_is_the_first_body_paragraphs_not_the_byline_and_notes():
    text = ("Stocks slide on rate fears\nBy A. Writer\nUpdated 10:00\n© Wire\nFiled from Hong Kong\n"
            "Hong Kong stocks fell 2% on Wednesday as rate fears spread across the region.\n\nTencent dropped 3%.")
    reading = read_article(text, "2025-06-12")
    assert reading.session == D(2025, 6, 11) and clause(text, "2025-06-12", "Tencent").day == D(2025, 6, 11)


def test_a_text_in_another_language_is_said_to_be_read_as_english_only():
    german = ("Der Hang Seng-Index schloss am Freitag 3,66 Prozent niedriger bei 14.863,06 Punkten. Damit stiegen die "
              "Verluste in dieser Woche auf über acht Prozent, nachdem Anleger Aktien chinesischer Technologiekonzerne "
              "verkauften. Auch die Festlandbörsen gaben nach, während der Yuan weiter schwächelte und Händler "
              "vorsichtig blieben, weil neue Daten erwartet werden.")
    english = ("Hong Kong stocks fell on Friday, with the Hang Seng Index down 3.66 per cent at 14,863.06 points as "
               "investors sold shares of Chinese technology companies for a second day and the yuan weakened to its "
               "lowest level in years against the dollar, adding to the week's losses of more than eight per cent.")
    assert any("does not read as English" in n for n in read_article(german, "2022-10-28").notices)
    assert not any("does not read as English" in n for n in read_article(english, "2022-10-28").notices)


def test_no_figure_of_a_text_in_another_language_gets_a_verdict(checked):
    """The reader's words are English: in another language it cannot tell a fall from a rise or a week from a day,
    so each figure is 'not sure' with that reason, even one whose number happens to match a close."""
    spanish = ("El índice Hang Seng de Hong Kong cerró el viernes con una caída del 3,66 por ciento, hasta 14.863,06 "
               "puntos. Las acciones de Alibaba bajaron un 2,1 por ciento hasta HK$66,30, mientras que las de sus "
               "rivales también perdieron terreno. Los inversores vendieron valores tecnológicos chinos por segundo "
               "día y el yuan siguió debilitándose frente al dólar durante toda la semana.")
    found = checked(spanish, "2022-10-28")
    assert found and {r.verdict for _c, r in found.values()} <= {"not sure", "uncheckable"}
    assert all("not in English" in r.reason or r.verdict == "uncheckable" for _c, r in found.values())


def test_a_running_tally_brought_to_a_figure_takes_its_noun_s_way(checked):
    """'Taking its loss for the week to 2.6 per cent' after an earlier advance is a 2.6% fall over the week (the
    Hang Seng, 26 January to 2 February 2024: -2.62%); an advance brought to a figure is a rise."""
    found = checked("The Hang Seng Index slipped 0.2 per cent on Friday, erasing an early advance of 2.2 per cent "
                    "and taking its loss for the week to 2.6 per cent.", "2024-02-02")
    assert found["2.6 per cent"][0].direction == -1 and found["2.6 per cent"][1].verdict == "matches"


def test_decreased_is_a_move_of_its_own_subject_in_a_list(checked):
    found = checked("The Hang Seng China Enterprises Index dropped 1.46%, the Hang Seng Tech Index decreased by "
                    "1.52%.", "2024-11-28")
    assert found["1.46%"][0].symbol == "^HSCE" and found["1.52%"][0].symbol == "^HSTECH"
    assert found["1.52%"][1].verdict == "uncheckable"


def test_a_number_s_last_digits_are_never_a_day_of_the_month():
    """'The 22,688.9 of Jan. 27' is 27 January, not the 9th."""
    found = find_date_expressions("down 20.88% from the 22,688.9 of Jan. 27, and 1,234.5 of March",
                                  dt.date(2023, 8, 18))
    assert [(e.text, e.start_date) for e in found if e.kind == "absolute"] == [("Jan. 27", dt.date(2023, 1, 27))]
