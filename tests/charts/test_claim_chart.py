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


def test_labels_lean_apart_and_below_points_in_the_upper_half():
    """The base's label leans left and the session's right, so they never cross; a mark in the upper half of the
    window is labelled below it (clear of the top edge and the toolbar), one in the lower half above it."""
    rising = claim_chart(_frame(), "^HSI", dt.date(2025, 3, 17), dt.date(2025, 3, 20))
    assert [t.textposition for t in rising.data[1:]] == ["top left", "bottom right"]


def test_a_label_at_the_edge_of_the_window_leans_inwards():
    wide = claim_chart(_frame(), "^HSI", dt.date(2025, 3, 10), dt.date(2025, 3, 28))
    assert [t.textposition.split()[1] for t in wide.data[1:]] == ["right", "left"]
