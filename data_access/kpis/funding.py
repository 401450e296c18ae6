"""Funding KPIs: granted and spent per quarter, cumulative per year, spent per community.

Pure functions on the frame of `state.funding_as_of` (summed over programmes when
several are shown together).
"""

from __future__ import annotations

import pandas as pd

from data_access.kpis.progress import started

QUARTER_COLUMNS = [
    "year", "quarter", "granted", "spent", "cumulative_granted", "cumulative_spent",
]  # fmt: skip
YEAR_COLUMNS = ["year", "granted", "spent", "communities_started", "spent_per_community"]


def funding_per_quarter(funding: pd.DataFrame) -> pd.DataFrame:
    """Euros granted and spent per quarter, with running totals within each year."""
    amounts = funding[["year", "quarter", "granted", "spent"]].astype(
        {"granted": "float64", "spent": "float64"}
    )
    frame = amounts.groupby(["year", "quarter"], as_index=False)[["granted", "spent"]].sum()
    frame = frame.sort_values(["year", "quarter"]).reset_index(drop=True)
    frame["cumulative_granted"] = frame.groupby("year")["granted"].cumsum()
    frame["cumulative_spent"] = frame.groupby("year")["spent"].cumsum()
    return frame.astype({"year": "int64", "quarter": "int64"})[QUARTER_COLUMNS]


def funding_per_year(funding: pd.DataFrame, communities: pd.DataFrame) -> pd.DataFrame:
    """Granted and spent per year, and spent ÷ communities started that year (NaN if none)."""
    quarters = funding_per_quarter(funding)
    per_year = quarters.groupby("year")[["granted", "spent"]].sum()
    count = started(communities).groupby("year").size().rename("communities_started")
    frame = per_year.join(count, how="outer").sort_index()
    frame[["granted", "spent"]] = frame[["granted", "spent"]].fillna(0.0)
    frame["communities_started"] = frame["communities_started"].fillna(0).astype("int64")
    divisor = frame["communities_started"].where(frame["communities_started"] > 0)
    frame["spent_per_community"] = (frame["spent"] / divisor).astype("float64")
    frame = frame.rename_axis("year").reset_index().astype({"year": "int64"})
    return frame[YEAR_COLUMNS]


HEADLINE = ("budget", "granted", "spent", "remaining", "spent_per_community")


def funding_headline(summary: dict) -> dict[str, float]:
    """The funding page's opening figures for the summary's year, from `kpi_summary`:
    budget, granted, spent, what remains of the budget (budget − spent; NaN without a
    budget) and spent per community started that year."""
    budget = float(summary["target_budget_this_year"])
    spent = float(summary["spent_this_year"])
    return {
        "budget": budget,
        "granted": float(summary["granted_this_year"]),
        "spent": spent,
        "remaining": budget - spent,
        "spent_per_community": float(summary["spent_per_community_this_year"]),
    }
