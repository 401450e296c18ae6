"""Facilitator capacity over time, trained cohorts, and "can we staff next year's target?".

Capacity and load per period use the as-of state of every reported period up to the
chosen one, so each point means what the Overview showed at that time; the reports
are read once and each period's state picked from them (`state.latest_at`), instead
of one database round of as-of queries per period. Definitions: docs/figures.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.core.periods import period_year
from data_access.core.state import (
    communities_as_of,
    facilitators_as_of,
    latest_at,
    reported_periods,
)
from data_access.kpis import facilitators as kf
from data_access.kpis.filters import CommunityFilter, filter_communities, filter_facilitators
from data_access.kpis.summary import load_frames

CAPACITY_COLUMNS = ["period", "capacity", "load", "utilisation", "demand", "capacity_gap"]
COHORT_COLUMNS = ["period", "facilitators", "cumulative"]


def capacity_per_period(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per reported period up to `as_of`: capacity, load (running), utilisation, demand
    (planned + running) and the capacity gap (demand − capacity)."""
    periods = [
        p
        for p in reported_periods(session, programme_id=programme_id)
        if as_of is None or p <= as_of
    ]
    scope = {"programme_id": programme_id, "as_of": as_of, "every_report": True}
    communities = communities_as_of(session, **scope)
    facilitators = facilitators_as_of(session, **scope)
    rows = []
    for period in periods:
        at = filter_facilitators(latest_at(facilitators, "facilitator_id", period), filters)
        capacity = kf.facilitator_capacity(at)
        status = filter_communities(latest_at(communities, "community_id", period), filters)[
            "status"
        ]
        load = int((status == "running").sum())
        demand = int(status.isin(kf.ACTIVE_STATUSES).sum())
        utilisation = load / capacity if capacity else np.nan
        rows.append([period, capacity, load, utilisation, demand, demand - capacity])
    frame = pd.DataFrame(rows, columns=CAPACITY_COLUMNS)
    return frame.astype({"capacity": "int64", "load": "int64", "utilisation": "float64"})


def trained_cohorts(facilitators: pd.DataFrame) -> pd.DataFrame:
    """Facilitators per quarter in which they finished training, and the running total."""
    trained = facilitators["trained_on"].dropna()
    quarters = pd.DatetimeIndex(trained).to_period("Q").astype(str).str.replace("Q", "-Q")
    counts = pd.Series(1, index=quarters).groupby(level=0).sum().sort_index()
    frame = counts.rename("facilitators").rename_axis("period").reset_index()
    frame["cumulative"] = frame["facilitators"].cumsum()
    return frame.astype({"facilitators": "int64", "cumulative": "int64"})[COHORT_COLUMNS]


def facilitator_cohorts(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Trained cohorts of the facilitators known as of the period (sector filter applies)."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return trained_cohorts(frames.facilitators)


def staffing_gap(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str,
    filters: CommunityFilter | None = None,
) -> dict:
    """Next year's "communities started" target minus today's certified capacity.

    Positive: that many more community places are needed than certified
    facilitators can run at once; NaN when next year has no target.
    """
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    next_year = period_year(as_of) + 1
    targets = frames.targets
    wanted = targets[(targets["measure"] == "communities_started") & (targets["year"] == next_year)]
    target = float(wanted["value"].sum()) if len(wanted) else np.nan
    capacity = kf.facilitator_capacity(frames.facilitators)
    return {
        "year": next_year,
        "target": target,
        "capacity": capacity,
        "gap": target - capacity if len(wanted) else np.nan,
    }
