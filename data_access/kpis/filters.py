"""Dashboard filters on communities: sector, municipality, education partner.

A filter narrows the as-of community frame before any KPI is computed, so every
figure on a page answers the same question. Facilitators are only narrowed by
sector (a facilitator serves a sector, not a municipality or a school); funding
is reported per programme and quarter, so no community filter applies to it.
An empty choice means "all".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class CommunityFilter:
    """Chosen sector codes, municipality CBS codes and education partner names."""

    sectors: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    education_partners: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.sectors or self.municipalities or self.education_partners)


NO_FILTER = CommunityFilter()


def filter_communities(communities: pd.DataFrame, filters: CommunityFilter | None) -> pd.DataFrame:
    """The communities matching every chosen dimension (any value within a dimension)."""
    if filters is None or filters.is_empty:
        return communities
    mask = pd.Series(True, index=communities.index)
    if filters.sectors:
        mask &= communities["sector"].isin(filters.sectors)
    if filters.municipalities:
        mask &= communities["municipality_code"].isin(filters.municipalities)
    if filters.education_partners:
        mask &= _has_any_partner(communities["education_partners"], filters.education_partners)
    return communities.loc[mask].reset_index(drop=True)


def filter_facilitators(
    facilitators: pd.DataFrame, filters: CommunityFilter | None
) -> pd.DataFrame:
    """Facilitators who list at least one chosen sector (all when no sector is chosen)."""
    if filters is None or not filters.sectors:
        return facilitators
    listed = facilitators["sectors"].explode()
    mask = listed.isin(filters.sectors).groupby(level=0).any()
    mask = mask.reindex(facilitators.index, fill_value=False).astype(bool)
    return facilitators.loc[mask].reset_index(drop=True)


def _has_any_partner(partners: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    exploded = partners.explode()
    matches = exploded.isin(wanted).groupby(level=0).any()
    return matches.reindex(partners.index, fill_value=False).astype(bool)
