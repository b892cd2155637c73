"""Plotly's own words and dates per language: the config every chart is drawn with (pure)."""

from __future__ import annotations

import json
import re

import pytest

from components import locale as L
from components.charts import plotly_locale as P
from components.charts.plotly_locale import d3_pattern, date_format, plotly_config

CHINESE = [code for code in L.LANGUAGES if code.startswith("zh")]
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
D3_FIELD = re.compile(r"%[-_0]?([A-Za-z%])")
# plotly.js's own English (its locale-en.js): the app's English must read exactly as plotly writes it
PLOTLY_EN = {"shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
             "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], "periods": ["AM", "PM"],
             "year": "%Y", "month": "%b %Y", "dayMonth": "%b %-d", "dayMonthYear": "%b %-d, %Y"}


@pytest.fixture(autouse=True)
def english_after():
    yield
    L.use(L.DEFAULT)


def test_english_keeps_plotlys_own_words():
    L.use("en")
    assert plotly_config() == {}


def test_cldr_gives_plotlys_english_names_and_tick_patterns():
    english = date_format("en")
    assert {key: english[key] for key in PLOTLY_EN} == PLOTLY_EN
    assert english["days"][0] == "Sunday" and english["months"][2] == "March"


@pytest.mark.parametrize("language", CHINESE)
def test_chinese_charts_name_months_days_and_buttons_in_chinese(language):
    L.use(language)
    config = plotly_config()
    assert config["locale"] == language and set(config["locales"]) == {language}
    words, dates = config["locales"][language]["dictionary"], config["locales"][language]["format"]
    assert set(words) == {*P.MODE_BAR, *P.CANDLE}
    assert [w for w in words.values() if LATIN_WORD.search(w.replace("PNG", ""))] == []
    assert words["Zoom in"] == "放大" and words["Reset axes"] in ("重設座標軸", "重置坐标轴")
    week = "週" if language == "zh-HK" else "周"
    assert dates["shortDays"] == [week + d for d in "日一二三四五六"]
    assert dates["shortMonths"] == [f"{m}月" for m in range(1, 13)] and dates["periods"] == ["上午", "下午"]
    # plotly's automatic ticks: "2025年", "2025年3月", "3月3日", "2025年3月3日"
    assert (dates["year"], dates["month"], dates["dayMonth"], dates["dayMonthYear"]) == (
        "%Y年", "%Y年%-m月", "%-m月%-d日", "%Y年%-m月%-d日")
    for key in ("dateTime", "date", "time", "year", "month", "dayMonth", "dayMonthYear"):
        assert set(D3_FIELD.findall(dates[key])) <= set("YymbBdaApHIMS"), (key, dates[key])
        assert not LATIN_WORD.search(D3_FIELD.sub("", dates[key])), (key, dates[key])
    json.dumps(config)  # what st.plotly_chart sends


def test_the_config_is_made_once_per_language_and_catalog():
    L.use("zh-HK")
    assert plotly_config() is plotly_config()
    L.use("zh-CN")
    assert plotly_config()["locale"] == "zh-CN"


def test_the_charts_own_date_formats_read_in_chinese_order():
    from components.locale import formats as F
    L.use("zh-CN")
    assert (F.tick_date(), F.hover_day(), F.hover_day(year=False)) == ("%Y年%-m月%-d日", "%Y年%-m月%-d日 (%a)",
                                                                       "%-m月%-d日 (%a)")
    L.use("en")
    assert (F.tick_date(), F.hover_day()) == ("%d %b %y", "%a %d %b %Y")


@pytest.mark.parametrize("pattern, d3", [
    ("y年M月d日", "%Y年%-m月%-d日"), ("MMM d, y", "%b %-d, %Y"), ("EEE dd MMM y", "%a %d %b %Y"),
    ("ah:mm:ss", "%p%-I:%M:%S"), ("HH:mm", "%H:%M"), ("d 'de' MMMM", "%-d de %B"), ("h 'o''clock' a", "%-I o'clock %p"),
    ("y '100%'", "%Y 100%%"),
])
def test_cldr_patterns_become_d3_formats(pattern, d3):
    assert d3_pattern(pattern) == d3


def test_an_unknown_cldr_field_is_refused():
    with pytest.raises(ValueError, match="G"):
        d3_pattern("G y")


def test_every_chart_on_a_page_is_drawn_with_the_runs_language(monkeypatch):
    from components.ui import device, plots
    monkeypatch.setattr(device, "is_touch", lambda: False)
    L.use("zh-HK")
    assert plots.config() == {"displaylogo": False, **plotly_config()} and plots.config()["locale"] == "zh-HK"
    monkeypatch.setattr(device, "is_touch", lambda: True)
    L.use("en")
    assert plots.config() == {"displaylogo": False, "displayModeBar": False}
