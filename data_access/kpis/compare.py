"""Two periods (or years) side by side, and funding against the yearly budget.

A year compares as of its last quarter (2022 means as of 2022-Q4), so "this year"
figures are that year's. Difference is B − A.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.core.periods import make_period, parse_period, period_year
from data_access.kpis import funding as kfu
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.summary import load_frames, summarise

COMPARE_COLUMNS = ["measure", "a", "b", "difference"]
COMPARED_MEASURES = (
    "started_this_year",
    "completed_this_year",
    "cumulative_started",
    "communities",
    "running_now",
    "completed",
    "stopped",
    "completion_rate",
    "participants_total",
    "facilitators_certified",
    "facilitator_capacity",
    "capacity_gap",
    "granted",
    "spent",
    "granted_this_year",
    "spent_this_year",
    "spent_per_community_this_year",
)
BUDGET_COLUMNS = [*kfu.QUARTER_COLUMNS, "budget"]


def as_period(choice: str) -> str:
    """`2022` → `2022-Q4`; a period in any typed form → its canonical `YYYY-Qn`."""
    text = str(choice).strip()
    if text.isdigit() and len(text) == 4:
        return make_period(int(text), 4)
    period = parse_period(text)
    if period is None:
        raise ValueError(f"not a year or period: {choice!r}")
    return period


def compare_periods(
    session: Session,
    *,
    programme_id: int | None = None,
    a: str,
    b: str,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """One row per measure: its value as of A, as of B, and B − A."""
    left = _figures(session, programme_id, as_period(a), filters)
    right = _figures(session, programme_id, as_period(b), filters)
    rows = [[m, left[m], right[m], right[m] - left[m]] for m in COMPARED_MEASURES]
    frame = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    return frame.astype({"a": "float64", "b": "float64", "difference": "float64"})


def _figures(
    session: Session, programme_id: int | None, period: str, filters: CommunityFilter | None
) -> dict:
    frames = load_frames(session, programme_id=programme_id, as_of=period, filters=filters)
    figures = summarise(frames, year=period_year(period))
    figures["participants_total"] = figures["participants"]["total"]
    return {m: float(figures[m]) for m in COMPARED_MEASURES}


def funding_against_budget(
    session: Session, *, programme_id: int | None = None, as_of: str | None = None
) -> pd.DataFrame:
    """Granted and spent per quarter with their running totals per year and that
    year's budget target (NaN where none). Funding is per programme: no filters."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of)
    quarters = kfu.funding_per_quarter(frames.funding)
    targets = frames.targets
    budget = targets[targets["measure"] == "budget"].groupby("year")["value"].sum()
    quarters["budget"] = quarters["year"].map(budget).astype("float64")
    if quarters.empty:
        quarters["budget"] = pd.Series(dtype="float64")
    return quarters[BUDGET_COLUMNS]
