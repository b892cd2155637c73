"""Figures: every kind validates in full, carries event ids, hides non-trading days, stays slim."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from components import locale as L
from components.analysis import metrics
from components.charts import marks as overlays
from components.charts import palette
from components.charts.timeline import timeline_data
from components.data.events import bundled_events
from components.data.symbols import symbol_info
from components.facts import ARTICLE_WEEK

SYMBOLS = ["9988.HK", "BABA", "^HSI", "^HSCE"]
ALL = (dt.date(2022, 1, 1), dt.date(2026, 7, 10))
ARTICLE_3M = (dt.date(2024, 12, 15), dt.date(2025, 3, 14))


@pytest.fixture(scope="module")
def history(prices) -> pd.DataFrame:
    return prices[prices["symbol"].isin(SYMBOLS)].reset_index(drop=True)


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


def _ms(text: str) -> int:
    return int(pd.Timestamp(text).value // 1_000_000)


def test_timeline_data_carries_every_event_at_its_hong_kong_moment():
    events = list(bundled_events())
    data = timeline_data(overlays.event_marks(events, None, exact=True), start=dt.date(2024, 12, 15),
                         end=dt.date(2025, 3, 14), selected="manus-launch")
    assert sorted(e["id"] for e in data["events"]) == sorted(e.id for e in events)
    assert [lane["name"] for lane in data["lanes"]] == [c for c in palette.CATEGORY_COLORS
                                                       if any(e.category == c for e in events)]
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["qwq-32b-release"]["t"] == _ms("2025-03-06 02:53")  # 02:53 Beijing is 02:53 in Hong Kong
    assert by_id["manus-launch"]["t"] == _ms("2025-03-05 12:00")  # no verified hour: drawn at noon of its date
    assert by_id["alibaba-q3-results"]["t"] == _ms("2025-02-20 12:00")  # date only: noon of its date
    assert by_id["qwq-32b-release"]["t"] == by_id["qwq-32b-open-weights-apache2"]["t"]  # stacked by the component
    assert by_id["manus-launch"]["shape"] == "diamond" and by_id["nvidia-deepseek-selloff"]["shape"] == "circle"
    assert data["selected"] == "manus-launch" and data["clock"] == "Hong Kong time"
    assert data["view"]["start"] == _ms("2024-12-15") and data["view"]["end"] == _ms("2025-03-15")
    assert data["view"]["reason"] == "range"
    assert data["domain"]["start"] < min(e["t"] for e in data["events"]) < data["domain"]["end"]


@pytest.mark.parametrize("start, end, span, reason, view", [
    (dt.date(2025, 3, 1), dt.date(2025, 3, 9), "range", "range", ("2025-03-01", "2025-03-10")),
    (dt.date(2022, 6, 1), dt.date(2022, 8, 1), "range", "article week", (ARTICLE_WEEK[0], ARTICLE_WEEK[1])),
    (dt.date(2025, 3, 1), dt.date(2025, 3, 9), "all", "all", ("2023-04-09 12:00", "2025-03-08 12:00")),
])
def test_timeline_opens_on_the_range_when_it_holds_events_else_the_article_week(start, end, span, reason, view):
    data = timeline_data(overlays.event_marks(list(bundled_events()), None, exact=True), start=start, end=end,
                         span=span)
    assert data["view"]["reason"] == reason
    low, high = (pd.Timestamp(v) for v in view)
    if reason == "article week":
        high += pd.Timedelta(days=1)
    assert (data["view"]["start"], data["view"]["end"]) == (_ms(low), _ms(high))
    assert reason in data["view"]["key"]  # a new range gives a new key, and the component opens it anew


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
    assert "dividend-adjusted by Yahoo" in fig.layout.annotations[0].text


def test_long_candle_ranges_are_drawn_weekly_with_correct_bars(history):
    fig = chart(history, ALL, view="price", style="candles")
    names = [t.name for t in fig.data if t.type == "candlestick"]
    assert sorted(names) == sorted(f"{s} ({symbol_info(s).unit}, weekly)" for s in SYMBOLS)  # unit in the hover
    week = history[(history["symbol"] == "9988.HK") & (history["date"].between("2025-03-03", "2025-03-07"))]
    bars = metrics.weekly_ohlc(week)
    assert len(bars) == 1
    bar = bars.iloc[0]
    assert (bar["open"], bar["close"]) == (week["open"].iloc[0], week["close"].iloc[-1])
    assert bar["high"] == week["high"].max() and bar["low"] == week["low"].min()
    assert bar["volume"] == week["volume"].sum() and bar["date"] == pd.Timestamp("2025-03-07")
    short = chart(history, ARTICLE_3M, view="price", style="candles")
    assert sorted(t.name for t in short.data if t.type == "candlestick") == sorted(
        f"{s} ({symbol_info(s).unit})" for s in SYMBOLS)
    assert {t.yhoverformat for t in short.data if t.type == "candlestick"} == {",.2f"}


def test_user_text_is_escaped_in_hover_labels(history):
    from components.data.events import Event

    # built past the event model's text rules (which refuse markup), as if a check had been missed
    evil = Event.model_construct(id="user-x", title="<img src=x onerror=alert(1)>", date=dt.date(2025, 3, 3),
                                 category="other", origin="user", symbols=["9988.HK"])
    fig, _, _ = overlays.market_chart(history, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 9), events=[evil])
    lane = next(t for t in fig.data if t.name == "other")
    assert lane.customdata[0][1] == "&lt;img src=x onerror=alert(1)&gt;"
    reaction = next(t for t in fig.data if t.name == "9988.HK reactions")
    assert reaction.customdata[0][1] == "&lt;img src=x onerror=alert(1)&gt;"


def test_timeline_script_never_writes_event_text_as_html():
    """Titles and times reach the page through textContent and attributes, never innerHTML."""
    from tests.paths import ROOT

    script = (ROOT / "components" / "ui" / "assets" / "timeline.js").read_text(encoding="utf-8")
    assert script.count("innerHTML") == 1
    template = script.split("root.innerHTML = `", 1)[1].split("`", 1)[0]
    assert "${" not in template  # the one HTML string is the toolbar, a constant


@pytest.mark.parametrize("language, units, foreign", [
    ("en", "KMB", "萬億万亿"), ("zh-HK", "萬億", "KMBk万亿"), ("zh-CN", "万亿", "KMBk萬億"),
])
def test_volumes_are_written_in_the_languages_own_units_on_the_axis_and_in_the_hover(history, language, units,
                                                                                       foreign):
    L.use(language)
    try:
        fig = chart(history, ARTICLE_3M, view="price", style="candles")
    finally:
        L.use(L.DEFAULT)
    bars = [t for t in fig.data if t.type == "bar"]
    axes = [fig.layout[f"yaxis{t.yaxis[1:]}"] for t in bars]
    assert bars and all(axis.tickmode == "array" and max(axis.tickvals) <= max(t.y) for axis, t in zip(axes, bars))
    shown = [text for axis in axes for text in axis.ticktext] + [text for t in bars for text in t.customdata]
    assert all(any(u in text for u in units) for text in shown if text != "0")
    assert not any(ch in text for text in shown for ch in foreign)
    assert "%{customdata}" in bars[0].hovertemplate and "%{y" not in bars[0].hovertemplate
