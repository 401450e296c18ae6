"""The import history: every uploaded workbook, its original file, and undo.

Undo never deletes: the batch is marked `undone`, and the batch it had replaced
becomes `active` again, so the derived state is exactly what it was before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlmodel import Session

from data_access.access.audit import record
from data_access.access.locks import period_lock
from data_access.access.permissions import Actor, load_actor, require, resolve_actor
from data_access.core.db import session_scope
from data_access.core.i18n import translate
from data_access.core.models import ImportBatch, Programme, utc_now


class HistoryError(Exception):
    """A request about a batch that can't be honoured; `message` says why, in nl or en."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return translate(f"history.{self.code}", lang, **self.params)


class UndoRefused(HistoryError):
    """Undo would leave the data inconsistent, or there is nothing to undo."""


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    reactivated_batch_id: int | None


def list_imports(
    session: Session, *, programme_id: int | None = None, programme_ids: Iterable[int] | None = None
) -> list[dict]:
    """All import batches (of one programme, or of some), newest first: who, when, which
    file, what it changed, status."""
    query = (
        select(ImportBatch, Programme.name)
        .join(Programme, Programme.id == ImportBatch.programme_id)
        .order_by(ImportBatch.uploaded_at.desc(), ImportBatch.id.desc())
    )
    if programme_id is not None:
        query = query.where(ImportBatch.programme_id == programme_id)
    if programme_ids is not None:
        query = query.where(ImportBatch.programme_id.in_(list(programme_ids)))
    return [_describe(batch, name) for batch, name in session.execute(query)]


# Officers and admins oversee every programme; anyone else sees the imports of the
# programmes they lead: another programme's files, uploaders and figures are not theirs.
SEES_EVERY_IMPORT = frozenset({"officer", "admin"})


def imports_visible_to(session: Session, *, actor: str | Actor) -> list[dict]:
    """The history list as `actor` may see it, newest first (see SEES_EVERY_IMPORT).
    An Actor is taken as the page has it (with the demo's declared role on a database
    without the demo users); an e-mail address is looked up."""
    who = actor if isinstance(actor, Actor) else load_actor(session, actor)
    if who.roles & SEES_EVERY_IMPORT:
        return list_imports(session)
    return list_imports(session, programme_ids=who.lead_programmes)


def _describe(batch: ImportBatch, programme: str) -> dict:
    return {
        "id": batch.id,
        "programme_id": batch.programme_id,
        "programme": programme,
        "period": batch.period,
        "file_name": batch.file_name,
        "checksum": batch.checksum,
        "uploaded_by": batch.uploaded_by,
        "uploaded_at": batch.uploaded_at,
        "submitted_by": batch.submitted_by,
        "submitter_email": batch.submitter_email,
        "status": batch.status,
        "replaces_batch_id": batch.replaces_batch_id,
        "counts": json.loads(batch.counts_json),
        "undone_by": batch.undone_by,
        "undone_at": batch.undone_at,
        "review_status": batch.review_status,
        "reviewed_by": batch.reviewed_by,
        "reviewed_at": batch.reviewed_at,
        "review_comment": batch.review_comment,
    }


def original_file(batch_id: int, *, actor: str | Actor) -> tuple[str, bytes]:
    """The workbook exactly as it was uploaded, to download it again. It holds names and
    e-mail addresses: only an officer or the lead of its programme may have it."""
    with session_scope() as session:
        who = resolve_actor(session, actor)
        require(who, "read")
        row = session.execute(
            select(ImportBatch.programme_id, ImportBatch.file_name, ImportBatch.content).where(
                ImportBatch.id == batch_id
            )
        ).one_or_none()
        if row is None:
            raise HistoryError("not_found", batch_id=batch_id)
        require(who, "original", row.programme_id, batch_id=batch_id)
    return row.file_name, bytes(row.content)


def undo_import(batch_id: int, *, actor: str | Actor) -> UndoResult:
    """Undo an active import; refused while a later import of the programme builds on it,
    or while its period is locked. The programme's lead or an officer may undo."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "read")
        batch = session.get(ImportBatch, batch_id, with_for_update=True)
        if batch is None:
            raise UndoRefused("not_found", batch_id=batch_id)
        require(who, "undo", batch.programme_id, batch_id=batch_id)
        lock = period_lock(session, programme_id=batch.programme_id, period=batch.period)
        if lock is not None and batch.status == "active":
            raise UndoRefused("locked", batch_id=batch_id, period=batch.period, by=lock.locked_by)
        if batch.status != "active":
            raise UndoRefused("not_active", batch_id=batch_id)
        later = _later_active_batches(session, batch)
        if later:
            names = ", ".join(f"#{b.id} ({b.period}, {b.file_name})" for b in later)
            raise UndoRefused("later_imports", batch_id=batch_id, later=names)
        batch.status, batch.undone_by, batch.undone_at = "undone", who.email, utc_now()
        reactivated = batch.replaces_batch_id
        if reactivated is not None:
            session.execute(
                update(ImportBatch).where(ImportBatch.id == reactivated).values(status="active")
            )
        record(session, actor=who.email, action="undo", entity="importbatch", entity_id=batch_id,
               programme_id=batch.programme_id, period=batch.period,
               details={"file": batch.file_name, "reactivated": reactivated})  # fmt: skip
    return UndoResult(batch_id, reactivated)


def _later_active_batches(session: Session, batch: ImportBatch) -> list[ImportBatch]:
    """Active imports of a later period of the same programme: they were built on this one."""
    return list(
        session.execute(
            select(ImportBatch)
            .where(
                ImportBatch.programme_id == batch.programme_id,
                ImportBatch.period > batch.period,
                ImportBatch.status == "active",
            )
            .order_by(ImportBatch.period, ImportBatch.id)
        ).scalars()
    )
