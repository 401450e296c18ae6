"""Saving the Targets page's edits: only the cells that changed, each with who and when.

Every change goes through `targets.set_target`, so it is kept in the history
(docs/figures.md: targets are data, with a history of who changed what). An emptied cell is
left alone: a target is corrected, never silently deleted.
"""

from __future__ import annotations

import math

import pandas as pd
from sqlmodel import Session

from data_access.access.permissions import Actor
from data_access.access.targets import set_target

Change = tuple[int, str, float]  # year, measure, new value


def changed_cells(before: pd.DataFrame, after: pd.DataFrame) -> list[Change]:
    """Every filled cell of `after` (year × measure) that differs from `before`."""
    changes = []
    for year in after.index:
        for measure in after.columns:
            new = after.at[year, measure]
            old = before.at[year, measure] if year in before.index else math.nan
            if pd.isna(new) or (not pd.isna(old) and float(old) == float(new)):
                continue
            changes.append((int(year), str(measure), float(new)))
    return changes


def save_target_changes(
    session: Session, *, programme_id: int, changes: list[Change], actor: str | Actor
) -> int:
    """Record each change under `actor` (an officer); returns how many were saved."""
    if isinstance(actor, str):
        actor = actor.strip()
        if not actor:
            raise ValueError("a target change needs the e-mail of who makes it")
    for year, measure, value in changes:
        set_target(
            session, programme_id=programme_id, year=year, measure=measure, value=value, actor=actor
        )
    return len(changes)
