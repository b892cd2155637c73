"""The core interaction's state rules, through AppTest: event-study inputs that cannot disagree,
stepping through the timeline, the shared date range, and tables for people."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from components.analysis import ranges
from components.ui import state
from tests.apptest import chart_specs, qp, shown_range

# --- the event study's inputs -------------------------------------------------------------------------


def study_metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_changing_the_stock_moves_the_default_benchmark_with_it(open_page):
    at = open_page("pages/markets/event_study.py")
    assert at.selectbox(key=state.ES_BENCHMARK.widget).value == "^HSCE" and qp(at, "bench") == "^HSCE"
    at.selectbox(key=state.ES_SYMBOL.widget).set_value("BABA").run()
    assert not at.exception and not at.error
    assert at.selectbox(key=state.ES_BENCHMARK.widget).value == "^GSPC"
    assert qp(at, "sym") == "BABA" and qp(at, "bench") == "^GSPC"
    assert study_metrics(at)["Abnormal return, day 0"] == "+7.62%"  # BABA vs ^GSPC on QwQ-32B
    # picking another event keeps both inputs resolved (it used to ask for prices of "default: ^HSCE")
    at.selectbox(key=state.EVENT.widget).set_value("qwen2.5-max-release").run()
    assert not at.exception and not at.error
    assert at.selectbox(key=state.ES_BENCHMARK.widget).value == "^GSPC" and qp(at, "bench") == "^GSPC"
    assert "default" not in qp(at, "bench")


def test_a_benchmark_the_user_chose_stays_when_the_stock_changes(open_page):
    at = open_page("pages/markets/event_study.py")
    at.selectbox(key=state.ES_BENCHMARK.widget).set_value("^HSI").run()
    at.selectbox(key=state.ES_SYMBOL.widget).set_value("0700.HK").run()
    assert at.selectbox(key=state.ES_BENCHMARK.widget).value == "^HSI" and not at.error


@pytest.mark.parametrize("params", [{"sym": "9988.HK", "bench": "9988.HK"}, {"sym": "BABA", "bench": "BABA"}])
def test_a_stock_cannot_be_its_own_benchmark(open_page, params):
    at = open_page("pages/markets/event_study.py", params=params)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "cannot be its own benchmark" in warnings
    bench = at.selectbox(key=state.ES_BENCHMARK.widget).value
    assert bench != params["sym"] and qp(at, "bench") == bench
    assert study_metrics(at)["Beta to the benchmark"] != "1.00"


def test_the_event_study_reads_in_plain_words_first(open_page):
    at = open_page("pages/markets/event_study.py")
    first = at.markdown[0].value
    assert first.startswith("An abnormal return is the part of a stock's move")
    assert "MacKinlay" not in first
    assert any("does not apply here" in c.value for c in at.caption)
    table = next(d.value for d in at.dataframe if "abnormal (%)" in d.value.columns)
    assert not {"tau", "stock_return", "bench_stale", "t_AR", "p_AR"} & set(table.columns)
    assert table.loc[table["session"] == "0 (day 0)", "abnormal (%)"].item() == "+4.37%"
    compare = next(d.value for d in at.dataframe if "abnormal day 0 (%)" in d.value.columns)
    assert any("Alibaba releases QwQ-32B" in cell for cell in compare["event"])  # titles, not ids
    assert "qwq-32b-release" not in compare.to_string()


# --- stepping through the timeline --------------------------------------------------------------------

def test_next_at_the_last_event_says_so_and_stays(open_page):
    at = open_page("pages/story/timeline.py", {state.EVENT: "hscei-ytd-claim"})
    assert at.button(key=state.NEXT_EVENT).disabled
    assert any(", the last" in c.value for c in at.caption)
    at.button(key=state.PREV_EVENT).click().run()
    assert at.session_state[state.EVENT.name] == "alibaba-hk-jump-hscei-2025-03-06"
    assert not at.button(key=state.NEXT_EVENT).disabled


def test_the_selected_event_survives_switching_its_category_off(open_page):
    at = open_page("pages/story/timeline.py", {state.EVENT: "manus-launch"})
    cats = [c for c in at.session_state[state.CATEGORIES.name] if c != "agent launch"]
    at.button_group(key=state.CATEGORIES.widget).set_value(cats).run()
    assert at.session_state[state.EVENT.name] == "manus-launch"
    assert any("stays open" in i.value and "agent launch" in i.value for i in at.info)
    assert any("Manus" in h.value for h in at.header)  # its details are still shown


def test_timeline_detail_leads_with_what_happened_and_the_reactions(open_page):
    at = open_page("pages/story/timeline.py", {state.EVENT: "qwq-32b-release"})
    order = [s.value for s in at.subheader]
    assert order[:2] == ["How each market reacted", "Sources"]
    when = next(m.value for m in at.markdown if m.value.startswith("**When:**")).replace("\\", "")
    assert "Beijing and Hong Kong time" in when and "13:53 in New York" in when and "Asia/" not in when


# --- the shared date range ----------------------------------------------------------------------------

def test_custom_is_selectable_and_keeps_the_dates_on_screen(open_page):
    at = open_page("pages/markets/markets.py")
    before = shown_range(at)
    at.button_group(key=state.RANGE_PRESET.widget).set_value("custom").run()
    assert at.session_state[state.RANGE_PRESET.name] == "custom" and shown_range(at) == before
    assert qp(at, "start") == before[0].isoformat() and qp(at, "end") == before[1].isoformat()


def test_a_range_past_the_data_is_cut_to_the_data(open_page):
    long = open_page("pages/markets/markets.py", params={"start": "2024-01-02", "end": "2100-12-31"})
    spec = chart_specs(long)[0]
    breaks = [v for b in spec["layout"]["xaxis"]["rangebreaks"] for v in b.get("values", [])]
    assert max(breaks) < "2026-07-11", "hidden days past the last session"
    assert spec["layout"]["xaxis"]["range"][1].startswith("2026-07-10")
    assert "cut to the prices that exist" in long.get("popover")[0].proto.popover.label
    everything = open_page("pages/markets/markets.py", {state.RANGE_PRESET: "All"})
    assert len(long.get("plotly_chart")[0].proto.spec) <= len(everything.get("plotly_chart")[0].proto.spec)


def test_each_page_says_which_range_it_shows_or_that_none_applies(open_page):
    for path in ("pages/story/overview.py", "pages/story/timeline.py", "pages/markets/markets.py"):
        at = open_page(path)
        label = at.get("popover")[0].proto.popover.label if at.get("popover") else ""
        assert "Sun 15 Dec 2024 – Fri 14 Mar 2025" in label, (path, label)
    for path in ("pages/story/article.py", "pages/story/claims.py", "pages/markets/event_study.py",
                 "pages/your_data/your_data.py"):
        at = open_page(path)
        assert any("does not apply here" in c.value for c in at.caption), path


def test_presets_are_anchored_on_what_they_say():
    assert ranges.anchor_label("article") == "a week after the article (6 Mar 2025)"
    assert ranges.preset_range("3M", "article", date(2022, 1, 3), date(2026, 7, 10))[1] == date(2025, 3, 14)


# --- tables for people --------------------------------------------------------------------------------

@pytest.mark.parametrize("path, session", [
    ("pages/story/timeline.py", {state.EVENT: "qwq-32b-release"}),
    ("pages/story/timeline.py", {state.EVENT: "nvidia-deepseek-selloff"}),
    ("pages/markets/event_study.py", {}),
    ("pages/markets/markets.py", {}),
])
def test_no_table_shows_none(open_page, path, session):
    at = open_page(path, session)
    for frame in (d.value for d in at.dataframe):
        shown = frame.astype(str)
        assert not shown.isin(["None", "nan", "NaN"]).any().any(), (path, frame.columns.tolist())


def test_price_charts_hover_with_date_value_and_change(open_page):
    at = open_page("pages/story/overview.py")
    spec = chart_specs(at)[0]
    assert spec["layout"]["hovermode"] == "x unified"
    line = next(t for t in spec["data"] if t.get("name") == "^HSCE")
    assert "%{customdata[0]:+.1f}%" in line["hovertemplate"] and "index points" in line["hovertemplate"]
    hk = next(t for t in spec["data"] if t.get("name") == "9988.HK")
    # a level: the exchange's print first (customdata 2), the dividend-adjusted close beside it (1)
    assert "HK$%{customdata[2]:,.2f} (adjusted %{customdata[1]:,.2f})" in hk["hovertemplate"]
    marks = [t for t in spec["data"] if t.get("name", "").endswith("reactions")]
    assert marks and all(t["legendgroup"] == t["name"].removesuffix(" reactions") for t in marks)
    assert spec["layout"]["legend"]["groupclick"] == "togglegroup"
    assert json.dumps(spec).count("Asia/Hong_Kong") == 0


def _set_and_change_in_one_round():
    import streamlit as st

    from components.ui.state import Key

    choice = Key("probe_choice", "a")
    st.button("reset", key="probe_reset", on_click=lambda: choice.set("c"))  # drops the radio's key, then sets
    st.radio("choice", ["a", "b", "c"], **choice.bind())
    st.write(f"value={choice.get()}")


def test_a_value_set_by_another_callback_in_the_same_round_wins_over_its_widget():
    """A button's callback sets a value (dropping its widget's key) in the round its widget also changed: the
    widget's own copy-back finds no key, and the value set stays (the browser can send both in one round)."""
    at = AppTest.from_function(_set_and_change_in_one_round).run()
    at.radio[0].set_value("b")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.markdown[-1].value == "value=c" and at.radio[0].value == "c"
