"""Claims of any article: the verdict rules, sessions on each listing's own days, and the claim reader.

Figures are recomputed here with plain pandas from data/prices.csv where a test needs one."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components.analysis.article_claims import (
    MATCHES,
    NO_MATCH,
    NOT_SURE,
    ROUGHLY,
    UNCHECKABLE,
    ArticleClaim,
    judge,
    judge_adjusted_level,
    judge_level,
)
from components.analysis.claim_checks import bars_by_symbol, check_claim, check_claims
from components.text.claim_reader import claims_of_text
from components.text.extraction import propose_events
from tests.accuracy import snapshot_prices

D = dt.date


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return snapshot_prices()


@pytest.fixture(scope="module")
def bars(frame):
    return bars_by_symbol(frame)


def close(frame, symbol, day) -> float:
    return float(frame[(frame.symbol == symbol) & (frame.date == pd.Timestamp(day))]["close"].iloc[0])


def results_of(text: str, published: str, frame, place=None):
    _, claims = claims_of_text(text, published, place=place)
    return check_claims(claims, frame)


# --- the verdict rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize("actual, claimed, qualifier, direction, decimals, verdict", [
    (14.56, 14, "", 1, 0, MATCHES),            # a bare figure is rounded or cut: 14.56% is "14%"
    (13.5, 14, "", 1, 0, MATCHES),
    (18.496, 19, "", 1, 0, ROUGHLY),           # just under half a point short
    (16.0, 19, "", 1, 0, NO_MATCH),
    (67.17, 70, "more than", 1, 0, NO_MATCH),  # "more than 70%" needs 70
    (13.8, 14, "more than", 1, 0, ROUGHLY),    # half a unit short of the bound
    (12.90, 13, "nearly", 1, 0, MATCHES),      # a little below
    (90.50, 90, "nearly", 1, 0, ROUGHLY),      # a little above "nearly"
    (80.0, 90, "nearly", 1, 0, NO_MATCH),
    (8.4, 8, "about", 1, 0, MATCHES),
    (-2.0, 2, "", 1, 0, NO_MATCH),             # the other way
    (-1.633, 1.6, "", -1, 1, MATCHES),         # "fell 1.6%": a fall of 1.63
    (-1.72, 1.6, "", -1, 1, ROUGHLY),
    (3.0, 5, "less than", 1, 0, MATCHES),
])
def test_judge(actual, claimed, qualifier, direction, decimals, verdict):
    assert judge(actual, claimed, qualifier, direction, decimals)[0] == verdict


@pytest.mark.parametrize("actual, claimed, qualifier, decimals, verdict", [
    (19828.3008, 19828.30, "", 2, MATCHES),  # a print to the cent
    (25613.67, 25613, "", 0, MATCHES),  # the figure's last digit cut: 25,613.67 is written 25,613
    (25612.9, 25613, "", 0, MATCHES),  # rounded
    (140.80, 141.5, "", 1, ROUGHLY),  # half a percent off
    (130.0, 138.5, "", 1, NO_MATCH),
    (25613.67, 25600, "above", 0, MATCHES),  # "topped the 25,600 mark"
    (25513.0, 25600, "above", 0, ROUGHLY),
    (24200.0, 24369.71, "about", 0, MATCHES),  # about: within 1%
])
def test_levels_are_prints(actual, claimed, qualifier, decimals, verdict):
    assert judge_level(actual, claimed, qualifier, decimals)[0] == verdict


@pytest.mark.parametrize("claimed, verdict", [
    (539.29, ROUGHLY),  # the adjusted close itself: the print may be a little higher
    (548.0, ROUGHLY),  # inside the band (4% for Tencent)
    (565.0, ROUGHLY),  # 0.7% over the band's top: judged as a print against that edge, roughly
    (600.0, NO_MATCH),
    (500.0, NO_MATCH),  # below the adjusted close: a print is never below it
])
def test_a_level_where_only_the_adjusted_close_is_known_is_never_called_wrong_inside_the_band(claimed, verdict):
    assert judge_adjusted_level(539.2923, claimed, 0.04)[0] == verdict


# --- sessions, data coverage and reasons --------------------------------------------------------------------

def claim(**fields) -> ArticleClaim:
    base = dict(id="c", sentence="s", quote="5%", measure="day", symbol="BABA", day=D(2025, 9, 1), value=5.0,
                direction=1)
    return ArticleClaim(**{**base, **fields})


def test_a_written_day_the_market_was_closed_is_uncheckable_not_moved(bars):
    result = check_claim(claim(), bars)  # 2025-09-01 was Labor Day: no BABA session
    assert result.verdict == UNCHECKABLE and "market was closed" in result.reason


def test_an_implied_day_takes_the_listing_session_on_or_before_it(bars, frame):
    result = check_claim(claim(written_day=False, value=12.9, qualifier="nearly"), bars)
    assert result.session == D(2025, 8, 29)
    assert result.figures[0].value == pytest.approx(close(frame, "BABA", "2025-08-29") /
                                                    close(frame, "BABA", "2025-08-28") - 1)


def test_a_figure_without_a_listing_is_not_sure_not_judged(bars):
    result = check_claim(claim(symbol=None), bars)
    assert result.verdict == NOT_SURE and "no listing" in result.reason


@pytest.mark.parametrize("fields, reason", [
    ({"symbol": "1810.HK"}, "symbol not in the data"),
    ({"day": D(2021, 6, 1)}, "before the data start"),
    ({"measure": "period", "day": D(2022, 3, 1), "since": D(2021, 1, 1), "written_day": False},
     "before the data starts"),
    ({"measure": "fundamental", "reason": "fundamentals (revenue) are not in price data"}, "fundamentals"),
])
def test_uncheckable_claims_say_why(bars, fields, reason):
    result = check_claim(claim(**fields), bars)
    assert result.verdict == UNCHECKABLE and reason in result.reason


def test_a_close_that_misses_but_an_intraday_high_that_fits_is_roughly(bars):
    # 9988.HK on 2025-09-01: close +18.50%, high +19.27%
    kwargs = dict(symbol="9988.HK", value=19.0, qualifier="more than", written_day=True)
    assert check_claim(claim(**kwargs), bars).verdict == ROUGHLY
    closed = check_claim(claim(closing=True, **kwargs), bars)  # "closed more than 19% higher": never the high
    assert closed.verdict in (NO_MATCH, NOT_SURE) and "reached only during the session" not in closed.explanation
    assert check_claim(claim(measure="high_move", **{**kwargs, "qualifier": "as much as"}), bars).verdict == MATCHES


def test_a_ranking_before_the_data_start_is_uncheckable_and_one_broken_in_the_data_does_not_match(bars):
    worst = claim(measure="rank", rank_of="move", symbol="^HSI", day=D(2025, 4, 7), since=D(1998, 1, 1), sign=-1)
    assert check_claim(worst, bars).verdict == UNCHECKABLE
    recent = claim(measure="rank", symbol="9988.HK", day=D(2025, 9, 1), since=D(2025, 3, 1))
    result = check_claim(recent, bars)  # 9988.HK closed higher on 2025-03-19, after 1 March
    assert result.verdict == NO_MATCH and "19 Mar 2025" in result.explanation


# --- the claim reader ------------------------------------------------------------------------------------

def test_listing_by_context(frame):
    text = ("Alibaba's Hong Kong-listed shares fell 1.6% on Monday. Its ADRs fell 2%. "
            "The Hang Seng China Enterprises Index lost 1.1%.")
    symbols = [r.claim.symbol for r in results_of(text, "2024-12-16", frame)]
    assert symbols == ["9988.HK", "BABA", "^HSCE"]


def test_a_bare_company_name_follows_the_article_market(frame):
    assert results_of("Alibaba rose 3%.", "2025-08-29", frame, place="US")[0].claim.symbol == "BABA"
    assert results_of("Alibaba rose 3%.", "2025-08-29", frame, place="HK")[0].claim.symbol == "9988.HK"


def test_a_us_listing_on_the_day_of_an_asian_report_is_the_session_before(frame):
    [result] = results_of("Alibaba's US-listed shares rose 8% on Friday.", "2025-02-21", frame, place="HK")
    assert result.session == D(2025, 2, 20) and result.verdict == MATCHES


def test_fundamentals_money_and_groups_are_uncheckable_with_reasons(frame):
    text = ("Revenue rose 7% to 236.5 billion yuan ($32.7 billion). Net profit beat analysts' estimates. "
            "Chinese tech stocks rose 3%. He holds a 5% stake.")
    results = results_of(text, "2025-05-16", frame)
    assert [r.claim.quote for r in results] == ["7%", "236.5 billion yuan", "beat analysts' estimates", "3%", "5%"]
    assert [r.claim.measure for r in results] == ["fundamental", "fundamental", "fundamental", "day", "other"]
    assert all(r.verdict == UNCHECKABLE for r in results)
    assert "fundamentals" in results[0].reason and "single listing" in results[3].reason


def test_period_claims_count_from_the_close_before_the_period(frame):
    [result] = results_of("Alibaba's Hong Kong shares are up more than 60% so far this year.", "2025-03-14", frame)
    assert result.base == D(2024, 12, 31)
    expected = close(frame, "9988.HK", "2025-03-14") / close(frame, "9988.HK", "2024-12-31") - 1
    assert result.figures[0].value == pytest.approx(expected) and result.verdict == MATCHES  # total return


def test_a_ranking_reads_its_look_back():
    _, [c] = claims_of_text("BABA posted its largest one-day gain since September last year.", "2025-02-21",
                            place="US")
    # the window starts the day after the month named: no gain as large from 1 October 2024 on
    assert (c.measure, c.rank_of, c.since, c.sign) == ("rank", "move", D(2024, 10, 1), 1)


def claims_by_quote(text: str, published: str) -> dict:
    """The claims of a text, by the figure as the text writes it."""
    return {c.quote: c for c in claims_of_text(text, published)[1]}


def test_held_out_sentences_get_their_listing_measure_and_session(frame):
    """Sentences written after the rules: a level said in points, a US listing named through 'the
    company's', 'the market' as the article's benchmark, a span in another part of the sentence."""
    text = ("HONG KONG, March 6 (Reuters) - Alibaba Group shares jumped 8% in Hong Kong on Thursday after the "
            "company said late on Wednesday it had released a new model for the first time this year.\n\n"
            "The Hang Seng China Enterprises Index rose 3.6% to 8,800 points.\n\n"
            "The company's U.S.-listed shares had gained 8.6% overnight in New York.\n\n"
            "The market rose 3.3%.")
    by_quote = claims_by_quote(text, "2025-03-06")
    assert by_quote["8%"].measure == "day" and by_quote["8%"].day == dt.date(2025, 3, 6)
    level = by_quote["8,800 points"]
    assert (level.measure, level.symbol) == ("level", "^HSCE")  # a level said in points, not a change
    assert (by_quote["8.6%"].symbol, by_quote["8.6%"].day) == ("BABA", dt.date(2025, 3, 5))
    assert by_quote["3.3%"].symbol == "^HSI"  # the market, not the last index named
    results = {r.claim.quote: r.verdict for r in check_claims(list(by_quote.values()), frame)}
    assert results["8%"] == "matches" and results["8.6%"] == "matches" and results["3.3%"] == "matches"


