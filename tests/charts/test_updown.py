"""The up/down colour convention: its colours per language, and every figure and table that colours direction."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.analysis.event_study import event_study
from components.charts import marks, palette
from components.charts.study import ar_figure
from components.data import store
from components.data.events import bundled_events, find_event
from components.report.story import Story, build_report, symbols_needed
from tests.accuracy import snapshot_prices

LIGHT_BACKGROUND, DARK_BACKGROUND = "#FFFFFF", "#0E1117"  # Streamlit's light and dark theme backgrounds


def _luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def snapshot() -> pd.DataFrame:
    return snapshot_prices()


def test_each_language_has_its_default_convention():
    assert palette.updown_for("en") == palette.updown_for("zh-HK") == "green"
    assert palette.updown_for("zh-CN") == "red"
    assert palette.updown_for("fr") == palette.DEFAULT_UPDOWN == "green"  # a language the app lacks: green-up
    green, red = palette.convention("green"), palette.convention("red")
    assert (green.up, green.down) == (red.down, red.up) and green.up != green.down
    assert palette.convention(None) is palette.convention("purple") is green


@pytest.mark.parametrize("name", sorted(palette.UPDOWNS))
def test_direction_colours_keep_3_to_1_contrast_on_both_themes(name):
    colors = palette.convention(name)
    for color in (colors.up, colors.down):
        assert contrast(color, LIGHT_BACKGROUND) >= 3.0
        assert contrast(color, DARK_BACKGROUND) >= 3.0


def test_a_signed_figure_is_read_from_numbers_and_from_text():
    rises, falls = ["+8.39%", "+4.83 pp", "▲ 0.5%", 0.02, 3], ["−1.20%", "-0.5", "▼ 2%", -0.01]
    flat = ["—", "+0.00%", "Thu 6 Mar 2025", "note -5 things", "", None, float("nan"), 0, True]
    assert [palette.sign_of(v) for v in rises] == [1] * len(rises)
    assert [palette.sign_of(v) for v in falls] == [-1] * len(falls)
    assert [palette.sign_of(v) for v in flat] == [0] * len(flat)
    red = palette.convention("red")
    assert palette.cell_css("+1.00%", red) == f"background-color: {palette.tint(red.up)}"
    assert palette.cell_css("−1.00%", red) == f"background-color: {palette.tint(red.down)}"
    assert palette.cell_css("—", red) == ""


def _candles(snapshot: pd.DataFrame, updown: str) -> go.Candlestick:
    frame = snapshot[snapshot["symbol"] == "9988.HK"]
    fig, _, _ = marks.market_chart(frame, start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 7), events=[],
                                   view="price", style="candles", updown=updown)
    return next(t for t in fig.data if t.type == "candlestick")


def test_a_rising_candle_takes_the_conventions_up_colour(snapshot):
    green, red = _candles(snapshot, "green"), _candles(snapshot, "red")
    assert green.increasing.line.color == palette.convention("green").up
    assert red.increasing.line.color == palette.convention("red").up
    assert green.increasing.line.color != red.increasing.line.color
    assert green.decreasing.line.color == red.increasing.line.color  # green-up's fall is red-up's rise
    assert marks.market_chart(snapshot[snapshot["symbol"] == "9988.HK"], start=dt.date(2025, 3, 3),
                              end=dt.date(2025, 3, 7), events=[], view="price", style="candles")[0].data[0] \
        .increasing.line.color == palette.convention("green").up  # green-up unless told


def _reaction_marks(snapshot: pd.DataFrame, updown: str) -> go.Scatter:
    qwq = find_event(bundled_events(), "qwq-32b-release")
    fig, _, _ = marks.market_chart(snapshot[snapshot["symbol"].isin(["9988.HK", "^HSI"])], start=dt.date(2025, 3, 3),
                                   end=dt.date(2025, 3, 7), events=[qwq], view="rebased", updown=updown)
    return [t for t in fig.data if t.name and t.name.endswith("reactions")]


def test_reaction_triangles_keep_their_shape_and_take_the_conventions_colour(snapshot):
    for updown in palette.UPDOWNS:
        colors = palette.convention(updown)
        traces = _reaction_marks(snapshot, updown)
        assert traces
        for trace in traces:
            for shape, color, label in zip(trace.marker.symbol, trace.marker.color, (c[3] for c in trace.customdata)):
                rise = label.startswith("+")
                assert shape == ("triangle-up" if rise else "triangle-down")  # the shape says it without colour
                assert color == (colors.up if rise else colors.down)


def test_abnormal_return_bars_take_the_conventions_colours(snapshot):
    closes = snapshot.pivot(index="date", columns="symbol", values="close")
    qwq = find_event(bundled_events(), "qwq-32b-release")
    result = event_study(closes["9988.HK"].dropna(), closes["^HSCE"].dropna(), qwq, "9988.HK", "^HSCE")
    ar = result.table["AR"].tolist()
    assert any(v > 0 for v in ar) and any(v < 0 for v in ar)
    for updown in palette.UPDOWNS:
        colors = palette.convention(updown)
        bars = ar_figure(result, updown=updown).data[0]
        assert list(bars.marker.color) == [colors.up if v >= 0 else colors.down for v in ar]
        assert all(f"{v * 100:+.2f}".startswith("+" if v >= 0 else "-") for v in ar)  # hover signs each bar
        assert "%{y:.2f}%" in bars.hovertemplate


def _report(updown: str) -> str:
    story = Story(events=tuple(bundled_events()), selected="qwq-32b-release", start=dt.date(2025, 3, 3),
                  end=dt.date(2025, 3, 7), generated=dt.datetime(2025, 3, 9, 12, 0), updown=updown)
    return build_report(story, store.get_prices(symbols_needed(story), dt.date(2022, 1, 1), dt.date(2026, 1, 1)))


def test_the_report_tints_signed_figures_and_draws_reactions_in_the_readers_convention():
    for updown in palette.UPDOWNS:
        colors, html = palette.convention(updown), _report(updown)
        rise = re.search(r'<td style="([^"]*)">\+8\.39%</td>', html)  # QwQ-32B's day 0 on 9988.HK
        assert rise and rise.group(1) == f"background-color: {palette.tint(colors.up)}"
        assert re.search(rf'<td style="background-color: {re.escape(palette.tint(colors.down))}">−', html) or \
            re.search(rf'<td style="background-color: {re.escape(palette.tint(colors.down))}">-', html)
        assert '"triangle-up"' in html and f'"{colors.up}"' in html  # the price chart's reaction marks
