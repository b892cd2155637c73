"""The workspace store on SQLite and PostgreSQL: migration, round trips, links, bad rows, limits, expiry."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from components.data.events import Event, Source
from components.facts import MAX_WORKSPACE_EVENTS, WORKSPACE_EXPIRY_DAYS
from components.workspace import db, store, tokens
from components.workspace.records import Content, StoredArticle
from components.workspace.schema import metadata, workspace_events, workspaces


def user_event(n: int = 1, **changes) -> Event:
    fields = dict(id=f"user-event-{n}", title=f"My event {n}", date=dt.date(2025, 3, 5), time=dt.time(9, 30),
                  tz="America/New_York", category="corporate", origin="user", symbols=["BABA"],
                  summary="Line one.\nLine two, with “quotes” & ampersands.",
                  sources=[Source(url="https://example.com/a?b=1", title="Example")])
    return Event(**{**fields, **changes})


def article(n: int = 1) -> StoredArticle:
    return StoredArticle(id=f"story-{n}", title=f"Another story {n}", url="https://example.com/story",
                         published=dt.date(2025, 3, 7), text="HONG KONG: Shares rose 3% on Friday.\n\nMore text.",
                         added_at=dt.datetime(2025, 3, 8, 10, 0))


CONTENT = Content((user_event(1), user_event(2, time=None, tz="Asia/Hong_Kong")), (article(),),
                  {"range": "custom", "start": "2025-02-01", "end": "2025-03-14", "event": "user-event-1"})


def test_the_migrated_schema_is_the_schema_module(database):
    with db.engine().connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert diff == []
    assert version == db.head_revision()
    db.migrate(db.engine())  # a second replica starting later changes nothing


def test_a_schema_newer_than_the_app_is_refused_with_a_reason(database):
    with db.engine().begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    try:
        with pytest.raises(db.DatabaseError, match="newer than this app knows"):
            db.migrate(db.engine())
    finally:
        with db.engine().begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": db.head_revision()})


def test_saved_content_reads_back_the_same_by_either_link(database):
    created = store.create(CONTENT)
    for token, mode in ((created.edit_token, store.EDIT), (created.share_token, store.VIEW)):
        opened = store.open_link(token, mode)
        assert opened.content == CONTENT
        assert opened.problems == []
        assert opened.mode == mode
    assert store.open_link(created.edit_token, store.EDIT).share_token == created.share_token
    assert store.open_link(created.share_token, store.VIEW).share_token is None  # a viewer never learns it


def test_tokens_are_long_random_and_never_stored(database):
    made = [store.create(CONTENT) for _ in range(3)]
    every = [t for c in made for t in (c.edit_token, c.share_token)]
    assert len(set(every)) == 6 and all(tokens.looks_like_token(t) for t in every)  # 43 chars of base64: 256 bits
    with db.engine().connect() as conn:
        dump = json.dumps([list(map(str, row)) for table in metadata.sorted_tables
                           for row in conn.execute(sa.select(table))])
    assert not [t for t in every if t in dump]
    assert tokens.token_hash(made[0].edit_token) in dump


def test_a_link_of_one_kind_does_not_open_as_the_other(database):
    created = store.create(CONTENT)
    with pytest.raises(store.LinkError, match="No saved workspace has this share link"):
        store.open_link(created.edit_token, store.VIEW)
    with pytest.raises(store.LinkError, match="No saved workspace has this edit link"):
        store.open_link(created.share_token, store.EDIT)
    with pytest.raises(store.LinkError):
        store.save(created.workspace_id, created.share_token, 1, CONTENT)


@pytest.mark.parametrize("token", ["", "short", "x" * 44, "a" * 42 + "!", None, "<script>" * 6])
def test_a_malformed_token_is_explained(database, token):
    with pytest.raises(store.LinkError, match="not valid: its code should be 43"):
        store.open_link(token, store.VIEW)


def test_a_revoked_share_link_says_so_and_a_new_one_works(database):
    created = store.create(CONTENT)
    store.revoke_share(created.workspace_id, created.edit_token, when=dt.datetime(2025, 3, 9, 12))
    with pytest.raises(store.LinkError, match="turned off by the workspace's owner on 09 Mar 2025"):
        store.open_link(created.share_token, store.VIEW)
    assert store.open_link(created.edit_token, store.EDIT).share_token is None
    fresh = store.new_share(created.workspace_id, created.edit_token)
    assert fresh != created.share_token
    assert store.open_link(fresh, store.VIEW).content == CONTENT
    with pytest.raises(store.LinkError, match="turned off"):  # the old one stays off
        store.open_link(created.share_token, store.VIEW)


def test_saving_replaces_content_and_a_stale_revision_is_a_conflict(database):
    created = store.create(CONTENT)
    smaller = Content((user_event(3),), (), {"range": "1Y"})
    revision = store.save(created.workspace_id, created.edit_token, created.revision, smaller)
    assert store.open_link(created.share_token, store.VIEW).content == smaller
    with pytest.raises(store.Conflict):
        store.save(created.workspace_id, created.edit_token, created.revision, CONTENT)
    assert store.save(created.workspace_id, created.edit_token, created.revision, CONTENT, force=True) == revision + 1
    kept = store.save(created.workspace_id, created.edit_token, revision + 1, Content((), (), {"range": "6M"}),
                      articles=False)
    opened = store.open_link(created.share_token, store.VIEW)
    assert opened.revision == kept and opened.content.events == () and opened.content.articles == CONTENT.articles


def _tamper(workspace_id: str, position: int, record: str) -> None:
    with db.engine().begin() as conn:
        conn.execute(sa.update(workspace_events).where(workspace_events.c.workspace_id == workspace_id)
                     .where(workspace_events.c.position == position).values(record=record))


GOOD = user_event(9).model_dump(mode="json")


@pytest.mark.parametrize(("record", "why"), [
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "is not an object"),
    (json.dumps({**GOOD, "title": "<img src=x onerror=alert(1)>"}), "markup"),
    (json.dumps({**GOOD, "origin": "article"}), "not one of the user's own events"),
    (json.dumps({**GOOD, "id": "qwq-32b-release"}), "not one of the user's own events"),
    (json.dumps({**GOOD, "date": "2025-13-40"}), "field 'date'"),
    (json.dumps({**GOOD, "tz": "Mars/Olympus"}), "IANA time zone"),
    (json.dumps({**GOOD, "extra": 1}), "is not a field of this record"),
    (json.dumps({**GOOD, "title": "x" * 50_000}), "at most 50,000 characters"),
    (json.dumps({**GOOD, "title": "right\u202eleft"}), "U+202E"),
])
def test_a_bad_stored_event_is_reported_and_the_others_load(database, record, why):
    created = store.create(Content((user_event(1), user_event(2), user_event(3)), (), {}))
    _tamper(created.workspace_id, 1, record)
    opened = store.open_link(created.share_token, store.VIEW)
    assert [e.id for e in opened.content.events] == ["user-event-1", "user-event-3"]
    assert len(opened.problems) >= 1 and all("saved event #2" in p for p in opened.problems)
    assert any(why in p for p in opened.problems), opened.problems


def test_a_bad_view_and_a_bad_article_are_reported(database):
    created = store.create(CONTENT)
    with db.engine().begin() as conn:
        conn.execute(sa.update(workspaces).where(workspaces.c.id == created.workspace_id).values(view="[]"))
        conn.execute(sa.text("UPDATE workspace_articles SET url = 'javascript:alert(1)'"))
    opened = store.open_link(created.share_token, store.VIEW)
    assert opened.content.view == {} and opened.content.articles == ()
    assert any("saved view is unreadable" in p for p in opened.problems)
    assert any("saved article #1: field 'url'" in p for p in opened.problems)
    assert len(opened.content.events) == 2


def test_limits_refuse_a_save_and_say_which(database):
    many = Content(tuple(user_event(i) for i in range(MAX_WORKSPACE_EVENTS + 1)), (), {})
    with pytest.raises(store.NotSaved, match=f"at most {MAX_WORKSPACE_EVENTS} events"):
        store.create(many)
    articles = tuple(StoredArticle(**{**article(i).model_dump(), "text": "价" * 99_000}) for i in range(10))
    with pytest.raises(store.NotSaved, match="the limit is 2,000,000"):
        store.create(Content((), articles[:10], {}))
    with pytest.raises(store.NotSaved, match="at most 10 articles"):
        store.create(Content((), (*articles, article(11)), {}))


def test_unused_workspaces_expire_when_a_later_one_is_saved(database):
    start = dt.datetime(2025, 1, 1)
    old = store.create(CONTENT, when=start)
    kept = store.create(CONTENT, when=start + dt.timedelta(days=WORKSPACE_EXPIRY_DAYS - 10))
    store.open_link(kept.share_token, store.VIEW, when=start + dt.timedelta(days=WORKSPACE_EXPIRY_DAYS))  # a use
    store.create(CONTENT, when=start + dt.timedelta(days=WORKSPACE_EXPIRY_DAYS + 1))
    with pytest.raises(store.LinkError, match=f"deleted after {WORKSPACE_EXPIRY_DAYS} days"):
        store.open_link(old.share_token, store.VIEW)
    assert store.open_link(kept.share_token, store.VIEW).content == CONTENT
    with db.engine().connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM workspace_events WHERE workspace_id = :w"),
                            {"w": old.workspace_id}).scalar() == 0


def test_an_unreachable_database_is_a_short_reason(monkeypatch):
    monkeypatch.setenv(db.DATABASE_ENV, "postgresql://nobody:secret@127.0.0.1:9/none")
    with pytest.raises(db.DatabaseError) as caught:
        store.create(CONTENT)
    assert "cannot be used" in str(caught.value) and "secret" not in str(caught.value)


@pytest.mark.parametrize(("raw", "url"), [
    ("postgres://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
    ("postgresql://u:p@h:5433/d", "postgresql+psycopg://u:p@h:5433/d"),
    ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
])
def test_database_urls_use_psycopg_3(monkeypatch, raw, url):
    monkeypatch.setenv(db.DATABASE_ENV, raw)
    assert db.database_url() == url


def test_the_default_is_a_sqlite_file_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(db.DATA_DIR_ENV, str(tmp_path / "nested" / "data"))
    assert db.database_url() == f"sqlite:///{tmp_path / 'nested' / 'data' / 'workspaces.sqlite'}"
    store.create(CONTENT)
    assert (tmp_path / "nested" / "data" / "workspaces.sqlite").exists()
    monkeypatch.setenv(db.DATABASE_ENV, "mysql://x")
    with pytest.raises(db.DatabaseError, match="must start with postgresql"):
        db.database_url()


def test_an_article_saved_before_the_place_column_reads_back_after_the_upgrade(tmp_path, monkeypatch):
    from alembic import command
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    monkeypatch.setenv(db.DATABASE_ENV, url)
    engine = sa.create_engine(url)  # not db.engine(): that one migrates to the newest revision at once
    config = db.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        now = dt.datetime(2025, 3, 10)
        conn.execute(sa.text("INSERT INTO workspaces VALUES ('w1', :e, NULL, 0, 1, :n, :n, :n, '{}', 10)"),
                     {"e": tokens.token_hash("E" * 43), "n": now})
        conn.execute(sa.text("INSERT INTO workspace_articles VALUES ('w1', 0, 'old-1', 'An old article', NULL, "
                             "'2025-03-06', 'Alibaba rose 8% on Thursday.', :n)"), {"n": now})
    db.migrate(engine)
    engine.dispose()
    with db.engine().connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == db.head_revision()
    opened = store.open_link("E" * 43, store.EDIT)
    assert opened.problems == [] and [(a.title, a.place) for a in opened.content.articles] == [("An old article", "")]
