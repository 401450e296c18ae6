"""The targets as the Targets page shows them: a year × measure grid and the history.

Read-only (so `ui.cache` caches them); saving lives in `data_access.access.target_edits`.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.access.targets import target_history, targets_frame
from data_access.core.models import TARGET_MEASURES


def target_grid(
    session: Session, *, programme_id: int, years: tuple[int, ...] = ()
) -> pd.DataFrame:
    """Current targets indexed by year, one column per measure (NaN where none is set).

    The rows are the years that have a target plus `years` (e.g. this and next year),
    so an officer can set a target for a year that has none yet.
    """
    targets = targets_frame(session, programme_id=programme_id)
    grid = targets.pivot_table(index="year", columns="measure", values="value", aggfunc="last")
    all_years = sorted({*(int(y) for y in grid.index), *years})
    grid = grid.reindex(index=all_years, columns=list(TARGET_MEASURES)).astype("float64")
    grid.index.name, grid.columns.name = "year", None
    return grid


def target_changes(session: Session, *, programme_id: int) -> pd.DataFrame:
    """Who changed which target when, old → new, newest first."""
    return target_history(session, programme_id=programme_id)
