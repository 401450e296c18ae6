"""Communities per municipality for the map: all 25 of Overijssel, zeros included.

Counted are the communities that started (status not Planned, docs/figures.md) up to the
period, by the municipality of the host company. A municipality without any
community still gets a row, so the map shows it (in the lowest colour) rather than
leaving a hole in the province.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.core.reference import municipality_codes
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.progress import started
from data_access.kpis.summary import load_frames

MAP_COLUMNS = ["municipality_code", "municipality", "communities", "sectors"]


def communities_per_municipality(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """Per municipality (by CBS code): started communities and {sector: count}."""
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    return municipality_counts(frames.communities)


def municipality_counts(communities: pd.DataFrame) -> pd.DataFrame:
    """The pure part of `communities_per_municipality`, on an as-of community frame.

    `sectors` maps sector code to count, largest first, for the hover text.
    """
    names = municipality_codes()
    frame = started(communities)
    frame = frame[frame["municipality_code"].isin(list(names))]
    per_sector = frame.groupby(["municipality_code", "sector"]).size().rename("n").reset_index()
    per_sector = per_sector.sort_values(["municipality_code", "n", "sector"], ascending=[1, 0, 1])
    sectors: dict[str, dict[str, int]] = {}  # at most 25 × sectors rows: already aggregated
    for code, sector, count in per_sector.itertuples(index=False):
        sectors.setdefault(code, {})[sector] = int(count)
    result = pd.DataFrame({"municipality_code": list(names), "municipality": list(names.values())})
    counts = frame.groupby("municipality_code").size()
    result["communities"] = result["municipality_code"].map(counts).fillna(0).astype("int64")
    result["sectors"] = [sectors.get(code, {}) for code in result["municipality_code"]]
    return result.sort_values("municipality").reset_index(drop=True)[MAP_COLUMNS]
