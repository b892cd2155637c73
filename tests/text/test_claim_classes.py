"""Classes of wording found in real articles, each tested on sentences written here (rule tests, not accuracy
evidence: accuracy is scored on real articles in tests/text/test_real_accuracy.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components.analysis.article_claims import MATCHES, NOT_SURE, UNCHECKABLE
from components.analysis.claim_checks import check_claims
from components.data import calendars
from components.text.claim_reader import claims_of_text
from components.text.dates import find_date_expressions
from tests.accuracy import snapshot_prices

D = dt.date


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return snapshot_prices()


def claim_of(text: str, published: str, quote: str):
    return next(c for c in claims_of_text(text, published)[1] if c.quote == quote)


def verdict_of(claim, frame) -> str:
    return check_claims([claim], frame)[0].verdict


@pytest.mark.parametrize("text, quote, symbol, day", [
    # a New York note: "overnight" of Asian markets is their session of the note's day
    ("NEW YORK (MarketWatch) - Chinese ETFs rallied as the Hang Seng Index rose 3.3% overnight.", "3.3%", "^HSI",
     D(2025, 3, 6)),
    # a Hong Kong report: "overnight" of a US listing is its session before the report's day
    ("HONG KONG (Reuters) - Alibaba's U.S.-listed shares jumped 8.6% overnight.", "8.6%", "BABA", D(2025, 3, 5)),
    # a Hong Kong report that names Asia most but says "overnight" of the Hang Seng in a US ETF note
    ("Shares of KWEB climbed as the Hang Seng Index (HSI) rose 3.3% overnight, and the Shanghai Composite gained.",
     "3.3%", "^HSI", D(2025, 3, 6)),
])
def test_overnight_is_the_night_of_the_writer_and_the_day_of_the_listing(frame, text, quote, symbol, day):
    claim = claim_of(text, "2025-03-06", quote)
    assert (claim.symbol, claim.day) == (symbol, day), claim.trail
    assert verdict_of(claim, frame) == MATCHES


def test_a_day_between_two_figures_belongs_to_the_nearer_one():
    text = "The Hang Seng Index fell 0.6% on Friday.\n\nThe index has risen from 22,500 on Monday to about 24,000 now."
    _, claims = claims_of_text("HONG KONG (Reuters) - " + text, "2025-03-07")
    by_quote = {c.quote: c for c in claims}
    assert by_quote["22,500"].day == D(2025, 3, 3)
    assert by_quote["24,000"].day == D(2025, 3, 7), by_quote["24,000"].trail


def test_a_close_and_then_its_move_share_the_day_between_them(checked):
    """'closed at $146.58 on Dec. 31, down about 0.5%' in a New York story of the next session, written before the
    open: the day is the close's and its move's (BABA -0.53% on 31 December 2025), not only the level's."""
    found = checked("NEW YORK, January 2, 2026 — Chinese stocks were in focus.\n\nAlibaba's U.S.-listed shares last "
                    "closed at $146.58 on Dec. 31, down about 0.5%.", "2026-01-02")
    for quote in ("$146.58", "0.5%"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (D(2025, 12, 31), "matches"), quote


def test_a_dateline_with_its_clock_still_places_the_story():
    from components.text.reader import read_article
    reading = read_article("NEW YORK, January 2, 2026, 02:49 ET — Hong Kong's Hang Seng jumped 2.2% as Hong Kong "
                           "tech shares rallied.", D(2026, 1, 2))
    assert reading.place == "US" and "New York" in reading.place_rule


@pytest.mark.parametrize("words, published, first, last", [
    ("in the Year of the Rabbit", "2024-02-14", D(2023, 1, 22), D(2024, 2, 9)),
    ("during the Year of the Dragon", "2025-01-20", D(2024, 2, 10), D(2025, 1, 20)),
    ("the Snake year", "2025-03-01", D(2025, 1, 29), D(2025, 2, 28)),  # a Saturday: to the Friday before
    ("over the past lunar year", "2026-02-16", D(2025, 1, 29), D(2026, 2, 16)),
    ("the past lunar year", "2026-02-20", D(2025, 1, 29), D(2026, 2, 16)),
])
def test_lunar_years_are_periods_from_their_new_year(words, published, first, last):
    [e] = [e for e in find_date_expressions(f"Stocks rose 5% {words}.", published) if e.kind == "span"]
    assert (e.start_date, e.end_date) == (first, last), e.rule


def test_a_lunar_year_not_begun_is_not_a_period():
    [e] = find_date_expressions("Investors look to the Year of the Horse.", "2026-02-10")
    assert e.start_date is None and "begins on 17 Feb 2026" in e.reason


def test_lunar_new_years_come_from_the_calendar_library():
    assert [calendars.lunar_year(y)[0] for y in (2022, 2023, 2024, 2025, 2026)] == [
        D(2022, 2, 1), D(2023, 1, 22), D(2024, 2, 10), D(2025, 1, 29), D(2026, 2, 17)]
    assert calendars.lunar_year(2024)[2] == "dragon"


def test_a_move_over_a_lunar_year_is_measured_from_the_close_before_it(frame):
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng Index fell 29% in the Year of the Rabbit.", "2024-02-14",
                     "29%")
    assert claim.measure == "period" and claim.day == D(2024, 2, 9)
    assert verdict_of(claim, frame) == MATCHES  # 22,044.65 (20 Jan 2023) to 15,746.58 (9 Feb 2024): -28.6%


