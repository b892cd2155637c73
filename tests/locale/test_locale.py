"""The app's languages: the run's language, the browser's preference, and dates and numbers per language."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from components import locale as L
from components.locale import formats as F


@pytest.fixture(autouse=True)
def english_after():
    yield
    L.use(L.DEFAULT)


@pytest.mark.parametrize("tag, language", [
    ("zh-TW", "zh-HK"), ("zh-HK", "zh-HK"), ("zh-Hant", "zh-HK"), ("zh-Hans-CN", "zh-CN"), ("zh-CN", "zh-CN"),
    ("zh", "zh-CN"), ("en-GB", "en"), ("fr", "en"), ("", "en"), (None, "en"),
])
def test_the_browsers_preference_picks_a_language(tag, language):
    assert L.from_browser(tag) == language


def test_an_unknown_language_is_the_default():
    assert L.use("xx") == L.DEFAULT and L.current() == L.DEFAULT


@pytest.mark.parametrize("language, expected", [
    ("en", ("Thu 6 Mar 2025", "24,369.71", "+8.39%", "−1.20%", "HK$140.80")),
    ("zh-HK", ("2025年3月6日 (週四)", "24,369.71", "+8.39%", "−1.20%", "HK$140.80")),
    ("zh-CN", ("2025年3月6日 (周四)", "24,369.71", "+8.39%", "−1.20%", "HK$140.80")),
])
def test_dates_numbers_and_prices_per_language(language, expected):
    L.use(language)
    assert (F.day(dt.date(2025, 3, 6)), F.number(24369.714), F.signed_percent(0.08391), F.signed_percent(-0.012),
            F.money(140.8, "HKD")) == expected
    assert F.number(None) == F.signed_percent(float("nan")) == F.day(None) == F.MISSING


def test_each_thread_has_its_own_language():
    """Streamlit runs each session's script in its own thread: one session's language never leaks to another."""
    seen = {}
    L.use("zh-HK")

    def other():
        seen["other"] = L.current()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen["other"] == L.DEFAULT and L.current() == "zh-HK"
