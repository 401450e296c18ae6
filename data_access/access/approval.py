"""An officer's review of an import: approve (which locks the period) or reject with a comment.

Every import starts `submitted`. Approving it locks its programme's period: a new
upload for that period is refused, naming who approved it, until an officer
unlocks it. A rejected import stays in the history but no longer counts in any
figure. Each step checks the actor and writes its audit event in its transaction.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session

from data_access.access.audit import record
from data_access.access.history import HistoryError
from data_access.access.locks import period_lock
from data_access.access.permissions import Actor, require, resolve_actor
from data_access.core.db import session_scope
from data_access.core.models import ImportBatch, PeriodLock, utc_now


class ReviewRefused(HistoryError):
    """The review step doesn't fit the batch or period (`history.review.<code>`)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"review.{code}", **params)


def approve_batch(batch_id: int, *, actor: str | Actor, comment: str | None = None) -> None:
    """Approve a submitted active import and lock its period."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "review")
        batch = _submitted_batch(session, batch_id)
        _set_review(batch, "approved", who.email, comment)
        _lock(session, batch.programme_id, batch.period, who.email, batch.id)
        record(session, actor=who.email, action="approve", entity="importbatch",
               entity_id=batch.id, programme_id=batch.programme_id, period=batch.period,
               details={"comment": comment or ""})  # fmt: skip


def reject_batch(batch_id: int, *, actor: str | Actor, comment: str) -> None:
    """Reject a submitted active import: it stays listed, with the comment, but doesn't count."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "review")
        if not (comment or "").strip():
            raise ReviewRefused("comment_required", batch_id=batch_id)
        batch = _submitted_batch(session, batch_id)
        _set_review(batch, "rejected", who.email, comment.strip())
        record(session, actor=who.email, action="reject", entity="importbatch",
               entity_id=batch.id, programme_id=batch.programme_id, period=batch.period,
               details={"comment": comment.strip()})  # fmt: skip


def lock_period(programme_id: int, period: str, *, actor: str | Actor) -> None:
    """Close a programme's period for uploads without approving an import."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "review")
        if period_lock(session, programme_id=programme_id, period=period) is not None:
            raise ReviewRefused("already_locked", period=period)
        _lock(session, programme_id, period, who.email, None)


def unlock_period(programme_id: int, period: str, *, actor: str | Actor) -> None:
    """Open a locked period again, so a correction can be uploaded (or the import undone)."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "review")
        lock = period_lock(session, programme_id=programme_id, period=period)
        if lock is None:
            raise ReviewRefused("not_locked", period=period)
        session.execute(delete(PeriodLock).where(PeriodLock.id == lock.id))
        record(session, actor=who.email, action="unlock", entity="period", entity_id=period,
               programme_id=programme_id, period=period,
               details={"locked_by": lock.locked_by, "batch": lock.approved_batch_id})  # fmt: skip


def _submitted_batch(session: Session, batch_id: int) -> ImportBatch:
    batch = session.get(ImportBatch, batch_id, with_for_update=True)
    if batch is None:
        raise ReviewRefused("not_found", batch_id=batch_id)
    if batch.status != "active" or batch.review_status != "submitted":
        raise ReviewRefused("not_submitted", batch_id=batch_id, status=batch.review_status)
    return batch


def _set_review(batch: ImportBatch, status: str, email: str, comment: str | None) -> None:
    batch.review_status, batch.reviewed_by = status, email
    batch.reviewed_at, batch.review_comment = utc_now(), comment or None


def _lock(session: Session, programme_id: int, period: str, email: str, batch_id) -> None:
    existing = period_lock(session, programme_id=programme_id, period=period)
    if existing is not None:
        existing.approved_batch_id = batch_id or existing.approved_batch_id
        return
    session.add(PeriodLock(programme_id=programme_id, period=period, locked_by=email,
                           approved_batch_id=batch_id))  # fmt: skip
    session.flush()
    record(session, actor=email, action="lock", entity="period", entity_id=period,
           programme_id=programme_id, period=period, details={"batch": batch_id})  # fmt: skip
