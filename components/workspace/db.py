"""Which database holds the workspaces, its engine, and its schema brought up to date.

``DASHBOARD_DATABASE_URL`` names the database: ``postgresql://user:password@host:5432/name``
(psycopg 3 is used; ``postgresql+psycopg://`` and ``postgres://`` are read the same) for several
replicas, or ``sqlite:///path``. Without it, an embedded SQLite file ``workspaces.sqlite`` in
``DASHBOARD_DATA_DIR`` (default ``.data/`` in the project), created on first use.

:func:`engine` makes one engine per URL and process and migrates the schema once (Alembic, to the
newest revision) under a lock, so replicas starting together migrate it once: a PostgreSQL advisory
lock, or a lock file beside the SQLite file. A newer schema than this code knows is an error that
says so; it is never changed back.

:func:`transaction` is how the store talks to the database. On SQLite a writing transaction takes the
write lock at once (``BEGIN IMMEDIATE``), and every transaction checks that the file its pooled
connection opened is still the file at the path (device and inode), before and after the commit: a
file deleted or replaced while the app runs is "not saved" with the reason, never a save into a file
the next process will not open. Every failure (a folder or lock file the app may not write, a
read-only database, a full disk, a server that does not answer) is a :class:`DatabaseError` whose
message names no host, port, database name, password or folder; those go to the server log.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from components.facts import PROJECT_ROOT
from components.locale import N_, Message

DATABASE_ENV = "DASHBOARD_DATABASE_URL"
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
DEFAULT_DATA_DIR = PROJECT_ROOT / ".data"
SQLITE_FILE = "workspaces.sqlite"
MIGRATIONS = Path(__file__).parent / "migrations"
ADVISORY_LOCK = 7_315_015  # any constant: the PostgreSQL advisory lock the migration holds
CONNECT_TIMEOUT_S = 5
SERIAL_LOCK = 7_315_016  # the PostgreSQL advisory lock serial transactions take (limits counted across rows)
WRITE = "dashboard_write"  # execution option of a writing transaction
FILE = "dashboard_file"  # connection info: the (device, inode) of the SQLite file a connection opened
REPLACED = N_("the workspace database file was deleted or replaced while the app was running, so nothing was "
              "written to it; the next try uses the file that is there now")
log = logging.getLogger("dashboard")

RETRY_OPEN_S = 10  # a database that could not be opened is tried again after this long; meanwhile it is said at once
_engines: dict[str, sa.Engine] = {}
_making: dict[str, threading.Lock] = {}  # one per database: opening one never holds up another, or a ready one
_failed: dict[str, tuple[float, Message]] = {}  # a database that could not be opened: when, and why
_lock = threading.Lock()  # guards the dictionaries only: never held while connecting or migrating


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
    raise DatabaseError(Message(N_("{setting} must start with postgresql:// or sqlite:///"), setting=DATABASE_ENV))


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


def file_identity(path: str | None) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, None when there is none (or no file: PostgreSQL, memory)."""
    if not path or path == ":memory:":
        return None
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return found.st_dev, found.st_ino


