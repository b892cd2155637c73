"""The layers below the UI in another language: charts, analysis, data, workspace and report text is looked up per
call in the run's language, never built once at import, and the bundled events carry reviewed Chinese texts.

A fake catalog wraps every sentence it is asked for in ⟦ ⟧: a sentence that comes back unwrapped in Hong Kong
Chinese was written without ``_()`` (or fixed when its module was imported).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.io as pio
import pytest

from components import locale as L
from components.analysis import formats
from components.analysis.metrics import closes_by_symbol
from components.charts import marks
from components.charts.listings import clock_figure, premium_figure
from components.charts.study import ar_figure, car_figure
from components.data.events import Event, bundled_events, category_name, shown_summary, shown_title
from components.locale import formats as F
from tests.accuracy import snapshot_prices
from tests.locale.conftest import HAN

ARTICLE_3M = (dt.date(2024, 12, 15), dt.date(2025, 3, 14))


@pytest.fixture(scope="module")
def history() -> pd.DataFrame:
    frame = snapshot_prices()
    return frame[frame["symbol"].isin(["9988.HK", "BABA", "^HSI", "^HSCE"])].reset_index(drop=True)


def _chart(history, **options):
    fig, _, _ = marks.market_chart(history, start=ARTICLE_3M[0], end=ARTICLE_3M[1], events=list(bundled_events()),
                                   **options)
    return fig


def test_every_bundled_event_has_reviewed_titles_and_summaries_in_both_chinese_scripts():
    for event in bundled_events():
        texts = event.translations or {}
        assert set(texts) == {"zh-HK", "zh-CN"}, event.id
        for language, text in texts.items():
            assert HAN.search(text.title) and HAN.search(text.summary), (event.id, language)
        assert texts["zh-HK"].summary != texts["zh-CN"].summary, event.id  # two scripts, not one text twice


def test_an_events_title_and_summary_follow_the_language_and_fall_back_to_english():
    qwq = next(e for e in bundled_events() if e.id == "qwq-32b-release")
    assert (shown_title(qwq), shown_summary(qwq)) == (qwq.title, qwq.summary)
    L.use("zh-HK")
    assert shown_title(qwq) == "阿里巴巴發布QwQ-32B" and "通義千問" in shown_summary(qwq)
    L.use("zh-CN")
    assert shown_title(qwq) == "阿里巴巴发布QwQ-32B" and "通义千问" in shown_summary(qwq)
    own = Event(id="mine", title="My own event", summary="As I wrote it", date=dt.date(2025, 3, 5),
                category="other", origin="user")
    assert (shown_title(own), shown_summary(own)) == ("My own event", "As I wrote it")


def test_a_translation_must_obey_the_text_rules_of_every_event_text():
    with pytest.raises(ValueError, match="markup"):
        Event(id="x", title="x", date=dt.date(2025, 3, 5), category="other",
              translations={"zh-HK": {"title": "<script>alert(1)</script>"}})


def test_the_price_chart_is_written_in_the_runs_language(history, marked):
    fig = _chart(history, view="price", style="candles")
    layout = fig.layout
    assert layout.yaxis2.title.text.startswith("⟦") and "⟦volume⟧" == layout.yaxis3.title.text
    assert layout.annotations[0].text.startswith("⟦Price basis:⟧")
    assert "⟦dividend-adjusted by Yahoo⟧" in layout.annotations[0].text
    assert layout.yaxis.ticktext[0] == "⟦model release⟧" and layout.xaxis.hoverformat == "⟦%a %d %b %Y⟧"
    lanes = [t for t in fig.data if t.customdata is not None and t.type == "scatter" and t.yaxis == "y"]
    titles = {row[1] for t in lanes for row in t.customdata}
    assert "阿里巴巴發布QwQ-32B" in titles  # the event's reviewed title, not the English
    candles = next(t for t in fig.data if t.type == "candlestick")
    assert candles.name.startswith("⟦")
    rebased = _chart(history, view="rebased")
    lines = [t for t in rebased.data if t.type == "scatter" and t.hovertemplate and "customdata[0]" in t.hovertemplate
             and "day 0" not in t.hovertemplate]
    assert lines and all(t.hovertemplate.startswith("⟦") for t in lines)
    assert rebased.layout.yaxis2.title.text == "⟦Close rebased (100 = first session)⟧"
    reactions = [t for t in rebased.data if t.hovertemplate and "day 0" in t.hovertemplate]
    assert reactions and all("⟦{event}: {symbol} day 0 {change}⟧" not in t.hovertemplate for t in reactions)
    assert all(t.hovertemplate.startswith("⟦<b>") for t in reactions)


def test_the_same_chart_in_english_has_no_translated_text(history, marked):
    L.use("en")
    assert "⟦" not in pio.to_json(_chart(history, view="price", style="candles"), validate=False)


def test_the_event_study_and_listing_figures_are_written_in_the_runs_language(history, marked):
    from components.analysis.event_study import event_study

    closes = closes_by_symbol(history)
    qwq = next(e for e in bundled_events() if e.id == "qwq-32b-release")
    result = event_study(closes["9988.HK"], closes["^HSCE"], qwq, "9988.HK", "^HSCE")
    ar, car = ar_figure(result), car_figure(result)
    assert ar.layout.title.text == "⟦{symbol}: abnormal return by session⟧".format(symbol="9988.HK")
    assert ar.layout.xaxis.title.text == "⟦session relative to day 0⟧" and ar.data[0].hovertemplate.startswith("⟦")
    assert "年" in ar.data[0].customdata[0][4]  # the session's date written the Chinese way
    assert car.layout.title.text == "⟦Cumulative abnormal return⟧" and {t.name for t in car.data} >= {"⟦CAR⟧"}
    empty = pd.DataFrame({"date": pd.to_datetime([]), "premium": [], "ads_close": [], "shares_usd": []})
    premium = premium_figure(empty, empty, [])
    assert premium.layout.title.text.startswith("⟦ADS premium") and premium.data[0].name.startswith("⟦closes")
    clock = pd.DataFrame({"listing": [], "at": pd.to_datetime([], utc=True), "usd_per_ads": []})
    moment = pd.Timestamp("2025-03-06 02:53", tz="Asia/Shanghai")
    figure = clock_figure(clock, moment)
    assert figure.layout.xaxis.title.text == "⟦close time, Hong Kong time⟧"
    assert figure.layout.annotations[0].text == "⟦the news⟧"
    assert figure.data[0].name.startswith("⟦8 × 9988.HK")


def test_category_names_are_translated_but_codes_are_kept(marked):
    assert category_name("model release") == "⟦model release⟧" and category_name("unknown") == "unknown"


@pytest.mark.parametrize("value", [0.0839, -0.012, 0.0, -0.0, 2.675, 0.125, -12345.678, 1e-9])
def test_table_numbers_read_in_english_exactly_as_pythons_formatting(value):
    assert formats.pct(value) == f"{value:+.2%}" and formats.pct(value, 1) == f"{value:+.1%}"
    assert formats.points(value) == f"{value * 100:+.2f} pp"
    assert formats.number(value * 1000) == f"{value * 1000:,.2f}" and formats.number(value, 0) == f"{value:,.0f}"


def test_table_numbers_go_through_the_catalog(marked):
    assert formats.points(0.0483) == "⟦+4.83 pp⟧" and formats.pct(0.0839) == "+8.39%"
    assert F.day_month(dt.date(2025, 3, 6)) == "3月6日" and F.day_time(pd.Timestamp("2025-03-05 13:53")) == \
        "3月5日 (週三) 13:53"


def test_the_report_follows_the_language_down_to_its_html_lang(marked):
    from tests.report.test_report import report_html, story

    text = report_html(story(share_url=None))
    assert '<html lang="zh-HK">' in text and "<title>⟦QwQ-32B week: report⟧</title>" in text
    for heading in ("⟦The events⟧", "⟦Prices with the events⟧", "⟦The article's claims, checked against the prices⟧",
                    "⟦Price basis and data sources⟧"):
        assert f"<h2>{heading}</h2>" in text, heading
    assert "⟦How each market reacted: " in text and "<th>⟦when⟧</th>" in text and "⟦Supported⟧" in text
    assert "阿里巴巴發布QwQ-32B" in text and "2025年3月9日" in text  # the event's own title, the date the Chinese way
    L.use("en")
    english = report_html(story(share_url=None))
    assert '<html lang="en">' in english and "⟦" not in english


def test_claim_verdicts_are_explained_in_the_runs_language(history, marked):
    from components.analysis.claims import SUPPORTED, load_claims, result_notes, verdict_word
    from components.analysis.verdicts import evaluate_all

    results = evaluate_all(load_claims(), closes_by_symbol(history), bundled_events())
    computed = [r for r in results if r.figures]
    assert computed and all(r.explanation.startswith("⟦") for r in computed)
    assert all(f.label.startswith("⟦") for r in computed for f in r.figures)
    assert any("阿里巴巴發布QwQ-32B" in r.explanation for r in computed)  # an event named by its translated title
    assert verdict_word(SUPPORTED) == "⟦supported⟧" and SUPPORTED == "supported"  # the code itself is kept
    partly = [r for r in results if r.condition]
    assert partly and all(r.condition.startswith("⟦") for r in partly)
    assert all(label.startswith("⟦") for r in partly for label, _text in result_notes(r))
    missing = evaluate_all(load_claims(), {}, bundled_events())
    assert all(r.explanation.startswith("⟦") or not r.figures for r in missing)
    assert any(r.explanation.startswith("⟦Not checkable with the price data supplied") for r in missing)


def test_the_reaction_table_and_its_notes_are_written_in_the_runs_language(history, marked):
    from components.analysis.alignment import reaction_display, reaction_table, timing_sentence

    closes = closes_by_symbol(history)
    manus = next(e for e in bundled_events() if e.id == "manus-launch")
    table = reaction_display(reaction_table(manus, closes, ["9988.HK", "BABA"]))
    assert all(column.startswith("⟦") for column in table.columns)
    assert timing_sentence(manus).startswith("⟦No hour is recorded")
    early = Event(id="early", title="early", date=dt.date(1990, 1, 2), category="other")
    notes = reaction_display(reaction_table(early, closes, ["9988.HK"]))["⟦note⟧"].tolist()
    assert notes and all(note.startswith("⟦{status}: {note}⟧".split("{")[0]) for note in notes)
    assert "⟦no price data⟧" in notes[0]


def test_an_events_time_is_written_in_the_runs_language_and_kept_per_language(marked):
    qwq = next(e for e in bundled_events() if e.id == "qwq-32b-release")
    chinese = qwq.when()
    assert chinese.startswith("⟦") and "2025年3月6日" in chinese and "⟦Beijing⟧" in chinese
    L.use("en")
    assert qwq.when() == "Thu 6 Mar 2025, 02:53 Beijing and Hong Kong time (Wed 5 Mar 13:53 in New York)"
    L.use("zh-HK")
    assert qwq.when() == chinese


@pytest.mark.parametrize("language, written", [
    ("en", ["950", "12K", "2.5M", "12.35M", "1.5B"]),
    ("zh-HK", ["950", "1.2萬", "250萬", "1234.57萬", "15億"]),
    ("zh-CN", ["950", "1.2万", "250万", "1234.57万", "15亿"]),
])
def test_a_large_count_is_written_in_the_languages_own_units(language, written):
    L.use(language)
    assert [F.compact_number(v, 2) for v in (950, 12_000, 2_500_000, 12_345_678, 1.5e9)] == written
    assert F.compact_number(None) == F.MISSING
