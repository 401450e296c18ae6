"""Figures that mean what they say: as of a quarter only the targets of years begun by
then; with a filter no programme target against a filtered count (sample data)."""

from __future__ import annotations

import math

import pytest

from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.funding import funding_headline
from data_access.kpis.summary import communities_vs_target, kpi_summary, years_begun

CIRCULARITY = CommunityFilter(sectors=("circularity",))


@pytest.fixture
def sample(sample_database) -> int:
    with session_scope() as s:
        return get_programme(s, name="GasErop!").id


def test_as_of_2022_q2_only_the_2022_target_counts(sample):
    with session_scope() as session:
        frame = years_begun(
            communities_vs_target(session, programme_id=sample, as_of="2022-Q2"), "2022-Q2"
        )
        summary = kpi_summary(session, programme_id=sample, as_of="2022-Q2")
    rows = frame[["year", "started", "target_started", "cumulative_started", "cumulative_target"]]
    assert rows.values.tolist() == [[2022, 9, 13.0, 9, 13.0]]
    assert (summary["cumulative_started"], summary["cumulative_target"]) == (9, 13.0)


def test_as_of_2023_q4_both_years_count(sample):
    with session_scope() as session:
        frame = years_begun(
            communities_vs_target(session, programme_id=sample, as_of="2023-Q4"), "2023-Q4"
        )
    assert frame["cumulative_target"].tolist() == [13.0, 23.0]


def test_a_sector_filter_sets_no_programme_target_against_its_count(sample):
    with session_scope() as session:
        frame = communities_vs_target(
            session, programme_id=sample, as_of="2023-Q4", filters=CIRCULARITY
        )
        summary = kpi_summary(session, programme_id=sample, as_of="2023-Q4", filters=CIRCULARITY)
    # 2022 stays, with its 0: the programme ran then, no circularity community started.
    assert frame[["year", "started"]].values.tolist() == [[2022, 0], [2023, 4]]
    assert frame["target_started"].isna().all() and frame["cumulative_target"].isna().all()
    assert math.isnan(summary["target_facilitators_certified"])
    assert summary["target_budget_this_year"] == 200_000  # funding stays the programme's


def test_funding_headline_for_the_periods_year(sample):
    with session_scope() as session:
        q4 = funding_headline(kpi_summary(session, programme_id=sample, as_of="2023-Q4"))
    assert q4 == {"budget": 200_000.0, "granted": 200_000.0, "spent": 151_450.0,
                  "remaining": 48_550.0, "spent_per_community": 15_145.0}  # fmt: skip
