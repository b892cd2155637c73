"""Which market an article reports: the market it names most, said with the right count; a data vendor's name
("Source: Dow Jones Market Data") is no US market; a tie says it is one."""

import pytest

from components.text.story import article_place


def test_a_data_vendor_is_no_us_market():
    place, why = article_place("The Hang Seng Index is up 2.79% this week.\n\nSource: Dow Jones Market Data, FactSet")
    assert place == "HK" and "1 time against 0" in why


@pytest.mark.parametrize("text,place,words", [
    ("Hang Seng futures rose. Hong Kong stocks closed higher.", "HK", "2 times against 0"),
    ("Wall Street rose as the Nasdaq climbed.", "US", "2 times against 0"),
    ("Hong Kong stocks rose after Wall Street gained.", "HK", "as often (1 time each)"),
])
def test_the_reason_counts_the_mentions_in_words_that_agree(text, place, words):
    found, why = article_place(text)
    assert found == place and words in why


def test_a_lead_on_asian_markets_trading_places_the_story_in_asia(checked):
    """Written in Asia on Tuesday 23 September 2025, the morning after the US session it reports: the S&P 500's
    close without a day is Monday's (6,693.75, +0.44%), not Tuesday's, which had not traded."""
    found = checked("Asian stocks opened higher on Tuesday, lifted by a rally in US chip makers.\n\nThe S&P 500 "
                    "climbed 0.44 per cent to 6,693.75, a record close.", "2025-09-23")
    assert {found[q][0].day.isoformat() for q in ("0.44 per cent", "6,693.75")} == {"2025-09-22"}
    assert {found[q][1].verdict for q in ("0.44 per cent", "6,693.75")} == {"matches"}


def test_a_us_wrap_that_mentions_asia_later_stays_a_us_story(checked):
    found = checked("The S&P 500 climbed 0.44 per cent to 6,693.75 on Monday.\n\nAsian stocks opened higher on "
                    "Tuesday.", "2025-09-22")
    assert found["6,693.75"][0].day.isoformat() == "2025-09-22"


def test_a_us_listing_named_beside_an_asian_index_keeps_its_own_session(checked):
    """Published Wednesday 4 September 2024 in Sydney: Nvidia's 9.5% drop is Tuesday's New York session, though its
    sentence names the ASX first; the ASX's expected fall is no price that traded."""
    found = checked("ASX likely to fall sharply after Nvidia's 9.5pc drop.\n\nThe ASX is likely to drop on Wednesday "
                    "after Nvidia copped a 9.5% hit in New York.", "2024-09-04")
    claim, result = found["9.5pc"]
    assert (claim.symbol, claim.day.isoformat(), result.verdict) == ("NVDA", "2024-09-03", "matches")


def test_days_to_go_are_no_forecast(checked):
    claim, result = checked("With just four days to go in 2025 trading, the S&P 500 is up 17.9% on the year.",
                            "2025-12-24")["17.9%"]
    assert (claim.measure, result.verdict) == ("period", "matches")


def test_dollars_written_the_australian_way_place_a_story_in_asia(checked):
    """Published Tuesday 28 January 2025 in Australia: Nvidia's 17% fall was Monday's New York session."""
    claim, result = checked("Nvidia's plunge erased a record amount of stock-market value.\n\nNvidia shares tumbled 17 "
                            "per cent, erasing $US589 billion ($936 billion) from its market value.", "2025-01-28")[
        "17 per cent"]
    assert (claim.day.isoformat(), result.verdict) == ("2025-01-27", "matches")


def test_a_lead_on_the_hong_kong_share_market_beats_a_cue_from_wall_street(checked):
    """Monday 16 January 2023 was a US holiday: a Hong Kong wrap that mentions Wall Street's Friday is still about
    Hong Kong's Monday (Alibaba +0.62% to HK$113.40)."""
    found = checked("Hong Kong share market finished at a six-month high on Monday, following positive cues from Wall "
                    "Street on Friday.\n\nAmong blue chips, Alibaba Group climbed 0.6% to HK$113.40.", "2023-01-16")
    assert {found[q][0].day.isoformat() for q in ("0.6%", "HK$113.40")} == {"2023-01-16"}
    assert {found[q][1].verdict for q in ("0.6%", "HK$113.40")} == {"matches"}


def test_a_day_in_an_opening_part_with_its_own_comma_dates_the_move(checked):
    """'By the time the closing bell rang on January 14, 2026, the S&P 500 had slipped 0.5%': the comma inside the
    date is not the end of the opening part (published the next morning)."""
    found = checked("By the time the closing bell rang on January 14, 2026, the S&P 500 had slipped 0.5% to finish "
                    "at 6,926.60.", "2026-01-15")
    assert {found[q][0].day.isoformat() for q in ("0.5%", "6,926.60")} == {"2026-01-14"}
    assert {found[q][1].verdict for q in ("0.5%", "6,926.60")} == {"matches"}
