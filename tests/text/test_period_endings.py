"""How a period ended is an event of its own: "Mainland stocks were mixed on Friday, ending the week roughly flat"
puts Friday's session and the week on the timeline; the week is the trading week, Monday to Friday."""

import datetime as dt

import pytest

from components.text.extraction import propose_events

D = dt.date


def _spans(text: str, published: str) -> set[tuple[dt.date, dt.date]]:
    return {(c.start_date, c.end_date) for c in propose_events(text, published).candidates}


@pytest.mark.parametrize("text,published,period", [
    ("Mainland stocks were mixed on Friday, ending the week roughly flat, as regulators curbed speculation.",
     "2026-01-23", (D(2026, 1, 19), D(2026, 1, 23))),
    ("The Hang Seng Index slipped 0.9% on Friday but ended the week near its highest level in 10 months.",
     "2025-08-08", (D(2025, 8, 4), D(2025, 8, 8))),
    ("The S&P 500 rose 0.3% on Tuesday, finishing the year up 23%.", "2024-12-31", (D(2024, 1, 1), D(2024, 12, 31))),
])
def test_the_day_and_the_period_it_ended_are_both_listed(text, published, period):
    spans = _spans(text, published)
    day = D.fromisoformat(published)
    assert (day, day) in spans and period in spans


def test_last_week_is_the_trading_week_before():
    assert (D(2025, 9, 15), D(2025, 9, 19)) in _spans("Last week, the central bank cut rates by 25 basis points.",
                                                     "2025-09-23")


@pytest.mark.parametrize("words", ["reversing the previous week's loss", "erasing the prior week's sharp gains"])
def test_the_previous_week_s_move_is_the_week_before_the_story_s(words):
    spans = _spans(f"The Hang Seng Index gained 1.4% this week, {words}.", "2025-09-05")
    assert (D(2025, 8, 25), D(2025, 8, 29)) in spans and (D(2025, 9, 1), D(2025, 9, 5)) in spans


@pytest.mark.parametrize("words", ["over the month of November", "during the month of November", "in the month of "
                                   "November"])
def test_the_month_of_a_named_month_is_that_month_not_the_story_s(words):
    assert (D(2023, 11, 1), D(2023, 11, 30)) in _spans(f"The S&P 500 climbed 9% {words}.", "2023-12-01")


def test_a_run_of_weeks_the_week_snapped_is_the_weeks_before():
    spans = _spans("On a weekly basis, the Dow rose 0.01% this week, ending a two-week losing streak.", "2024-04-20")
    assert (D(2024, 4, 1), D(2024, 4, 12)) in spans and (D(2024, 4, 15), D(2024, 4, 19)) in spans


def test_a_move_from_a_dated_peak_is_the_stretch_from_that_day(prices):
    from components.analysis.claim_checks import check_claims
    from components.text.claim_reader import read_claims
    from components.text.reader import read_article
    text = ("The Hang Seng Index advanced 1.1 per cent on Friday. The index has declined 15.6 per cent from a peak on "
            "March 19, erasing HK$4.4 trillion of market value.")
    assert (D(2025, 3, 19), D(2025, 4, 11)) in _spans(text, "2025-04-11")
    claims = read_claims(read_article(text, "2025-04-11"))
    found = {c.quote: (c, r) for c, r in zip(claims, check_claims(claims, prices))}
    claim, result = found["15.6 per cent"]
    assert (claim.measure, result.verdict) == ("period", "matches")


@pytest.mark.parametrize("text,published,span", [
    ("December was the worst month for the S&P 500 since April.", "2024-12-31", (D(2024, 12, 1), D(2024, 12, 31))),
    ("November saw the index climb 9%.", "2023-12-01", (D(2023, 11, 1), D(2023, 11, 30))),
])
def test_a_month_that_opens_its_sentence_is_that_month(text, published, span):
    assert span in _spans(text, published)


@pytest.mark.parametrize("line", ["Oil producers also gained amid concerns about supply.",
                                  "Regional banks slumped.", "Trading volume surged as shares changed hands."])
def test_a_sector_s_move_without_a_figure_is_the_session_s_event(line):
    found = propose_events(f"Hong Kong stocks rose on Friday. {line}", "2024-10-04").candidates
    assert [(c.start_date, c.end_date) for c in found if c.sentence.startswith(line[:12])] == [(D(2024, 10, 4),
                                                                                                  D(2024, 10, 4))]


def test_the_last_trading_day_of_the_year_is_that_session():
    """Published Saturday 30 December 2023: the last Hong Kong session of 2023 was Friday the 29th."""
    found = {c.sentence: c.date for c in propose_events(
        "Hong Kong stocks ended the year lower.\n\nOn the last trading day of this year, the market moved in a narrow "
        "range.", "2023-12-30", place="HK").candidates}
    assert found["On the last trading day of this year, the market moved in a narrow range."] == dt.date(2023, 12, 29)


def test_what_ended_last_week_is_its_last_session_and_no_day_for_what_follows():
    """Published Monday 24 October 2022: "ended last week" is Friday the 21st; the moves after it stay Monday's."""
    found = {c.sentence: c.date for c in propose_events(
        "The Hang Seng index fell 6.36% on Monday.\n\nThe index already ended last week at a 13-year low. All sector "
        "indices closed lower.", "2022-10-24", place="HK").candidates}
    assert found["The index already ended last week at a 13-year low."] == dt.date(2022, 10, 21)
    assert found["All sector indices closed lower."] == dt.date(2022, 10, 24)


def test_the_stock_exchange_moving_is_the_market(checked):
    claim, result = checked("The Hong Kong Stock Exchange fell sharply on Monday with losses of 6.36%.",
                            "2022-10-24")["6.36%"]
    assert (claim.symbol, result.verdict) == ("^HSI", "matches")
