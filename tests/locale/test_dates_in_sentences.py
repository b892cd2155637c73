"""A sentence writes its days as the reader's language does ("06 Mar 2025", "2025年3月6日"), never as ISO's
"2025-03-06", whichever layer writes it: a study that cannot run, a notice about events already added, a reaction
outside the data, a claim's figures, a fetch time. ISO stays where a date is data (a file, a link, a cell that is only
a date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from components import locale as L
from components.analysis.alignment import reaction
from components.analysis.event_study import EventStudyError, event_study
from components.data.events import Event
from components.locale import formats as F
from components.text.user_events import merge
from tests.analysis.test_event_study import BENCH, DATES, SYMBOL, make_event, synthetic
from tests.locale.conftest import HAN
from tests.ui.test_languages_pages import ISO_DATE


def _mine(title: str = "Results") -> Event:
    return Event.model_validate({"id": "user-mine", "date": "2025-03-06", "title": title, "category": "corporate",
                                 "origin": "user"})


def _short_history() -> str:
    stock, bench = synthetic()
    with pytest.raises(EventStudyError) as caught:
        event_study(stock, bench, make_event(DATES[100].date()), SYMBOL, BENCH)
    return str(caught.value)


def test_english_sentences_write_days_as_a_reader_does():
    L.use("en")
    day0 = DATES[100].date()
    assert f"before day 0 ({day0:%d %b %Y})" in _short_history()
    notice = merge([_mine()], [_mine()], set()).notices[0]
    assert notice == "1 event was already among yours and was not added again: “Results” (06 Mar 2025)."


@pytest.mark.parametrize("language", ["zh-HK", "zh-CN"])
def test_chinese_sentences_write_days_in_chinese(language):
    L.use(language)
    early = reaction(make_event(dt.date(2015, 6, 1)), synthetic()[0].rename(None), SYMBOL).note
    sentences = [_short_history(), merge([_mine()], [_mine()], set()).notices[0], early]
    for sentence in sentences:
        assert HAN.search(sentence) and not ISO_DATE.search(sentence), sentence
    assert "2025年3月6日" in sentences[1]


@pytest.mark.parametrize("language, written", [
    ("en", "Thu 6 Mar 2025 08:00 UTC"), ("zh-HK", "2025年3月6日 (週四) 08:00 UTC"),
    ("zh-CN", "2025年3月6日 (周四) 08:00 UTC"),
])
def test_a_fetch_time_is_written_as_the_language_does_on_utc_s_clock(language, written):
    L.use(language)
    hong_kong = dt.timezone(dt.timedelta(hours=8))
    assert F.utc_time(dt.datetime(2025, 3, 6, 16, 0, tzinfo=hong_kong)) == written
    assert F.utc_time(None) == F.MISSING