@pytest.mark.parametrize("text, quote, measure", [
    ("Alibaba reported revenue of 236 billion yuan for the quarter, up 8% year-on-year.", "8%", "fundamental"),
    ("Tencent's net profit rose 90% year-over-year.", "90%", "fundamental"),
])
def test_a_result_compared_with_a_year_before_is_no_price(text, quote, measure):
    assert claim_of("HONG KONG (Reuters) - " + text, "2025-03-06", quote).measure == measure


def test_a_day_move_beyond_any_day_in_the_data_is_not_sure(frame):
    """"Soared 32 percent" with its period in another sentence: never a day's move to call wrong."""
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng China Enterprises Index grew 40 percent.", "2025-03-06",
                     "40 percent")
    result = check_claims([claim], frame)[0]
    assert claim.measure == "day" and result.verdict == NOT_SURE and "far beyond any day" in result.explanation


@pytest.mark.parametrize("text, symbol", [
    ("Alibaba's shares in Hong Kong surged 8% on Thursday.", "9988.HK"),
    ("Hong Kong rose 3.3% on Thursday.", "^HSI"),
    ("Hong Kong piled on more than three percent on Thursday.", "^HSI"),
    ("The Hong Kong share market rose 3.3% on Thursday.", "^HSI"),
])
def test_hong_kong_alone_is_the_market_but_shares_in_hong_kong_are_the_company(frame, text, symbol):
    _, claims = claims_of_text("HONG KONG (Reuters) - " + text, "2025-03-06")
    claim = next(c for c in claims if c.measure in ("day", "high_move"))
    assert claim.symbol == symbol, claim.trail


def test_spelled_numbers_are_figures(frame):
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng Index rose more than three percent on Thursday.",
                     "2025-03-06", "three percent")
    assert claim.value == 3 and claim.qualifier == "more than" and verdict_of(claim, frame) == MATCHES


@pytest.mark.parametrize("text, quote, unsure", [
    ("The index has rebounded 9% from its monthly low.", "9%", "does not say which session"),
    ("The Hang Seng erased all of a 2% decline.", "2%", ""),
])
def test_moves_from_an_undated_extreme_are_not_sure_and_given_back_moves_are_intraday(text, quote, unsure):
    claim = claim_of("HONG KONG (Reuters) - " + text, "2025-03-06", quote)
    if unsure:
        assert claim.unsure and unsure in claim.unsure
    else:
        assert claim.measure == "low_move", claim.trail


def test_a_forecast_level_is_no_price(frame):
    claim = claim_of("HONG KONG (Reuters) - Goldman Sachs raised its target for the Hang Seng Index to 27,000 "
                     "points.", "2025-03-06", "27,000 points")
    assert verdict_of(claim, frame) == UNCHECKABLE


@pytest.mark.parametrize("text, published, measure", [
    # a report of the morning session: its "closing" is the midday break's, not the day's close
    ("The Hang Seng Index dropped 300 points in half a day, closing down 1.2% at 24,100 points.", "2025-03-07",
     "intraday"),
    # Christmas Eve is a half-day session on the exchange's calendar: its close is the day's
    ("The Hang Seng Index rose 1.1% in half-day trading.", "2024-12-24", "day"),
])
def test_a_morning_report_is_intraday_unless_the_session_was_a_half_day(text, published, measure):
    _, claims = claims_of_text("HONG KONG (Reuters) - " + text, published)
    assert next(c for c in claims if c.quote.endswith("%")).measure == measure


