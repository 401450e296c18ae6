"""The engine (one per process) and sessions (one per unit of work).

Nothing connects on import: the engine is made on first use, and `reset_engine`
lets tests point the process at a fresh database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from data_access.core.config import database_url

SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "lc_monitor_write"

_engine: Engine | None = None


def get_engine() -> Engine:
    """The process-wide engine for `DATABASE_URL` (or the embedded SQLite file)."""
    global _engine
    if _engine is None:
        _engine = make_engine(database_url())
    return _engine


def reset_engine() -> None:
    """Dispose of the engine so the next `get_engine` reads the settings again."""
    global _engine
    if _engine is not None:
        _engine.dispose()
    _engine = None


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and enforced foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    # Let SQLAlchemy issue BEGIN itself (see _begin_immediate) instead of pysqlite.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection) -> None:
    # A writer takes SQLite's write lock at BEGIN, so concurrent writers wait (busy
    # timeout) instead of failing halfway with "database is locked" on lock upgrade.
    # Readers begin deferred and never block on a writer in WAL mode.
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


@contextmanager
def session_scope(*, write: bool = False, approved_only: bool = False) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any error.

    Pass `write=True` for a unit of work that writes, so SQLite locks up front.
    `approved_only=True` makes the as-of queries (data_access.core.state) count only
    imports an officer approved, for every figure read in this session.
    """
    engine = get_engine()
    if write:
        engine = engine.execution_options(**{WRITE_OPTION: True})
    with Session(engine, expire_on_commit=False) as session:
        session.info["approved_only"] = approved_only
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