@pytest.mark.parametrize("sentence, quote, measure", [
    ("Alibaba's U.S.-listed shares rose 3% in premarket trading on Friday.", "3%", "extended"),
    ("BABA fell 5% on Thursday, and another 2% in after-hours trading.", "5%", "day"),
    ("BABA fell 5% on Thursday, and another 2% in after-hours trading.", "2%", "extended"),
    ("BABA shares gained 4% after the bell.", "4%", "extended"),
])
def test_moves_outside_the_regular_session_are_not_checked_against_daily_bars(frame, sentence, quote, measure):
    reading, claims = claims_of_text("NEW YORK (Reuters) - " + sentence, "2025-08-29")
    claim = next(c for c in claims if c.quote == quote)
    assert claim.measure == measure
    if measure == "extended":
        result = check_claims([claim], frame)[0]
        assert result.verdict == UNCHECKABLE and "premarket, after-hours" in result.reason


def test_the_nasdaq_golden_dragon_index_is_not_the_nasdaq_composite():
    from components.data.listings import INDEX_RE, index_named
    found = [index_named(m.group()) for m in INDEX_RE.finditer("outpacing the Nasdaq Golden Dragon China index")]
    assert not any(i and i.symbol == "^IXIC" for i in found)


def test_a_span_of_a_ranking_after_the_comma_is_not_the_day_moves_period(frame):
    text = ("HONG KONG, Feb 14 (Reuters) - Hong Kong's Hang Seng Index rose 3.7% on Friday, capping its best week "
            "since 2022.\n\nYear-to-date, the Hang Seng is up about 12%.")
    by_quote = claims_by_quote(text, "2025-02-14")
    assert (by_quote["3.7%"].measure, by_quote["3.7%"].day) == ("day", dt.date(2025, 2, 14))
    assert by_quote["12%"].measure == "period"  # a span opening its clause still measures the figure
    assert check_claims([by_quote["3.7%"]], frame)[0].verdict == MATCHES


