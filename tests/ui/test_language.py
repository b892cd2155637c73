"""The language selector (AppTest): the link's ``lang``, the sidebar's choice, the saved workspace and the browser."""

from __future__ import annotations

import pytest
import streamlit as st

from components import locale
from components.ui import links, state
from tests.apptest import assert_no_exception, qp

MARKETS = "pages/markets/markets.py"


@pytest.fixture
def seen(monkeypatch) -> list[str]:
    """The run's language as the page saw it, each time the page drew its link notices."""
    languages: list[str] = []
    shown = links.show_url_notices

    def spy() -> None:
        languages.append(locale.current())
        shown()
    monkeypatch.setattr(links, "show_url_notices", spy)
    yield languages
    locale.use(locale.DEFAULT)


def browser_says(monkeypatch, tag: str | None) -> None:
    """Fake the browser's preferred language, as ``st.context.locale`` reports it."""
    monkeypatch.setattr(type(st.context), "locale", property(lambda _self: tag))


def selector(at):
    return at.sidebar.selectbox(key=state.LANG.widget)


def test_the_links_language_is_the_runs(open_page, seen):
    at = open_page(MARKETS, params={"lang": "zh-CN"})
    assert_no_exception(at, "lang=zh-CN")
    assert seen[-1] == "zh-CN" and at.session_state[state.LANG.name] == "zh-CN"
    assert qp(at, "lang") == "zh-CN" and selector(at).value == "zh-CN"


def test_a_bad_language_is_ignored_with_a_notice(open_page, seen):
    at = open_page(MARKETS, params={"lang": "fr"})
    assert_no_exception(at, "lang=fr")
    assert any("lang" in w.value and "fr" in w.value for w in at.warning)
    assert seen[-1] == locale.DEFAULT and at.session_state[state.LANG.name] is None
    assert "lang" not in at.query_params


def test_the_selector_changes_the_language_and_the_link(open_page, seen):
    at = open_page(MARKETS)
    assert seen[-1] == "en" and "lang" not in at.query_params
    selector(at).set_value("zh-HK").run()
    assert_no_exception(at, "choose zh-HK")
    assert seen[-1] == "zh-HK" and qp(at, "lang") == "zh-HK"
    assert list(selector(at).options) == ["English", "繁體中文", "简体中文"]


def test_the_language_travels_to_every_page(open_page, seen):
    at = open_page(MARKETS, params={"lang": "zh-HK"})
    at.switch_page("pages/markets/listings.py").run()
    assert_no_exception(at, "switch page")
    assert seen[-1] == "zh-HK" and qp(at, "lang") == "zh-HK"


def test_a_saved_workspace_keeps_its_language(open_page, seen, monkeypatch):
    at = open_page(MARKETS, params={"lang": "zh-CN"})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    edit = qp(at, "ws")
    browser_says(monkeypatch, "en-GB")
    reopened = open_page(MARKETS, params={"ws": edit})
    assert_no_exception(reopened, "reopen")
    assert seen[-1] == "zh-CN" and reopened.session_state[state.LANG.name] == "zh-CN"
    assert qp(reopened, "lang") == "zh-CN"


def test_a_workspace_saved_without_a_language_opens_in_the_browsers(open_page, seen, monkeypatch):
    at = open_page(MARKETS)
    at.sidebar.button(key=state.WS_SAVE).click().run()
    edit = qp(at, "ws")
    browser_says(monkeypatch, "zh-Hans-CN")
    reopened = open_page(MARKETS, params={"ws": edit})
    assert_no_exception(reopened, "reopen")
    assert seen[-1] == "zh-CN" and reopened.session_state[state.LANG.name] is None


@pytest.mark.parametrize("tag, language", [("zh-TW", "zh-HK"), ("zh-CN", "zh-CN"), ("en-US", "en"), (None, "en")])
def test_without_a_choice_the_browsers_language_is_used(open_page, seen, monkeypatch, tag, language):
    browser_says(monkeypatch, tag)
    at = open_page(MARKETS)
    assert_no_exception(at, "browser language")
    assert seen[-1] == language and selector(at).value == language
    assert "lang" not in at.query_params  # the link leaves the language to whoever opens it


@pytest.mark.parametrize(("written", "code"), [("zh-Hant-HK", "zh-HK"), ("zh_TW", "zh-HK"), ("ZH-hk", "zh-HK"),
                                               ("zh-Hans", "zh-CN"), ("zh", "zh-CN"), ("en-GB", "en")])
def test_a_language_written_another_usual_way_is_understood_and_the_link_says_it_plainly(open_page, seen, written,
                                                                                        code):
    at = open_page(MARKETS, params={"lang": written})
    assert_no_exception(at, f"lang={written}")
    assert not at.warning and seen[-1] == code and qp(at, "lang") == code


def test_language_tags_map_to_the_languages_offered():
    assert [locale.from_tag(t) for t in ("zh-MO", "zh-Hant", "zh-SG", "zh-Hans-CN", "简体中文", "fr", "", None)] == [
        "zh-HK", "zh-HK", "zh-CN", "zh-CN", "zh-CN", None, None, None]
