"""A market move said without a figure takes its session like any move: a company named in full ("Harbour Crest
Holdings surged"), a sector that "led the market lower". An institution's verb ("the Federal Reserve eased") is
news, not a move, and stays without a date."""

from __future__ import annotations

import datetime as dt

import pytest

from components.text import extraction as ex

FRIDAY = dt.date(2024, 11, 8)
LEAD = "Hong Kong stocks rose 1.2 per cent on Friday, led by property developers.\n\n"


def _dates(sentence: str) -> list[dt.date | None]:
    """The dates of the candidates the sentence gives (its own clauses, not the lead's)."""
    result = ex.propose_events(LEAD + sentence, FRIDAY, place="HK")
    return [c.date for c in result.candidates if sentence.startswith(c.sentence.rstrip("."))]


@pytest.mark.parametrize("sentence", [
    "Harbour Crest Holdings surged after shareholders approved a disposal to cut its debt.",
    "Blue Lantern Technology climbed in the session.",
    "Toll-road operators led the index higher on hopes of more state spending.",
    "Life insurers led the market lower after the regulator capped guaranteed returns.",
    "Stocks related to cement, glass makers and shipping led gains.",
    "Main board turnover recorded HK$98.2 billion.",
    "Turnover hit a record as investors rushed to sell.",
    "Crude oil prices sank as inventories swelled.",
    "Gold prices extended gains for a third session.",
    "Tokyo finished lower on a stronger yen.",
    "The China Enterprises Index erased earlier gains to close lower.",
    "Among the actives, Harbour Crest Holdings perked up.",
    "All sectors finished lower, led by real estate.",
])
def test_a_move_without_a_figure_or_a_day_is_the_story_s_session(sentence):
    assert _dates(sentence)[:1] == [FRIDAY]


@pytest.mark.parametrize("sentence", [
    "The Federal Reserve eased its guidance on balance-sheet runoff.",
    "The State Council eased curbs on foreign ownership of brokers.",
    "Sales rose after the company cut prices.",
    "Consumer prices rose, the statistics bureau said.",
    "Singapore's central bank eased policy.",
])
def test_an_institution_or_a_plain_noun_is_not_a_market_moving(sentence):
    assert FRIDAY not in _dates(sentence)


def test_tracking_overnight_moves_is_the_previous_us_session_of_its_own():
    """ "Tech majors dropped 1.5%, tracking overnight losses in their US-listed counterparts": two events, the Hong
    Kong session and the New York session before it."""
    wednesday = dt.date(2025, 6, 18)
    text = ("Hong Kong stocks fell on Wednesday.\n\nChip makers listed in Hong Kong dropped 1.5 percent, tracking "
            "overnight losses in their US-listed peers.")
    found = {c.sentence: c.date for c in ex.propose_events(text, wednesday, place="HK").candidates}
    assert found["Chip makers listed in Hong Kong dropped 1.5 percent"] == wednesday
    assert found["tracking overnight losses in their US-listed peers"] == dt.date(2025, 6, 17)