def test_a_record_set_before_the_data_is_not_checked_against_today():
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng Index plunged 2,172 points, beating the record set on "
                     "January 22, 2008, by 2,061 points.", "2024-10-08", "2,061 points")
    assert claim.measure == "other" and "before the price data" in claim.reason


def test_every_figure_of_a_target_is_a_forecast():
    _, claims = claims_of_text("HONG KONG (Reuters) - Morgan Stanley raised its target for the Hang Seng China "
                               "Enterprises Index by 3% to 8,600 points.", "2025-02-21")
    assert {c.quote: c.measure for c in claims} == {"3%": "other", "8,600 points": "other"}


def test_and_after_a_figure_before_another_index_and_its_move_begins_its_own_part():
    _, claims = claims_of_text("HONG KONG (Reuters) - The China enterprises index was up 46 points at 9,160 and the "
                               "tech index was up 35 points, or 0.62 percent, at 5,798. The S&P 500 and Nasdaq "
                               "Composite logged gains.", "2026-01-23")
    symbols = {c.quote: c.symbol for c in claims}
    assert symbols["9,160"] == "^HSCE" and symbols["35 points"] == symbols["5,798"] == "^HSTECH"


def test_a_move_in_a_company_is_the_companys():
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng's rise was fuelled by a six percent surge in Alibaba.",
                     "2024-01-24", "six percent")
    assert claim.symbol == "9988.HK"


def test_an_intraday_move_beyond_any_session_is_not_sure(frame):
    claim = claim_of("HONG KONG (Reuters) - The Hang Seng Index gained as much as 27 per cent.", "2024-11-12",
                     "27 per cent")
    assert claim.measure == "high_move" and verdict_of(claim, frame) == NOT_SURE


def test_a_near_high_reached_during_the_session_is_not_sure_not_wrong(frame):
    claim = claim_of("HONG KONG (Reuters) - Alibaba's Hong Kong shares hit a near three-month high on Friday.",
                     "2026-01-23", "near three-month high")
    result = check_claims([claim], frame)[0]
    assert result.verdict == NOT_SURE and "during the session" in result.explanation
    assert "nearly near" not in result.explanation


@pytest.mark.parametrize("text, published, quote, symbol", [
    ("Nvidia reported results on Wednesday. The chipmaker's shares slumped more than 8% on Thursday.", "2025-02-27",
     "8%", "NVDA"),
    ("Alibaba shares jumped 19% on Monday. On Friday the company's New York-listed shares closed nearly 13% higher.",
     "2025-09-01", "13%", "BABA"),
    ("Alibaba shares jumped 19% on Monday. It's the highest level for the stock since March.", "2025-09-01",
     "highest level", "9988.HK"),
    ("Alibaba shares jumped 19% on Monday. In Hong Kong, the benchmark Hang Seng Index was up 119 points.",
     "2025-09-01", "119 points", "^HSI"),
    ("Shares in Hong Kong plummeted more than 13 percent on Monday.", "2025-04-07", "13 percent", "^HSI"),
    ("Alibaba-W surged 14.56% after releasing its financial report.", "2025-02-21", "14.56%", "9988.HK"),
    ("Kuaishou-W fell 3% and Baidu-SW rose 1%.", "2025-02-21", "1%", "9888.HK"),
])
def test_whose_figure_through_references_share_classes_and_opening_phrases(text, published, quote, symbol):
    claim = claim_of("HONG KONG (CNBC) - " + text, published, quote)
    assert claim.symbol == symbol, claim.trail


def test_a_ranking_named_with_its_listing_before_its_look_back():
    claim = claim_of("HONG KONG (CNBC) - Alibaba shares jumped 19% on Monday. It's the highest level for the stock "
                     "since March.", "2025-09-01", "highest level")
    assert claim.since == D(2025, 4, 1) and not claim.unsure


