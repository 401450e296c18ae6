"""The six success factors of the 2023 symposium, per community and as shares.

Each factor is a yes/no derived from what was reported (docs/figures.md). Shares are over
communities that started (status not Planned), grouped by start year and/or sector.
"""

from __future__ import annotations

from datetime import date

import numpy as np
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


def success_factors(
    communities: pd.DataFrame, facilitators: pd.DataFrame, *, as_of_date: date | None = None
) -> pd.DataFrame:
    """One row per started community: the six factors as yes/no and how many are met.

    The mid-term check is required only once a community is past half its duration, so
    one not yet half-way by `as_of_date` without a check has no answer (NA) for it rather
    than a "no": it is left out of that factor's share, and its score counts the factors
    it meets.
    """
    frame = started(communities)
    result = frame[["community_id", "code", "name", "year", "sector"]].copy()
    result["sharp_question"] = _recorded(frame["question"])
    result["company_champion"] = _recorded(frame["champion"])
    result["leaders_at_table"] = pd.to_numeric(frame["managers"]).fillna(0) >= 1
    result["facilitator_speaks_sector"] = _speaks_sector(frame, facilitators)
    result["vocational_education"] = _has_vocational_partner(frame)
    result["midterm_check"] = frame["midterm_check"].notna()
    result[list(SUCCESS_FACTORS)] = result[list(SUCCESS_FACTORS)].astype("boolean")
    if as_of_date is not None:
        not_due = ~_past_halfway(frame, as_of_date) & frame["midterm_check"].isna()
        result.loc[not_due, "midterm_check"] = pd.NA
    result["score"] = result[list(SUCCESS_FACTORS)].fillna(False).sum(axis=1).astype("int64")
    return result[FACTOR_COLUMNS].reset_index(drop=True)


def success_factor_shares(factors: pd.DataFrame, *, by: list[str]) -> pd.DataFrame:
    """Share of communities meeting each factor per group (`by`: ["year"], ["sector"], ...),
    over the communities the factor applies to (a mid-term check not yet due is left out;
    NaN when it applies to none of the group)."""
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


MIDTERM_COLUMNS = ["community_id", "code", "name", "status", "halfway", "midterm_check", "due",
                   "missing"]  # fmt: skip


def _halfway(frame: pd.DataFrame) -> pd.Series:
    """The day midway between the start date and the (planned) end date (NaT without one)."""
    start, end = frame["start_date"], frame["end_date"]
    return (start + (end - start) / 2).dt.floor("D")


def _past_halfway(frame: pd.DataFrame, as_of_date: date) -> pd.Series:
    """True where half the (planned) duration has passed by `as_of_date`; a community
    without an end date counts as past half-way (its half-way point is unknown)."""
    return (_halfway(frame) <= pd.Timestamp(as_of_date)) | frame["end_date"].isna()


def midterm_checks(communities: pd.DataFrame, *, as_of_date: date) -> pd.DataFrame:
    """Per started community that did not stop, with a start and (planned) end date: the
    half-way date, whether a check is due by `as_of_date` (half-way reached) and whether
    it is missing (due, none recorded). A check is required once past half the duration
    (docs/figures.md), so a community not yet half-way is never counted against it."""
    frame = started(communities)
    frame = frame[(frame["status"] != "stopped") & frame["end_date"].notna()]
    result = frame[["community_id", "code", "name", "status", "midterm_check"]].copy()
    result["halfway"] = _halfway(frame)
    result["due"] = result["halfway"] <= pd.Timestamp(as_of_date)
    result["missing"] = result["due"] & result["midterm_check"].isna()
    return result[MIDTERM_COLUMNS].sort_values("halfway").reset_index(drop=True)


def midterm_todo(checks: pd.DataFrame) -> dict:
    """How many communities are past half-way, how many of them lack a check, and that
    share (NaN when none is past half-way yet): the programme lead's to-do."""
    due, missing = int(checks["due"].sum()), int(checks["missing"].sum())
    return {"due": due, "missing": missing, "share_missing": missing / due if due else np.nan}
