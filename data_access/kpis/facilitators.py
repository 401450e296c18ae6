"""Facilitator KPIs: certified, capacity, load and utilisation, capacity gap, coverage.

Pure functions on the frames of `state.facilitators_as_of` and
`state.communities_as_of`. A facilitator counts as of its latest report, so one
that became inactive mid-year no longer adds capacity after that report.
"""

from __future__ import annotations

import pandas as pd

LOAD_COLUMNS = [
    "facilitator_id", "name", "status", "max_concurrent", "load", "utilisation", "sectors",
]  # fmt: skip
COVERAGE_COLUMNS = [
    "sector", "communities", "active_communities", "certified_facilitators", "capacity",
]  # fmt: skip
ACTIVE_STATUSES = ("planned", "running")


def certified(facilitators: pd.DataFrame) -> pd.DataFrame:
    """Facilitators whose latest status is Certified."""
    return facilitators.loc[facilitators["status"] == "certified"]


def facilitators_certified(facilitators: pd.DataFrame) -> int:
    return len(certified(facilitators))


def facilitator_capacity(facilitators: pd.DataFrame) -> int:
    """Sum of "max concurrent communities" over certified facilitators."""
    return int(pd.to_numeric(certified(facilitators)["max_concurrent"]).fillna(0).sum())


def capacity_gap(communities: pd.DataFrame, facilitators: pd.DataFrame) -> int:
    """Planned + running communities minus capacity; positive means a shortage."""
    demand = int(communities["status"].isin(ACTIVE_STATUSES).sum())
    return demand - facilitator_capacity(facilitators)


def facilitator_load(communities: pd.DataFrame, facilitators: pd.DataFrame) -> pd.DataFrame:
    """Per facilitator: running communities (load) and load ÷ max concurrent (utilisation).

    Utilisation is NaN where the facilitator has no capacity recorded (or zero).
    """
    running = communities.loc[communities["status"] == "running", "facilitator_id"]
    load = running.dropna().astype("int64").value_counts()
    frame = facilitators.copy()
    frame["load"] = frame["facilitator_id"].map(load).fillna(0).astype("int64")
    capacity = pd.to_numeric(frame["max_concurrent"]).astype("float64")
    frame["utilisation"] = (frame["load"] / capacity.where(capacity > 0)).astype("float64")
    return frame[LOAD_COLUMNS].reset_index(drop=True)


def sector_coverage(
    communities: pd.DataFrame, facilitators: pd.DataFrame, sectors: list[str]
) -> pd.DataFrame:
    """Per sector: communities (all, and planned + running) vs certified facilitators.

    A facilitator listing several sectors counts (with full capacity) in each, so
    the capacity column shows who *could* serve a sector, not a split of capacity.
    """
    active = communities["status"].isin(ACTIVE_STATUSES)
    exploded = certified(facilitators)[["sectors", "max_concurrent"]].explode("sectors")
    exploded["max_concurrent"] = pd.to_numeric(exploded["max_concurrent"]).fillna(0)
    frame = pd.DataFrame(index=pd.Index(sectors, name="sector"))
    frame["communities"] = communities.groupby("sector").size()
    frame["active_communities"] = communities.loc[active].groupby("sector").size()
    frame["certified_facilitators"] = exploded.groupby("sectors").size()
    frame["capacity"] = exploded.groupby("sectors")["max_concurrent"].sum()
    return frame.fillna(0).astype("int64").reset_index()[COVERAGE_COLUMNS]