def test_the_previous_session_is_one_day_and_the_tech_index_is_the_markets_own(frame):
    text = ("HONG KONG, May 16 (Reuters) - Alibaba's Hong Kong shares closed 4.3% lower on Friday.\n\n"
            "Its New York-listed shares fell 7.5% in the previous session.\n\n"
            "The Hang Seng index closed 0.5% lower, while the tech index slipped 1.1%.")
    by_quote = claims_by_quote(text, "2025-05-16")
    assert (by_quote["7.5%"].symbol, by_quote["7.5%"].measure, by_quote["7.5%"].day) == ("BABA", "day",
                                                                                          dt.date(2025, 5, 15))
    assert check_claims([by_quote["7.5%"]], frame)[0].verdict == MATCHES
    assert by_quote["1.1%"].symbol == "^HSTECH" and by_quote["0.5%"].symbol == "^HSI"


def test_ing_verbs_give_the_direction_levies_are_not_prices_and_a_coordinated_clause_is_its_own(frame):
    text = ("HONG KONG, April 7 (Reuters) - Hong Kong stocks suffered their worst day since 1997 on Monday, with the "
            "Hang Seng Index plunging 13.2%.\n\nU.S. President Donald Trump announced sweeping tariffs on April 2, "
            "and China retaliated on Friday with 34% levies on all U.S. goods.")
    by_quote = claims_by_quote(text, "2025-04-07")
    assert by_quote["13.2%"].direction == -1 and check_claims([by_quote["13.2%"]], frame)[0].verdict == MATCHES
    assert by_quote["34%"].measure == "other"
    got = {c.title: c.start_date for c in propose_events(text, "2025-04-07").candidates}
    assert got["U.S. President Donald Trump announced sweeping tariffs"] == dt.date(2025, 4, 2)
    assert got["China retaliated with 34% levies on all U.S. goods"] == dt.date(2025, 4, 4)


