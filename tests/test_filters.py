"""Dashboard filters narrow communities (and facilitators by sector) before any KPI."""

from __future__ import annotations

import pandas as pd
import pytest

from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.kpis import figures as kpis
from data_access.kpis.filters import CommunityFilter, filter_communities, filter_facilitators

ENSCHEDE, ZWOLLE = "GM0153", "GM0193"


def communities_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["A", "B", "C", "D"],
            "sector": ["energy_transition", "circularity", "circularity", "other"],
            "municipality_code": [ENSCHEDE, ZWOLLE, None, ENSCHEDE],
            "education_partners": [["Saxion"], ["Windesheim", "Saxion"], [], ["ROC van Twente"]],
        }
    )


@pytest.mark.parametrize(
    ("filters", "codes"),
    [
        (None, ["A", "B", "C", "D"]),
        (CommunityFilter(), ["A", "B", "C", "D"]),
        (CommunityFilter(sectors=("circularity",)), ["B", "C"]),
        (CommunityFilter(municipalities=(ENSCHEDE,)), ["A", "D"]),
        (CommunityFilter(education_partners=("Saxion",)), ["A", "B"]),
        (CommunityFilter(education_partners=("Windesheim", "ROC van Twente")), ["B", "D"]),
        (CommunityFilter(sectors=("circularity",), municipalities=(ZWOLLE,)), ["B"]),
        (CommunityFilter(sectors=("logistics",)), []),
    ],
)
def test_communities_match_every_chosen_dimension_and_any_value_within_one(filters, codes):
    assert filter_communities(communities_frame(), filters)["code"].tolist() == codes


def test_facilitators_are_narrowed_by_sector_only():
    facilitators = pd.DataFrame(
        {"name": ["Anna", "Bram", "Carla"], "sectors": [["energy_transition"], ["circularity"], []]}
    )
    by_sector = CommunityFilter(sectors=("circularity",), municipalities=(ENSCHEDE,))
    assert filter_facilitators(facilitators, by_sector)["name"].tolist() == ["Bram"]
    by_place = CommunityFilter(municipalities=(ENSCHEDE,), education_partners=("Saxion",))
    assert filter_facilitators(facilitators, by_place)["name"].tolist() == ["Anna", "Bram", "Carla"]


def test_an_empty_frame_stays_empty():
    empty = communities_frame().iloc[0:0]
    assert filter_communities(empty, CommunityFilter(sectors=("circularity",))).empty


@pytest.fixture
def programme_id(sample_database) -> int:
    with session_scope() as s:
        return get_programme(s, name="GasErop!").id


def _started(session, programme_id: int, filters: CommunityFilter) -> dict[int, int]:
    frame = kpis.communities_vs_target(session, programme_id=programme_id, filters=filters)
    return dict(zip(frame["year"], frame["started"], strict=True))


def test_sample_data_filtered_by_sector_municipality_and_partner(programme_id):
    with session_scope() as s:
        assert _started(s, programme_id, CommunityFilter()) == {2022: 13, 2023: 10}
        circular = CommunityFilter(sectors=("circularity",))
        assert _started(s, programme_id, circular) == {2022: 0, 2023: 4}
        assert _started(s, programme_id, CommunityFilter(municipalities=(ENSCHEDE,))) == {
            2022: 1,
            2023: 1,
        }
        windesheim = CommunityFilter(education_partners=("Windesheim",))
        assert _started(s, programme_id, windesheim) == {2022: 4, 2023: 3}
        summary = kpis.kpi_summary(s, programme_id=programme_id, filters=circular)
        # Bram (2), Eva (3) and Gerda (2) are certified and list circularity.
        assert (summary["facilitators_certified"], summary["facilitator_capacity"]) == (3, 7)
        assert summary["granted"] == kpis.kpi_summary(s, programme_id=programme_id)["granted"]


def test_sector_coverage_and_load_respect_only_the_sector_filter(programme_id):
    with session_scope() as s:
        circular = CommunityFilter(sectors=("circularity",), municipalities=(ZWOLLE,))
        coverage = kpis.sector_coverage(s, programme_id=programme_id, filters=circular)
        assert coverage.to_dict("records") == [
            {
                "sector": "circularity",
                "communities": 1,
                "active_communities": 0,
                "certified_facilitators": 3,
                "capacity": 7,
            }
        ]
        load = kpis.facilitator_load(s, programme_id=programme_id, filters=circular)
        assert load["name"].tolist() == ["Bram Fictief", "Eva Proef", "Gerda Schets", "Hugo Oefen"]
        # Daan runs GE23-10 (energy transition in Raalte): not in this filter's facilitators.
        assert load["load"].sum() == 0
