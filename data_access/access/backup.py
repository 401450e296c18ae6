"""Backups of the whole database to one file, and restoring from one.

SQLite uses its online backup API, so a backup taken while the app runs is a
consistent snapshot and a restore replaces the live file page by page under
SQLite's own locks. PostgreSQL uses `pg_dump -Fc` and `pg_restore --clean` in a
single transaction, so a failed restore leaves the database as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from glob import glob
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from data_access.core.config import database_url
from data_access.core.db import reset_engine
from data_access.core.i18n import translate

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
PAGES_PER_STEP = 1024  # copy in steps so writers in other processes get turns


class BackupError(Exception):
    """A backup or restore that could not be done; `message` says why, in nl or en."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return translate(f"backup.{self.code}", lang, **self.params)


def backup_database(target: str | Path, *, url: str | None = None) -> Path:
    """Write a consistent copy of the database (default: the app's) to `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    parsed = make_url(url or database_url())
    if parsed.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_path(parsed), target)
        _make_self_contained(target)
    else:
        _run_pg("pg_dump", "--format=custom", "--no-owner", "--file", str(target), url=parsed)
    return target


def restore_backup(source: str | Path, *, actor: str) -> None:
    """Restore the app's database from `source` as `actor`, who must be an administrator.

    The write the CLI offers: the permission is checked first, and the restore itself
    is audited in the restored database (whose audit log replaced the current one).
    """
    from data_access.access.audit import record
    from data_access.access.permissions import require, resolve_actor
    from data_access.core import data_version
    from data_access.core.db import session_scope
    from data_access.core.migrate import migrate

    with session_scope() as session:
        require(resolve_actor(session, actor), "restore")
        before = data_version.current(session)
    restore_database(source)
    migrate()  # a backup from an older version gets the newer schema
    with session_scope(write=True) as session:
        # The backup's version may be older than numbers caches already hold: go past them.
        data_version.raise_above(session, before)
        record(session, actor=actor, action="restore", entity="database",
               details={"file": str(source)})  # fmt: skip


def restore_database(source: str | Path, *, url: str | None = None) -> None:
    """Replace the database's contents with the backup in `source`, all or nothing.

    The bare mechanism, with no actor: `restore_backup` is the checked, audited write;
    tests use this directly to reset a database. Other processes keep their
    connections and see the restored data on their next transaction.
    """
    source = Path(source)
    parsed = make_url(url or database_url())
    sqlite = parsed.get_backend_name() == "sqlite"
    _check_backup_file(source, SQLITE_MAGIC if sqlite else PG_DUMP_MAGIC)
    reset_engine()  # drop our pooled connections, which would block the restore
    if sqlite:
        _check_sqlite_backup(source)
        _sqlite_copy(source, Path(_sqlite_path(parsed)))
    else:
        _run_pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                str(source), url=parsed)  # fmt: skip


def _sqlite_path(parsed: URL) -> str:
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("in_memory")
    return parsed.database


def _sqlite_copy(source: str | Path, target: Path) -> None:
    # timeout: wait for a writer's lock like the app does instead of failing at once.
    with (
        closing(sqlite3.connect(source, timeout=30)) as src,
        closing(sqlite3.connect(target, timeout=30)) as dst,
    ):
        src.backup(dst, pages=PAGES_PER_STEP)


def _make_self_contained(target: Path) -> None:
    # The copied header says WAL; a backup should be one file that opens read-only anywhere.
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")


def _check_backup_file(source: Path, magic: bytes) -> None:
    if not source.is_file():
        raise BackupError("file_not_found", path=source)
    with source.open("rb") as handle:
        head = handle.read(len(magic))
    if head != magic:
        raise BackupError("not_a_backup", path=source)


def _check_sqlite_backup(source: Path) -> None:
    """Refuse a damaged file or a SQLite file that is not an LC Monitor database."""
    # A proper file: URI: `#` or `?` in a raw path would end the path, and the check
    # would read (or create) another file than the one restored.
    read_only = f"{source.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(read_only, uri=True)) as connection:
            (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError("not_a_backup", path=source) from error
    if verdict != "ok" or "alembic_version" not in tables:
        raise BackupError("not_a_backup", path=source)


def _run_pg(program: str, *args: str, url: URL) -> None:
    """Run a PostgreSQL client; the password goes through the environment, not argv."""
    target = url.set(drivername="postgresql", password=None).render_as_string(False)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    command = [pg_program(program), *args, "--dbname", target]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise BackupError("tool_failed", program=program, detail=detail)


def pg_program(name: str) -> str:
    """The newest installed PostgreSQL client `name` (pg_dump must not be older than
    the server); Debian keeps them under /usr/lib/postgresql/VERSION/bin."""
    candidates = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key)
    found = candidates[-1] if candidates else shutil.which(name)
    if found is None:
        raise BackupError("tool_missing", program=name)
    return found


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())
