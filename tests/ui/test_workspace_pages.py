"""Saved workspaces in the app (AppTest): save, reload, share, revoke, bad links, bad rows; SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from components.data.events import Event
from components.ui import state
from components.workspace import db, store
from components.workspace.records import Content
from components.workspace.schema import workspace_events
from tests.apptest import assert_no_exception, claims_article, qp


def mine(n: int = 1, **changes) -> Event:
    fields = dict(id=f"user-mine-{n}", title=f"My own event {n}", date=dt.date(2025, 3, 5), category="corporate",
                  origin="user", symbols=["9988.HK"], summary="Something I found.")
    return Event(**{**fields, **changes})


def notices(at) -> str:
    """The warnings and notes shown, with Markdown escapes taken out."""
    return "\n".join([w.value for w in at.warning] + [i.value for i in at.info]).replace("\\", "")


def sidebar_codes(at) -> list[str]:
    return [c.value for c in at.sidebar.code]


def save_session(open_page, events: list[Event], page: str = "pages/story/timeline.py", **params):
    at = open_page(page, {state.USER_EVENTS: events}, params=params)
    at.sidebar.button(key=state.WS_SAVE).click().run()
    assert_no_exception(at, "save")
    return at


def test_saving_gives_an_edit_link_in_the_url_and_a_share_link(open_page, database):
    at = save_session(open_page, [mine(1), mine(2)], event="qwq-32b-release")
    edit, share = qp(at, "ws"), at.session_state[state.WORKSPACE.name].share
    share_link, edit_link = sidebar_codes(at)
    assert f"share={share}" in share_link and f"ws={edit}" in edit_link and edit not in share_link
    assert share_link.startswith("/timeline?") and "event=qwq-32b-release" in share_link
    assert "Saved automatically" in "\n".join(c.value for c in at.sidebar.caption)


def test_a_reload_of_the_edit_link_keeps_the_events_and_later_changes(open_page, database):
    at = save_session(open_page, [mine(1)])
    edit = qp(at, "ws")
    at.session_state[state.USER_EVENTS.name] = [mine(1), mine(2)]  # as "Add" does
    at.run()  # the run ends with an autosave
    reloaded = open_page("pages/story/timeline.py", params={"ws": edit, "event": "user-mine-2"})
    assert_no_exception(reloaded, "reload")
    assert [e.id for e in reloaded.session_state[state.USER_EVENTS.name]] == ["user-mine-1", "user-mine-2"]
    assert reloaded.session_state[state.EVENT.name] == "user-mine-2"
    assert "My own event 2" in [h.value for h in reloaded.header]
    assert not reloaded.warning


def test_a_share_link_in_a_fresh_session_shows_the_events_read_only(open_page, database):
    at = save_session(open_page, [mine(1)], range="1Y")
    share = at.session_state[state.WORKSPACE.name].share
    viewer = open_page("pages/story/timeline.py", params={"share": share, "event": "user-mine-1"})
    assert_no_exception(viewer, "share link")
    assert viewer.session_state[state.EVENT.name] == "user-mine-1"
    assert viewer.session_state[state.RANGE_PRESET.name] == "1Y"  # from the saved view: the link did not say
    assert "read-only" in "\n".join(i.value for i in viewer.sidebar.info)
    assert "ws" not in viewer.query_params and qp(viewer, "share") == share
    viewer.session_state[state.USER_EVENTS.name] = []
    viewer.run()  # a viewer's change is never saved
    again = open_page("app.py", params={"share": share})
    assert [e.id for e in again.session_state[state.USER_EVENTS.name]] == ["user-mine-1"]


def test_a_viewer_may_save_a_copy_of_their_own(open_page, database):
    share = save_session(open_page, [mine(1)]).session_state[state.WORKSPACE.name].share
    viewer = open_page("app.py", params={"share": share})
    viewer.sidebar.button(key=state.WS_COPY).click().run()
    copy = viewer.session_state[state.WORKSPACE.name]
    assert copy.mode == "edit" and qp(viewer, "ws") == copy.token and copy.share != share
    assert "share" not in viewer.query_params


def test_revoking_the_share_link_turns_it_off_with_a_clear_message(open_page, database):
    at = save_session(open_page, [mine(1)])
    share = at.session_state[state.WORKSPACE.name].share
    at.sidebar.button(key=state.WS_REVOKE).click().run()
    assert "share link is off" in "\n".join(c.value for c in at.sidebar.caption)
    viewer = open_page("pages/story/timeline.py", params={"share": share, "event": "user-mine-1"})
    assert_no_exception(viewer, "revoked link")
    text = notices(viewer)
    assert "turned off by the workspace's owner" in text
    assert "someone's own events" in text  # and why the event is not there
    assert viewer.session_state[state.USER_EVENTS.name] == [] and "share" not in viewer.query_params
    at.sidebar.button(key=state.WS_NEW_SHARE).click().run()
    assert [e.id for e in open_page("app.py", params={"share": at.session_state[state.WORKSPACE.name].share})
            .session_state[state.USER_EVENTS.name]] == ["user-mine-1"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"share": "A" * 43}, "No saved workspace has this share link"),
    ({"ws": "B" * 43}, "No saved workspace has this edit link"),
    ({"share": "too-short"}, "not valid: its code should be 43"),
    ({"share": "<b>x</b>" * 6}, "not valid"),
])
def test_an_unknown_or_malformed_link_is_explained(open_page, database, params, expected):
    at = open_page("pages/story/timeline.py", params=params)
    assert_no_exception(at, "bad link")
    assert expected in notices(at)
    assert "share" not in at.query_params and "ws" not in at.query_params


def test_a_link_to_someone_elses_event_without_its_workspace_says_why(open_page):
    at = open_page("pages/story/timeline.py", params={"event": "user-somebody-2025-03-05"})
    assert "someone's own events, which only a link to their saved workspace" in notices(at)


def test_a_bad_saved_row_is_named_and_the_other_events_load(open_page, database):
    created = store.create(Content((mine(1), mine(2)), (), {}))
    with db.engine().begin() as conn:
        conn.execute(sa.update(workspace_events).where(workspace_events.c.position == 0)
                     .values(record='{"id": "user-x", "title": "<script>alert(1)</script>"}'))
    at = open_page("app.py", params={"share": created.share_token})
    assert_no_exception(at, "bad row")
    assert [e.id for e in at.session_state[state.USER_EVENTS.name]] == ["user-mine-2"]
    assert "saved event #1 'user-mine-1'" in notices(at) and "markup" in notices(at)


def test_two_windows_on_one_workspace_do_not_overwrite_each_other_silently(open_page, database):
    first = save_session(open_page, [mine(1)])
    second = open_page("app.py", params={"ws": qp(first, "ws")})
    second.session_state[state.USER_EVENTS.name] = [mine(1), mine(2)]
    second.run()
    first.session_state[state.USER_EVENTS.name] = []
    first.run()
    assert "another window" in "\n".join(w.value for w in first.sidebar.warning)
    assert len(open_page("app.py", params={"ws": qp(first, "ws")}).session_state[state.USER_EVENTS.name]) == 2
    first.sidebar.button(key=state.WS_FORCE).click().run()
    assert open_page("app.py", params={"ws": qp(first, "ws")}).session_state[state.USER_EVENTS.name] == []


def test_no_database_means_a_message_not_a_traceback(open_page, monkeypatch):
    monkeypatch.setenv(db.DATABASE_ENV, "postgresql://nobody:secret@127.0.0.1:9/none")
    at = save_session(open_page, [mine(1)], page="app.py")
    text = notices(at)
    assert "Not saved" in text and "cannot be used" in text and "secret" not in text
    assert at.session_state[state.WORKSPACE.name] is None
    link = open_page("app.py", params={"share": "C" * 43})
    assert "cannot be opened right now" in notices(link)


def test_a_loaded_article_is_kept_with_the_workspace_and_can_be_read_again(open_page, database):
    text = ("Tencent shares rise after results\n\nHONG KONG: Tencent rose 3% on Thursday after it reported "
            "quarterly results on Wednesday, beating forecasts.")
    at = open_page("pages/your_data/your_data.py")
    at.text_area(key=state.EXTRACT_TEXT).input(text)
    at.button(key=state.EXTRACT_RUN).click().run()
    assert_no_exception(at, "propose")
    assert [a.title for a in at.session_state[state.LOADED_ARTICLES.name]] == ["Tencent shares rise after results"]
    at.sidebar.button(key=state.WS_SAVE).click().run()
    reopened = open_page("pages/your_data/your_data.py", params={"ws": qp(at, "ws")})
    article = reopened.session_state[state.LOADED_ARTICLES.name][0]
    assert article.text == text and article.published == dt.date(2025, 3, 6)
    assert "Your articles (1)" in [s.value for s in reopened.header]
    assert claims_article(reopened).text == text  # the claims page checks it after a reload
    reopened.button(key=state.article_key(0)).click().run()
    assert_no_exception(reopened, "propose again")
    assert reopened.session_state[state.EXTRACTION.name] is not None


def test_a_loaded_articles_market_and_claims_survive_the_link(open_page, database):
    text = "BABA shares jumped 8% on Thursday after the results, the biggest gain in New York trading."
    at = open_page("pages/story/claims.py")
    at.text_area(key=state.CLAIMS_TEXT).input(text)
    at.date_input(key=state.CLAIMS_PUBLISHED).set_value(dt.date(2025, 2, 21))
    at.selectbox(key=state.CLAIMS_PLACE).set_value("US")
    at.button(key=state.CLAIMS_LOAD).click().run()
    assert_no_exception(at, "load")
    assert at.session_state[state.LOADED_ARTICLES.name][0].place == "US"
    at.sidebar.button(key=state.WS_SAVE).click().run()
    reopened = open_page("pages/story/claims.py", params={"share": at.session_state[state.WORKSPACE.name].share})
    assert_no_exception(reopened, "reopen")
    loaded = claims_article(reopened)
    assert (loaded.text, loaded.published, loaded.place) == (text, dt.date(2025, 2, 21), "US")
    assert reopened.session_state[state.CLAIMS_SOURCE.name] == "loaded"
    assert any("BABA" in m.value for m in reopened.markdown)
