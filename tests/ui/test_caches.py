"""Caches shared by every session: kept per language, built once, and never changed by a page."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components import locale
from components.data.events import bundled_events
from components.ui import caches, plots, updown
from components.ui.prices_events import full_history

WEEK = {"start": dt.date(2025, 3, 3), "end": dt.date(2025, 3, 7)}


def in_language(language: str, work):
    locale.use(language)
    try:
        return work()
    finally:
        locale.use(locale.DEFAULT)


def test_a_shared_value_is_built_once_per_language():
    built = []

    def words():
        built.append(locale.current())
        return f"words in {locale.current()}"

    for language in ("en", "zh-HK", "en", "zh-HK"):
        assert in_language(language, lambda: caches.shared("test words", words, 1)) == f"words in {language}"
    assert built == ["en", "zh-HK"]


def test_the_market_figure_is_kept_per_language():
    history, events = full_history(["9988.HK", "^HSI"]), list(bundled_events())
    english = caches.market_chart(history, events, **WEEK)[0]
    assert caches.market_chart(history, events, **WEEK)[0] is english
    assert in_language("zh-HK", lambda: caches.market_chart(history, events, **WEEK)[0]) is not english


def _styles(style) -> tuple:
    translated = style._translate(False, False)
    return ([(c["selectors"], c["props"]) for c in translated["cellstyle"]],
            [[c["display_value"] for c in row] for row in translated["body"]])


def test_a_shared_signed_table_is_kept_per_convention_with_the_styles_of_a_fresh_one(monkeypatch):
    frame, formats, tables = pd.DataFrame({"symbol": ["A", "B"], "change %": [1.5, -2.0]}), {"change %": "{:+.2f}%"}, {}
    for name in ("green", "red", "green"):
        monkeypatch.setattr(updown, "chosen", lambda name=name: name)
        tables.setdefault(name, []).append(updown.shared("test signed table", frame.copy, 1, numeric=formats))
        fresh = updown.styled(frame, formats)
        fresh._compute()
        assert _styles(tables[name][-1]) == _styles(fresh)
    assert tables["green"][0] is tables["green"][1]
    assert _styles(tables["red"][0])[0] != _styles(tables["green"][0])[0]
    assert _styles(tables["green"][0])[1] == [["0", "A", "+1.50%"], ["1", "B", "-2.00%"]]


def test_coverage_notes_are_kept_per_language(monkeypatch):
    history, calls = full_history(["9988.HK"]), []
    written = caches._coverage_notes
    monkeypatch.setattr(caches, "_coverage_notes", lambda *args: calls.append(locale.current()) or written(*args))
    before = {"start": dt.date(1990, 1, 1), "end": dt.date(1990, 12, 31)}  # no prices: a note
    for language in ("en", "zh-HK", "en", "zh-HK"):
        assert in_language(language, lambda: caches.coverage_notes(history, ["9988.HK"], **before))
    assert calls == ["en", "zh-HK"]


def test_a_page_changing_its_prices_changes_no_other_page():
    first = full_history(["9988.HK"])
    closes = caches.closes(first)  # computed from the prices as served, then shared
    first.frame.loc[0, "close"] = -1.0
    closes["9988.HK"].iloc[0] = -2.0
    again = full_history(["9988.HK"])
    assert again.frame.loc[0, "close"] > 0
    assert caches.closes(again)["9988.HK"].iloc[0] > 0


def test_a_figure_drawn_again_reuses_its_dict():
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3.0, 1.0, 2.0], name="a"))
    expected = go.Figure(fig).to_dict()
    drawn = plots.drawn_once(fig)
    assert drawn.to_dict() is drawn.to_dict()
    assert drawn.to_dict() == expected


def test_offline_prices_are_kept_per_language(monkeypatch):
    """The bundled prices are read once per language: their notes are sentences a reader sees."""
    from components.data import store
    from components.ui import prices_events

    monkeypatch.setenv(store.OFFLINE_ENV, "1")
    notes = {}
    for language in ("en", "zh-HK", "en"):
        locale.use(language)
        notes.setdefault(language, set()).add(prices_events.full_history(["9988.HK"]).provenance["9988.HK"].note)
    locale.use("en")
    assert len(notes["en"]) == 1 and notes["en"] != notes["zh-HK"]


def _tables_app():
    import pandas as pd
    import streamlit as st

    from components.ui import tables, updown

    frame = pd.DataFrame({"symbol": ["9988.HK", "BABA"], "change": ["+8.39%", "−1.20%"]})
    size = st.session_state.get("rows", 2)
    with st.expander("tables"):
        tables.show(updown.styled(frame.head(size)), hide_index=True, column_config={"change": "change (%)"})
    st.dataframe(updown.styled(frame.head(size)), hide_index=True, column_config={"change": "change (%)"})


def test_a_table_drawn_again_is_the_first_drawing_sent_again():
    """tables.show sends what st.dataframe sends, on its first run and on every later one, and a table with other
    content is drawn anew."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_tables_app).run()
    for rows in (2, 2, 1):
        at.session_state["rows"] = rows
        at.run()
        assert not at.exception
        kept, plain = (_without_uuid(d.proto) for d in at.dataframe)
        assert kept == plain
        assert len(at.dataframe[0].value) == rows


def _without_uuid(proto):
    """A table's proto with its Styler's id (random per Styler) taken out of its styles."""
    proto = type(proto).FromString(proto.SerializeToString())
    styler = proto.arrow_data.styler
    styler.styles, styler.uuid = styler.styles.replace(styler.uuid, ""), ""
    return proto


def _two_charts_app():
    import plotly.graph_objects as go
    import streamlit as st

    from components.ui import plots

    for _ in range(2):  # the same data twice: the second drawing is the first one replayed
        with st.container():
            plots.data_expander(go.Figure(go.Scatter(x=[1, 2, 3], y=[3.0, 1.0, 2.0], name="a")))


def test_a_replayed_chart_data_expander_keeps_its_table_inside():
    """Every drawing of a chart's data, first or replayed, has its table inside its expander, on every run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_two_charts_app).run()
    for _ in range(2):
        assert not at.exception
        assert len(at.expander) == 2
        assert all(len(expander.dataframe) == 1 for expander in at.expander)
        at.run()


def test_a_timeline_loads_its_story_s_symbols_once_and_never_every_user_symbol():
    from components.facts import DEFAULT_SYMBOLS, MAX_STORY_SYMBOLS
    from components.ui.event_panel import story_history

    story = list(bundled_events())
    shared = story_history(story, ["9988.HK"])
    assert set(DEFAULT_SYMBOLS) <= set(shared.provenance) and "NVDA" in shared.provenance  # every event's, at once
    assert story_history(story, ["BABA"]).provenance.keys() == shared.provenance.keys()
    many = story + [story[0].model_copy(update={"id": f"mine-{i}", "symbols": [f"{1000 + i}.HK"]})
                    for i in range(MAX_STORY_SYMBOLS)]
    own = story_history(many, ["1003.HK"])
    assert "1003.HK" in own.provenance and "1004.HK" not in own.provenance and len(own.provenance) <= MAX_STORY_SYMBOLS
