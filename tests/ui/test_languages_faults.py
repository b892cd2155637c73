"""Something broken, read in each Chinese language: a damaged saved copy of a live fetch, a damaged events file and a
bad saved row of a workspace are reported on the page in the reader's language, with no traceback; so is the note on
an hour the clocks skip (kept in English in the event's record)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from components.data import disk_cache
from components.data import events as bundled
from components.ui import state
from components.workspace import db, store
from components.workspace.records import Content
from components.workspace.schema import workspace_events
from tests.apptest import assert_no_exception, open_page
from tests.locale.conftest import HAN
from tests.ui.test_languages_pages import CHINESE, english_left, shown_cells, shown_texts
from tests.ui.test_workspace_pages import mine
from tests.yf_fakes import random_walk_bars

PAGE = "pages/markets/markets.py"


def _alerts(at) -> list[str]:
    return [el.value for kind in ("error", "warning", "info", "caption") for el in at.get(kind)]


@pytest.mark.parametrize("language", CHINESE)
def test_a_damaged_saved_copy_of_a_live_fetch_is_reported_in_chinese(language, fake_yahoo):
    fake_yahoo(lambda symbol, kw: random_walk_bars(symbol, kw["start"], kw["end"]))
    path = disk_cache.cache_path("9988.HK")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PAR1\x00\x15 this is not a parquet file PAR1")
    at = open_page(PAGE, {state.SYMBOLS: ["9988.HK"]}, params={"lang": language})
    assert_no_exception(at, f"a damaged saved copy ({language})")
    assert path.with_name(path.name + ".bad").exists(), "the damaged file was not found and set aside"
    said = [text for text in shown_cells(at) + _alerts(at) if "副本" in text]
    assert said, f"{language}: the page does not say the saved copy was set aside: {shown_cells(at)}"
    for text in said:
        assert not english_left([text], words=True), f"{language}: English in {text!r}"
    assert not english_left(shown_texts(at)), f"{language}: {sorted(english_left(shown_texts(at)))}"


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("damage", ["{ not json", '{"events": [{"id": "x", "title": "X", "category": "rumour"}]}'],
                         ids=["not JSON", "a bad record"])
def test_a_damaged_events_file_is_reported_in_chinese(language, damage, tmp_path, monkeypatch):
    broken = tmp_path / "events.json"
    broken.write_text(damage, encoding="utf-8")
    monkeypatch.setattr(bundled, "EVENTS_FILE", broken)
    at = open_page("pages/story/overview.py", params={"lang": language})
    assert_no_exception(at, f"a damaged events file ({language})")
    errors = [el.value.replace("\\", "") for el in at.error]
    said = [text for text in errors if "events.json" in text or "「x」" in text or "“x”" in text]
    assert said and HAN.search(said[0]), f"{language}: the page does not say why there are no events: {errors}"
    assert not english_left(said), f"{language}: English in {said}: {english_left(said)}"
    assert not any("Traceback" in text for text in _alerts(at))


@pytest.mark.parametrize("language", CHINESE)
def test_a_bad_saved_row_of_a_workspace_is_named_in_chinese(language, database):
    created = store.create(Content((mine(1), mine(2)), (), {}))
    with db.engine().begin() as conn:
        conn.execute(sa.update(workspace_events).where(workspace_events.c.position == 0)
                     .values(record='{"id": "user-x", "title": "<script>alert(1)</script>"}'))
    at = open_page("app.py", params={"share": created.share_token, "lang": language})
    assert_no_exception(at, f"a bad saved row ({language})")
    said = [text.replace("\\", "") for text in _alerts(at) if "user-mine-1" in text.replace("\\", "")]
    assert said, f"{language}: the page does not name the bad saved event: {_alerts(at)}"
    assert HAN.search(said[0]) and not english_left(said), f"{language}: English in {said}: {english_left(said)}"


@pytest.mark.parametrize("language", CHINESE)
def test_an_hour_the_clocks_skip_is_explained_in_chinese(language):
    event = mine(1, date=dt.date(2025, 3, 9), time=dt.time(2, 30), tz="America/New_York")
    assert "does not exist" in event.time_note  # the record keeps its English note
    at = open_page("pages/story/timeline.py", {state.USER_EVENTS: [event]},
                   params={"event": event.id, "lang": language})
    assert_no_exception(at, f"a skipped hour ({language})")
    said = [text.replace("\\", "") for text in _alerts(at) if "07\\:30 UTC" in text or "07:30 UTC" in text]
    assert said, f"{language}: the page does not show the event's time note: {_alerts(at)}"
    assert HAN.search(said[0]) and not english_left(said), f"{language}: English in {said}: {english_left(said)}"