def test_a_trade_word_points_back_to_the_last_company_of_that_trade():
    _, claims = claims_of_text("NEW YORK (CNBC) - Nvidia reported results on Wednesday. Apple rose 1%. The "
                               "chipmaker's shares slumped more than 8% on Thursday, while the iPhone maker's shares "
                               "rose 1.5%.", "2025-02-27")
    symbols = {c.quote: c.symbol for c in claims}
    assert symbols["8%"] == "NVDA" and symbols["1.5%"] == "AAPL"


@pytest.mark.parametrize("text, count", [
    ("Hong Kong stocks fell for a fourth day on Wednesday.", 4),
    ("The Hang Seng Index rose for the 3rd session.", 3),
])
def test_for_an_ordinal_day_is_a_streak(text, count):
    _, claims = claims_of_text("HONG KONG (SCMP) - " + text, "2025-11-19")
    [streak] = [c for c in claims if c.measure == "streak"]
    assert streak.count == count


def test_the_fourth_day_of_a_holiday_is_no_streak():
    _, claims = claims_of_text("HONG KONG (SCMP) - Markets stayed shut for the fourth day of the holiday.",
                               "2025-10-04")
    assert not [c for c in claims if c.measure == "streak"]


def test_a_lowest_point_since_a_day_is_a_ranking_of_closes():
    claim = claim_of("HONG KONG (SCMP) - The Hang Seng Index fell to its lowest point since September 25.",
                     "2024-11-12", "lowest point since September 25")
    assert (claim.measure, claim.since, claim.sign) == ("rank", D(2024, 9, 26), -1)


def test_a_ticker_quote_gives_the_price_and_its_change(frame):
    _, claims = claims_of_text("NEW YORK (Briefing) - NVIDIA (NVDA 113.76, -6.93, -5.7%) and other chipmakers fell.",
                               "2025-03-26")
    by_quote = {c.quote: c for c in claims}
    assert (by_quote["113.76"].measure, by_quote["-6.93"].measure) == ("level", "points")
    assert all(c.symbol == "NVDA" for c in claims)
    assert check_claims([by_quote["-5.7%"]], frame)[0].verdict == MATCHES


def test_a_paragraph_that_opens_with_a_period_gives_it_to_its_figures(frame):
    text = ("HONG KONG (MENAFN) - Hong Kong markets closed Monday's half-day session higher.\n\nOver the full lunar "
            "year, Hong Kong equities delivered their best performance in years. The Hang Seng Index soared 32 "
            "percent.")
    claim = claim_of(text, "2026-02-16", "32 percent")
    assert claim.measure == "period" and claim.since == D(2025, 1, 29)
    assert verdict_of(claim, frame) == MATCHES


def test_a_preview_reads_the_sessions_before_the_one_it_looks_ahead_to(frame):
    text = ("(RTTNews) - The Hong Kong stock market has tracked higher in seven straight sessions, soaring more than "
            "900 points or 4.1 percent along the way. Investors figure to lock in gains on Monday.\n\n"
            "The Hang Seng finished modestly higher on Friday.\n\n"
            "For the day, the index gained 91.82 points or 0.40 percent to finish at 22,867.74.")
    reading, claims = claims_of_text(text, "2025-05-12")
    by_quote = {c.quote: c for c in claims}
    assert reading.preview[0] == D(2025, 5, 12)
    assert {c.day for c in claims if c.measure in ("day", "points", "level")} == {D(2025, 5, 9)}
    assert by_quote["4.1 percent"].measure == "period" and by_quote["4.1 percent"].since == D(2025, 4, 29)
    assert check_claims([by_quote["0.40 percent"], by_quote["4.1 percent"]], frame)[0].verdict == MATCHES


def test_an_asian_preview_dated_the_evening_before_in_new_york_reads_asias_day():
    text = ("Asia-Pacific markets were set to open mixed on Wednesday. Hong Kong's Hang Seng index futures were at "
            "19,763, compared to the index's last close of 19,000.\n\nOvernight in the U.S. The S&P 500 rose to a "
            "fresh record on Tuesday, gaining 0.25% to 5,732.93.")
    reading, claims = claims_of_text(text, "2024-09-24")
    by_quote = {c.quote: c for c in claims}
    assert reading.preview[0] == D(2024, 9, 25)
    assert (by_quote["19,000"].measure, by_quote["19,000"].day) == ("level", D(2024, 9, 24))
    assert by_quote["0.25%"].day == D(2024, 9, 24) and by_quote["19,763"].measure == "extended"


