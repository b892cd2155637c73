"""Which database holds the workspaces, its engine, and its schema brought up to date.

``DASHBOARD_DATABASE_URL`` names the database: ``postgresql://user:password@host:5432/name``
(psycopg 3 is used; ``postgresql+psycopg://`` and ``postgres://`` are read the same) for several
replicas, or ``sqlite:///path``. Without it, an embedded SQLite file ``workspaces.sqlite`` in
``DASHBOARD_DATA_DIR`` (default ``.data/`` in the project), created on first use.

:func:`engine` makes one engine per URL and process and migrates the schema once (Alembic, to the
newest revision) under a lock, so replicas starting together migrate it once: a PostgreSQL advisory
lock, or a lock file beside the SQLite file. A newer schema than this code knows is an error that
says so; it is never changed back.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from components.facts import PROJECT_ROOT

DATABASE_ENV = "DASHBOARD_DATABASE_URL"
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
DEFAULT_DATA_DIR = PROJECT_ROOT / ".data"
SQLITE_FILE = "workspaces.sqlite"
MIGRATIONS = Path(__file__).parent / "migrations"
ADVISORY_LOCK = 7_315_015  # any constant: the PostgreSQL advisory lock the migration holds
CONNECT_TIMEOUT_S = 5

_engines: dict[str, sa.Engine] = {}
_lock = threading.Lock()


class DatabaseError(RuntimeError):
    """The database cannot be used; the message says why, without secrets or server paths."""


def database_url() -> str:
    """The database to use, from the environment (see the module's docstring)."""
    raw = os.environ.get(DATABASE_ENV, "").strip()
    if not raw:
        folder = Path(os.environ.get(DATA_DIR_ENV, "").strip() or DEFAULT_DATA_DIR)
        return f"sqlite:///{folder / SQLITE_FILE}"
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    if raw.startswith("sqlite:///"):
        return raw
    raise DatabaseError(f"{DATABASE_ENV} must start with postgresql:// or sqlite:///")


def describe(url: str) -> str:
    """The database in words, without its password or folders: 'PostgreSQL at host:5432/name'."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return "an embedded SQLite file"
    return f"PostgreSQL at {parsed.host}:{parsed.port or 5432}/{parsed.database}"


def _text(raw: bytes) -> str | bytes:
    """A stored text as SQLite gives it: the text, or its bytes when they are not UTF-8 (a record check names it)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def _new_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        eng = sa.create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

        @sa.event.listens_for(eng, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            dbapi_conn.text_factory = _text  # a text column holding bytes that are not UTF-8 is input too
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
            cursor.close()
        return eng
    return sa.create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True, pool_recycle=1800,
                            connect_args={"connect_timeout": CONNECT_TIMEOUT_S})


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@contextlib.contextmanager
def _file_lock(url: str):
    path = sa.make_url(url).database
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(eng: sa.Engine) -> None:
    """Bring the schema to the newest revision (once per database, whoever comes first)."""
    sqlite = eng.dialect.name == "sqlite"
    config = alembic_config()
    known = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
    with _file_lock(str(eng.url)) if sqlite else contextlib.nullcontext(), eng.begin() as conn:
        if not sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        current = None
        if sa.inspect(conn).has_table("alembic_version"):
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        if current is not None and current not in known:
            raise DatabaseError(f"the workspace database has schema revision {current}, newer than this app "
                                f"knows ({head_revision()}); update the app")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default :func:`database_url`), its schema migrated; one per process."""
    url = url or database_url()
    with _lock:
        if url not in _engines:
            eng = _new_engine(url)
            try:
                migrate(eng)
            except sa.exc.SQLAlchemyError as exc:
                eng.dispose()
                raise DatabaseError(f"the workspace database ({describe(url)}) cannot be used: "
                                    f"{type(getattr(exc, 'orig', None) or exc).__name__}") from exc
            _engines[url] = eng
        return _engines[url]


def dispose_all() -> None:
    """Close every engine (tests, and a process about to exit)."""
    with _lock:
        for eng in _engines.values():
            eng.dispose()
        _engines.clear()
