"""KPIs on a small, hand-computed history in the real database (SQLite and PostgreSQL).

The history: programme GasErop! reports in 2022-Q4 and 2023-Q2; a 2023-Q4 batch
was undone and must not count. Every expected figure below is worked out by hand
from the rows `history` writes.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from data_access.access.targets import set_target
from data_access.core.db import session_scope
from data_access.kpis import figures as kpis
from tests.actors import OFFICER, grant
from tests.factories import (
    make_batch,
    make_community,
    make_facilitator,
    make_funding,
    make_programme,
)


@pytest.fixture
def history(database) -> int:
    """Write the history; return the programme id."""
    grant(OFFICER, "officer")
    with session_scope(write=True) as s:
        programme = make_programme(s)
        q4 = make_batch(s, programme=programme, period="2022-Q4")
        anna = make_facilitator(s, batch=q4, name="Anna Voorbeeld", max_concurrent=3)
        bram = make_facilitator(
            s, batch=q4, name="Bram Fictief", sectors=("energy_transition", "circularity")
        )
        make_facilitator(s, batch=q4, name="Hugo Oefen", status="in_training", max_concurrent=None)
        make_community(
            s, batch=q4, code="A1", facilitator=anna, start=date(2022, 2, 7), end=date(2022, 5, 9)
        )  # 13 weeks
        make_community(
            s,
            batch=q4,
            code="A2",
            status="stopped",
            facilitator=anna,
            roles=(6, 2, 1, 1),
            start=date(2022, 3, 7),
            end=date(2022, 4, 4),
        )
        a3 = {"sector": "circularity", "facilitator": anna, "start": date(2022, 10, 3),
              "roles": (8, 0, 3, 1), "partners": ("Universiteit Twente",), "question": None,
              "midterm_check": None}  # fmt: skip
        make_community(s, batch=q4, code="A3", status="running", end=date(2023, 1, 23), **a3)
        make_community(
            s, batch=q4, code="A4", status="planned", start=date(2023, 1, 16), end=date(2023, 4, 17)
        )
        make_funding(s, batch=q4, year=2022, quarter=1, granted="100000", spent="20000.40")
        make_funding(s, batch=q4, year=2022, quarter=4, granted="50000", spent="30000")
        q2 = make_batch(s, programme=programme, period="2023-Q2")
        make_facilitator(s, batch=q2, name="Anna Voorbeeld", status="inactive", max_concurrent=3)
        make_facilitator(s, batch=q2, name="Bram Fictief", sectors=("energy_transition",))
        make_community(s, batch=q2, code="A3", status="completed", end=date(2023, 1, 23), **a3)
        make_community(
            s,
            batch=q2,
            code="A4",
            status="running",
            facilitator=bram,
            start=date(2023, 1, 16),
            end=date(2023, 4, 17),
        )
        make_funding(s, batch=q2, year=2023, quarter=1, granted="80000", spent="10000")
        undone = make_batch(s, programme=programme, period="2023-Q4", status="undone")
        make_community(s, batch=undone, code="A5", start=date(2023, 9, 1), end=date(2023, 12, 1))
        make_funding(s, batch=undone, year=2023, quarter=4, granted="999", spent="999")
        for year, value in ((2022, 3), (2023, 2)):
            set_target(s, programme_id=programme.id, year=year, measure="communities_started",
                       value=value, actor=OFFICER)  # fmt: skip
        return programme.id


def test_communities_vs_target_counts_started_not_planned_with_cumulative(history):
    with session_scope() as s:
        frame = kpis.communities_vs_target(s, programme_id=history, as_of="2022-Q4")
    assert frame["target_completed"].isna().all()
    assert frame.drop(columns="target_completed").to_dict("records") == [
        {"year": 2022, "started": 3, "completed": 1, "target_started": 3.0,
         "progress": 1.0,
         "cumulative_started": 3, "cumulative_target": 3.0, "cumulative_progress": 1.0},
        {"year": 2023, "started": 0, "completed": 0, "target_started": 2.0,
         "progress": 0.0,
         "cumulative_started": 3, "cumulative_target": 5.0, "cumulative_progress": 0.6},
    ]  # fmt: skip


def test_later_report_moves_planned_community_into_started_and_ignores_undone_batch(history):
    with session_scope() as s:
        frame = kpis.communities_vs_target(s, programme_id=history, as_of=None)
    assert frame[["year", "started", "completed"]].values.tolist() == [[2022, 3, 1], [2023, 1, 1]]
    assert frame["progress"].tolist() == [1.0, 0.5]


def test_summary_as_of_2022_q4(history):
    with session_scope() as s:
        summary = kpis.kpi_summary(s, programme_id=history, as_of="2022-Q4")
    assert summary["year"] == 2022
    assert (summary["running_now"], summary["planned"], summary["stopped"]) == (1, 1, 1)
    assert summary["completion_rate"] == 0.5
    assert summary["participants"] == {
        "employees": 21, "managers": 3, "students": 6, "teachers": 3, "total": 33,
    }  # fmt: skip
    assert summary["facilitators_certified"] == 2
    assert summary["facilitators_in_training"] == 1
    assert summary["facilitator_capacity"] == 5
    assert summary["capacity_gap"] == 2 - 5
    assert summary["granted"] == 150000.0
    assert summary["spent"] == pytest.approx(50000.40)
    assert summary["duration_share_within_range"] == 1.0
    assert summary["duration_mean_weeks"] == pytest.approx((13 + 16) / 2)


def test_facilitator_inactive_mid_year_counts_as_of_its_latest_report(history):
    with session_scope() as s:
        summary = kpis.kpi_summary(s, programme_id=history, as_of="2023-Q4")
        load = kpis.facilitator_load(s, programme_id=history, as_of="2023-Q4")
    assert summary["facilitators_certified"] == 1
    assert summary["facilitator_capacity"] == 2
    assert summary["capacity_gap"] == 1 - 2
    assert summary["completion_rate"] == pytest.approx(2 / 3)
    assert load[["name", "status", "load"]].values.tolist() == [
        ["Anna Voorbeeld", "inactive", 0],
        ["Bram Fictief", "certified", 1],
        ["Hugo Oefen", "in_training", 0],
    ]
    assert load["utilisation"].tolist()[:2] == [0.0, 0.5]
    assert math.isnan(load.at[2, "utilisation"])


def test_funding_per_quarter_cumulates_within_year(history):
    with session_scope() as s:
        frame = kpis.funding_per_quarter(s, programme_id=history, as_of=None)
    assert frame.round(2).values.tolist() == [
        [2022, 1, 100000.0, 20000.40, 100000.0, 20000.40],
        [2022, 4, 50000.0, 30000.0, 150000.0, 50000.40],
        [2023, 1, 80000.0, 10000.0, 80000.0, 10000.0],
    ]  # fmt: skip


def test_success_factors_per_community_and_shares_per_year(history):
    with session_scope() as s:
        factors = kpis.success_factors(s, programme_id=history, as_of=None)
        shares = kpis.success_factor_shares(s, programme_id=history, as_of=None)
    assert factors[["code", "score"]].values.tolist() == [
        ["A1", 6],
        ["A2", 6],
        ["A3", 1],
        ["A4", 6],
    ]
    a3 = factors.set_index("code").loc["A3"]
    assert a3["company_champion"] and not a3["facilitator_speaks_sector"]
    assert shares["communities"].tolist() == [3, 1]
    assert shares["sharp_question"].tolist() == pytest.approx([2 / 3, 1.0])
    assert shares["company_champion"].tolist() == [1.0, 1.0]


def test_sector_coverage_counts_certified_facilitators_per_listed_sector(history):
    with session_scope() as s:
        frame = kpis.sector_coverage(s, programme_id=history, as_of="2022-Q4")
    assert frame.values.tolist() == [
        ["energy_transition", 3, 1, 2, 5],
        ["circularity", 1, 1, 1, 2],
        ["logistics", 0, 0, 0, 0],
        ["other", 0, 0, 0, 0],
    ]


def test_kpis_report_rounds_and_lists_years_with_data_or_target(history):
    with session_scope() as s:
        report = kpis.kpis_report(s, as_of="2022-Q4")
    (programme,) = report["programmes"]
    assert report["as_of"] == "2022-Q4"
    assert programme["years"] == [
        {"year": 2022, "communities_started": 3, "communities_completed": 1,
         "target_communities_started": 3, "target_communities_completed": None, "progress": 1.0,
         "sector_split": {"circularity": 1, "energy_transition": 2},
         "participants": {"employees": 21, "managers": 3, "students": 6, "teachers": 3,
                          "total": 33},
         "granted": 150000, "spent": 50000, "spent_per_community": 16667},
        {"year": 2023, "communities_started": 0, "communities_completed": 0,
         "target_communities_started": 2, "target_communities_completed": None, "progress": 0.0,
         "sector_split": {},
         "participants": {"employees": 0, "managers": 0, "students": 0, "teachers": 0,
                          "total": 0},
         "granted": 0, "spent": 0, "spent_per_community": None},
    ]  # fmt: skip
    assert programme["cumulative"] == {
        "communities_started": 3, "target_communities_started": 3, "progress": 1.0,
    }  # fmt: skip
    assert (programme["running_now"], programme["completion_rate"]) == (1, 0.5)
    assert (programme["facilitator_capacity"], programme["capacity_gap"]) == (5, -3)


def test_empty_database_gives_zeros_and_empty_frames(database):
    with session_scope() as s:
        assert kpis.communities_vs_target(s, programme_id=None, as_of=None).empty
        summary = kpis.kpi_summary(s, programme_id=None, as_of="2023-Q4")
        assert kpis.kpis_report(s) == {"as_of": None, "programmes": []}
        for frame_function in (kpis.sector_split, kpis.participants_per_year,
                               kpis.community_durations, kpis.duration_per_year,
                               kpis.facilitator_load, kpis.funding_per_quarter,
                               kpis.funding_per_year, kpis.success_factors,
                               kpis.success_factor_shares):  # fmt: skip
            assert frame_function(s, programme_id=None, as_of=None).empty
        assert kpis.sector_coverage(s, programme_id=None, as_of=None)["communities"].sum() == 0
    assert (summary["running_now"], summary["facilitator_capacity"], summary["capacity_gap"]) == (
        0, 0, 0,
    )  # fmt: skip
    assert summary["participants"]["total"] == 0
    assert math.isnan(summary["completion_rate"])