def test_a_run_with_a_day_move_after_it_is_not_the_runs_move():
    claim = claim_of("HONG KONG (Reuters) - Hong Kong stocks rose for a third straight session, with the Hang Seng "
                     "Index up 1.2%.", "2025-03-06", "1.2%")
    assert claim.measure == "day"


def test_a_section_head_dates_the_paragraphs_under_it(frame):
    text = ("NEW YORK (AP) - Stocks rallied on Friday.\n\nOn Friday:\n\nThe S & P 500 rose 63.97 points, or 1.1%, "
            "to 5,634.61.\n\nFor the week:\n\nThe S & P 500 is up 80.36 points, or 1.4%.\n\nFor the year:\n\n"
            "The S & P 500 is up 864.78 points, or 18.1%.")
    _, claims = claims_of_text(text, "2024-08-23")
    by_quote = {c.quote: c for c in claims}
    assert by_quote["1.1%"].measure == "day" and by_quote["1.1%"].symbol == "^GSPC"
    assert (by_quote["1.4%"].measure, by_quote["1.4%"].since) == ("period", D(2024, 8, 19))
    assert (by_quote["18.1%"].measure, by_quote["18.1%"].since) == ("period", D(2024, 1, 1))
    assert {r.verdict for r in check_claims(list(by_quote.values()), frame) if r.claim.value} == {MATCHES}


@pytest.mark.parametrize("text, quote, kind", [
    ("Shares closed $6.13 (3.05%) higher at $207.16 on Wednesday.", "$6.13", "points"),
    ("Shares fell HK$2.40 to HK$40 on Wednesday.", "HK$2.40", "points"),
    ("Shares rose to $50 on Wednesday.", "$50", "level"),
])
def test_a_money_amount_with_a_direction_is_a_change(text, quote, kind):
    from components.text.quantities import quantities
    assert next(q for q in quantities(text) if q.text == quote).kind == kind


def test_a_move_from_the_previous_day_is_the_days_move():
    claim = claim_of("HONG KONG (Reuters) - Tencent closed at HK$653.00, a decline of 0.46% from the previous trading "
                     "day.", "2025-11-14", "0.46%")
    assert claim.day == D(2025, 11, 14)


def test_the_previous_four_sessions_end_the_session_before():
    claim = claim_of("HONG KONG (SCMP) - Alibaba fell 3% on Thursday. The stock had surged more than 18 per cent in "
                     "the previous four trading sessions.", "2026-01-15", "18 per cent")
    assert (claim.since, claim.day) == (D(2026, 1, 9), D(2026, 1, 14))


def test_a_figure_of_a_year_before_the_data_is_not_checked():
    claim = claim_of("HONG KONG (RTHK) - The Hang Seng Index gained 28 percent, its best year since 2017 when it rose "
                     "about 36 percent.", "2025-12-31", "36 percent")
    assert claim.measure == "other" and "before the price data" in claim.reason


def test_an_unknown_company_with_its_code_is_that_listing():
    claim = claim_of("HONG KONG - 3SBIO (01530.HK) led the market with a weekly gain of 57.38%.", "2025-05-23",
                     "57.38%")
    assert claim.symbol == "1530.HK"


@pytest.mark.parametrize("text, start", [
    ("Hong Kong shares rose 2.3% weekly.", D(2026, 1, 12)),
    ("The Hang Seng Index had risen by 1.10% week-on-week.", D(2026, 1, 12)),
    ("Chinese tech stocks had a standout week.", D(2026, 1, 12)),
])
def test_week_words_are_the_weeks_span(text, start):
    spans = [e for e in find_date_expressions(text, "2026-01-16") if e.kind == "span"]
    assert spans and spans[0].start_date == start


def test_briefly_is_intraday_but_as_much_as_is_the_days_high():
    _, claims = claims_of_text("HONG KONG (SCMP) - The Hang Seng Index jumped as much as 0.8 per cent to briefly hit "
                               "its highest level since October 2. Tencent briefly reached HK$683.", "2026-01-15")
    by_quote = {c.quote: c for c in claims}
    assert by_quote["0.8 per cent"].measure == "high_move"
    assert by_quote["highest level since October 2"].measure == "intraday"
    assert by_quote["HK$683"].measure == "intraday"


