"""Figures: every kind validates in full, carries event ids, hides non-trading days, stays slim."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from components.analysis import metrics
from components.charts import marks as overlays
from components.charts import palette
from components.charts.timeline import timeline_figure
from components.data.events import bundled_events
from components.data.snapshot import load_snapshot
from components.data.symbols import symbol_info

SYMBOLS = ["9988.HK", "BABA", "^HSI", "^HSCE"]
ALL = (dt.date(2022, 1, 1), dt.date(2026, 7, 10))
ARTICLE_3M = (dt.date(2024, 12, 15), dt.date(2025, 3, 14))


@pytest.fixture(scope="module")
def history() -> pd.DataFrame:
    frame = load_snapshot()[0]
    frame = frame.assign(basis=frame["symbol"].map(lambda s: symbol_info(s).basis))
    return frame[frame["symbol"].isin(SYMBOLS)].reset_index(drop=True)


def chart(history, span, **options) -> go.Figure:
    fig, _, _ = overlays.market_chart(history, start=span[0], end=span[1], events=list(bundled_events()), **options)
    return fig


@pytest.mark.parametrize("options", [
    dict(view="rebased"), dict(view="percent"), dict(view="price"), dict(view="price", style="candles", log=True),
])
@pytest.mark.parametrize("span", [ARTICLE_3M, ALL])
def test_every_figure_kind_passes_full_plotly_validation_and_stays_under_300_kb(history, span, options):
    fig = chart(history, span, **options)
    go.Figure(fig.to_dict())  # raises on any invalid property (figures are built without validation)
    assert len(pio.to_json(fig, validate=False)) < 300_000


def test_timeline_figure_validates_and_carries_every_event_id():
    events = list(bundled_events())
    fig = timeline_figure(overlays.event_marks(events, None, "manus-launch", exact=True),
                                 start=dt.date(2023, 3, 1), end=dt.date(2025, 4, 1))
    go.Figure(fig.to_dict())
    ids = [cd[0] for trace in fig.data for cd in trace.customdata]
    assert sorted(ids) == sorted(e.id for e in events)
    assert len(fig.layout.shapes) == 1  # a line at the selected event only


def test_events_sit_on_trading_days_and_holidays_are_hidden(history):
    fig = chart(history, (dt.date(2025, 1, 20), dt.date(2025, 2, 7)), view="rebased")
    hidden = [v for b in fig.layout.xaxis.rangebreaks for v in (b.values or [])]
    assert "2025-01-29" not in hidden  # HK closed for Lunar New Year, but New York traded
    only_hk = chart(history[history["symbol"].str.endswith(".HK")], (dt.date(2025, 1, 20), dt.date(2025, 2, 7)),
                    view="rebased")
    assert {"2025-01-29", "2025-01-30", "2025-01-31"} <= set(only_hk.layout.xaxis.rangebreaks[1].values)
    lanes = {cd[0]: x for trace in fig.data if trace.name in palette.CATEGORY_COLORS
             for cd, x in zip(trace.customdata, trace.x)}
    assert str(lanes["qwen2.5-max-release"])[:10] == "2025-01-28"


def test_reaction_markers_sit_on_each_markets_own_day_zero(history):
    fig = chart(history, ARTICLE_3M, view="rebased")
    marks = {(t.name, cd[0]): x for t in fig.data if t.name.endswith("reactions") for cd, x in zip(t.customdata, t.x)}
    assert str(marks[("9988.HK reactions", "qwq-32b-release")])[:10] == "2025-03-06"
    assert str(marks[("BABA reactions", "qwq-32b-release")])[:10] == "2025-03-05"


def test_price_panels_name_unit_and_basis(history):
    fig = chart(history, ARTICLE_3M, view="price")
    titles = {fig.layout[f"yaxis{i}"].title.text.split("<br>")[0]: fig.layout[f"yaxis{i}"].title.text
              for i in range(2, 6)}
    assert titles["9988.HK"] == "9988.HK<br>HK$, dividend-adjusted"
    assert titles["^HSI"] == "^HSI<br>index points"
    assert "dividend-adjusted closes" in fig.layout.annotations[0].text


def test_long_candle_ranges_are_drawn_weekly_with_correct_bars(history):
    fig = chart(history, ALL, view="price", style="candles")
    names = [t.name for t in fig.data if t.type == "candlestick"]
    assert sorted(names) == sorted(f"{s} (weekly)" for s in SYMBOLS)
    week = history[(history["symbol"] == "9988.HK") & (history["date"].between("2025-03-03", "2025-03-07"))]
    bars = metrics.weekly_ohlc(week)
    assert len(bars) == 1
    bar = bars.iloc[0]
    assert (bar["open"], bar["close"]) == (week["open"].iloc[0], week["close"].iloc[-1])
    assert bar["high"] == week["high"].max() and bar["low"] == week["low"].min()
    assert bar["volume"] == week["volume"].sum() and bar["date"] == pd.Timestamp("2025-03-07")
    short = chart(history, ARTICLE_3M, view="price", style="candles")
    assert sorted(t.name for t in short.data if t.type == "candlestick") == sorted(SYMBOLS)


def test_user_text_is_escaped_in_hover_labels():
    from components.data.events import Event

    evil = Event(id="user-x", title="<img src=x onerror=alert(1)>", date="2025-03-03", category="other",
                 origin="user")
    fig = timeline_figure(overlays.event_marks([evil], None), start=dt.date(2025, 3, 1),
                                 end=dt.date(2025, 3, 9))
    assert fig.data[0].customdata[0][1] == "&lt;img src=x onerror=alert(1)&gt;"
