"""The downloadable report: what it holds, that user text stays text, and that it draws offline in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from plotly.offline import get_plotlyjs

from components.data import store
from components.data.events import Event, Source, bundled_events
from components.report.story import Story, build_report, symbols_needed
from components.workspace.records import StoredArticle
from tests.accuracy import CORPUS

HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def story(**changes) -> Story:
    # built past the event model's text rules (which refuse markup), as if a check had been missed: the
    # report must still escape it
    own = Event.model_construct(id="user-hostile", title=HOSTILE[:150], date=dt.date(2025, 3, 5), category="other",
                                origin="user", summary=HOSTILE, symbols=["9988.HK"],
                                sources=[Source.model_construct(url="https://example.com/?q=%3Cb%3E&x=1",
                                                                title=HOSTILE[:100])])
    article = StoredArticle(id="a-1", title=HOSTILE[:150], url="https://example.com/a", published=dt.date(2025, 3, 7),
                            text="Shares rose.", added_at=dt.datetime(2025, 3, 8))
    fields = dict(events=tuple(sorted([*bundled_events(), own], key=lambda e: e.sort_key)), selected=own.id,
                  start=dt.date(2025, 2, 24), end=dt.date(2025, 3, 14), share_url="https://dash.example/timeline?"
                  "share=abc&event=user-hostile", articles=(article,), generated=dt.datetime(2025, 3, 9, 12, 0))
    return Story(**{**fields, **changes})


def report_html(s: Story | None = None) -> str:
    s = s or story()
    return build_report(s, store.get_prices(symbols_needed(s), dt.date(2022, 1, 1), dt.date(2026, 1, 1)))


def test_the_report_holds_the_story_sections_and_plotly_once():
    text = report_html()
    for heading in ("The events", "Prices with the events", "How each market reacted", "claims, checked",
                    "The user's own events (1)", "Articles loaded (1)", "Price basis and data sources"):
        assert f"<h2>{heading}" in text or heading in text, heading
    assert text.count("Plotly.newPlot(") == 2
    assert text.count(get_plotlyjs()[:400]) == 1  # plotly.js inline, once
    assert 'href="https://dash.example/timeline?share=abc&amp;event=user-hostile"' in text
    assert "dividend-adjusted" in text and "Supported" in text
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)=["\']?https?:', text)  # nothing fetched


@pytest.mark.parametrize("language", ["zh-HK", "zh-CN"])
def test_a_chinese_reports_charts_name_plotlys_words_and_dates_in_chinese(language):
    from components import locale
    from components.charts.plotly_locale import plotly_config
    locale.use(language)
    try:
        text, expected = report_html(), plotly_config()
    finally:
        locale.use(locale.DEFAULT)
    configs = [json.loads(c) for c in re.findall(r"s\.data, s\.layout, (\{.*?\})\); \}\)\(\);", text)]
    assert len(configs) == 2
    for config in configs:  # plotly's locale; no button that sends a chart to a server from an offline file
        assert config["locale"] == language and config["locales"] == expected["locales"]
        assert config["showSendToCloud"] is False and config["displaylogo"] is False


def test_user_text_is_escaped_everywhere():
    text = report_html()
    assert "window.__pwned" in text  # present, as text
    assert "<script>window.__pwned" not in text and "<img src=x" not in text
    assert text.count("</script>") == text.count("<script>")


def test_without_a_selection_the_headline_event_leads_and_without_a_share_link_it_says_so():
    text = report_html(story(selected=None, share_url=None))
    assert "How each market reacted: Alibaba releases QwQ-32B" in text
    assert "this screen was not saved" in text


def test_a_range_without_events_or_prices_is_said_not_drawn():
    text = report_html(story(start=dt.date(2021, 1, 4), end=dt.date(2021, 1, 8), selected=None))
    assert "No event falls between" in text and "No prices between" in text


def test_a_loaded_articles_figures_are_checked_in_the_report():
    text = (CORPUS / "alibaba_2025-02-21.txt").read_text(encoding="utf-8")
    article = StoredArticle(id="results-day", title="Alibaba results day", published=dt.date(2025, 2, 21),
                            place="HK", text=text, added_at=dt.datetime(2025, 2, 22))
    s = story(articles=(article,))
    assert {"9988.HK", "BABA", "^HSI"} <= set(symbols_needed(s))
    html_text = report_html(s)
    section = html_text.split("Claims of “Alibaba results day”", 1)[1].split("<h2>", 1)[0]
    assert "matches" in section and "9988.HK" in section and "a day&#x27;s move" in section
    unreadable = StoredArticle(id="x", title="No figures", text="Nothing here moved.", added_at=dt.datetime(2025, 1, 1))
    assert "Claims of “No figures”" not in report_html(story(articles=(unreadable,)))


@pytest.mark.browser
def test_the_report_opens_offline_in_chromium_with_its_charts_drawn(chromium, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_html(), encoding="utf-8")
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    asked: list[str] = []

    def refuse(route) -> None:
        asked.append(route.request.url)
        route.abort() if not route.request.url.startswith("file:") else route.continue_()

    context.route("**/*", refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2", timeout=60_000)
    drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
        .map(gd => gd._fullData ? gd._fullData.length : 0)""")
    assert len(drawn) == 2 and all(n > 0 for n in drawn), drawn
    assert page.evaluate("window.__pwned") is None
    assert not errors, errors
    assert [u for u in asked if not u.startswith("file:")] == []
    from tests.browser_harness import ARTIFACTS
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-1280.png"), full_page=False)
    context.close()
