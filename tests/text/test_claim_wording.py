"""Wording classes met on real articles: a preview naming tomorrow's trade, a close at a low that is a ranking, a
qualifier right after the move's noun."""

import datetime as dt

from components.text.claim_reader import read_claims
from components.text.reader import read_article


def _claims(text: str, published: str) -> dict[str, object]:
    return {c.quote: c for c in read_claims(read_article(text, published))}


def test_a_lead_for_tomorrow_s_trade_makes_the_story_a_preview():
    claims = _claims("(RTTNews) - The Hong Kong stock market has finished higher in six straight sessions, rallying "
                     "more than 1,230 points or 6 percent in that span. The Hang Seng now sits just above the "
                     "20,100-point plateau and it's got another strong lead for Wednesday's trade.", "2025-01-22")
    assert claims["six straight sessions"].day == dt.date(2025, 1, 21)
    assert claims["6 percent"].day == dt.date(2025, 1, 21)


def test_closing_at_its_lowest_point_is_a_close_not_a_price_during_the_session():
    claims = _claims("The Hang Seng Index slumped 1.3 per cent on Friday, losing 0.8 per cent for the week and "
                     "closing at its lowest point since March 16.", "2023-05-19")
    assert claims["0.8 per cent"].measure == "period"


def test_a_qualifier_after_the_move_s_noun_keeps_its_direction():
    claim = _claims("Stocks closed lower on Tuesday as investors wrapped up a year that hoisted the S&P 500 to its "
                    "second consecutive annual gain exceeding 20%.", "2024-12-31")["20%"]
    assert (claim.direction, claim.qualifier, claim.measure) == (1, "more than", "period")


def test_a_name_leading_with_a_figure_owns_it():
    claim = _claims("All major indexes are on track for monthly gains, with the S&P 500 up 5.7% this month and the "
                    "Nasdaq leading with a 9.5% jump.", "2025-05-29")["9.5%"]
    assert claim.symbol == "^IXIC"  # the Nasdaq Composite: a listing the snapshot has no prices for


def test_the_benchmark_after_an_index_named_in_its_sentence_is_that_index():
    claim = _claims("Australian markets are likely to open higher, with futures tied to the S&P/ASX 200 at 8,513, "
                    "compared to the benchmark's last close of 8,466.07.", "2025-06-04")["8,466.07"]
    assert claim.symbol != "^HSI"
