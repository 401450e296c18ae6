"""Yearly targets per programme, editable by an officer, with a history of changes.

Targets are data, not code (docs/figures.md): each change is recorded as a TargetChange
with the old and new value, who made it and when.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session, select

from data_access.access.audit import record
from data_access.access.permissions import Actor, require, resolve_actor
from data_access.core.models import TARGET_MEASURES, Target, TargetChange, utc_now

TARGET_COLUMNS = ["programme_id", "year", "measure", "value", "updated_by", "updated_at"]
HISTORY_COLUMNS = [
    "programme_id", "year", "measure", "old_value", "new_value", "changed_by", "changed_at",
]  # fmt: skip


def set_target(
    session: Session,
    *,
    programme_id: int,
    year: int,
    measure: str,
    value: float,
    actor: str | Actor,
) -> Target:
    """Create or change one target and record the change; an unchanged value is a no-op.

    Only an officer may; checked in the caller's transaction, audited in it too.
    """
    who = resolve_actor(session, actor)
    require(who, "targets")
    actor = who.email
    if measure not in TARGET_MEASURES:
        raise ValueError(f"unknown target measure {measure!r}; expected one of {TARGET_MEASURES}")
    target = get_target(session, programme_id=programme_id, year=year, measure=measure)
    old_value = target.value if target is not None else None
    if old_value is not None and float(old_value) == float(value):
        return target
    now = utc_now()
    if target is None:
        target = Target(programme_id=programme_id, year=year, measure=measure, value=value)
    target.value = float(value)
    target.updated_by = actor
    target.updated_at = now
    session.add(target)
    session.add(
        TargetChange(
            programme_id=programme_id,
            year=year,
            measure=measure,
            old_value=old_value,
            new_value=float(value),
            changed_by=actor,
            changed_at=now,
        )
    )
    details = {"year": year, "measure": measure, "old": old_value, "new": float(value)}
    record(session, actor=actor, action="target.set", entity="target",
           entity_id=f"{year}/{measure}", programme_id=programme_id, details=details)  # fmt: skip
    session.flush()
    return target


def get_target(session: Session, *, programme_id: int, year: int, measure: str) -> Target | None:
    """The current target, or None when none was set."""
    return session.exec(
        select(Target).where(
            Target.programme_id == programme_id, Target.year == year, Target.measure == measure
        )
    ).first()


def targets_frame(session: Session, *, programme_id: int | None) -> pd.DataFrame:
    """Current targets, one row per (programme, year, measure); None: all programmes."""
    query = select(Target).order_by(Target.programme_id, Target.year, Target.measure)
    if programme_id is not None:
        query = query.where(Target.programme_id == programme_id)
    rows = [{c: getattr(t, c) for c in TARGET_COLUMNS} for t in session.exec(query).all()]
    return pd.DataFrame(rows, columns=TARGET_COLUMNS).astype({"value": "float64"})


def target_history(session: Session, *, programme_id: int | None) -> pd.DataFrame:
    """Every change to the targets, newest first: who changed what, when."""
    query = select(TargetChange).order_by(TargetChange.changed_at.desc(), TargetChange.id.desc())
    if programme_id is not None:
        query = query.where(TargetChange.programme_id == programme_id)
    rows = [{c: getattr(t, c) for c in HISTORY_COLUMNS} for t in session.exec(query).all()]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)
