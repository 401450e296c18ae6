"""The audit trail: one row per write, who, when and what, in the write's own transaction.

Writing the event in the same transaction as the change means there is never a
change without its event, nor an event for a change that was rolled back.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from data_access.core.data_version import mark_changed
from data_access.core.models import AuditEvent, Programme

if TYPE_CHECKING:  # pandas only for the log's table: every write imports this module
    import pandas as pd

AUDIT_ACTIONS = (
    "import", "undo", "approve", "reject", "lock", "unlock", "target.set",
    "role.add", "role.remove", "programme.create", "programme.edit", "restore",
)  # fmt: skip
AUDIT_COLUMNS = [
    "id", "at", "actor", "action", "entity", "entity_id", "programme_id", "programme",
    "period", "details",
]  # fmt: skip


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    programme_id: int | None = None,
    period: str | None = None,
    details: dict | None = None,
) -> AuditEvent:
    """Add one audit event to the caller's transaction, which moves the data's version
    when it commits (data_access.core.data_version)."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        programme_id=programme_id,
        period=period,
        details_json=json.dumps(details or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(event)
    session.flush()
    mark_changed(session)
    return event


def audit_frame(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    programme_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> pd.DataFrame:
    """Audit events, newest first, filtered by any of actor, action, programme and time."""
    query = (
        select(AuditEvent, Programme.name)
        .outerjoin(Programme, Programme.id == AuditEvent.programme_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action:
        query = query.where(AuditEvent.action == action)
    if programme_id is not None:
        query = query.where(AuditEvent.programme_id == programme_id)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    rows = [
        {
            "id": e.id,
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "programme_id": e.programme_id,
            "programme": name,
            "period": e.period,
            "details": _readable(e.details_json),
        }
        for e, name in session.execute(query)
    ]
    import pandas as pd

    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def audit_actors(session: Session) -> list[str]:
    """Everyone who ever wrote something: the audit page's actor filter."""
    return sorted(session.execute(select(AuditEvent.actor).distinct()).scalars())


def _readable(details_json: str) -> str:
    """`key: value; ...`, short enough for a table cell and an export."""
    details = json.loads(details_json or "{}")
    return "; ".join(f"{key}: {value}" for key, value in details.items())
