"""A claim's chart marks the base and the claimed session; a level's base is its session, so it has one mark."""

import datetime as dt

import pandas as pd

from components.charts.claim_chart import claim_chart


def _frame() -> pd.DataFrame:
    days = pd.bdate_range("2025-03-10", "2025-03-28")
    return pd.DataFrame({"date": days, "symbol": "^HSI", "close": [24000.0 + 10 * i for i in range(len(days))]})


def test_a_move_marks_its_base_and_its_session():
    fig = claim_chart(_frame(), "^HSI", dt.date(2025, 3, 19), dt.date(2025, 3, 20))
    assert [t.marker.symbol for t in fig.data[1:]] == ["circle", "diamond"]


def test_a_level_marks_its_session_once():
    fig = claim_chart(_frame(), "^HSI", dt.date(2025, 3, 20), dt.date(2025, 3, 20))
    assert [t.marker.symbol for t in fig.data[1:]] == ["diamond"]


def test_a_label_in_the_upper_half_sits_below_its_point():
    """The toolbar and the chart's top edge are above the highest closes: a mark there is labelled below it, one in
    the lower half above it."""
    rising = claim_chart(_frame(), "^HSI", dt.date(2025, 3, 11), dt.date(2025, 3, 27))
    assert [t.textposition for t in rising.data[1:]] == ["top right", "bottom left"]
