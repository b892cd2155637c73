"""Uploads that help: column aliases, date-and-time cells, categories with hyphens, the bad value quoted in every
message, duplicates against the session's events, dates and symbol counts the app cannot hold."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.data.events import Event
from components.facts import MAX_SYMBOLS
from components.text.extraction import propose_events
from components.text.uploads import parse_upload
from components.text.user_events import accept_rows, duplicates, merge, review_frame


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("column, field", [("timezone", "tz"), ("Time Zone", "tz"), ("time-zone", "tz"),
                                           ("ticker", "symbols"), ("Tickers", "symbols")])
def test_common_column_names_are_read_and_said(column, field):
    value = "America/New_York" if field == "tz" else "BABA"
    result = parse_upload("e.csv", csv(f"title,date,category,{column}", f"A,2025-03-06,policy,{value}"), set())
    event = result.events[0]
    assert (event.tz if field == "tz" else event.symbols[0]) == value
    assert result.notices == [f"Column '{column}' was read as '{field}'."]


def test_json_keys_have_the_same_aliases():
    data = json.dumps([{"title": "A", "date": "2025-03-06", "category": "policy", "timezone": "UTC",
                        "tickers": ["BABA"]}]).encode()
    result = parse_upload("e.json", data, set())
    assert (result.events[0].tz, result.events[0].symbols) == ("UTC", ["BABA"])
    assert "Field 'timezone' was read as 'tz'." in result.notices


@pytest.mark.parametrize("cell, date, time, tz", [
    ("2025-03-06 16:30", dt.date(2025, 3, 6), dt.time(16, 30), "Asia/Hong_Kong"),
    ("2025-03-06T08:30:00Z", dt.date(2025, 3, 6), dt.time(8, 30), "UTC"),
    ("2025-03-06", dt.date(2025, 3, 6), None, "Asia/Hong_Kong"),
])
def test_a_datetime_column_gives_date_and_time(cell, date, time, tz):
    result = parse_upload("e.csv", csv("title,datetime,category", f"A,{cell},policy"), set())
    event = result.events[0]
    assert (event.date, event.time, event.tz) == (date, time, tz)


def test_a_datetime_with_an_offset_is_converted_to_the_zone_given():
    result = parse_upload("e.csv", csv("title,datetime,tz,category", "A,2025-03-05T20:00-05:00,Asia/Hong_Kong,policy"),
                          set())
    assert (result.events[0].date, result.events[0].time) == (dt.date(2025, 3, 6), dt.time(9, 0))


@pytest.mark.parametrize("category", ["market-move", "Market_Move", "MARKET MOVE", " market  move "])
def test_categories_accept_hyphens_underscores_and_case(category):
    assert parse_upload("e.csv", csv("title,date,category", f"A,2025-03-06,{category}"), set()).events[0].category \
        == "market move"


@pytest.mark.parametrize("cells, value", [
    ("A,2025-03-06,rumour", "'rumour'"),
    ("A,06/03/2025,policy", "'06/03/2025'"),
    ("A,2025-02-30,policy", "'2025-02-30'"),
    ("A,9999-12-31,policy", "'9999-12-31'"),
    ("A,0001-01-01,policy", "'0001-01-01'"),
    ("<b>A</b>,2025-03-06,policy", "'‹b›A‹/b›'"),
    ("A,2025-03-06,policy,,NOT$VALID", "'NOT$VALID'"),
    ("A,2025-03-06,policy,Mars/Base", "'Mars/Base'"),
    ("A,2025-03-06,policy,,,25:00", "'25:00'"),
])
def test_every_message_quotes_the_bad_value(cells, value):
    result = parse_upload("e.csv", csv("title,date,category,tz,symbols,time", cells), set())
    assert result.events == [] and value in str(result.problems[0]), result.problems


def test_more_symbols_than_an_event_may_list_are_refused():
    many = " ".join(f"S{i}" for i in range(MAX_SYMBOLS + 1))
    result = parse_upload("e.csv", csv("title,date,category,symbols", f"A,2025-03-06,policy,{many}"), set())
    assert result.problems[0].field == "symbols" and f"at most {MAX_SYMBOLS}" in result.problems[0].reason


def test_a_repeated_upload_is_recognised_as_the_session_s_events():
    data = csv("title,date,category", "A,2025-03-06,policy", "B,2025-03-07,policy")
    first = parse_upload("e.csv", data, set()).events
    session = merge([], first, set()).events
    again = parse_upload("e.csv", data, {e.id for e in session}).events  # ids get a suffix; the events are the same
    assert [old.id for _, old in duplicates(session, again)] == [e.id for e in first]
    result = merge(session, again, set())
    assert result.added == 0 and len(result.events) == 2 and "already among yours" in result.notices[0]


def test_an_event_in_another_case_is_the_same_event():
    mine = Event(id="user-a", title="Results day", date="2025-03-06", category="policy", origin="user")
    other = Event(id="user-b", title="results  DAY", date="2025-03-06", category="corporate", origin="user")
    assert duplicates([mine], [other]) == [(other, mine)]
    later = Event(id="user-c", title="Results day", date="2025-03-07", category="policy", origin="user")
    assert duplicates([mine], [later]) == []


def test_a_ticked_row_without_a_date_stays_with_its_reason():
    extraction = propose_events("Alibaba rose 5% on Monday. Alibaba plans to spin off its cloud unit.", "2025-06-10")
    frame = review_frame(list(extraction.candidates))
    frame.loc[1, "add"] = True  # the undated row, ticked
    events, kept = accept_rows(list(extraction.candidates), frame)
    assert [e.date for e in events] == [dt.date(2025, 6, 9)]
    assert len(kept) == 1 and "pick a date" in kept[0][1]["problem"]
    again = review_frame([c for c, _ in kept], [row for _, row in kept])
    assert again.loc[0, "add"] and "pick a date" in again.loc[0, "problem"]


def test_the_review_table_of_no_candidates_has_date_typed_columns():
    frame = review_frame([])
    assert frame.empty and frame["date"].dtype == object and frame["add"].dtype == bool
