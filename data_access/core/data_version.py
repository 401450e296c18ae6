"""The data's version: one number every write moves, in the write's own transaction.

Every write records an audit event (data_access.access.audit.record), and recording one
marks the session; just before that session commits, the single `dataversion` row
is incremented in the same transaction. So the number moves exactly when committed
data changed, whoever wrote it (this app instance, another one, the command line),
and never for a write that was rolled back. Readers (ui/cache.py) read it with one
primary-key lookup per rerun and key every cached figure on it.

Incrementing at commit time rather than at the audit call keeps PostgreSQL's row
lock on `dataversion` for the shortest possible time: concurrent imports of
different programmes serialise only for their final statement.
"""

from __future__ import annotations

from sqlalchemy import event, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from data_access.core.models import DataVersion

ROW_ID = 1
_MARK = "data_version.changed"  # session.info key: this unit of work wrote data


def mark_changed(session: Session) -> None:
    """Move the version when `session` commits (audit.record calls this for every write)."""
    session.info[_MARK] = True


def current(connection: Connection | Session) -> int:
    """The data's version now: one indexed read (0 before the first write)."""
    version = connection.execute(
        select(DataVersion.version).where(DataVersion.id == ROW_ID)
    ).scalar()
    return version or 0


def raise_above(session: Session, floor: int) -> None:
    """Make the version larger than `floor` (after a restore brought back an older one),
    so no version number ever stands for two different states of the data."""
    if current(session) <= floor:
        session.execute(update(DataVersion).where(DataVersion.id == ROW_ID).values(version=floor))
    mark_changed(session)


@event.listens_for(Session, "before_commit")
def _bump(session: Session) -> None:
    if not session.info.pop(_MARK, False):
        return
    moved = session.execute(
        update(DataVersion).where(DataVersion.id == ROW_ID).values(version=DataVersion.version + 1)
    )
    if moved.rowcount == 0:  # a schema made without the migration's row
        session.add(DataVersion(id=ROW_ID, version=1))
        session.flush()


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_MARK, None)
