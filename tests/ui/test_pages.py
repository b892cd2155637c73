"""Every page runs offline through AppTest with default widgets, and shows real figures."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from components.ui import state
from tests.apptest import (
    APP,
    PAGES,
    TIMEOUT,
    chart_specs,
    event_ids_in,
    frame_with,
    open_page,
    qp,
    shown_range,
    texts,
)


@pytest.mark.parametrize("path", ["app.py", *PAGES])
def test_page_runs_without_exception(path):
    at = open_page()
    if path != "app.py":
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{path} shows no title"


def test_overview_shows_computed_headline_reactions_and_events_on_the_chart():
    at = open_page()
    metrics = {m.label.split(" · ")[0]: m.value for m in at.metric}
    assert metrics == {"9988.HK": "+8.39%", "BABA": "+8.61%", "^HSI": "+3.29%", "^HSCE": "+3.57%"}
    spec = chart_specs(at)[0]
    ids = {cd[0] for trace in spec["data"] if isinstance(trace.get("customdata"), list)
           for cd in trace["customdata"]}
    assert {"qwq-32b-release", "manus-launch", "deepseek-r1-release"} <= ids
    assert "tongyi-qianwen-unveiled" not in ids  # 2023, outside the default range
    assert any("saved with the app" in i.value for i in at.info)


# --- helpers ----------------------------------------------------------------------------------------

def x_range(spec: dict) -> list[str]:
    return spec["layout"]["xaxis"]["range"]


# --- the shared range, on the markets page ----------------------------------------------------------

def test_markets_chart_holds_in_range_events_with_ids_and_basis():
    at = open_page("pages/markets/markets.py")
    spec = chart_specs(at)[0]
    assert {"qwq-32b-release", "manus-launch", "alibaba-ai-capex-380bn"} <= event_ids_in(spec)
    names = {t.get("name") for t in spec["data"]}
    assert {"9988.HK", "BABA", "^HSI", "^HSCE"} <= names
    footnote = " ".join(a["text"] for a in spec["layout"]["annotations"])
    assert "dividend-adjusted" in footnote and "index points" in footnote


def test_preset_changes_x_range_data_and_url():
    at = open_page("pages/markets/markets.py")
    before = chart_specs(at)[0]
    at.button_group(key=state.RANGE_PRESET.widget).set_value("1Y").run()
    after = chart_specs(at)[0]
    assert x_range(after) != x_range(before)
    assert x_range(after) == ["2024-03-14T12:00:00", "2025-03-14T12:00:00"]  # 1Y, half a day of padding
    first_x = min(t["x"][0] for t in after["data"] if t.get("name") == "9988.HK")
    assert first_x.startswith("2024-03-15")
    assert qp(at, "range") == "1Y"
    assert "tongyi-qianwen-unveiled" not in event_ids_in(after)
    at.button_group(key=state.RANGE_PRESET.widget).set_value("All").run()
    assert "tongyi-qianwen-unveiled" in event_ids_in(chart_specs(at)[0])


def test_custom_range_half_picked_or_empty_keeps_the_last_good_range():
    at = open_page("pages/markets/markets.py")
    good = shown_range(at)
    at.date_input(key=state.RANGE_PICK.widget).set_value((date(2025, 1, 2),)).run()
    assert shown_range(at) == good
    assert not at.warning  # half-picked: the second date is still to come, so nothing to warn about
    at.date_input(key=state.RANGE_PICK.widget).set_value((date(2015, 1, 1), date(2015, 6, 30))).run()
    assert shown_range(at) == good
    assert any("no prices between" in w.value for w in at.warning)
    at.date_input(key=state.RANGE_PICK.widget).set_value((date(2025, 2, 3), date(2025, 2, 28))).run()
    assert at.session_state[state.RANGE_PRESET.name] == "custom"
    assert x_range(chart_specs(at)[0])[0].startswith("2025-02-02")
    assert not at.exception


def test_range_is_shared_between_pages():
    at = open_page("pages/markets/markets.py")
    at.button_group(key=state.RANGE_PRESET.widget).set_value("6M").run()
    at.switch_page("pages/story/overview.py").run()
    assert at.session_state[state.RANGE_PRESET.name] == "6M"
    assert x_range(chart_specs(at)[0])[1].startswith("2025-03-14")
    assert qp(at, "range") == "6M"


def test_markets_views_and_log_scale():
    at = open_page("pages/markets/markets.py", {state.SYMBOLS: ["9988.HK", "BABA"], state.VIEW: "price",
                                            state.STYLE: "candles", state.LOG: True})
    spec = chart_specs(at)[0]
    assert [t["type"] for t in spec["data"] if t.get("type") == "candlestick"] == ["candlestick"] * 2
    assert [t["name"] for t in spec["data"] if t["type"] == "candlestick"] == ["9988.HK (HK$)", "BABA (US$)"]
    assert any(t["type"] == "bar" for t in spec["data"])  # volume panels
    assert spec["layout"]["yaxis2"]["type"] == "log"
    assert "HK$" in spec["layout"]["yaxis2"]["title"]["text"]
    at = open_page("pages/markets/markets.py", {state.VIEW: "percent"})
    assert chart_specs(at)[0]["layout"]["yaxis2"]["title"]["text"].startswith("%")


def test_category_toggle_removes_events_from_the_chart():
    at = open_page("pages/markets/markets.py", {state.CATEGORIES: ["model release"]})
    ids = event_ids_in(chart_specs(at)[0])
    assert "qwq-32b-release" in ids and "manus-launch" not in ids


# --- timeline ---------------------------------------------------------------------------------------

def test_selecting_an_event_shows_details_reactions_and_zoom():
    at = open_page("pages/story/timeline.py")
    assert not at.get("plotly_chart")  # nothing selected: no zoom chart yet
    at.selectbox(key=state.EVENT.widget).set_value("qwq-32b-release").run()
    assert not at.exception
    assert at.session_state[state.EVENT.name] == "qwq-32b-release"
    assert any("QwQ" in h.value for h in at.header)
    table = frame_with(at, "day 0 (%)").set_index("symbol")
    assert table.loc["9988.HK", "day 0 (%)"] == "+8.39%"
    assert table.loc["BABA", "reaction session (day 0)"] == "Wed 05 Mar 2025"
    assert table.loc["^HSI", "benchmark"] == "—" and table.loc["^HSI", "day 0 minus benchmark"] == "—"
    assert "None" not in table.to_string()
    zoom = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert x_range(zoom)[0].startswith("2025-02-") and x_range(zoom)[1].startswith("2025-03-")
    assert qp(at, "event") == "qwq-32b-release"


def test_prev_next_walk_events_in_date_order():
    at = open_page("pages/story/timeline.py", {state.EVENT: "manus-launch"})
    at.button(key=state.NEXT_EVENT).click().run()
    assert at.session_state[state.EVENT.name] == "qwq-32b-release"
    at.button(key=state.PREV_EVENT).click().run()
    at.button(key=state.PREV_EVENT).click().run()
    assert at.session_state[state.EVENT.name] == "china-gwr-future-industries"


def test_zoom_window_follows_the_sessions_slider():
    at = open_page("pages/story/timeline.py", {state.EVENT: "qwq-32b-release"})
    narrow = x_range(json.loads(at.get("plotly_chart")[0].proto.spec))
    at.slider(key=state.WINDOW_N.widget).set_value(2).run()
    wide_to_narrow = x_range(json.loads(at.get("plotly_chart")[0].proto.spec))
    # two sessions before day 0: BABA's day 0 is 5 March, so its window opens on Monday 3 March
    assert wide_to_narrow[0] > narrow[0] and wide_to_narrow[0] == "2025-03-02T12:00:00"


def test_event_without_price_data_says_so():
    from components.data.events import Event

    old = Event(id="user-old", title="An old story", date="2015-06-01", category="other", symbols=["9988.HK"],
                origin="user")
    at = open_page("pages/story/timeline.py", {state.USER_EVENTS: [old], state.EVENT: "user-old"})
    assert not at.exception
    assert any("No prices around" in i.value for i in at.info)


def test_claims_and_article_quotes_show_on_their_event():
    at = open_page("pages/story/timeline.py", {state.EVENT: "hscei-ytd-claim"})
    body = texts(at)
    assert "partly supported" in body and "since January" in body


# --- links ------------------------------------------------------------------------------------------

def test_deep_link_with_every_parameter_reproduces_the_screen():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in {"range": "custom", "start": "2025-02-03", "end": "2025-03-14", "event": "manus-launch",
                       "symbols": "9988.HK,^HSCE", "view": "price", "style": "candles", "log": "1",
                       "cats": "model release,agent launch"}.items():
        at.query_params[key] = value
    at.run().switch_page("pages/markets/markets.py").run()
    assert not at.exception and not at.warning
    ss = at.session_state
    assert (ss[state.RANGE_START.name], ss[state.RANGE_END.name]) == (date(2025, 2, 3), date(2025, 3, 14))
    assert ss[state.SYMBOLS.name] == ["9988.HK", "^HSCE"] and ss[state.VIEW.name] == "price"
    assert ss[state.LOG.name] is True
    spec = chart_specs(at)[0]
    assert event_ids_in(spec) == {"qwq-32b-release", "qwq-32b-open-weights-apache2", "manus-launch"}
    assert x_range(spec)[0].startswith("2025-02-02")


def test_garbage_parameters_are_ignored_with_a_notice():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in {"range": "forever", "start": "2025-99-01", "event": "nope", "symbols": "NOT A SYMBOL!",
                       "view": "3d", "log": "maybe", "n": "-4", "est": "x", "zzz": "1"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    for name in ("range", "start", "event", "symbols", "view", "log", "n", "est", "zzz"):
        assert name in notices
    assert at.session_state[state.RANGE_PRESET.name] == "3M" and at.session_state[state.VIEW.name] == "rebased"


def test_list_parameters_keep_their_good_items_and_name_the_rest():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["symbols"] = "NOPE!,9988.HK,BABA"
    at.query_params["cats"] = "model release,bogus"
    at.run()
    notices = [w.value.replace("\\", "") for w in at.warning]  # shown Markdown-escaped
    at.switch_page("pages/markets/markets.py").run()
    assert not at.exception
    assert at.session_state[state.SYMBOLS.name] == ["9988.HK", "BABA"]
    assert at.session_state[state.CATEGORIES.name] == ["model release"]
    assert any("used 9988.HK, BABA" in n and "NOPE!" in n for n in notices), notices
    assert any("used model release" in n and "bogus" in n for n in notices), notices
    assert not any(".." in n for n in notices), notices

    nine = "0700.HK,9988.HK,BABA,HKD=X,KWEB,NVDA,^GSPC,^HSCE,^HSI"
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["symbols"] = nine
    at.run()
    assert any("^HSI was left out" in w.value.replace("\\", "") for w in at.warning)
    at.switch_page("pages/markets/markets.py").run()
    assert at.session_state[state.SYMBOLS.name] == nine.split(",")[:8]


# --- event study ------------------------------------------------------------------------------------

def test_event_study_answers_the_headline_question():
    at = open_page("pages/markets/event_study.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Abnormal return, day 0"] == "+4.37%"
    summary = texts(at)
    assert "+8.39%" in summary and "significant at the 1% level" in summary
    assert len(at.get("plotly_chart")) == 2


def test_event_study_windows_and_benchmark_change_the_statistics():
    at = open_page("pages/markets/event_study.py")
    base = frame_with(at, "statistic").set_index("statistic")["value"]
    at.slider(key=state.ES_ESTIMATION.widget).set_value((-120, -11)).run()
    shorter = frame_with(at, "statistic").set_index("statistic")["value"]
    assert shorter["observations (L1)"] == "110" and shorter["beta"] != base["beta"]
    assert at.selectbox(key=state.ES_BENCHMARK.widget).value == "^HSCE"  # the default, as a symbol
    at.selectbox(key=state.ES_BENCHMARK.widget).set_value("^HSI").run()
    other = frame_with(at, "statistic").set_index("statistic")["value"]
    assert other["beta"] != shorter["beta"]
    ar_before = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["x"]
    at.slider(key=state.ES_WINDOW.widget).set_value((-2, 3)).run()
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["x"] != ar_before
    assert frame_with(at, "session")["session"].tolist() == ["-2", "-1", "0 (day 0)", "+1", "+2", "+3"]


def test_event_study_too_short_history_gives_a_clear_message():
    at = open_page("pages/markets/event_study.py", {state.EVENT: "tongyi-qianwen-unveiled", state.ES_SYMBOL: "NVDA"})
    assert not at.exception
    assert any("no history before the event" in e.value for e in at.error)
    assert not any("-1 sessions" in e.value for e in at.error)


# --- claims and article -----------------------------------------------------------------------------

def test_claims_page_shows_each_verdict_from_the_data():
    at = open_page("pages/story/claims.py")
    body = texts(at)
    assert body.count("partly supported") >= 2 and "not checkable with price data" in body
    since = [d.value for d in at.dataframe if "value %" in d.value.columns
             and d.value["figure"].str.contains("January 2025 low").any()][0]
    assert since["value %"].round(2).tolist()[:2] == [22.61, 30.60]


def test_article_page_shows_each_point_once_and_checks_dates():
    at = open_page("pages/story/article.py", {state.EVENT: "manus-launch"})
    assert not at.exception
    paragraphs = [m.value for m in at.markdown if len(m.value) > 200]
    assert len(paragraphs) == 9  # 14 paragraphs, 5 of them repeats
    assert any(":orange-background[" in p and "Manus" in p for p in paragraphs)
    dates = frame_with(at, "the article says")
    assert "≈ roughly" in dates.set_index("the article says").loc["just a day after the launch of Manus", "check"]


# --- your data --------------------------------------------------------------------------------------

def test_upload_flow_reports_bad_rows_and_adds_good_ones_everywhere():
    csv = ("title,date,category,symbols\n"
           "Good one,2025-02-20,corporate,9988.HK\n"
           "<b>bold</b>,2025-02-21,policy,\n"
           "Bad date,2025-02-31,policy,\n"
           "Second good,2025-03-04,other,BABA\n").encode()
    at = open_page("pages/your_data/your_data.py")
    at.file_uploader(key=state.UPLOAD).upload("mine.csv", csv, "text/csv").run()
    problems = frame_with(at, "reason")
    assert problems[["row", "field"]].values.tolist() == [[2, "title"], [3, "date"]]
    at.button(key=state.UPLOAD_ADD).click().run()
    assert [e.title for e in at.session_state[state.USER_EVENTS.name]] == ["Good one", "Second good"]
    at.switch_page("pages/story/overview.py").run()
    assert {"user-good-one-2025-02-20", "user-second-good-2025-03-04"} <= event_ids_in(chart_specs(at)[0])


def test_extraction_flow_proposes_reviews_and_adds_events():
    text = ("Acme Corp said on Monday it had launched its new chip. "
            "Shares rose 5% on March 3, 2025 after the announcement. "
            "Analysts expect more news soon.")
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input(text)
    at.date_input(key=state.EXTRACT_PUBLISHED).set_value(date(2025, 3, 5))
    at.button(key=state.EXTRACT_RUN).click().run()
    review = frame_with(at, "date expression")
    assert len(review) == 2 and set(review["date"].astype(str)) == {"2025-03-03"}
    at.button(key=state.EXTRACT_ADD).click().run()
    assert not at.exception
    titles = [e.title for e in at.session_state[state.USER_EVENTS.name]]
    assert len(titles) == 2 and all(e.origin == "user" for e in at.session_state[state.USER_EVENTS.name])
    assert "Shares rose 5% after the announcement" in titles
    at.switch_page("pages/story/timeline.py").run()
    options = " ".join(at.selectbox(key=state.EVENT.widget).options)
    assert all(title in options for title in titles)
