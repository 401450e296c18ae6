"""The communities list behind the Communities page: one row per community, searchable.

`community_table` is the as-of frame (after the sidebar's filters) with the start year,
the participant total and the six success factors attached; `search_communities`
narrows it by text, status and year, vectorised; `data_access.workbook.export` turns it
into the columns and labels of the quarterly workbook for a download.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.core.i18n import translate
from data_access.core.periods import as_of_day
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.progress import ROLES
from data_access.kpis.success import SUCCESS_FACTORS, success_factors
from data_access.kpis.summary import load_frames
from data_access.vocabulary import COMMUNITY_STATUSES, SECTORS

SEARCHED_COLUMNS = ("code", "name", "company", "question")
# The factors as table columns; prefixed because "midterm_check" is also the date.
FACTOR_COLUMNS = {factor: f"factor_{factor}" for factor in SUCCESS_FACTORS}


def community_table(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Every community as of the period, with `year`, `participants`, `factor_*`, `score`.

    Factors are only defined for communities that started (docs/figures.md), so a planned
    one has missing (NA) factors rather than a misleading "no".
    """
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    table = frames.communities.copy()
    table["year"] = table["start_date"].dt.year.astype("Int64")
    table["participants"] = table[list(ROLES)].fillna(0).sum(axis=1).astype("int64")
    factors = success_factors(table, frames.facilitators, as_of_date=as_of_day(as_of))
    factors = factors[["community_id", *SUCCESS_FACTORS, "score"]].rename(columns=FACTOR_COLUMNS)
    table = table.merge(factors, on="community_id", how="left")
    flags = list(FACTOR_COLUMNS.values())
    table[flags] = table[flags].astype("boolean")
    table["score"] = table["score"].astype("Int64")
    return _slim(table)


def _slim(table: pd.DataFrame) -> pd.DataFrame:
    """Partners as text instead of Python lists, bookkeeping columns dropped.

    The table is cached and every page run unpickles it: at 10,000 rows the two list
    columns alone cost ~20 ms a run, the text a fraction of that. The text is joined in
    a plain loop over the lists: pandas' groupby(...).agg(str.join) slices once per
    community, ~2 s of a cold page at 10,000.
    """
    with_level, names = [], []
    for partners, levels in zip(
        table["education_partners"].tolist(), table["partner_levels"].tolist(), strict=True
    ):
        with_level.append(", ".join(map(_with_level, partners, levels)))
        names.append("; ".join(partners))
    table["partners_with_level"] = pd.Series(with_level, index=table.index, dtype="string")
    table["education_partners"] = pd.Series(names, index=table.index, dtype="string")
    return table.drop(columns=["partner_levels", "programme", "report_id", "period"])


def _with_level(name: str, level: str | None) -> str:
    """ "Name (level)", or the name alone when its level is unknown."""
    return name if level is None or pd.isna(level) else f"{name} ({level})"


def search_communities(
    table: pd.DataFrame,
    *,
    text: str = "",
    statuses: tuple[str, ...] = (),
    years: tuple[int, ...] = (),
) -> pd.DataFrame:
    """The rows whose code, name, company or question contain `text` (any case),
    with one of `statuses` and a start year in `years`; empty means all."""
    mask = pd.Series(True, index=table.index)
    needle = text.strip().casefold()
    if needle:
        found = pd.Series(False, index=table.index)
        for column in SEARCHED_COLUMNS:
            values = table[column].astype("string").str.casefold()
            found |= values.str.contains(needle, regex=False).fillna(False).astype(bool)
        mask &= found
    if statuses:
        mask &= table["status"].isin(statuses)
    if years:
        mask &= table["year"].isin(years).fillna(False).astype(bool)
    return table.loc[mask].reset_index(drop=True)


def display_table(table: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The on-screen list: a few columns, labels and headers in `lang`, score as `5/6`."""
    index = 0 if lang == "nl" else 1
    result = pd.DataFrame(
        {
            "code": table["code"],
            "name": table["name"],
            # Status next to the name: on a laptop the last columns are off-screen.
            "status": table["status"].map(_labels(COMMUNITY_STATUSES, index)),
            "company": table["company"],
            "sector": table["sector"].map(_labels(SECTORS, index)),
            "municipality": table["municipality"],
            "year": table["year"],
            "facilitator": table["facilitator"],
            "participants": table["participants"],
            "score": (table["score"].astype("string") + f"/{len(SUCCESS_FACTORS)}").fillna("–"),
        }
    )
    result.columns = [translate(f"communities.column.{c}", lang) for c in result.columns]
    return result


def _labels(choices: dict[str, tuple[str, str]], index: int) -> dict[str, str]:
    return {code: labels[index] for code, labels in choices.items()}
