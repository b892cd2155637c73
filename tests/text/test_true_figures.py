"""True figures are never called false: sentences written from the bundled closes themselves, in the ways market
reports word a day's, a week's, a month's and a year's move, a change in points and a level, about sessions drawn
at random, must each come out 'matches' or 'not sure'; never 'does not match' nor 'roughly'.

These sentences are generated here, so they are rule tests of the reader and the checks together, not evidence of
accuracy on real articles (that is ``test_real_accuracy``); they found a move counted from the story's day twice."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.analysis.claim_checks import check_claims
from components.text.claim_reader import read_claims
from components.text.reader import read_article

# (symbol, how reports name it, its market); Alibaba's name alone is ambiguous between its listings, so left out
LISTINGS = (("^HSI", ("The Hang Seng Index", "Hong Kong's Hang Seng index"), "HK"),
            ("^HSCE", ("The Hang Seng China Enterprises Index",), "HK"),
            ("^GSPC", ("The S&P 500", "The benchmark S&P 500 index"), "US"),
            ("NVDA", ("Nvidia", "Shares of Nvidia"), "US"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FALSE_ALARMS = ("does not match", "roughly")


def _move(new: float, old: float) -> float:
    return (new / old - 1) * 100


def true_sentences(series: pd.Series, at: int, name: str, index: bool,
                   bar: pd.Series | None = None) -> list[tuple[dt.date, str]]:
    """(publication day, sentence) pairs that are true of the session at position ``at`` of ``series`` (and of its
    ``bar``: open, high, low, for an index)."""
    day, close, before = series.index[at].date(), float(series.iloc[at]), float(series.iloc[at - 1])
    weekday, move = WEEKDAYS[day.weekday()], _move(close, before)
    up, size = move > 0, abs(move)
    verb, noun = ("rose", "gain") if up else ("fell", "loss")
    out = [(day, f"{name} {verb} {size:.1f}% on {weekday}."),
           (day, f"{name} posted a {size:.1f}% {noun} on {weekday}."),
           (day, f"On {weekday}, {name} ended {'up' if up else 'down'} {size:.2f} percent.")]
    if index:
        out += [(day, f"{name} closed at {close:,.2f} on {weekday}, {'up' if up else 'down'} {size:.2f}%."),
                (day, f"{name} {verb} {abs(close - before):,.2f} points to {close:,.2f} on {weekday}.")]
    if bar is not None:
        weekday_of = f"on {weekday}"
        out += [(day, f"{name} opened at {bar['open']:,.2f} {weekday_of} and hit an intraday high of "
                      f"{bar['high']:,.2f}."),
                (day, f"{name} touched a low of {bar['low']:,.2f} {weekday_of} before ending at {close:,.2f}.")]
        high_move = _move(float(bar["high"]), before)
        if high_move > 0.3:
            out.append((day, f"{name} rose as much as {high_move:.1f}% {weekday_of}."))
    later = series.index[at + 1].date()
    out.append((later, f"{name} {verb} {size:.1f}% in the previous session."))
    month_start = pd.Timestamp(day.year, day.month, 1)
    earlier = series[series.index < month_start]
    if len(earlier) and later.month != day.month:  # the month's last session, reported on the next one
        month_move = _move(close, float(earlier.iloc[-1]))
        month = day.strftime("%B")
        out += [(later, f"{name} {'rose' if month_move > 0 else 'fell'} {abs(month_move):.1f}% in {month}."),
                (later, f"{name} locked in a {abs(month_move):.1f}% {'gain' if month_move > 0 else 'loss'} for "
                        f"{month}.")]
    monday = pd.Timestamp(day - dt.timedelta(days=day.weekday()))
    before_week = series[series.index < monday]
    if len(before_week) and (later - day).days >= 3 and later.weekday() == 0:  # the week's last session
        week_move = _move(close, float(before_week.iloc[-1]))
        out.append((later, f"{name} {'gained' if week_move > 0 else 'lost'} {abs(week_move):.1f}% last week."))
    year_before = series[series.index < pd.Timestamp(day.year, 1, 1)]
    if len(year_before) and later.year != day.year:  # the year's last session, recapped on the next one
        whole = _move(close, float(year_before.iloc[-1]))
        out.append((later, f"Over the full year, {name} {'added' if whole > 0 else 'shed'} {abs(whole):.1f} per "
                           f"cent."))
    beaten = series.iloc[:at][series.iloc[:at] >= close] if up else series.iloc[:at][series.iloc[:at] <= close]
    if len(beaten) and (day - beaten.index[-1].date()).days > 20:  # "its highest close since May 2"
        since = beaten.index[-1]
        out.append((day, f"{name} ended at its {'highest' if up else 'lowest'} close since {since:%B} {since.day} on "
                         f"{weekday}."))
    if len(year_before):
        year_move = _move(close, float(year_before.iloc[-1]))
        out.append((day, f"{name} is {'up' if year_move > 0 else 'down'} {abs(year_move):.1f}% so far this year."))
    return out


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(listing=st.sampled_from(LISTINGS), where=st.floats(0.05, 0.98), pick=st.integers(0, 1))
def test_sentences_true_of_the_closes_are_never_called_false(closes, prices, listing, where, pick):
    symbol, names, market = listing
    series = closes[symbol].dropna()
    at = int(where * (len(series) - 2)) + 1
    index = symbol.startswith("^")
    bars = prices[prices["symbol"] == symbol].set_index("date") if index else None
    bar = bars.loc[series.index[at]] if index else None
    for published, sentence in true_sentences(series, at, names[pick % len(names)], index, bar):
        claims = read_claims(read_article(sentence, published, place=market))
        for result in check_claims(claims, prices):
            assert result.verdict not in FALSE_ALARMS, (sentence, str(published), result.explanation)


def test_the_generator_writes_what_the_closes_say(closes, prices):
    """The sentences themselves are true: Friday 14 February 2025's Hang Seng (+3.69%, 22,620.33)."""
    series = closes["^HSI"].dropna()
    at = series.index.get_loc(pd.Timestamp("2025-02-14"))
    bar = prices[prices["symbol"] == "^HSI"].set_index("date").loc[pd.Timestamp("2025-02-14")]
    written = dict((s, d) for d, s in true_sentences(series, at, "The Hang Seng Index", True, bar))
    assert any(s.endswith(f"intraday high of {bar['high']:,.2f}.") for s in written)
    assert written["The Hang Seng Index rose 3.7% on Friday."] == dt.date(2025, 2, 14)
    assert "The Hang Seng Index closed at 22,620.33 on Friday, up 3.69%." in written
    assert any(s.startswith("The Hang Seng Index gained") and s.endswith("last week.") for s in written)


