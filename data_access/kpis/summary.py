"""The headline figures of a programme (or all) as of a period, and progress to target.

`load_frames` fetches the as-of state once; `summarise` turns it into the single
numbers of docs/figures.md. Values are raw (NaN where undefined); the
report and the pages round them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.access.targets import targets_frame
from data_access.core.periods import period_year
from data_access.core.state import (
    communities_as_of,
    facilitators_as_of,
    funding_as_of,
    reported_periods,
)
from data_access.kpis import facilitators as kf
from data_access.kpis import funding as kfu
from data_access.kpis import progress as kp
from data_access.kpis.filters import CommunityFilter, filter_communities, filter_facilitators
from data_access.kpis.shared_frames import as_of_frames


@dataclass(frozen=True)
class KpiFrames:
    """The as-of state every KPI is computed from, fetched once per request."""

    communities: pd.DataFrame
    facilitators: pd.DataFrame
    funding: pd.DataFrame
    targets: pd.DataFrame


def load_frames(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> KpiFrames:
    """Fetch the as-of frames and targets once, to compute many figures from them
    (shared between figures by the dashboard's sessions: data_access.kpis.shared_frames).

    `filters` narrows communities (and facilitators by sector); funding is per
    programme, so it stays whole. Targets: see `targets_in_view`.
    """
    scope = {"programme_id": programme_id, "as_of": as_of}

    def read() -> tuple[pd.DataFrame, ...]:
        return (
            communities_as_of(session, **scope),
            facilitators_as_of(session, **scope),
            funding_as_of(session, **scope),
            targets_frame(session, programme_id=programme_id),
        )

    communities, facilitators, funding, targets = as_of_frames(session, programme_id, as_of, read)
    return KpiFrames(
        communities=filter_communities(communities, filters),
        facilitators=filter_facilitators(facilitators, filters),
        funding=funding,
        targets=targets_in_view(targets, filters=filters),
    )


# Targets of what a filter narrows: set per programme, never per sector or place.
FILTERED_MEASURES = ("communities_started", "communities_completed", "facilitators_certified")


def targets_in_view(targets: pd.DataFrame, *, filters: CommunityFilter | None) -> pd.DataFrame:
    """The targets a view may set its counts against: with a filter none for the
    filtered counts (a programme's target says nothing about one sector). Their years
    stay, blank, so a year in which the filter counts nothing still shows its 0."""
    if filters is not None and not filters.is_empty:
        targets = targets.copy()
        targets.loc[targets["measure"].isin(FILTERED_MEASURES), "value"] = np.nan
    return targets.reset_index(drop=True)


def communities_vs_target(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Started and completed per year against the targets, with cumulative progress."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return vs_target(frames)


def kpi_summary(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> dict:
    """The headline figures as of the period (raw values; NaN where undefined)."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    year = summary_year(session, frames, programme_id=programme_id, as_of=as_of)
    return {"as_of": as_of, "year": year, **summarise(frames, year=year)}


def summarise(
    frames: KpiFrames,
    *,
    year: int | None,
    vs: pd.DataFrame | None = None,
    funding: pd.DataFrame | None = None,
) -> dict:
    """The single-number figures of docs/figures.md from already fetched frames
    (`vs`, `funding`: `vs_target` and `funding_per_year` of them, if already computed)."""
    communities, facilitators = frames.communities, frames.facilitators
    vs = vs_target(frames) if vs is None else vs
    funding = kfu.funding_per_year(frames.funding, communities) if funding is None else funding
    this_year = _row_for_year(vs, year)
    funding_year = _row_for_year(funding, year)
    durations = kp.duration_stats(communities)
    statuses = communities["status"].value_counts()
    return {
        "communities": len(communities),
        "planned": int(statuses.get("planned", 0)),
        "running_now": kp.running_now(communities),
        "completed": int(statuses.get("completed", 0)),
        "stopped": int(statuses.get("stopped", 0)),
        "completion_rate": kp.completion_rate(communities),
        "started_this_year": int(this_year.get("started", 0)),
        "target_started_this_year": this_year.get("target_started", np.nan),
        "completed_this_year": int(this_year.get("completed", 0)),
        "target_completed_this_year": this_year.get("target_completed", np.nan),
        "progress_this_year": this_year.get("progress", np.nan),
        "cumulative_started": int(this_year.get("cumulative_started", 0)),
        "cumulative_target": this_year.get("cumulative_target", np.nan),
        "cumulative_progress": this_year.get("cumulative_progress", np.nan),
        "participants": kp.participant_totals(communities),
        "facilitators_certified": kf.facilitators_certified(facilitators),
        "target_facilitators_certified": _target(frames.targets, "facilitators_certified", year),
        "facilitators_in_training": int((facilitators["status"] == "in_training").sum()),
        "facilitator_capacity": kf.facilitator_capacity(facilitators),
        "capacity_gap": kf.capacity_gap(communities, facilitators),
        "granted": float(frames.funding["granted"].sum()),
        "spent": float(frames.funding["spent"].sum()),
        "granted_this_year": float(funding_year.get("granted", 0.0)),
        "spent_this_year": float(funding_year.get("spent", 0.0)),
        "target_budget_this_year": _target(frames.targets, "budget", year),
        "spent_per_community_this_year": funding_year.get("spent_per_community", np.nan),
        "duration_mean_weeks": durations["mean_weeks"],
        "duration_share_within_range": durations["share_within_range"],
    }


def vs_target(frames: KpiFrames) -> pd.DataFrame:
    return kp.progress_to_target(kp.counts_per_year(frames.communities), frames.targets)


def years_begun(frame: pd.DataFrame, as_of: str | None) -> pd.DataFrame:
    """The rows of `communities_vs_target` for years begun by `as_of`: looking at
    2022-Q2, the 2023 target is not yet due, so neither its card nor its bar shows,
    and the last row's cumulative target is that of 2022 (9 of 13, not 9 of 23)."""
    if as_of is None:
        return frame
    return frame[frame["year"] <= period_year(as_of)].reset_index(drop=True)


def summary_year(
    session: Session, frames: KpiFrames, *, programme_id: int | None, as_of: str | None
) -> int | None:
    """The year "this year" means: the period's, else the newest reported one's."""
    if as_of is not None:
        return period_year(as_of)
    periods = reported_periods(session, programme_id=programme_id)
    if periods:
        return period_year(periods[-1])
    years = vs_target(frames)["year"]
    return int(years.max()) if len(years) else None


def _row_for_year(frame: pd.DataFrame, year: int | None) -> dict:
    """The row of `year`; for cumulative columns the latest row up to `year`."""
    if year is None:
        return {}
    upto = frame[frame["year"] <= year]
    if upto.empty:
        return {}
    row = upto.iloc[-1].to_dict()
    if int(row["year"]) != year:  # no row for the year itself: nothing happened that year
        keep = {k: v for k, v in row.items() if k.startswith("cumulative")}
        return keep
    return row


def _target(targets: pd.DataFrame, measure: str, year: int | None) -> float:
    values = targets.loc[(targets["measure"] == measure) & (targets["year"] == year), "value"]
    return float(values.sum(min_count=1))  # NaN: none set, or blanked by a filter