def test_a_day_figure_that_is_the_month_s_move_is_not_sure_not_wrong(bars, frame):
    month = (close(frame, "^HSI", "2023-03-31") / close(frame, "^HSI", "2023-02-28") - 1) * 100
    result = check_claim(claim(symbol="^HSI", day=D(2023, 3, 31), value=round(month, 2), decimals=2), bars)
    assert result.verdict == NOT_SURE and "month" in result.explanation


def test_a_run_that_matches_ending_the_session_before_is_not_sure_not_wrong(bars, frame):
    closes = frame[frame["symbol"] == "^HSI"].set_index("date")["close"]
    days = [d for d in closes.index if "2023-01-01" <= str(d)[:10] <= "2023-12-31"]
    moves = closes.diff()
    # a session whose own run up is 0 (it fell) right after a run up of two or more sessions
    at = next(i for i in range(20, len(days)) if moves[days[i]] < 0 < moves[days[i - 1]] and moves[days[i - 2]] > 0)
    run = 0
    while moves[days[at - 1 - run]] > 0:
        run += 1
    day = dt.date.fromisoformat(str(days[at])[:10])
    result = check_claim(claim(symbol="^HSI", day=day, measure="streak", count=run, unit="session", sign=1,
                               value=float(run)), bars)
    assert result.verdict == NOT_SURE and "may mean" in result.explanation, result.explanation


def test_a_run_of_quarters_counts_quarter_closes_and_one_before_the_data_is_uncheckable(bars, frame):
    closes = frame[frame["symbol"] == "^HSI"].set_index("date")["close"]
    closes.index = pd.to_datetime(closes.index)
    quarters = closes.resample("QE").last().dropna()
    up = quarters.diff() > 0
    end = next(q for q in quarters.index[2:] if up[q] and not up[quarters.index[quarters.index.get_loc(q) - 1]])
    day = closes[:end].index[-1].date()
    one = check_claim(claim(symbol="^HSI", day=day, measure="streak", count=1, unit="quarter", sign=1, value=1.0),
                      bars)
    assert one.verdict == "matches", one.explanation
    far = check_claim(claim(symbol="^HSI", day=day, measure="streak", count=40, unit="quarter", sign=1, value=40.0),
                      bars)
    assert far.verdict == UNCHECKABLE and "before the data" in far.reason
