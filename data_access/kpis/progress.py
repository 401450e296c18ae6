"""Community counts per year, progress to target, status, sectors, participants, duration.

Pure functions on the frame of `state.communities_as_of` (only the columns each one
reads are needed), vectorised so they stay fast at 10,000 communities. Definitions:
docs/figures.md. Values are raw here; rounding happens at presentation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_access.vocabulary import DURATION_WEEKS_MAX, DURATION_WEEKS_MIN, PARTICIPANT_ROLES

ROLES = PARTICIPANT_ROLES  # the participant columns, in display order
VS_TARGET_COLUMNS = [
    "year", "started", "completed", "target_started", "target_completed", "progress",
    "cumulative_started", "cumulative_target", "cumulative_progress",
]  # fmt: skip


def started(communities: pd.DataFrame) -> pd.DataFrame:
    """Communities that started: a start date and a status other than Planned."""
    mask = communities["start_date"].notna() & (communities["status"] != "planned")
    result = communities.loc[mask].copy()
    result["year"] = result["start_date"].dt.year.astype("int64")
    return result


def completed(communities: pd.DataFrame) -> pd.DataFrame:
    """Communities completed, with the year of their end date."""
    mask = communities["end_date"].notna() & (communities["status"] == "completed")
    result = communities.loc[mask].copy()
    result["year"] = result["end_date"].dt.year.astype("int64")
    return result


def counts_per_year(communities: pd.DataFrame) -> pd.DataFrame:
    """Started (by start year) and completed (by end year) per year, as int columns."""
    counts = pd.concat(
        {
            "started": started(communities).groupby("year").size(),
            "completed": completed(communities).groupby("year").size(),
        },
        axis=1,
    )
    counts = counts.fillna(0).astype("int64").rename_axis("year").reset_index()
    return counts.astype({"year": "int64"})


def progress_to_target(counts: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """One row per year with data or a target: counts, targets, progress and cumulative.

    `targets` has columns year, measure, value (summed when several programmes).
    Progress is NaN where there is no (or a zero) target.
    """
    wanted = targets[targets["measure"].isin(["communities_started", "communities_completed"])]
    # A blank target stays blank, not 0 (targets_in_view). groupby, not pivot_table with
    # a Python aggregate: the same table, a fraction of the time.
    pivot = wanted.groupby(["year", "measure"])["value"].sum(min_count=1).unstack("measure")
    pivot = pivot.reindex(columns=["communities_started", "communities_completed"])
    pivot.columns = ["target_started", "target_completed"]
    frame = counts.set_index("year").join(pivot, how="outer").sort_index()
    frame[["started", "completed"]] = frame[["started", "completed"]].fillna(0).astype("int64")
    frame["progress"] = _ratio(frame["started"], frame["target_started"])
    frame["cumulative_started"] = frame["started"].cumsum()
    # No target set yet: no cumulative target either (NaN, not "3 of 0").
    targeted = frame["target_started"].notna().cummax()
    frame["cumulative_target"] = frame["target_started"].fillna(0).cumsum().where(targeted)
    frame["cumulative_progress"] = _ratio(frame["cumulative_started"], frame["cumulative_target"])
    frame = frame.rename_axis("year").reset_index()
    return frame.astype({"year": "int64"}).astype(
        {c: "float64" for c in ("target_started", "target_completed", "cumulative_target")}
    )[VS_TARGET_COLUMNS]


def running_now(communities: pd.DataFrame) -> int:
    """Communities whose status is Running as of the period."""
    return int((communities["status"] == "running").sum())


def completion_rate(communities: pd.DataFrame) -> float:
    """Completed ÷ (Completed + Stopped); NaN when neither happened yet."""
    status = communities["status"]
    done = int((status == "completed").sum())
    return _safe_divide(done, done + int((status == "stopped").sum()))


def sector_split(communities: pd.DataFrame) -> pd.DataFrame:
    """Started communities per start year and sector: count and share of that year."""
    frame = started(communities)
    split = frame.groupby(["year", "sector"]).size().rename("communities").reset_index()
    totals = split.groupby("year")["communities"].transform("sum")
    split["share"] = (split["communities"] / totals).astype("float64")
    return split.astype({"year": "int64", "communities": "int64"})


def participants_per_year(communities: pd.DataFrame) -> pd.DataFrame:
    """Participants of the communities started in each year, per role and in total."""
    frame = started(communities)
    roles = frame[list(ROLES)].apply(pd.to_numeric).fillna(0).astype("int64")
    per_year = roles.groupby(frame["year"]).sum().reindex(columns=list(ROLES), fill_value=0)
    per_year["total"] = per_year.sum(axis=1)
    return per_year.rename_axis("year").reset_index().astype("int64")


def participant_totals(communities: pd.DataFrame) -> dict[str, int]:
    """Participants of every community that started, per role plus `total`."""
    frame = started(communities)
    totals = {r: int(pd.to_numeric(frame[r]).fillna(0).sum()) for r in ROLES}
    return {**totals, "total": sum(totals.values())}


def durations(communities: pd.DataFrame) -> pd.DataFrame:
    """Weeks from start to (planned) end for running and completed communities.

    Planned ones have not run and a stopped one's end date is when it stopped, so
    neither says how long a community takes.
    """
    mask = (
        communities["status"].isin(["running", "completed"])
        & communities["start_date"].notna()
        & communities["end_date"].notna()
    )
    frame = communities.loc[mask].copy()
    frame["weeks"] = ((frame["end_date"] - frame["start_date"]).dt.days / 7).astype("float64")
    frame["within_range"] = frame["weeks"].between(DURATION_WEEKS_MIN, DURATION_WEEKS_MAX)
    frame["year"] = frame["start_date"].dt.year.astype("int64")
    return frame


def duration_stats(communities: pd.DataFrame) -> dict[str, float]:
    """Count, mean, median, min, max in weeks and the share within 10–20 weeks."""
    weeks = durations(communities)
    values = weeks["weeks"]
    return {
        "count": len(values),
        "mean_weeks": float(values.mean()) if len(values) else np.nan,
        "median_weeks": float(values.median()) if len(values) else np.nan,
        "min_weeks": float(values.min()) if len(values) else np.nan,
        "max_weeks": float(values.max()) if len(values) else np.nan,
        "share_within_range": float(weeks["within_range"].mean()) if len(values) else np.nan,
    }


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    denominator = denominator.astype("float64").where(denominator > 0)
    return (numerator.astype("float64") / denominator).astype("float64")


def _safe_divide(numerator: float, denominator: float) -> float:
    return float(numerator) / denominator if denominator else np.nan


def duration_per_year(communities: pd.DataFrame) -> pd.DataFrame:
    """Per start year: communities with a duration, mean and median weeks, share in 10–20."""
    frame = durations(communities)
    grouped = frame.groupby("year")
    stats = pd.DataFrame(
        {
            "communities": grouped.size(),
            "mean_weeks": grouped["weeks"].mean(),
            "median_weeks": grouped["weeks"].median(),
            "share_within_range": grouped["within_range"].mean(),
        }
    )
    stats = stats.astype({"communities": "int64"}).rename_axis("year").reset_index()
    return stats.astype({"year": "int64", "share_within_range": "float64"})
