"""Locked periods: which programme periods are closed for uploads and undo, and why.

Kept apart from `approval` (which writes locks) so the importer and undo can ask
without importing the review functions.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from data_access.core.models import PeriodLock, Programme
from data_access.workbook.report import Issue


def period_lock(session: Session, *, programme_id: int, period: str) -> PeriodLock | None:
    """The lock on a programme's period, or None when uploads are open."""
    return session.execute(
        select(PeriodLock).where(
            PeriodLock.programme_id == programme_id, PeriodLock.period == period
        )
    ).scalar_one_or_none()


def locked_issue(session: Session, *, programme_id: int | None, period: str) -> Issue | None:
    """The error an upload for a locked period gets: who locked it and how to reopen it."""
    if programme_id is None:
        return None
    lock = period_lock(session, programme_id=programme_id, period=period)
    if lock is None:
        return None
    when = lock.locked_at.strftime("%Y-%m-%d %H:%M")
    return Issue("period_locked", params={"period": period, "by": lock.locked_by, "at": when})


def list_locks(session: Session) -> list[dict]:
    """Every locked period, newest first, with its programme's name."""
    query = (
        select(PeriodLock, Programme.name)
        .join(Programme, Programme.id == PeriodLock.programme_id)
        .order_by(PeriodLock.locked_at.desc())
    )
    return [
        {
            "programme_id": lock.programme_id,
            "programme": name,
            "period": lock.period,
            "locked_by": lock.locked_by,
            "locked_at": lock.locked_at,
            "approved_batch_id": lock.approved_batch_id,
        }
        for lock, name in session.execute(query)
    ]
