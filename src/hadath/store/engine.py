"""Opening a database: URL handling, SQLite pragmas, write locks and migrations.

SQLite (the default, ``sqlite:///hadath.db``) runs in WAL mode with foreign keys on and
a busy timeout; every write transaction starts with ``BEGIN IMMEDIATE`` so two processes
writing one file queue up instead of failing half-way. PostgreSQL URLs
(``postgresql://...``) are mapped to the psycopg 3 driver; write transactions take one
advisory lock, so there is one writer at a time there too (dedup reads then writes).

Migrations are Alembic scripts shipped in ``store/migrations``; they run on open, inside
the write lock, so two processes opening a fresh database do not race.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hadath.errors import StoreError

# Any fixed number: the key of the PostgreSQL advisory lock that serialises writers.
_PG_WRITE_LOCK = 7_126_455
SQLITE_BUSY_MS = 60_000


def normalize_url(url: str) -> str:
    """Map user-facing URLs to SQLAlchemy ones (``postgresql://`` → psycopg 3)."""
    url = url.strip()
    if not url:
        raise StoreError("empty database URL")
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("sqlite:", "postgresql+psycopg:")):
        return url
    if "://" not in url:
        # A bare path is a SQLite file.
        return f"sqlite:///{url}"
    raise StoreError(f"unsupported database URL {url!r} (use sqlite:///FILE or postgresql://...)")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with hadath's connection settings (not yet migrated)."""
    full = normalize_url(url)
    try:
        if full.startswith("sqlite"):
            return _sqlite_engine(full)
        return sa.create_engine(full, pool_pre_ping=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc


def _sqlite_engine(url: str, foreign_keys: bool = True) -> Engine:
    # A pooled connection is used by one thread at a time (the web server's workers).
    connect_args = {"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}
    engine = sa.create_engine(url, connect_args=connect_args)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit BEGIN
        # would be DEFERRED, and a deferred reader that later writes can deadlock).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        if ":memory:" not in url and url.rstrip("/") != "sqlite:":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def write_lock(conn: Connection) -> None:
    """Serialise writers on PostgreSQL (SQLite does it with BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})


def begin_write(engine: Engine) -> Any:
    """A context manager: one write transaction, holding the writer lock."""
    return _WriteTx(engine)


class _WriteTx:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.conn: Connection | None = None
        self.tx: Any = None

    def __enter__(self) -> Connection:
        conn = self.engine.connect()
        conn.info["write"] = True
        try:
            self.tx = conn.begin()
            write_lock(conn)
        except BaseException:
            conn.info.pop("write", None)
            conn.close()
            raise
        self.conn = conn
        return conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        assert self.conn is not None
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        finally:
            self.conn.info.pop("write", None)
            self.conn.close()


def migrations_dir() -> str:
    return str(resources.files("hadath.store").joinpath("migrations"))


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(migrations_dir()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (no-op when it is already there)."""
    from alembic import command
    from alembic.config import Config

    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir())
    target = engine
    if is_sqlite(engine):
        # SQLite alters a table by copying it; with foreign keys on, dropping the old
        # copy fails while other tables point to it. Check them after, as SQLite advises.
        target = _sqlite_engine(engine.url.render_as_string(hide_password=False), False)
    try:
        with begin_write(target) as conn:
            # Another process may have migrated while we waited for the lock.
            if current_revision(conn) == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if is_sqlite(target):
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration broke foreign keys: {broken[:3]}")
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the database: {exc}") from exc
    finally:
        if target is not engine:
            target.dispose()
