"""Every chart's text alternative (components/charts/describe.py): the one sentence a screen reader reads, and
the chart's data as tables, read from the figures the pages draw."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import pytest

from components.analysis.event_study import event_study
from components.charts import describe
from components.charts import marks as overlays
from components.charts.story import timeline_figure
from components.data.events import bundled_events
from tests.accuracy import snapshot_prices

EVENTS = list(bundled_events())
WEEK = (dt.date(2025, 2, 24), dt.date(2025, 3, 14))


@pytest.fixture(scope="module")
def prices():
    frame = snapshot_prices()
    return frame[frame["symbol"].isin(["9988.HK", "BABA", "^HSI"])].reset_index(drop=True)


def lines_and_events() -> go.Figure:
    return go.Figure([
        go.Scatter(x=["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"], y=[10, 8, 12, 11], name="AAA",
                   mode="lines"),
        go.Scatter(x=["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"], y=[1, None, 3, 2], name="BBB",
                   mode="lines"),
        go.Scatter(x=["2025-03-04", "2025-03-06"], y=[0, 0], mode="markers", name="launch",
                   customdata=[["e1", "First &amp; only", "Tue 4 Mar", "launch"], ["e2", "Second", "Thu 6 Mar",
                                                                                     "launch"]]),
        go.Scatter(x=["2025-03-06"], y=[11], mode="markers", name="AAA reactions",
                   customdata=[["e2", "Second", "Thu 6 Mar", "AAA"]]),
    ], layout=dict(title=dict(text="Two <b>lines</b>")))


def test_the_sentence_names_the_chart_its_range_each_series_and_its_events():
    assert describe.describe(lines_and_events()) == (
        "Two lines, Mon 3 Mar 2025 to Thu 6 Mar 2025: AAA from 10.00 to 11.00 (low 8.00 on Tue 4 Mar 2025, "
        "high 12.00 on Wed 5 Mar 2025); BBB from 1.00 to 2.00 (low 1.00 on Mon 3 Mar 2025, high 3.00 on "
        "Wed 5 Mar 2025); 2 events marked.")


def test_the_table_has_a_row_per_x_and_a_column_per_series_and_the_events_once_each():
    fig = lines_and_events()
    table = describe.data_table(fig)
    assert list(table.columns) == ["x", "AAA", "BBB"]
    assert table["x"].tolist() == ["Mon 3 Mar 2025", "Tue 4 Mar 2025", "Wed 5 Mar 2025", "Thu 6 Mar 2025"]
    assert table["AAA"].tolist() == [10, 8, 12, 11]
    assert table["BBB"].isna().tolist() == [False, True, False, False]
    assert describe.events(fig).values.tolist() == [["First & only", "Tue 4 Mar"], ["Second", "Thu 6 Mar"]]


def test_an_empty_chart_says_so_and_has_no_table():
    assert describe.describe(go.Figure(), "Prices") == "Prices: the chart is empty."
    assert describe.data_table(go.Figure()).empty and describe.events(go.Figure()).empty


@pytest.mark.parametrize("options", [dict(view="rebased"), dict(view="percent"),
                                     dict(view="price", style="candles")])
def test_the_price_chart_is_described_from_its_own_values(prices, options):
    fig, _, _ = overlays.market_chart(prices, start=WEEK[0], end=WEEK[1], events=EVENTS, **options)
    sentence = describe.describe(fig)
    table = describe.data_table(fig)
    assert sentence.startswith("Chart of 9988.HK") and "Mon 24 Feb 2025 to Fri 14 Mar 2025" in sentence
    assert "volume" not in sentence  # the volume panels are in the table, not the sentence
    first = table.columns[1]
    high = table[first].max()
    assert describe.value_text(high) in sentence
    marked = len({e.id for e in EVENTS if WEEK[0] <= e.date <= WEEK[1]})
    assert sentence.endswith(f"; {marked} events marked.") and len(describe.events(fig)) == marked
    assert len(table) == table["x"].nunique() > 10


def test_an_event_only_chart_counts_the_events_in_its_range():
    marks = overlays.event_marks(EVENTS, None, exact=True)
    fig = timeline_figure(marks, dt.date(2025, 3, 1), dt.date(2025, 3, 10))
    inside = sum(dt.date(2025, 3, 1) <= e.date <= dt.date(2025, 3, 10) for e in EVENTS)
    sentence = describe.describe(fig)
    assert sentence.startswith("Event chart, ") and sentence.endswith(f": {inside} events marked.")
    assert describe.data_table(fig).empty and len(describe.events(fig)) == len(EVENTS)


def test_the_event_study_charts_are_described_with_their_titles(prices):
    from components.charts.study import ar_figure, car_figure

    qwq = next(e for e in EVENTS if e.id == "qwq-32b-release")
    closes = {s: prices[prices["symbol"] == s].set_index("date")["close"] for s in ("9988.HK", "^HSI")}
    result = event_study(closes["9988.HK"], closes["^HSI"], qwq, "9988.HK", "^HSI")
    for fig in (ar_figure(result), car_figure(result)):
        sentence = describe.describe(fig)
        assert sentence.startswith(describe.title(fig) + ", ") and "from" in sentence
        assert not describe.data_table(fig).empty