def test_a_company_named_with_its_code_keeps_that_listing():
    _, claims = claims_of_text("HONG KONG - Alibaba (NYSE:BABA) led the rally. Later, Alibaba rose 4.3% on Friday.",
                               "2025-02-14")
    assert next(c for c in claims if c.quote == "4.3%").symbol == "BABA"


def test_a_first_crossing_ever_is_before_the_data():
    claim = claim_of("NEW YORK (CNBC) - Nvidia rose 2.6%, pushing the shares above $1,000 for the first time.",
                     "2024-05-24", "$1,000")
    assert claim.measure == "other" and "before the data" in claim.reason


def test_snapping_a_losing_streak_is_a_run_that_ended_the_day_before(frame):
    claim = claim_of("HONG KONG - The Hang Seng surged 1.4% to finish at 25,418 on Friday, snapping a three-day losing "
                     "streak.", "2025-09-05", "three-day losing streak")
    assert (claim.measure, claim.day, claim.sign) == ("streak", D(2025, 9, 4), -1)


def test_the_index_is_not_one_named_only_as_a_cause():
    _, claims = claims_of_text("HONG KONG - The Hang Seng surged 1.4% on Friday. Optimism improved after Wall Street's "
                               "S&P 500 hit a record high Thursday. For the week, the index also gained 1.4%.",
                               "2025-09-05")
    assert next(c for c in claims if c.measure == "period").symbol == "^HSI"


def test_a_company_cued_to_a_market_it_has_no_listing_in_is_not_another_listing():
    claim = claim_of("HONG KONG - Tencent's American Depositary Receipts (ADR) closed up 3%.", "2025-05-15", "3%")
    assert claim.symbol is None


def test_a_section_head_naming_a_day_the_story_does_not_report_is_ignored():
    _, claims = claims_of_text("NEW YORK (AP) - Stocks fell Monday.\n\nOn Tuesday:\n\nThe S&P 500 fell 127.78 points, "
                               "or 3%, to 4,201.09.", "2022-03-07")
    assert {c.day for c in claims} == {D(2022, 3, 7)}


def test_since_the_beginning_of_a_named_year_is_that_year_to_date():
    claim = claim_of("HONG KONG - Tencent's stock rose 2.96% on Wednesday, with the stock price accumulating over 20% "
                     "increase since the beginning of 2025.", "2025-05-15", "20%")
    assert claim.measure == "period" and claim.since == D(2025, 1, 1)


@pytest.mark.parametrize("text, quote, measure", [
    ("The S&P 500 failed to move by 1%, up or down, for six straight weeks.", "1%", "other"),
    ("The index has climbed 2.04% over the past month, according to trading on a contract for difference (CFD).",
     "2.04%", "extended"),
    ("The Hang Seng is poised to end the year with an almost 30 per cent gain.", "30 per cent", "other"),
])
def test_moves_that_did_not_happen_cfds_and_year_end_forecasts_are_not_checked(text, quote, measure):
    assert claim_of("HONG KONG - " + text, "2025-12-30", quote).measure == measure


def test_a_day_the_text_does_not_give_makes_the_figure_not_sure():
    claim = claim_of("NEW YORK - After its last results, Nvidia shares fell to a closing level of $117.59 the next "
                     "day.", "2024-11-19", "$117.59")
    assert claim.unsure and "the next day" in claim.unsure


@pytest.mark.parametrize("text", [
    "Tencent has become the largest contributor this year, driving the Hang Seng Index's increase by 1,332 points.",
    "The combined impact of the top ten contributing stocks to the Hang Seng Index was 4,569 points.",
    "Tencent contributed 2,389 points to the Hang Seng Index's gain this year.",
])
def test_a_constituent_s_contribution_is_not_the_index_s_move(text):
    """Points a constituent added to an index are never checked as the index's own move."""
    claim = next(c for c in claims_of_text(text, "2025-12-17")[1] if c.quote.endswith("points"))
    assert claim.measure == "other" and "contribution" in claim.reason


def test_a_price_a_stock_is_heading_towards_is_not_one_it_traded():
    claim = next(c for c in claims_of_text("Nvidia shares rose 2% and the stock is now heading towards $174 per share.",
                                           "2025-07-18")[1] if c.quote.startswith("$"))
    assert claim.measure == "other"


