"""The up/down setting in the app: its link parameter, the sidebar control, and a saved workspace (AppTest)."""

from __future__ import annotations

import pytest

from components.charts import palette
from components.ui import links, params, state
from components.workspace import db
from tests.apptest import assert_no_exception, chart_specs, qp

MARKETS = "pages/markets/markets.py"
CANDLES = {state.VIEW: "price", state.STYLE: "candles", state.SYMBOLS: ["9988.HK"]}
CONTEXT = params.LinkContext(frozenset(), None)


def test_the_link_parameter_is_read_and_a_bad_value_is_ignored_with_a_notice():
    updates, notices = links.parse_params({"updown": "red"}, CONTEXT)
    assert updates == {state.UPDOWN.name: "red"} and not notices
    updates, notices = links.parse_params({"updown": "blue"}, CONTEXT)
    assert updates == {}
    assert notices == ["The link's updown='blue' was ignored: updown must be one of green, red."]


def test_a_chosen_convention_travels_on_every_page_and_in_the_saved_view():
    for page in ("overview", "timeline", "markets", "event_study", state.EVERY_PAGE):
        assert links.to_params({state.UPDOWN.name: "red"}, page)["updown"] == "red"
        assert "updown" not in links.to_params({state.UPDOWN.name: None}, page)  # not chosen: the language's


def candle_up_colour(at) -> str:
    candles = [t for spec in chart_specs(at) for t in spec["data"] if t.get("type") == "candlestick"]
    assert candles, "no candles drawn"
    return candles[0]["increasing"]["line"]["color"]


def test_switching_the_control_redraws_the_candles_in_the_other_convention(open_page):
    at = open_page(MARKETS, CANDLES)
    assert_no_exception(at, "markets")
    assert candle_up_colour(at) == palette.convention("green").up  # English: green up
    control = at.sidebar.radio(key=state.UPDOWN.widget)
    assert control.value == "green"
    control.set_value("red").run()
    assert_no_exception(at, "red up")
    assert candle_up_colour(at) == palette.convention("red").up
    assert qp(at, "updown") == "red"


def test_the_link_opens_the_page_in_its_convention(open_page):
    at = open_page(MARKETS, CANDLES, params={"updown": "red"})
    assert candle_up_colour(at) == palette.convention("red").up
    assert at.sidebar.radio(key=state.UPDOWN.widget).value == "red"
    bad = open_page(MARKETS, CANDLES, params={"updown": "purple"})
    assert candle_up_colour(bad) == palette.convention("green").up
    assert any("updown='purple'" in w.value for w in bad.warning)


@pytest.fixture
def sqlite_database(monkeypatch, tmp_path):
    monkeypatch.setenv(db.DATABASE_ENV, f"sqlite:///{tmp_path / 'ws.sqlite'}")


def test_a_saved_workspace_keeps_the_convention_and_an_old_one_opens_with_the_default(open_page, sqlite_database):
    at = open_page(MARKETS, CANDLES, params={"updown": "red"})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    assert_no_exception(at, "save")
    edit = qp(at, "ws")
    assert at.session_state[state.WORKSPACE.name] is not None
    reopened = open_page(MARKETS, CANDLES, params={"ws": edit})
    assert_no_exception(reopened, "reopen")
    assert reopened.session_state[state.UPDOWN.name] == "red"
    assert candle_up_colour(reopened) == palette.convention("red").up

    old = open_page(MARKETS, CANDLES)  # a workspace saved before the setting existed: its view has no updown
    old.sidebar.button(key=state.WS_SAVE).click().run()
    assert "updown" not in qp_all(old)
    again = open_page(MARKETS, CANDLES, params={"ws": qp(old, "ws")})
    assert_no_exception(again, "old workspace")
    assert again.session_state[state.UPDOWN.name] is None
    assert candle_up_colour(again) == palette.convention("green").up
    assert not again.warning


def qp_all(at) -> dict:
    return {k: at.query_params[k] for k in at.query_params}
