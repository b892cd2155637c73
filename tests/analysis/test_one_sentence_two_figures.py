"""One sentence cannot give two different figures for the same listing, measure and session and have both true: when
the reader maps two such figures to one reading, one of them belongs to something it did not see (a sub-index, a
constituent, a longer period, a time of day). The one that does not match is then 'not sure' and says why, never
'does not match'. Figures in different sentences keep their own verdicts (a text may contradict itself), and two
figures that agree (one rounds to the other) are both checked as before."""

from __future__ import annotations

import datetime as dt

from components.analysis.article_claims import ArticleClaim
from components.analysis.claim_checks import check_claims

TUESDAY = "2024-01-16"  # ^HSI closed 2.16% lower at 15,865.92
WEEK_END = "2023-12-29"  # ^HSI rose 4.33% over the week to 17,047.39


def test_a_second_figure_in_the_sentence_is_not_called_wrong(checked):
    found = checked("The Hang Seng Index fell 2.16% on Tuesday, dragged by the property gauge, which suffered a "
                    "3.2% drop.", TUESDAY)
    assert found["2.16%"][1].verdict == "matches"
    claim, second = found["3.2%"]
    assert claim.symbol == "^HSI" and second.verdict == "not sure" and "2.16%" in second.explanation


def _claim(quote: str, value: float, sentence: str, decimals: int = 1) -> ArticleClaim:
    return ArticleClaim(quote, sentence, quote, "day", symbol="^HSI", day=dt.date(2024, 1, 16),
                        value=value, decimals=decimals, direction=-1)


def test_two_day_moves_of_one_listing_in_one_line(prices):
    line = "Hang Seng -2.2% -3.2%"
    right, other = check_claims([_claim("-2.2%", 2.2, line), _claim("-3.2%", 3.2, line)], prices)
    assert right.verdict == "matches"
    assert other.verdict == "not sure" and "both cannot be true" in other.explanation and "2.2%" in other.explanation
    assert other.figures and other.session == right.session  # the data stay on the card and the chart


def test_figures_that_agree_are_each_checked(prices):
    line = "Hang Seng -2% -2.16%"
    coarse, fine = check_claims([_claim("-2%", 2, line, 0), _claim("-2.16%", 2.16, line, 2)], prices)
    assert (coarse.verdict, fine.verdict) == ("matches", "matches")


def test_different_sentences_keep_their_verdicts(prices):
    first, second = check_claims([_claim("-2.2%", 2.2, "Hang Seng -2.2%"), _claim("-3.2%", 3.2, "Hang Seng -3.2%")],
                                 prices)
    assert (first.verdict, second.verdict) == ("matches", "does not match")


def test_a_text_that_contradicts_itself_across_sentences(checked):
    found = checked("The Hang Seng Index rose 4.3 per cent this week to 17,047.39.\n\nThe Hang Seng Index's 3.8 per "
                    "cent gain this week offered some consolation.", WEEK_END)
    assert found["4.3 per cent"][1].verdict == "matches"
    assert found["3.8 per cent"][1].verdict == "does not match"


def test_a_period_that_the_day_matches_is_not_called_wrong(checked):
    """A paragraph about the week heads the next one, but 'The S&P 500 rose 2.1%' there may still be Friday's move:
    the week fell 2.27% and Friday rose 2.13%, so 'not sure', naming the day's move."""
    claim, result = checked("This week was a wild ride for stocks.\n\nThe S&P 500 rose 2.1%.", "2025-03-14")["2.1%"]
    assert claim.measure == "period" and result.verdict == "not sure" and "+2.13%" in result.explanation


def test_a_year_figure_that_one_of_its_months_matches_is_not_called_wrong(checked):
    """'winning Januarys every year since 2021, apart from a 9.2 percent drop last year': January 2024's drop, not
    2024's rise; a month of the year that matches makes the year's verdict 'not sure'."""
    claim, result = checked("Hong Kong's benchmark index has recorded winning Januarys every year since 2021, apart "
                            "from a 9.2 percent drop last year.", "2025-01-27")["9.2 percent"]
    assert result.verdict == "not sure" and "January 2024" in result.explanation