@pytest.mark.parametrize("text, published, quote", [
    # a weekday's possessive is no company name: 'It' is the S&P 500 (19 May 2023: +0.54% month to date)
    *((f"The S&P 500 ended the session at 4,191.98, up from {day} closing level. It is now up 0.5% for the month to "
       "date.", "2023-05-19", "0.5%") for day in ("last Friday's", "Monday's", "the previous Thursday's")),
    # 'It' with an adverb before its verb (the S&P 500's seventh weekly gain in a row to 15 December 2023)
    *((f"The S&P 500 ended an up-and-down day little changed Friday. It {adverb} posted a solid gain for the week and "
       "its seventh straight weekly gain.", "2023-12-15", "seventh straight weekly gain")
      for adverb in ("still", "again", "now")),
])
def test_it_points_back_to_the_index_named_before(checked, text, published, quote):
    claim, result = checked(text, published)[quote]
    assert (claim.symbol, result.verdict) == ("^GSPC", "matches")


@pytest.mark.parametrize("listed", ["Hong Kong-listed", "Hangzhou-based", "Hong Kong-traded"])
def test_a_listing_or_place_adjective_is_never_a_company(checked, listed):
    """'Alibaba Group Holding Ltd., whose Hong Kong-listed shares gained 6.3% on Friday': Alibaba's (9988.HK +6.34%
    on 14 February 2025), never a company called 'Hong Kong-listed'."""
    found = checked(f"One driver of the rally is Alibaba Group Holding Ltd., whose {listed} shares gained 6.3% in Hong "
                    "Kong on Friday.", "2025-02-14")
    claim, result = found["6.3%"]
    assert (claim.symbol, result.verdict) == ("9988.HK", "matches")


def test_its_share_prices_and_the_turn_of_the_year(checked):
    """'The news sent its share prices rocketing 14.6 percent in Hong Kong—building on a rally that has seen it bounce
    nearly 70 percent higher since the turn of the year': Alibaba's day (+14.56% on 21 February 2025) and its year to
    date (+67.17%)."""
    found = checked("Shares in e-commerce titan Alibaba soared more than 14 percent Friday in Hong Kong.\n\nThe news "
                    "sent its share prices rocketing 14.6 percent in Hong Kong, building on a rally that has seen it "
                    "bounce nearly 70 percent higher since the turn of the year.", "2025-02-21")
    assert (found["14.6 percent"][0].symbol, found["14.6 percent"][1].verdict) == ("9988.HK", "matches")
    claim, result = found["70 percent"]
    assert (claim.measure, claim.since, result.verdict) == ("period", D(2025, 1, 1), "matches")


def test_a_close_after_an_intraday_extreme_is_the_close_and_a_double_dash_ends_an_aside(checked):
    """'plunging by as much as 542 points intraday, and closing at 25,235 points' (the Hang Seng's close on 16 December
    2025); 'the stock -- which closed above $147 on Tuesday -- is still at less than half its October 2020 peak': the
    $147 is Tuesday 30 December 2025's close (BABA $147.36), not a price of 2020."""
    found = checked("The Hang Seng Index opened lower by 80 points, plunging by as much as 542 points intraday, and "
                    "closing at 25,235 points, down by 393 points.", "2025-12-16")
    assert (found["25,235 points"][0].measure, found["25,235 points"][1].verdict) == ("level", "matches")
    found = checked("Alibaba's US-listed stock -- which closed above $147 on Tuesday -- is still at less than half its "
                    "October 2020 peak above $300.", "2025-12-31")
    assert (found["$147"][0].day, found["$147"][1].verdict) == (D(2025, 12, 30), "matches")



@pytest.mark.parametrize("opening", ["During the session", "Intraday", "At one point"])
def test_an_opening_time_of_the_session_makes_a_move_the_day_s_extreme(checked, opening):
    """'During the session, Nvidia shares gained more than 2%' on 4 November 2024: to the day's high (+2.63%), while
    its close was +0.48%."""
    claim, result = checked(f"{opening}, Nvidia shares gained more than 2%.", "2024-11-04")["2%"]
    assert (claim.measure, result.verdict) == ("high_move", "matches")


