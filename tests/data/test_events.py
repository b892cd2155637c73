"""The events file: every fact-sheet event loads; each malformed field is reported by name."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from components.data.events import EVENTS_FILE, EventsError, bundled_events, load_events_file, parse_events

FACT_SHEET_IDS = {
    "qwq-32b-release", "alibaba-hk-jump-hscei-2025-03-06", "manus-launch", "tongyi-qianwen-unveiled",
    "qwen2.5-max-release", "deepseek-r1-release", "nvidia-deepseek-selloff", "hscei-ytd-claim",
    "china-gwr-future-industries", "alibaba-ai-capex-380bn", "qwq-32b-open-weights-apache2",
    "openai-o1-mini-release", "qwq-32b-preview", "xi-private-enterprise-symposium",
}


def raw_records() -> list[dict]:
    return json.loads(EVENTS_FILE.read_text())["events"]


def test_every_fact_sheet_event_loads_with_its_fields():
    events = bundled_events()
    ids = {e.id for e in events}
    assert FACT_SHEET_IDS <= ids and len(ids) == len(events)
    for e in events:
        assert e.title and e.summary and e.sources and e.symbols, e.id
        assert e.origin == ("article" if e.in_article else "context")
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_verified_times_and_time_zones():
    events = {e.id: e for e in bundled_events()}
    assert events["qwq-32b-release"].timestamp.tz_convert("UTC") == pd.Timestamp("2025-03-05 18:53", tz="UTC")
    assert events["qwen2.5-max-release"].timestamp.tz_convert("America/New_York").hour == 10
    assert events["tongyi-qianwen-unveiled"].timestamp is None
    # the fact sheet: about midnight Beijing time, hour unverified, many outlets say 6 March
    assert events["manus-launch"].time is None and events["manus-launch"].confidence == "unverified"
    assert events["manus-launch"].date_match == "roughly"
    assert events["china-gwr-future-industries"].time_precision == "approximate"  # the NPC's morning session
    assert "Xinhua" in events["alibaba-ai-capex-380bn"].time_note.split(";")[0]  # Xinhua reported it first
    # date matches as the fact sheet's discrepancy table has them
    assert events["deepseek-r1-release"].date_match == "yes" and events["hscei-ytd-claim"].date_match == "no"


def test_events_are_in_time_order_across_time_zones():
    ids = [e.id for e in bundled_events()]
    # Manus (late 5 March Beijing) precedes QwQ-32B (about 03:00 on 6 March), which precedes the HK jump
    assert ids.index("manus-launch") < ids.index("qwq-32b-release") < ids.index("alibaba-hk-jump-hscei-2025-03-06")


@pytest.mark.parametrize("field, value, message", [
    ("date", "2025-02-30", "date"),
    ("time", "25:00", "time"),
    ("category", "rumour", "category"),
    ("tz", "Mars/Olympus", "tz"),
    ("symbols", ["BAD SYMBOL"], "symbols"),
    ("sources", [{"url": "ftp://x", "title": "t"}], "sources.0.url"),
    ("surprise", 1, "surprise"),
    ("title", "", "title"),
    ("id", "Has Spaces", "id"),
])
def test_malformed_field_is_reported_with_record_and_field(field, value, message):
    records = raw_records()
    records[2] = {**records[2], field: value}
    with pytest.raises(EventsError) as info:
        parse_events(records)
    text = str(info.value)
    assert f"event #3 '{records[2].get('id')}'" in text and f"field '{message}'" in text


def test_missing_required_field_and_duplicate_id():
    records = raw_records()
    del records[0]["date"]
    records.append(dict(records[1]))
    with pytest.raises(EventsError) as info:
        parse_events(records)
    assert "field 'date': is required" in str(info.value)
    assert f"event #{len(records)} '{records[1]['id']}': field 'id': duplicate id" in str(info.value)


def test_unreadable_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "events.json"
    bad.write_text("{ not json")
    with pytest.raises(EventsError, match="cannot be read as JSON"):
        load_events_file(bad)
    bad.write_text("[]")
    with pytest.raises(EventsError, match="must be a JSON object"):
        load_events_file(bad)
