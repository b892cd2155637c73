"""Uploaded events: valid files load, bad rows are reported by row and field, bad files raise."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from components.data.events import Event
from components.facts import MAX_UPLOAD_BYTES as MAX_BYTES
from components.facts import MAX_UPLOAD_ROWS as MAX_ROWS
from components.text import upload_schema
from components.text.safe import csv_safe
from components.text.upload_schema import template_csv, template_json
from components.text.uploads import RowProblem, UploadError, parse_upload

HEADER = "title,date,time,tz,category,symbols,summary,source_url,source_title,id"
GOOD_ROW = "Good event,2025-03-06,09:30,,policy,BABA,,,,"


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row(**cells: str) -> str:
    """A data row for HEADER: a valid event with the given cells replaced (values quoted)."""
    cells_in_order = ["Replaced row", "2025-03-07", "", "", "claim", "", "", "", "", ""]
    base = dict(zip(HEADER.split(","), cells_in_order, strict=True))
    base.update(cells)
    return ",".join('"' + v.replace('"', '""') + '"' for v in base.values())


def test_parse_upload_loads_valid_csv():
    data = _csv(
        HEADER,
        'Results day,2025-02-20,16:30,Asia/Hong_Kong,Corporate,"09988.hk, BABA",Beat estimates.,'
        "https://example.com/r,Example News,results",
        "Launch,2025-03-10,9:05,America/New_York,model release,NVDA;^GSPC KWEB,,https://example.com/x,,",
        "Date only,2025-03-11,,,MARKET MOVE,,,,,",
    )
    result = parse_upload("mine.csv", data, set())
    assert result.problems == [] and result.notices == []
    first, second, third = result.events
    assert all(isinstance(e, Event) and e.origin == "user" for e in result.events)
    assert (first.id, first.date, first.time) == ("user-results", dt.date(2025, 2, 20), dt.time(16, 30))
    assert first.tz == "Asia/Hong_Kong"
    assert first.category == "corporate" and first.symbols == ["9988.HK", "BABA"]
    assert first.summary == "Beat estimates." and first.sources[0].title == "Example News"
    assert second.time == dt.time(9, 5) and second.tz == "America/New_York"
    assert second.symbols == ["NVDA", "^GSPC", "KWEB"]
    assert second.sources[0].url == "https://example.com/x" and second.sources[0].title == "example.com"
    assert third.time is None and third.tz == "Asia/Hong_Kong" and third.category == "market move"
    assert third.id == "user-date-only-2025-03-11"


def test_parse_upload_loads_valid_json_list_and_events_object():
    records = [
        {"title": "Results day", "date": "2025-02-20", "time": "16:30", "tz": "Asia/Shanghai",
         "category": "corporate", "symbols": ["9988.HK", "baba"], "id": "results"},
        {"title": "Launch", "date": "2025-03-10", "category": "Agent Launch", "symbols": "NVDA; KWEB",
         "time": None, "summary": ""},
    ]
    for payload in (records, {"events": records}):
        result = parse_upload("mine.json", json.dumps(payload).encode(), set())
        assert result.problems == [] and result.notices == []
        first, second = result.events
        assert (first.id, first.date, first.time) == ("user-results", dt.date(2025, 2, 20), dt.time(16, 30))
        assert first.tz == "Asia/Shanghai"
        assert first.symbols == ["9988.HK", "BABA"]
        assert (second.time, second.tz, second.category) == (None, "Asia/Hong_Kong", "agent launch")
        assert second.symbols == ["NVDA", "KWEB"] and second.origin == "user"


def test_templates_validate():
    for name, text in (("template.csv", template_csv()), ("template.json", template_json())):
        result = parse_upload(name, text.encode(), set())
        assert len(result.events) == 2 and result.problems == [] and result.notices == []


def test_templates_use_every_schema_field():
    header = template_csv().splitlines()[0].split(",")
    assert tuple(header) == upload_schema.FIELDS
    assert all(f.field in upload_schema.__doc__ for f in upload_schema.SCHEMA)
    assert upload_schema.REQUIRED == ("title", "date", "category")


@pytest.mark.parametrize(
    ("cells", "field", "reason"),
    [
        ({"title": ""}, "title", "is required"),
        ({"date": "06/03/2025"}, "date", "YYYY-MM-DD"),
        ({"date": "2025-02-30"}, "date", "'2025-02-30': is not a day of the calendar"),
        ({"time": "25:00"}, "time", "24-hour time"),
        ({"time": "9.30pm"}, "time", "HH:MM"),
        ({"category": "rumour"}, "category", "should be one of “model release”"),
        ({"tz": "Mars/Olympus"}, "tz", "is not an IANA time zone"),
        ({"symbols": "BABA, NOT$VALID"}, "symbols", "is not a symbol the app can read"),
        ({"title": "<script>alert(1)</script>"}, "title", "markup"),
        ({"title": "Nice <b>bold</b> claim"}, "title", "markup"),
        ({"title": "&lt;img src=x&gt;"}, "title", "markup"),
        ({"summary": "Click javascript:alert(1)"}, "summary", "markup"),
        ({"summary": 'An x onerror="steal()" y'}, "summary", "markup"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "markup"),
        ({"source_url": "ftp://example.com/f"}, "source_url", "http:// or https://"),
        ({"source_title": "Only a title"}, "source_url", "required when source_title is given"),
        ({"title": "x" * 151}, "title", "is longer than 150 characters"),
        ({"summary": "y" * 2001}, "summary", "is longer than 2000 characters"),
        ({"title": "Bell\x07 rings"}, "title", "control character U+0007"),
        ({"title": "Spoof \u202etxt.exe"}, "title", "control character U+202E"),
        ({"id": "has spaces"}, "id", "letters, digits"),
    ],
)
def test_parse_upload_reports_bad_row_and_keeps_good_rows(cells, field, reason):
    data = _csv(HEADER, GOOD_ROW, _row(**cells), GOOD_ROW.replace("Good", "Other"))
    result = parse_upload("mine.csv", data, set())
    assert [e.title for e in result.events] == ["Good event", "Other event"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.row, problem.line, problem.field) == (2, 3, field)
    assert reason in problem.reason
    assert str(problem).startswith(f"Row 2 (line 3), field '{field}': ")


def test_parse_upload_reports_each_bad_field_of_a_row():
    data = _csv(HEADER, _row(title="<i>x</i>", date="tomorrow", time="noon", category="gossip"), GOOD_ROW)
    result = parse_upload("mine.csv", data, set())
    fields = [(p.row, p.field) for p in result.problems]
    assert fields == [(1, "title"), (1, "date"), (1, "time"), (1, "category")]
    assert [e.title for e in result.events] == ["Good event"]


def test_parse_upload_json_bad_rows_have_row_numbers_and_no_line():
    records = [
        {"title": "Kept", "date": "2025-03-06", "category": "policy"},
        {"title": "No date", "category": "policy"},
        "not an object",
        {"title": "Kept too", "date": "2025-03-07", "category": "claim", "time": 930},
        {"title": "Twice", "Title": "Twice again", "date": "2025-03-08", "category": "claim"},
    ]
    result = parse_upload("mine.json", json.dumps(records).encode(), set())
    assert [(p.row, p.line, p.field) for p in result.problems] == [
        (2, None, "date"), (3, None, "(row)"), (4, None, "time"), (5, None, "title")]
    assert result.problems[0].reason == "is required"
    assert [e.title for e in result.events] == ["Kept"]


def test_parse_upload_json_repeated_key_is_a_problem():
    text = '[{"title": "A", "title": "B", "date": "2025-03-06", "category": "policy"}]'
    result = parse_upload("mine.json", text.encode(), set())
    assert result.events == []
    assert result.problems == [RowProblem(1, None, "title", "is given more than once ('A', then 'B')")]


def test_parse_upload_csv_line_numbers_follow_multiline_values_and_blank_lines():
    data = _csv(HEADER, '"Two\nlines",2025-03-06,,,policy,,,,,', "", _row(date="bad"))
    result = parse_upload("mine.csv", data, set())
    assert result.events[0].title == "Two\nlines"
    assert [(p.row, p.line, p.field) for p in result.problems] == [(2, 5, "date")]


def test_parse_upload_rejects_row_with_extra_cells():
    data = _csv(HEADER, GOOD_ROW + ",surplus")
    result = parse_upload("mine.csv", data, set())
    assert result.events == [] and result.problems[0].field == "(row)"
    assert "double quotes" in result.problems[0].reason


def test_parse_upload_oversize_file_raises():
    data = _csv(HEADER, GOOD_ROW) + b" " * MAX_BYTES
    with pytest.raises(UploadError, match=rf"the limit is 1 MB \({MAX_BYTES:,} bytes\)"):
        parse_upload("big.csv", data, set())


def test_parse_upload_too_many_rows_raises():
    data = _csv(HEADER, *[GOOD_ROW] * (MAX_ROWS + 1))
    with pytest.raises(UploadError, match=f"has {MAX_ROWS + 1} rows; the limit is {MAX_ROWS}"):
        parse_upload("many.csv", data, set())
    records = [{"title": "x", "date": "2025-03-06", "category": "claim"}] * (MAX_ROWS + 1)
    with pytest.raises(UploadError, match="the limit is"):
        parse_upload("many.json", json.dumps(records).encode(), set())


def test_parse_upload_accepts_max_rows():
    data = _csv(HEADER, *[GOOD_ROW.replace("Good event", f"Event {i}") for i in range(MAX_ROWS)])
    result = parse_upload("many.csv", data, set())
    assert len(result.events) == MAX_ROWS and len({e.id for e in result.events}) == MAX_ROWS


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("latin1.csv", "title,date,category\nCaf\u00e9,2025-03-06,claim\n".encode("latin-1"), "not UTF-8"),
        ("utf16.csv", "title,date,category\n".encode("utf-16"), "not UTF-8"),
        ("empty.csv", b"", "is empty"),
        ("blank.json", b" \n\t\n", "is empty"),
        ("commas.csv", b",,,\n,,\n", "is empty"),
        ("header.csv", _csv(HEADER), "holds no events"),
        ("none.json", b"[]", "holds no events"),
        ("bad.json", b'[\n  {"title": "x",\n   "date": }\n]', "not valid JSON: .* at line 3, column"),
        ("deep.json", b"[" * 100_000, "nested too deeply"),
        ("shape.json", b'{"items": []}', "a list of events"),
        ("scalar.json", b'"text"', "a list of events"),
        ("events.xlsx", b"PK\x03\x04", "not a CSV or JSON file"),
        ("events", _csv(HEADER, GOOD_ROW), "not a CSV or JSON file"),
        ("nodate.csv", _csv("title,category", "x,claim"), "has no date column"),
        ("twice.csv", _csv("title,date,Title,category", "a,2025-03-06,b,claim"), "title more than once"),
        ("quote.csv", _csv(HEADER, '"Unclosed,2025-03-06,,,claim,,,,,', GOOD_ROW), "line 2"),
    ],
)
def test_parse_upload_bad_file_raises(name, data, message):
    with pytest.raises(UploadError, match=message):
        parse_upload(name, data, set())


def test_upload_error_is_a_value_error():
    assert issubclass(UploadError, ValueError)


def test_parse_upload_renames_clashing_ids_with_notice():
    existing = {"user-mine", "tongyi-qianwen-unveiled"}
    # four different events (a row repeating an earlier one is a duplicate, not an event: test_attacks_records)
    data = _csv(HEADER, _row(id="mine"), _row(id="MINE", title="Another"), _row(title="Same"),
                _row(title="Same", time="10:00"))
    result = parse_upload("mine.csv", data, existing)
    assert [e.id for e in result.events] == [
        "user-mine-2", "user-mine-3", "user-same-2025-03-07", "user-same-2025-03-07-2"]
    assert len(result.notices) == 3
    assert "Row 1 (line 2): the id 'user-mine' is already taken" in result.notices[0]
    assert "'user-same-2025-03-07-2'" in result.notices[2]
    assert existing == {"user-mine", "tongyi-qianwen-unveiled"}


def test_parse_upload_long_id_stays_within_id_limit_when_suffixed():
    long_id = "a" * 75
    result = parse_upload("mine.csv", _csv(HEADER, _row(id=long_id)), {"user-" + long_id})
    assert len(result.events[0].id) == 80 and result.events[0].id.endswith("-2")


def test_parse_upload_reports_unknown_columns():
    data = _csv("Title,Date,Category,Source URL,notes,,origin,",
                "x,2025-03-06,claim,https://e.com,hi,,article,", "y,2025-03-07,claim,,,left,,")
    result = parse_upload("mine.csv", data, set())
    assert result.events[0].origin == "user" and result.events[0].sources[0].url == "https://e.com"
    assert result.notices == ["Ignored columns not in the schema: 'notes', unnamed column 6, 'origin'."]
    assert len(result.events) == 2


def test_parse_upload_reports_unknown_json_fields_and_keys():
    payload = {"schema": 1, "events": [
        {"title": "a", "date": "2025-03-06", "category": "claim", "origin": "article"},
        {"title": "b", "date": "2025-03-07", "category": "claim", "origin": "article", "in_article": True},
    ]}
    result = parse_upload("mine.json", json.dumps(payload).encode(), set())
    assert all(e.origin == "user" and not e.in_article for e in result.events)
    assert "Ignored top-level keys other than 'events': 'schema'." in result.notices
    assert "Ignored field 'origin', which is not in the schema, in rows 1, 2." in result.notices
    assert "Ignored field 'in_article', which is not in the schema, in rows 2." in result.notices


def test_parse_upload_reads_bom_prefixed_csv():
    data = "\ufefftitle,date,category\nCafé opens,2025-03-06,corporate\n".encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    result = parse_upload("excel.csv", data, set())
    assert [e.title for e in result.events] == ["Café opens"] and result.notices == []


def test_parse_upload_reads_semicolon_separated_csv():
    data = _csv("title;date;category;symbols", "Dip;2025-03-06;market move;\"BABA;9988.HK\"")
    result = parse_upload("excel.csv", data, set())
    assert result.events[0].symbols == ["BABA", "9988.HK"]


def test_parse_upload_normalises_windows_line_endings():
    data = b'title,date,category,summary\r\nx,2025-03-06,claim,"one\r\ntwo"\r\n'
    assert parse_upload("win.csv", data, set()).events[0].summary == "one\ntwo"


def test_parse_upload_keeps_formula_like_text_with_notice():
    data = _csv(HEADER, _row(title="=HYPERLINK(\"http://x\")", summary="+3% after results"))
    result = parse_upload("mine.csv", data, set())
    assert result.events[0].title == '=HYPERLINK("http://x")'
    assert result.events[0].summary == "+3% after results"
    assert len(result.notices) == 2
    assert result.notices[0].startswith("Row 1 (line 2), field 'title': starts with '='")


def test_csv_safe_neutralises_formulas_only():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("@SUM(A1)") == "'@SUM(A1)"
    assert csv_safe("Plain title") == "Plain title"


def test_parse_upload_does_not_flag_ordinary_text():
    data = _csv(HEADER, _row(title="P/E < 10 & margin > 5%", summary="Shares fell 3% on news; one = two"))
    result = parse_upload("mine.csv", data, set())
    assert result.problems == [] and result.events[0].title == "P/E < 10 & margin > 5%"


def test_parse_upload_blank_optional_cells_are_not_given():
    data = _csv(HEADER, _row(source_title="   ", summary="  ", symbols=" ; "))
    event = parse_upload("mine.csv", data, set()).events[0]
    assert (event.sources, event.summary, event.symbols) == ([], "", [])


def test_parse_upload_accepts_seconds_and_case_in_ids():
    data = _csv(HEADER, _row(time="07:05:30", id="My.Event_1"))
    event = parse_upload("mine.csv", data, set()).events[0]
    assert event.time == dt.time(7, 5, 30) and event.id == "user-my.event_1"


def test_parse_upload_echoes_no_markup_in_notices():
    data = _csv("title,date,category,<img src=x onerror=alert(1)>", "x,2025-03-06,claim,1")
    notice = parse_upload("mine.csv", data, set()).notices[0]
    assert "<" not in notice and "\u2039img" in notice
