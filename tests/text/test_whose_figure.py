"""Whose figure: names joined by "and" before one figure share it, with or without a verb of their own ("with
heavyweights Alibaba and Tencent down by about 1 percent"), and the one with a listing is checked; two figures after
two names are shared out in order."""

import pytest

from components.text.claim_reader import read_claims
from components.text.reader import read_article


def _owners(text: str, published: str = "2025-12-31") -> dict[str, str | None]:
    return {c.quote: c.symbol for c in read_claims(read_article(text, published))}


@pytest.mark.parametrize("text", [
    "The Hang Seng Index slipped 0.9 per cent, with heavyweights Alibaba and Meituan down by about 1 percent.",
    "The benchmark fell, with Alibaba and Meituan both lower by about 1 percent on the day.",
    "Alibaba and Meituan lost about 1 percent each.",
])
def test_names_joined_before_one_figure_share_it(text):
    assert _owners(text)["1 percent"] == "9988.HK"


def test_two_figures_after_two_names_are_shared_out_in_order():
    owners = _owners("Alibaba and Tencent fell 1.2% and 0.4%, respectively.")
    assert (owners["1.2%"], owners["0.4%"]) == ("9988.HK", "0700.HK")


def test_a_name_alone_before_its_figure_keeps_it():
    assert _owners("The index fell, with Meituan down by about 1 percent.")["1 percent"] == "3690.HK"
