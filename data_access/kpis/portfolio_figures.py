"""The Portfolio's headline figures of every programme, computed in one pass.

`kpi_summary` per programme costs ~120 ms of fixed pandas work whatever the programme's
size: 2.4 s for 20 programmes. Here the state of every programme is read once (its
newest counted reports, which is its state as of its own last reported quarter: a
report's period is its import's, and that quarter is the newest counted import's) and
grouped by programme, applying the definitions of docs/figures.md exactly as
`summary.summarise` does. tests/test_portfolio_one_pass.py holds the two equal, figure
for figure, programme for programme.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.access.targets import targets_frame
from data_access.core.periods import period_year
from data_access.core.state import funding_as_of
from data_access.core.state_counts import community_counts_as_of, facilitator_counts_as_of
from data_access.kpis import facilitators as kf
from data_access.kpis import progress as kp

COUNTED = ("communities_started", "communities_completed")  # the targets vs_target shows


def portfolio_figures(
    session: Session, programme_ids: Iterable[int], periods: dict[int, list[str]]
) -> dict[int, dict]:
    """Per programme: the year "this year" means and the figures of `portfolio.SUMMED`,
    raw as `kpi_summary(programme_id=…, as_of=its last period)` gives them (NaN where
    undefined). `periods`: every programme's counted periods (`counted_periods`)."""
    communities = community_counts_as_of(session)
    started = kp.started(communities)
    started_in = _pairs(started.groupby(["programme_id", "year"]).size())
    completed_in = _pairs(kp.completed(communities).groupby(["programme_id", "year"]).size())
    targets = targets_frame(session, programme_id=None)
    started_target = _target_pairs(targets, "communities_started")
    budget = _target_pairs(targets, "budget")
    target_years = _pairs(targets[targets["measure"].isin(COUNTED)].groupby(
        ["programme_id", "year"]).size())  # fmt: skip
    counts = _per_programme_counts(communities, started, facilitator_counts_as_of(session))
    funding = funding_as_of(session)
    granted, spent = _funding_totals(funding)
    spent_in = _spent_per_year(funding)
    figures = {}
    for programme_id in programme_ids:
        last = periods.get(programme_id)
        vs_years = _years(programme_id, started_in, completed_in, target_years)
        year = period_year(last[-1]) if last else (max(vs_years) if vs_years else None)
        figures[programme_id] = {
            "year": year,
            **_progress(programme_id, year, started_in, started_target),
            **counts.get(programme_id, _NO_COUNTS),
            "granted": granted.get(programme_id, 0.0),
            "spent": spent.get(programme_id, 0.0),
            "spent_this_year": spent_in.get((programme_id, year), 0.0),
            "target_budget_this_year": budget.get((programme_id, year), np.nan),
        }
    return figures


_NO_COUNTS = {"completed": 0, "participants": 0, "capacity_gap": 0}


def _progress(programme_id: int, year: int | None, started_in: dict, targets: dict) -> dict:
    """This year's started count and target, and both cumulated up to it, as
    `progress_to_target`'s row of `year` (or its latest row before) gives them."""
    if year is None:
        return {"started_this_year": 0, "target_started_this_year": np.nan,
                "cumulative_started": 0, "cumulative_target": np.nan}  # fmt: skip
    started = sum(n for (p, y), n in started_in.items() if p == programme_id and y <= year)
    set_before = [v for (p, y), v in sorted(targets.items())
                  if p == programme_id and y <= year and not math.isnan(v)]  # fmt: skip
    return {
        "started_this_year": started_in.get((programme_id, year), 0),
        "target_started_this_year": targets.get((programme_id, year), np.nan),
        "cumulative_started": started,
        # cumsum's order (oldest year first); no target set yet: none (NaN, not "3 of 0")
        "cumulative_target": float(sum(set_before)) if set_before else np.nan,
    }


def _per_programme_counts(
    communities: pd.DataFrame, started: pd.DataFrame, facilitators: pd.DataFrame
) -> dict[int, dict]:
    """Completed, participants of started communities and the capacity gap per programme."""
    programme = communities["programme_id"]
    completed = (communities["status"] == "completed").groupby(programme).sum()
    demand = communities["status"].isin(kf.ACTIVE_STATUSES).groupby(programme).sum()
    roles = started[list(kp.ROLES)].apply(pd.to_numeric).fillna(0)
    per_role = roles.groupby(started["programme_id"]).sum()
    facilitators = kf.certified(facilitators)
    capacity = pd.to_numeric(facilitators["max_concurrent"]).fillna(0)
    capacity = capacity.groupby(facilitators["programme_id"]).sum()
    result = {}
    for programme_id in set(programme) | set(facilitators["programme_id"]):
        roles = per_role.loc[programme_id] if programme_id in per_role.index else ()
        active = int(demand.get(programme_id, 0))
        result[int(programme_id)] = {
            "completed": int(completed.get(programme_id, 0)),
            "participants": sum(int(v) for v in roles),  # per role whole, as participant_totals
            "capacity_gap": active - int(capacity.get(programme_id, 0)),
        }
    return result


def _funding_totals(funding: pd.DataFrame) -> tuple[dict[int, float], dict[int, float]]:
    """Granted and spent over every reported quarter per programme (Series.sum of each
    programme's rows, as `summarise` adds them: the same float, to the last bit)."""
    granted, spent = {}, {}
    for programme_id, rows in funding.groupby("programme_id").indices.items():
        granted[int(programme_id)] = float(funding["granted"].iloc[rows].sum())
        spent[int(programme_id)] = float(funding["spent"].iloc[rows].sum())
    return granted, spent


def _spent_per_year(funding: pd.DataFrame) -> dict[tuple[int, int], float]:
    """Spent per programme and year: per quarter first, then the quarters of each year,
    as `funding_per_year` adds them (the same additions in the same order)."""
    quarters = funding.groupby(["programme_id", "year", "quarter"])["spent"].sum()
    return {
        (int(p), int(y)): float(v)
        for (p, y), v in quarters.groupby(level=["programme_id", "year"]).sum().items()
    }


def _target_pairs(targets: pd.DataFrame, measure: str) -> dict[tuple[int, int], float]:
    """(programme, year) → the target (NaN where the value is blank)."""
    wanted = targets[targets["measure"] == measure]
    summed = wanted.groupby(["programme_id", "year"])["value"].sum(min_count=1)
    return {(int(p), int(y)): float(v) for (p, y), v in summed.items()}


def _pairs(counts: pd.Series) -> dict[tuple[int, int], int]:
    return {(int(p), int(y)): int(n) for (p, y), n in counts.items()}


def _years(programme_id: int, *pairs: Iterable[tuple[int, int]]) -> set[int]:
    """The years `vs_target` has a row for: with started, completed or a target."""
    return {y for found in pairs for (p, y) in found if p == programme_id}
