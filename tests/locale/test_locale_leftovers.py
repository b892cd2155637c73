"""Issue #24's leftovers read in each Chinese language: a saved workspace's bad records, limits and damaged rows, the
workspace database's failures, the note on an hour the clocks skip or show twice (kept in English in the record), an
exchange rate's unit, a half-day session, the downloadable report when the claims file is damaged, and an uploaded
row's reasons (worded by components/data/validation.py, the one place)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from components import locale as L
from components.analysis import claims as C
from components.data import calendars
from components.data.events import Event, shown_time_note
from components.data.symbols import level_label, symbol_info
from components.facts import MAX_WORKSPACE_EVENTS
from components.text import upload_values
from components.text.uploads import parse_upload
from components.ui import report
from components.workspace import db, store
from components.workspace.records import Content, check_for_save, read_event, read_view
from components.workspace.schema import workspace_articles, workspace_events
from tests.locale.test_locale_data_notes import CHINESE, assert_chinese

SKIPPED = dict(date=dt.date(2025, 3, 9), time=dt.time(2, 30), tz="America/New_York")  # New York springs forward
REPEATED = dict(date=dt.date(2025, 11, 2), time=dt.time(1, 30), tz="America/New_York")  # and falls back


def mine(n: int = 1, **changes) -> Event:
    fields = dict(id=f"user-mine-{n}", title=f"My own event {n}", date=dt.date(2025, 3, 5), category="corporate",
                  origin="user", symbols=["9988.HK"])
    return Event(**{**fields, **changes})


@pytest.fixture(autouse=True)
def english_after():
    yield
    L.use("en")


@pytest.mark.parametrize("language", CHINESE)
def test_a_bad_stored_event_and_a_bad_view_are_said_in_the_readers_language(language):
    L.use(language)
    said = [read_event(text, "x")[1][0] for text in ("{", "[]", "y" * 60_000, mine().model_dump_json()
                                                     .replace('"origin":"user"', '"origin":"context"'))]
    said += read_view("not json")[1] + read_view('{"BAD NAME": "1"}')[1]
    for text in said:
        assert_chinese(text, language)


@pytest.mark.parametrize("language", CHINESE)
def test_a_workspace_over_its_limits_is_refused_in_the_readers_language(language):
    L.use(language)
    many = tuple(mine(n) for n in range(MAX_WORKSPACE_EVENTS + 1))
    problems = check_for_save(Content(many, (), {f"p{n}": "1" for n in range(50)}))
    assert len(problems) == 2
    for problem in problems:
        assert_chinese(problem, language)
    with pytest.raises(store.NotSaved) as refused:
        store.create(Content(many, (), {}))
    assert_chinese(refused.value, language)


@pytest.mark.parametrize("language", CHINESE)
def test_damaged_saved_rows_are_named_in_the_readers_language(language, tmp_path, monkeypatch):
    monkeypatch.setenv(db.DATABASE_ENV, f"sqlite:///{tmp_path / 'ws.sqlite'}")
    created = store.create(Content((mine(1), mine(2)), (), {}))
    with db.engine().begin() as conn:
        conn.execute(sa.update(workspace_events).where(workspace_events.c.position == 0)
                     .values(record='{"id": "user-x", "title": "<script>alert(1)</script>"}'))
        conn.execute(sa.insert(workspace_articles).values(workspace_id=created.workspace_id, position=0,
                                                          article_id="a-1", title="", text="x",
                                                          added_at=dt.datetime(2025, 3, 8)))
        for sql in ("UPDATE workspaces SET revision = 'abc', share_generation = 'x', used_at = 'not a date', "
                    "updated_at = x'00ff'",):
            conn.exec_driver_sql(sql)
    L.use(language)
    opened = store.open_link(created.edit_token, store.EDIT)
    said = opened.problems
    assert len(said) >= 5, said
    for text in said:
        assert_chinese(text, language)
    assert "user-mine-1" in " ".join(said)


@pytest.mark.parametrize("language", CHINESE)
def test_the_workspace_databases_failures_read_in_the_readers_language(language, monkeypatch):
    failures = [db.failure(OSError("read-only file system")), db.failure(sa.exc.OperationalError("x", {}, "disk full")),
                db.failure(sa.exc.OperationalError("x", {}, "timeout")),
                db.failure(sa.exc.OperationalError("x", {}, "gone"), opening=True), db.DatabaseError(
                    L.Message(db.REPLACED))]
    monkeypatch.setenv(db.DATABASE_ENV, "mysql://somewhere")
    with pytest.raises(db.DatabaseError) as wrong:
        db.database_url()
    L.use(language)
    for error in [*failures, wrong.value]:
        assert_chinese(error, language)
    L.use("en")
    assert "did not answer" in str(failures[2]) and "cannot be used right now" in str(failures[3])


def _time_note_in_a_worker(event: Event) -> str:
    found = []
    worker = threading.Thread(target=lambda: found.append(shown_time_note(event)))
    worker.start()
    worker.join()
    return found[0]


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("when", [SKIPPED, REPEATED], ids=["skipped", "shown twice"])
def test_a_clock_change_note_is_kept_in_english_and_shown_in_the_readers_language(language, when):
    L.use(language)  # validated in a Chinese run: the record still keeps the English note, as saved data does
    event = mine(**when)
    assert "the clocks went" in event.time_note and "New York time on" in event.time_note
    assert Event.model_validate_json(event.model_dump_json()) == event  # reads back exactly as stored
    shown = shown_time_note(event)
    assert_chinese(shown, language)
    assert "UTC" in shown and ("03:30" in shown if when is SKIPPED else "05:30" in shown)
    assert "the clocks went" in _time_note_in_a_worker(event)  # a thread with no language set: English
    L.use("en")
    assert shown_time_note(event) == event.time_note


@pytest.mark.parametrize("language", CHINESE)
def test_a_note_an_older_chinese_run_wrote_is_neither_doubled_nor_left_in_english(language):
    old = ("per Reuters 01:30 紐約時間 on Sun 2 Nov 2025 happened twice: the clocks went back at that hour; it is read "
           "as the first (05:30 UTC).")  # a record saved before, validated in a Chinese run
    event = mine(**REPEATED, time_note=old)
    assert event.time_note == old
    L.use(language)
    shown = shown_time_note(event)
    assert shown.startswith("per Reuters ") and "clocks" not in shown and "05:30" in shown
    assert_chinese(shown.removeprefix("per Reuters "), language)


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("symbol", ["EURHKD=X", "HKD=X"])
def test_an_exchange_rates_unit_reads_in_the_readers_language(language, symbol):
    L.use(language)
    assert_chinese(symbol_info(symbol).shown_unit, language)
    assert "per" not in level_label(7.8, symbol)


@pytest.mark.parametrize("language", CHINESE)
def test_a_half_day_session_is_described_in_the_readers_language(language):
    hk = calendars.sessions("HK")
    L.use(language)
    assert_chinese(hk.describe(hk.index_of(dt.date(2024, 12, 24))), language)
    assert_chinese(hk.describe(hk.index_of(dt.date(2024, 12, 23))), language)


@pytest.mark.parametrize("language", CHINESE)
def test_a_report_with_a_damaged_claims_file_says_why_in_the_readers_language(language, tmp_path, monkeypatch):
    broken = tmp_path / "claims.json"
    broken.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr("components.report.story.load_claims", lambda: C.load_claims(broken))
    story = report.Story(events=(), selected=None, start=dt.date(2025, 2, 24), end=dt.date(2025, 3, 14),
                         symbols=("9988.HK",), share_url=None)
    found = []
    worker = threading.Thread(target=lambda: found.append(report.report_file(story, (story.start, story.end),
                                                                             language)))
    worker.start()  # as Streamlit runs it on the click: in a thread where no run's language is set
    worker.join()
    text = found[0].decode("utf-8")
    L.use(language)
    with pytest.raises(C.ClaimsError) as why:
        C.load_claims(broken)
    said = L._("The article's claims cannot be checked: {reason}").format(reason=why.value)
    assert said.replace("“", "&ldquo;") in text or said in text, said
    assert_chinese(said, language)
    assert f'<html lang="{language}">' in text and "checked against the prices" not in text


@pytest.mark.parametrize("language", CHINESE)
def test_an_uploaded_rows_reasons_are_worded_by_the_one_validation_table(language):
    L.use(language)
    csv = ("title,date,time,category,summary\n"
           "Good,2025-03-05,,other,\n"
           f"{'x' * 151},2025-02-30,09:30,rumour,\n")
    result = parse_upload("events.csv", csv.encode(), set())
    reasons = [p.reason for p in result.problems]
    assert len(reasons) == 3, reasons
    for text in reasons:
        assert_chinese(text.replace("x" * 40, ""), language)
    assert not hasattr(upload_values, "_PYDANTIC_REASONS")  # no second table of pydantic's reasons


def test_an_uploaded_rows_reasons_keep_their_english():
    try:
        Event(id="user-a", title="x" * 151, date="2025-02-30", category="rumour", origin="user")
    except ValidationError as exc:
        reasons = dict(upload_values.field_errors(exc))
    assert reasons["title"].endswith("is longer than 150 characters")
    assert reasons["date"] == "'2025-02-30': is not a day of the calendar (YYYY-MM-DD)"
    assert reasons["category"].startswith("'rumour': should be one of “model release”, “agent launch”")


@pytest.mark.parametrize("language", CHINESE)
def test_an_uploaded_row_at_an_hour_the_clocks_skip_is_noted_in_the_readers_language(language):
    L.use(language)
    data = ("title,date,category,time,tz\nSpring forward,2025-03-09,policy,02:30,America/New_York\n").encode()
    found = parse_upload("events.csv", data, set())
    notes = [n for n in found.notices if "UTC" in n]
    assert notes and all("the clocks went" not in n for n in notes)
    for note in notes:
        assert_chinese(note, language)
    L.use("en")
