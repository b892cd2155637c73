"""Attacks of the third round on saving (issue 21, items 1 and 7): each failed on the code before its fix.

A save is reported saved only when it is in the database the next process opens; a data folder, lock
file or database the app cannot write is a notice, never Streamlit's error page; no message names the
database's host, port or name; two revokes at once leave the link off without an error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
import sqlalchemy as sa

from components.data.events import Event
from components.ui import state, workspace_links
from components.workspace import db, store
from components.workspace.records import Content
from tests.apptest import assert_no_exception
from tests.paths import ROOT


def test_streamlit_never_offers_ask_google_or_chatgpt_links():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorLinks"] is False
    probe = ("from streamlit import config\nconfig.get_config_options(force_reparse=True)\n"
             "from streamlit.runtime.app_session import _get_show_error_links\n"
             "from streamlit.proto.NewSession_pb2 import Config\n"
             "print(_get_show_error_links() == Config.ShowErrorLinks.SHOW_ERROR_LINKS_FALSE)")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "True", shown.stderr  # what the server tells every browser: never


def test_a_failure_before_the_page_is_a_sentence_and_the_page_still_draws(open_page, monkeypatch):
    monkeypatch.delenv("DASHBOARD_RAISE_ERRORS")

    def broken() -> None:
        raise PermissionError(13, "Permission denied", "/srv/app/.data/workspaces.sqlite.lock")
    monkeypatch.setattr(workspace_links, "open_from_url", broken)
    at = open_page("app.py")
    assert_no_exception(at, "a frame that raised")
    shown = json.dumps([e.value for e in at.error])
    assert "reference" in shown and "/srv" not in shown and "Permission" not in shown
    assert at.get("plotly_chart"), "the page itself was not drawn"


# --- writes you can trust ------------------------------------------------------------------------------

@pytest.fixture
def sqlite_file(monkeypatch, tmp_path) -> Path:
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv(db.DATABASE_ENV, f"sqlite:///{path}")
    return path


def mine(n: int = 1) -> Event:
    return Event(id=f"user-mine-{n}", title=f"My event {n}", date=dt.date(2025, 3, 5), category="corporate",
                 origin="user")


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_deleted_sqlite_file_is_not_saved_into_and_says_why(sqlite_file):
    created = store.create(Content((mine(1),), (), {}))
    remove_database(sqlite_file)
    with pytest.raises(db.DatabaseError, match="deleted or replaced while the app was running"):
        store.save(created.workspace_id, created.edit_token, 1, Content((mine(1), mine(2)), (), {}))
    db.dispose_all()  # what the next process opens holds no workspace: nothing was said to be saved in it
    with pytest.raises(store.LinkError, match="No saved workspace"):
        store.open_link(created.edit_token, store.EDIT)


def test_a_replaced_sqlite_file_is_noticed_and_the_next_try_uses_the_new_one(sqlite_file, tmp_path):
    first = store.create(Content((mine(1),), (), {}))
    with contextlib.closing(sqlite3.connect(sqlite_file)) as live, \
            contextlib.closing(sqlite3.connect(tmp_path / "backup.sqlite")) as backup:
        live.backup(backup)  # a backup, restored below while the app runs
    second = store.create(Content((mine(2),), (), {}))
    os.replace(tmp_path / "backup.sqlite", sqlite_file)
    Path(f"{sqlite_file}-wal").unlink(missing_ok=True)
    with pytest.raises(db.DatabaseError, match="deleted or replaced"):
        store.save(first.workspace_id, first.edit_token, 1, Content((mine(1), mine(3)), (), {}))
    assert store.save(first.workspace_id, first.edit_token, 1, Content((mine(1), mine(3)), (), {})) == 2
    with pytest.raises(store.LinkError):
        store.open_link(second.edit_token, store.EDIT)  # it was in the file that is gone, and is not claimed


def test_autosave_into_a_deleted_file_says_not_saved_not_saved_automatically(sqlite_file, open_page):
    at = open_page("pages/story/timeline.py", {state.USER_EVENTS: [mine(1)]})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    assert "Saved automatically" in " ".join(c.value for c in at.sidebar.caption)
    remove_database(sqlite_file)
    at.session_state[state.USER_EVENTS.name] = [mine(1), mine(2)]
    at.run()
    assert_no_exception(at, "autosave into a deleted file")
    warned = " ".join(w.value for w in at.sidebar.warning).replace("\\", "")
    assert "Not saved" in warned and "deleted or replaced" in warned
    assert "Saved automatically" not in " ".join(c.value for c in at.sidebar.caption)


def notices(at) -> str:
    return " ".join([w.value for w in at.warning] + [w.value for w in at.sidebar.warning]).replace("\\", "")


def test_a_data_folder_the_app_cannot_create_is_a_notice(monkeypatch, tmp_path, open_page):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv(db.DATA_DIR_ENV, str(tmp_path / "a-file" / "data"))
    at = open_page("app.py", {state.USER_EVENTS: [mine(1)]})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    assert_no_exception(at, "saving into a folder that cannot exist")
    assert "Not saved: the app may not write the workspace database's folder or file" in notices(at)
    assert str(tmp_path) not in notices(at)


def test_a_lock_file_the_app_may_not_open_is_a_notice(sqlite_file, monkeypatch, open_page):
    def refused(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(db, "open", refused, raising=False)  # the lock file of a folder owned by someone else
    at = open_page("app.py", {state.USER_EVENTS: [mine(1)]})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    assert_no_exception(at, "saving with a lock file the app may not open")
    assert "Not saved: the app may not write the workspace database's folder or file (PermissionError" in notices(at)
    assert str(sqlite_file.parent) not in notices(at)


def test_a_read_only_database_refuses_saves_with_a_notice_and_still_opens_links(sqlite_file, open_page):
    created = store.create(Content((mine(1),), (), {}), when=dt.datetime(2025, 1, 1))
    sa.event.listen(db.engine(), "connect", lambda conn, _record: conn.execute("PRAGMA query_only=ON"))
    db.engine().dispose()  # every connection from now on is read-only, as with a file the app may not write
    opened = store.open_link(created.share_token, store.VIEW)  # its last use cannot be recorded: it opens anyway
    assert opened.content.events == (mine(1),)
    with pytest.raises(db.DatabaseError, match="may not write"):
        store.save(created.workspace_id, created.edit_token, 1, Content((mine(2),), (), {}))
    at = open_page("app.py", params={"ws": created.edit_token})
    at.session_state[state.USER_EVENTS.name] = [mine(1), mine(2)]
    at.run()
    assert_no_exception(at, "autosave into a read-only database")
    assert "Not saved yet: the app may not write" in notices(at)


def test_a_postgresql_outage_never_names_the_host_port_or_database(monkeypatch, open_page):
    monkeypatch.setenv(db.DATABASE_ENV, "postgresql://nobody:secret@127.0.0.1:9/secretdbname")
    at = open_page("app.py", {state.USER_EVENTS: [mine(1)]})
    at.sidebar.button(key=state.WS_SAVE).click().run()
    link = open_page("app.py", params={"share": "C" * 43})
    for shown in (notices(at), notices(link)):
        assert "cannot be used right now" in shown or "cannot be opened right now" in shown, shown
        assert not any(leak in shown for leak in ("127.0.0.1", ":9", "secretdbname", "nobody", "secret@")), shown


# --- two revokes at once -------------------------------------------------------------------------------



def test_two_revokes_at_once_leave_the_link_off_without_an_error(database, monkeypatch):
    created = store.create(Content((mine(1),), (), {}))
    both_read = threading.Barrier(2)
    owned = store._owned

    def read_then_wait(*args, **kwargs):
        row = owned(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait(2)  # both windows have read the row before either writes (where the database lets them)
        return row
    monkeypatch.setattr(store, "_owned", read_then_wait)
    errors: list[BaseException] = []

    def revoke() -> None:
        try:
            store.revoke_share(created.workspace_id, created.edit_token)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
    threads = [threading.Thread(target=revoke) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    with pytest.raises(store.LinkError, match="turned off by the workspace's owner"):
        store.open_link(created.share_token, store.VIEW)
    assert store.open_link(created.edit_token, store.EDIT).share_token is None
