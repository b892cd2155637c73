"""Numbers as people write them: signs, separators and digits of any script, read right or listed as not read."""

from __future__ import annotations

import pytest

from components.analysis.claim_checks import check_claims
from components.text.claim_reader import claims_of_text
from components.text.numbers import find_numbers
from tests.accuracy import snapshot_prices


@pytest.mark.parametrize("text, value, decimals", [
    ("closed -8.4%", -8.4, 1),
    ("closed −8.4%", -8.4, 1),  # the minus sign U+2212
    ("fell minus 3.2%", -3.2, 1),
    ("rose +2.5%", 2.5, 1),
    ("rose 8,4%", 8.4, 1),  # a decimal comma: one or two digits after it
    ("rose 8·4%", 8.4, 1),  # a middle dot
    ("at 24 369.71 points", 24369.71, 2),  # a space between thousands
    ("at 24\u2009369.71 points", 24369.71, 2),  # a thin space
    ("at 24\u202f369.71 points", 24369.71, 2),  # a narrow no-break space
    ("at 24,369.71 points", 24369.71, 2),
    ("rose ８.４％", 8.4, 1),  # full-width digits
    ("rose ٨٫٤%", 8.4, 1),  # Arabic-Indic digits and decimal separator
    ("rose ८.४%", 8.4, 1),  # Devanagari digits
])
def test_numbers_are_read_as_written(text, value, decimals):
    [n] = [n for n in find_numbers(text) if n.value is not None]
    assert (n.value, n.decimals) == (pytest.approx(value), decimals)


@pytest.mark.parametrize("text", ["COVID-19 cases", "on 2024-10-02", "a 10-for-1 split"])
def test_a_hyphen_inside_a_word_is_not_a_minus(text):
    assert all(n.sign == 0 and (n.value or 0) >= 0 for n in find_numbers(text))


def test_a_number_that_reads_two_ways_is_listed_not_judged():
    [n] = find_numbers("shares rose 2,345% on the day")
    assert n.value is None and "2345 or 2.345" in n.problem
    _, [claim] = claims_of_text("Alibaba shares rose 2,345% on Thursday.", "2025-03-06")
    assert claim.measure == "unread" and "2345 or 2.345" in claim.reason
    assert check_claims([claim], snapshot_prices())[0].verdict == "uncheckable"


@pytest.mark.parametrize("sentence, verdict", [
    ("Alibaba's Hong Kong shares closed -8.4% on Thursday.", "does not match"),  # it rose 8.39%: the sign is kept
    ("Alibaba's Hong Kong shares closed −8.4% on Thursday.", "does not match"),
    ("Alibaba's Hong Kong shares closed 8,4% higher on Thursday.", "matches"),  # not 4%
    ("Alibaba's Hong Kong shares closed ８.４％ higher on Thursday.", "matches"),
    ("The Hang Seng Index closed at 24 369.71 points on Thursday.", "matches"),  # not 369.71
    ("The Hang Seng Index closed at 24\u202f369.71 points on Thursday.", "matches"),
])
def test_a_figure_written_any_way_gets_the_verdict_of_its_value(sentence, verdict):
    _, claims = claims_of_text(sentence, "2025-03-06")
    [result] = check_claims(claims, snapshot_prices())
    assert result.verdict == verdict, result.explanation
