"""The figures behind a claim's verdict: closes in the run's number format, and a dash (never "None") where a
figure has one close, as a level has."""

from components import locale as L
from components.analysis.claim_checks import check_claims
from components.text.claim_reader import read_claims
from components.text.reader import read_article
from components.ui.claims_view import _figures_table


def _results(prices):
    claims = read_claims(read_article("The Hang Seng Index fell 2.23% to 24,219.95 points on Thursday.", "2025-03-20"))
    return {c.quote: r for c, r in zip(claims, check_claims(claims, prices))}


def test_a_level_s_second_close_is_a_dash_and_a_move_s_closes_are_grouped(prices):
    found = _results(prices)
    level = _figures_table(found["24,219.95 points"])
    assert list(level["close from"]) == ["24,219.95"] and list(level["close to"]) == ["—"]
    move = _figures_table(found["2.23%"])
    assert list(move["close from"]) == ["24,771.14"] and list(move["close to"]) == ["24,219.95"]


def test_closes_follow_the_run_s_number_format(prices):
    L.use("zh-HK")
    try:
        table = _figures_table(_results(prices)["2.23%"])
        assert not any("None" in str(v) for v in table.to_numpy().ravel())
    finally:
        L.use("en")
