"""Every figure of the dashboard, as of a period, for one programme or all (None).

Thin session-taking wrappers around the pure frame functions in `progress`,
`facilitators`, `funding` and `success` (this package); the definitions are in
docs/figures.md. Frames and `kpi_summary` keep raw values; `kpis_report`
rounds as docs/figures.md says (counts int, shares to whole percent, euros whole).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.core.models import Programme
from data_access.core.periods import as_of_day
from data_access.core.queries import list_programmes, list_sectors
from data_access.core.state import communities_as_of, funding_as_of
from data_access.kpis import facilitators as kf
from data_access.kpis import funding as kfu
from data_access.kpis import progress as kp
from data_access.kpis import shared_frames
from data_access.kpis import success as ks
from data_access.kpis.filters import CommunityFilter, filter_communities, filter_facilitators
from data_access.kpis.summary import (
    KpiFrames,
    communities_vs_target,
    kpi_summary,
    load_frames,
    summarise,
    summary_year,
    vs_target,
)

__all__ = [  # re-exported: callers need only this module
    "KpiFrames",
    "communities_vs_target",
    "kpi_summary",
    "load_frames",
    "summarise",
]

# How `kpis_report` rounds each headline figure (docs/figures.md): counts, shares, euros.
COUNT, SHARE, EUROS, WEEKS = "count", "share", "euros", "weeks"
HEADLINE_KINDS = {
    "communities": COUNT,
    "planned": COUNT,
    "running_now": COUNT,
    "completed": COUNT,
    "stopped": COUNT,
    "completion_rate": SHARE,
    "facilitators_certified": COUNT,
    "target_facilitators_certified": COUNT,
    "facilitators_in_training": COUNT,
    "facilitator_capacity": COUNT,
    "capacity_gap": COUNT,
    "granted": EUROS,
    "spent": EUROS,
    "target_budget_this_year": EUROS,
    "duration_mean_weeks": WEEKS,
    "duration_share_within_range": SHARE,
}


def sector_split(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Started communities per year and sector: year, sector, communities, share."""
    return kp.sector_split(_communities(session, programme_id, as_of, filters))