def test_figures_shared_out_respectively_without_a_verb(checked):
    """'with the S&P 500 and the tech-heavy Nasdaq up as much as 0.7% and 1.5%, respectively' (2 January 2026): the
    0.7% is the S&P 500's high (+0.72%), the 1.5% the Nasdaq's, never the S&P 500's close (+0.19%)."""
    found = checked("Both indexes were firmly in positive territory earlier in the day, with the S&P 500 and the "
                    "tech-heavy Nasdaq up as much as 0.7% and 1.5%, respectively.", "2026-01-02")
    assert (found["0.7%"][0].symbol, found["0.7%"][1].verdict) == ("^GSPC", "matches")
    assert found["1.5%"][0].symbol == "^IXIC"


def test_an_index_a_stock_is_ranked_on_is_not_the_owner_of_its_figure(checked):
    """'Tesla saw the biggest drop on the Nasdaq and the second-biggest on the S&P 500, down 4.6%': Tesla's 4.6%
    (not in the data), never the S&P 500's (-1.11% on 27 December 2024)."""
    found = checked("Electric vehicle maker Tesla (TSLA) saw the biggest drop on the Nasdaq and the second-biggest on "
                    "the S&P 500, down 4.6%.", "2024-12-27")
    claim, result = found["4.6%"]
    assert claim.symbol == "TSLA" and result.verdict == "uncheckable"


def test_the_level_a_bracketed_move_reached_is_a_close_not_a_forecast(checked):
    """"Nvidia's stock soared by $5.71 (4.14%) to reach $143.71, marking a 9.2% surge over the last four trading days"
    (21 October 2024): 'to reach' after a move that traded is the level it reached, and the run's move is checked."""
    found = checked("Wall Street rose on Monday. Nvidia's stock soared by $5.71 (4.14%) to reach $143.71, marking a "
                    "9.2% surge over the last four trading days.", "2024-10-21")
    assert found["$143.71"][0].measure == "level" and found["$143.71"][1].verdict in ("matches", "roughly")
    assert (found["9.2%"][0].measure, found["9.2%"][1].verdict) == ("period", "matches")


def test_a_temporary_move_and_a_close_above_a_round_level(checked):
    """The Hang Seng, 21 July 2023: a high 1.28% above the close before, a close of 19,075.26. "A temporary increase of
    over 1%" is the day's high; "closing above 19,000 points" is the close beyond a level, not a change of 19,000."""
    found = checked("The Hang Seng Index saw a temporary increase of over 1%, closing above 19,000 points once again "
                    "after two days.", "2023-07-21")
    assert (found["1%"][0].measure, found["1%"][1].verdict) == ("high_move", "matches")
    assert (found["19,000 points"][0].measure, found["19,000 points"][1].verdict) == ("level", "matches")


def test_closing_over_a_number_of_points_higher_is_still_a_change(checked):
    found = checked("The Hang Seng Index closed over 100 points higher on Friday.", "2023-07-21")
    assert found["100 points"][0].measure == "points"


def test_a_headline_s_capitals_keep_an_unknown_company_s_figure_its_own(checked):
    """"Hang Seng Index Closes Above 19,000 Points, Country Garden Falls More Than 5%": Country Garden's 5%, never the
    index's."""
    found = checked("Hang Seng Index Closes Above 19,000 Points, Country Garden Falls More Than 5%", "2023-07-21")
    assert found["5%"][0].symbol is None and found["5%"][1].verdict == UNCHECKABLE


def test_a_headline_s_capitals_keep_a_profit_a_profit(checked):
    """"Tencent Drops Despite Annual Profit Soaring 68%": a result, not Tencent's price over the year."""
    found = checked("China's Tencent Drops Despite Annual Profit Soaring 68% on More Income From AI Advertising",
                    "2025-03-20")
    assert found["68%"][1].verdict == UNCHECKABLE
    body = checked("Tencent Holdings rose 2% on Thursday, and Sales Director John Smith said nothing.", "2025-03-20")
    assert body["2%"][0].symbol == "0700.HK"  # a capitalised title in a body sentence changes nothing


def test_what_a_stock_has_seen_is_a_move_not_a_forecast(checked):
    """"has seen its shares decline by 23% year to date" (Nvidia, 16 April 2025: -22.2% since 31 December 2024)."""
    found = checked("Nvidia, a key player in the tech industry, has seen its shares decline by 23% year to date.",
                    "2025-04-16")
    assert found["23%"][0].measure == "period" and found["23%"][1].verdict in ("matches", "roughly")
    assert checked("Nvidia is seen rising to $150 by June.", "2025-04-16")["$150"][1].verdict == UNCHECKABLE
