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