@pytest.mark.parametrize("sentence, published", [("Nvidia fell 7.4% in the previous session.", "2025-04-07"),
                                                 ("The S&P 500 locked in a 5.0% gain for June.", "2025-07-01"),
                                                 ("Alibaba's US-listed shares ended Tuesday at $153.11, after trading "
                                                  "as high as $153.73.", "2026-02-24"),
                                                 ("Over the full year, the S&P 500 added 16.4 per cent.", "2026-01-02"),
                                                 ("The S&P 500 ended at its lowest close since May 2 on Friday.",
                                                  "2025-04-04"),
                                                 ("The S&P 500 fell 0.7% on Wednesday. The benchmark index gave up "
                                                  "31.35 points.", "2023-09-06"),
                                                 ("The S&P 500 rose 0.1% on Monday, a day after falling 0.3%.",
                                                  "2025-07-14"),
                                                 ("Shares of Alibaba in Hong Kong ended Thursday down HK$1.40 at "
                                                  "HK$115.70.", "2025-07-31")])
def test_the_classes_it_found_stay_fixed(checked, sentence, published):
    found = checked(sentence, published)
    assert {r.verdict for _c, r in found.values()} == {"matches"}


def test_a_year_just_begun_names_the_year_before_as_a_reading(checked):
    """'this year' on 2 January is the new year's one session (+0.19%); a 16.4% 'this year' is then most likely 2025
    (+16.39%): 'not sure', naming it, never 'does not match'."""
    claim, result = checked("The S&P 500 added 16.4 per cent this year.", "2026-01-02")["16.4 per cent"]
    assert result.verdict == "not sure" and "just before it" in result.explanation


def test_a_hedged_figure_still_counts_as_a_second_figure_of_its_sentence(checked):
    """'S&P 500: +0.3% for the week / +24.2% YTD' on Tuesday 2 January 2024 (the week and the year have one session):
    the year's figure reads as 2023's (not sure), and the week's, which cannot also be that session's, is not sure."""
    found = checked("Index performance.\n\nS&P 500: +0.3% for the week / +24.2% YTD", "2024-01-02")
    assert {q: r.verdict for q, (_c, r) in found.items()} == {"+0.3%": "not sure", "+24.2%": "not sure"}

