"""Facilitator capacity over time, trained cohorts, and "can we staff next year's target?".

Capacity and load per period use the as-of state of every reported period up to the
chosen one, so each point means what the Overview showed at that time; the reports
are read once, slim, and each period's state picked from them for all periods in one
vectorised pass (`history.states_per_period`), instead of one database round of as-of
queries, or one sort of every report, per period. Definitions: docs/figures.md.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.core.history import community_history, facilitator_history, states_per_period
from data_access.core.periods import period_year
from data_access.core.state import reported_periods
from data_access.kpis import facilitators as kf
from data_access.kpis.filters import (
    NO_FILTER,
    CommunityFilter,
    filter_communities,
    filter_facilitators,
)
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
    wanted = filters or NO_FILTER
    scope = {"programme_id": programme_id, "as_of": as_of}
    facilitators = facilitator_history(session, **scope, sectors=bool(wanted.sectors))
    communities = community_history(session, **scope, partners=bool(wanted.education_partners))
    counted = _kept(facilitators, lambda frame: filter_facilitators(frame, filters))
    counted &= (facilitators["status"] == "certified").to_numpy()
    places = pd.to_numeric(facilitators["max_concurrent"]).fillna(0).to_numpy("float64")
    capacities = states_per_period(facilitators, "facilitator_id", periods) @ (places * counted)
    shown = _kept(communities, lambda frame: filter_communities(frame, filters))
    status = communities["status"]
    at = states_per_period(communities, "community_id", periods).astype("int64")
    loads = at @ ((status == "running").to_numpy() & shown).astype("int64")
    demands = at @ (status.isin(kf.ACTIVE_STATUSES).to_numpy() & shown).astype("int64")
    rows = []
    for period, places_at, load, demand in zip(periods, capacities, loads, demands, strict=True):
        capacity, load, demand = int(places_at), int(load), int(demand)
        utilisation = load / capacity if capacity else np.nan
        rows.append([period, capacity, load, utilisation, demand, demand - capacity])
    frame = pd.DataFrame(rows, columns=CAPACITY_COLUMNS)
    return frame.astype({"capacity": "int64", "load": "int64", "utilisation": "float64"})


def _kept(history: pd.DataFrame, narrow: Callable[[pd.DataFrame], pd.DataFrame]) -> np.ndarray:
    """Which rows of `history` the dashboard filter `narrow` keeps (it judges each report
    by its own columns, so filtering the reports equals filtering each period's state)."""
    numbered = history.assign(_row=np.arange(len(history)))
    return np.isin(numbered["_row"].to_numpy(), narrow(numbered)["_row"].to_numpy())


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