def participants_per_year(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Participants per role of the communities started each year, and the total."""
    return kp.participants_per_year(_communities(session, programme_id, as_of, filters))


def community_durations(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per running or completed community: weeks and whether within 10–20 weeks."""
    return kp.durations(_communities(session, programme_id, as_of, filters))


def duration_per_year(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per start year: mean and median weeks and the share within 10–20 weeks."""
    return kp.duration_per_year(_communities(session, programme_id, as_of, filters))


def facilitator_load(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per facilitator: running communities (load), capacity and utilisation.

    Only the sector filter applies (to the facilitators): a facilitator's load is
    every community they run, wherever it is and whoever the partners are.
    """
    frames = load_frames(session, programme_id=programme_id, as_of=as_of)
    facilitators = filter_facilitators(frames.facilitators, filters)
    return kf.facilitator_load(frames.communities, facilitators)


def sector_coverage(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per sector: communities vs certified facilitators who list that sector."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    sectors = [s.code for s in list_sectors(session)]
    if filters is not None and filters.sectors:
        sectors = [code for code in sectors if code in filters.sectors]
    return kf.sector_coverage(frames.communities, frames.facilitators, sectors)


def funding_per_quarter(
    session: Session, *, programme_id: int | None = None, as_of: str | None = None
) -> pd.DataFrame:
    """Granted and spent per quarter, with running totals within each year."""
    return kfu.funding_per_quarter(funding_as_of(session, programme_id=programme_id, as_of=as_of))


def funding_per_year(
    session: Session, *, programme_id: int | None = None, as_of: str | None = None
) -> pd.DataFrame:
    """Granted and spent per year and spent per community started that year."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of)
    return kfu.funding_per_year(frames.funding, frames.communities)


def success_factors(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per started community: the six success factors as yes/no, and the score."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return ks.success_factors(frames.communities, frames.facilitators, as_of_date=as_of_day(as_of))


def success_factor_shares(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    by: tuple[str, ...] = ("year",),
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Share of started communities meeting each factor, per year and/or sector."""
    factors = success_factors(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return ks.success_factor_shares(factors, by=list(by))


def midterm_checks(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per community: is its mid-term check due by the end of `as_of` (half-way
    reached), and missing? (`kpis.success.midterm_todo` sums it up.)"""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return ks.midterm_checks(frames.communities, as_of_date=as_of_day(as_of))


def _communities(
    session: Session, programme_id: int | None, as_of: str | None, filters: CommunityFilter | None
) -> pd.DataFrame:
    """The as-of communities after `filters`; a dashboard session takes them from the
    page's shared as-of read (`load_frames`) instead of reading them once more."""
    if session.info.get(shared_frames.SHARE):
        return load_frames(
            session, programme_id=programme_id, as_of=as_of, filters=filters
        ).communities
    frame = communities_as_of(session, programme_id=programme_id, as_of=as_of)
    return filter_communities(frame, filters)


def kpis_report(session: Session, *, as_of: str | None = None) -> dict:
    """Every programme's figures per year and as of the period, rounded and JSON-able."""
    return {
        "as_of": as_of,
        "programmes": [_programme_report(session, p, as_of) for p in list_programmes(session)],
    }


def _programme_report(session: Session, programme: Programme, as_of: str | None) -> dict:
    frames = load_frames(session, programme_id=programme.id, as_of=as_of)
    year = summary_year(session, frames, programme_id=programme.id, as_of=as_of)
    # Computed once for the summary and the per-year entries.
    vs = vs_target(frames)
    funding = kfu.funding_per_year(frames.funding, frames.communities)
    summary = summarise(frames, year=year, vs=vs, funding=funding)
    headline = {key: _rounded(summary[key], kind) for key, kind in HEADLINE_KINDS.items()}
    return {
        "programme": programme.name,
        "year": year,
        "years": _year_reports(frames, vs.set_index("year"), funding.set_index("year")),
        "cumulative": {
            "communities_started": _rounded(summary["cumulative_started"], COUNT),
            "target_communities_started": _rounded(summary["cumulative_target"], COUNT),
            "progress": _rounded(summary["cumulative_progress"], SHARE),
        },
        **headline,
        "participants": summary["participants"],
    }


def _year_reports(frames: KpiFrames, vs: pd.DataFrame, funding: pd.DataFrame) -> list[dict]:
    """One entry per year with communities, targets, funding or participants (`vs`,
    `funding`: vs_target and funding_per_year indexed by year)."""
    participants = kp.participants_per_year(frames.communities).set_index("year")
    split = kp.sector_split(frames.communities)
    years = sorted(set(vs.index) | set(funding.index))
    return [
        {
            "year": int(year),
            "communities_started": _rounded(_get(vs, year, "started", 0), COUNT),
            "communities_completed": _rounded(_get(vs, year, "completed", 0), COUNT),
            "target_communities_started": _rounded(_get(vs, year, "target_started"), COUNT),
            "target_communities_completed": _rounded(_get(vs, year, "target_completed"), COUNT),
            "progress": _rounded(_get(vs, year, "progress"), SHARE),
            "sector_split": _sector_counts(split, year),
            "participants": _participants(participants, year),
            "granted": _rounded(_get(funding, year, "granted", 0.0), EUROS),
            "spent": _rounded(_get(funding, year, "spent", 0.0), EUROS),
            "spent_per_community": _rounded(_get(funding, year, "spent_per_community"), EUROS),
        }
        for year in years
    ]


def _sector_counts(split: pd.DataFrame, year: int) -> dict[str, int]:
    rows = split[split["year"] == year]
    return {str(s): int(n) for s, n in zip(rows["sector"], rows["communities"], strict=True)}


def _participants(per_year: pd.DataFrame, year: int) -> dict[str, int]:
    columns = [*kp.ROLES, "total"]
    if year not in per_year.index:
        return dict.fromkeys(columns, 0)
    return {c: int(per_year.at[year, c]) for c in columns}


def _get(frame: pd.DataFrame, year: int, column: str, default: float = np.nan) -> float:
    return frame.at[year, column] if year in frame.index else default


def _rounded(value: object, kind: str) -> int | float | None:
    """Counts and euros to whole numbers, shares to whole percent (0.87), NaN to None."""
    if value is None or pd.isna(value):
        return None
    number = float(value)
    if kind == SHARE:
        return round(number, 2)
    if kind == WEEKS:
        return round(number, 1)
    return int(np.floor(number + 0.5))  # half up, as people round euros