def _new_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        eng = sa.create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

        @sa.event.listens_for(eng, "connect")
        def _sqlite_pragmas(dbapi_conn, record) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy's begin (below) starts every transaction itself
            dbapi_conn.text_factory = _text  # a text column holding bytes that are not UTF-8 is input too
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
            cursor.execute("PRAGMA synchronous=FULL")  # a commit is on disk when it returns
            cursor.close()
            record.info[FILE] = file_identity(parsed.database)

        @sa.event.listens_for(eng, "begin")
        def _sqlite_begin(conn) -> None:  # a writer locks at once: a read then a write never meets a newer file
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")
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
    with _file_lock(str(eng.url)) if sqlite else contextlib.nullcontext(), \
            eng.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        if not sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        current = None
        if sa.inspect(conn).has_table("alembic_version"):
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        if current is not None and current not in known:
            raise DatabaseError(Message(N_("the workspace database has schema revision {found}, newer than this app "
                                           "knows ({known}); update the app"), found=current, known=head_revision()))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def failure(exc: BaseException, opening: bool = False) -> DatabaseError:
    """A database or file failure in words for anyone (a :class:`Message`, said in the language of the run that
    shows it: a failure to open is kept for every session a while): its kind, never a host, port, name, password
    or folder. ``opening``: the database could not be opened at all, rather than not answering a query."""
    orig = getattr(exc, "orig", None) or exc
    said, kind = str(orig).lower(), type(orig).__name__
    if any(w in said for w in ("is full", "disk full", "no space")):
        return DatabaseError(Message(N_("the disk of the workspace database is full, so nothing new can be saved "
                                        "(saved links still open)")))
    if isinstance(orig, OSError) or any(w in said for w in ("readonly", "read-only", "permission", "unable to open")):
        return DatabaseError(Message(N_("the app may not write the workspace database's folder or file ({kind}; the "
                                        "server's log says which)"), kind=kind))
    if opening:
        return DatabaseError(Message(N_("the workspace database cannot be used right now ({kind})"), kind=kind))
    return DatabaseError(Message(N_("the workspace database did not answer ({kind})"), kind=kind))


def engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default :func:`database_url`), its schema migrated; one per process.

    One thread opens a database while the others asking for it wait for its answer (a database that does
    not answer costs them one connect timeout together, not one each); a failure is said at once to
    whoever asks in the next ``RETRY_OPEN_S`` seconds."""
    url = url or database_url()
    ready = _engines.get(url)
    if ready is not None:
        return ready
    with _lock:
        making = _making.setdefault(url, threading.Lock())
    with making:
        with _lock:
            ready, failed = _engines.get(url), _failed.get(url)
        if ready is not None:
            return ready
        if failed is not None and time.monotonic() - failed[0] < RETRY_OPEN_S:
            raise DatabaseError(failed[1])
        eng = None
        try:
            eng = _new_engine(url)
            migrate(eng)
        except (sa.exc.SQLAlchemyError, OSError) as exc:
            if eng is not None:
                eng.dispose()
            log.warning("workspace database %s cannot be used: %r", describe(url), exc)  # the log may name it
            error = failure(exc, opening=True)
            with _lock:
                _failed[url] = (time.monotonic(), error.args[0])
            raise error from exc
        with _lock:
            _engines[url] = eng
            _failed.pop(url, None)
        return eng


def _forget(url: str) -> None:
    with _lock:
        eng = _engines.pop(url, None)
    if eng is not None:
        eng.dispose()


def _same_file(url: str, opened: tuple[int, int] | None) -> None:
    if opened is not None and file_identity(sa.make_url(url).database) != opened:
        _forget(url)  # the next try opens the file at the path
        log.warning("workspace database file replaced or deleted under the running app")
        raise DatabaseError(Message(REPLACED))


def serialize(conn) -> None:
    """From here to its end, this writing transaction runs alone among serial ones (SQLite: already, by its
    write lock; PostgreSQL: an advisory lock), so limits counted across rows hold."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SERIAL_LOCK})


@contextlib.contextmanager
def transaction(url: str | None = None, *, write: bool = False, serial: bool = False):
    """A transaction on the workspace database (see the module docstring), committed when the block ends.

    ``write``: it writes (SQLite locks at once). ``serial``: it also runs alone among serial transactions
    (SQLite's write lock; a PostgreSQL advisory lock), for limits counted across rows."""
    url = url or database_url()
    with engine(url).connect() as conn:
        conn.execution_options(**{WRITE: write or serial})
        opened = conn.connection.info.get(FILE)
        with conn.begin():
            _same_file(url, opened)
            if serial:
                serialize(conn)
            yield conn
            _same_file(url, opened)
    _same_file(url, opened)  # committed into a file that was replaced meanwhile: not saved either


def dispose_all() -> None:
    """Close every engine (tests, and a process about to exit)."""
    with _lock:
        for eng in _engines.values():
            eng.dispose()
        _engines.clear()
        _failed.clear()
