"""The six success factors of the 2023 symposium, per community and as shares.

Each factor is a yes/no derived from what was reported (docs/figures.md). Shares are over
communities that started (status not Planned), grouped by start year and/or sector.
"""

from __future__ import annotations

import pandas as pd

from data_access.kpis.progress import started

SUCCESS_FACTORS = (
    "sharp_question",
    "company_champion",
    "leaders_at_table",
    "facilitator_speaks_sector",
    "vocational_education",
    "midterm_check",
)
VOCATIONAL_LEVELS = ("mbo", "hbo")
FACTOR_COLUMNS = ["community_id", "code", "name", "year", "sector", *SUCCESS_FACTORS, "score"]


def success_factors(communities: pd.DataFrame, facilitators: pd.DataFrame) -> pd.DataFrame:
    """One row per started community: the six factors as booleans and how many are met."""
    frame = started(communities)
    result = frame[["community_id", "code", "name", "year", "sector"]].copy()
    result["sharp_question"] = _recorded(frame["question"])
    result["company_champion"] = _recorded(frame["champion"])
    result["leaders_at_table"] = pd.to_numeric(frame["managers"]).fillna(0) >= 1
    result["facilitator_speaks_sector"] = _speaks_sector(frame, facilitators)
    result["vocational_education"] = _has_vocational_partner(frame)
    result["midterm_check"] = frame["midterm_check"].notna()
    result[list(SUCCESS_FACTORS)] = result[list(SUCCESS_FACTORS)].astype(bool)
    result["score"] = result[list(SUCCESS_FACTORS)].sum(axis=1).astype("int64")
    return result[FACTOR_COLUMNS].reset_index(drop=True)


def success_factor_shares(factors: pd.DataFrame, *, by: list[str]) -> pd.DataFrame:
    """Share of communities meeting each factor per group (`by`: ["year"], ["sector"], ...)."""
    grouped = factors.groupby(by)
    shares = grouped[list(SUCCESS_FACTORS)].mean().astype("float64")
    shares.insert(0, "communities", grouped.size().astype("int64"))
    return shares.reset_index()


def _recorded(values: pd.Series) -> pd.Series:
    return values.notna() & (values.astype("string").str.strip().fillna("") != "")


def _speaks_sector(frame: pd.DataFrame, facilitators: pd.DataFrame) -> pd.Series:
    """True where the community's facilitator lists the community's sector."""
    pairs = facilitators[["facilitator_id", "sectors"]].explode("sectors").dropna()
    known = pd.MultiIndex.from_arrays(
        [pairs["facilitator_id"].astype("int64"), pairs["sectors"].astype(str)]
    )
    wanted = pd.MultiIndex.from_arrays(
        [frame["facilitator_id"].fillna(-1).astype("int64"), frame["sector"].astype(str)]
    )
    return pd.Series(wanted.isin(known), index=frame.index)


def _has_vocational_partner(frame: pd.DataFrame) -> pd.Series:
    """True where an mbo or hbo education partner takes part."""
    levels = frame["partner_levels"].explode()
    vocational = levels.isin(VOCATIONAL_LEVELS).groupby(level=0).any()
    return vocational.reindex(frame.index, fill_value=False).astype(bool)
