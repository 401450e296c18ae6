"""Overview cards and sentence, staffing, comparison and budget: sample data and edge cases.

Sample figures (GasErop!, data/sample): 13 started in 2022, 10 in 2023 (23 in all);
as of 2023-Q4 one 2023 community still runs. Capacity: six certified facilitators
with 3+2+2+3+2+2 = 14 concurrent places.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from data_access.access.targets import set_target
from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.kpis.compare import as_period, compare_periods, funding_against_budget
from data_access.kpis.overview import overview_cards, programme_sentence, year_outcome
from data_access.kpis.staffing import capacity_per_period, facilitator_cohorts, staffing_gap
from tests.actors import OFFICER, grant
from tests.factories import make_batch, make_community, make_facilitator, make_programme


@pytest.fixture
def sample(sample_database) -> int:
    with session_scope() as s:
        return get_programme(s, name="GasErop!").id


def _cards(session, programme_id, as_of) -> dict[str, list]:
    frame = overview_cards(session, programme_id=programme_id, as_of=as_of)
    return {
        row.measure: [row.value, row.target, row.previous, row.change] for row in frame.itertuples()
    }


def test_overview_cards_as_of_2023_q4_change_since_2023_q3(sample):
    with session_scope() as s:
        cards = _cards(s, sample, "2023-Q4")
    nan = cards["running_now"][1]
    assert math.isnan(nan)
    assert cards["started_year"] == [10, 10, 7, 3]
    assert cards["started_cumulative"] == [23, 23, 20, 3]
    assert cards["completed_year"] == [9, 10, 3, 6]
    assert cards["running_now"][::2] == [1, 4] and cards["running_now"][3] == -3
    assert cards["facilitators_certified"] == [6, 7, 6, 0]
    assert cards["granted"] == [200_000, 200_000, 200_000, 0]
    assert cards["spent"] == [151_450, 200_000, 60_500, 90_950]  # as of Q3: the Q2 report


def test_sentence_for_2022_says_13_of_13_started_and_completed(sample):
    with session_scope() as s:
        outcome = year_outcome(s, programme_id=sample, as_of="2022-Q4")
    assert programme_sentence(outcome, lang="nl") == (
        "In 2022 zijn 13 van de 13 geplande leergemeenschappen gestart en afgerond."
    )
    assert programme_sentence(outcome, lang="en") == (
        "In 2022, 13 of the 13 planned communities started and were completed."
    )


def test_sentence_for_2023_names_the_running_community(sample):
    with session_scope() as s:
        outcome = year_outcome(s, programme_id=sample, as_of="2023-Q4")
    assert programme_sentence(outcome, lang="nl") == (
        "In 2023 zijn 10 van de 10 geplande leergemeenschappen gestart: 9 afgerond en 1 nog bezig."
    )


@pytest.mark.parametrize(
    ("outcome", "nl"),
    [
        (
            {"year": 2024, "target": 8.0, "started": 0, "completed": 0, "running": 0, "stopped": 0},
            "In 2024 is nog geen van de 8 geplande leergemeenschappen gestart.",
        ),
        (
            {
                "year": 2024,
                "target": math.nan,
                "started": 0,
                "completed": 0,
                "running": 0,
                "stopped": 0,
            },
            "In 2024 zijn nog geen leergemeenschappen gestart en er is geen doel vastgelegd.",
        ),
        (
            {"year": 2024, "target": 8.0, "started": 3, "completed": 1, "running": 1, "stopped": 1},
            "In 2024 zijn 3 van de 8 geplande leergemeenschappen gestart: "
            "1 afgerond, 1 nog bezig en 1 gestopt.",
        ),
        (
            {
                "year": 2024,
                "target": math.nan,
                "started": 2,
                "completed": 0,
                "running": 0,
                "stopped": 2,
            },
            "In 2024 zijn 2 leergemeenschappen gestart: 2 gestopt; "
            "voor dat jaar is geen doel vastgelegd.",
        ),
    ],
)
def test_sentence_covers_no_start_no_target_and_stopped_communities(outcome, nl):
    assert programme_sentence(outcome, lang="nl") == nl


def test_capacity_per_period_and_the_staffing_gap_for_next_year(sample):
    with session_scope() as s:
        frame = capacity_per_period(s, programme_id=sample, as_of="2023-Q4")
        gap_2023 = staffing_gap(s, programme_id=sample, as_of="2022-Q4")
        gap_2024 = staffing_gap(s, programme_id=sample, as_of="2023-Q4")
        cohorts = facilitator_cohorts(s, programme_id=sample)
    assert frame[["period", "capacity", "load", "demand", "capacity_gap"]].values.tolist() == [
        ["2022-Q2", 14, 5, 9, -5],
        ["2022-Q4", 14, 0, 0, -14],
        ["2023-Q2", 14, 4, 7, -7],
        ["2023-Q4", 14, 1, 1, -13],
    ]
    assert frame["utilisation"].round(3).tolist() == [0.357, 0.0, 0.286, 0.071]
    # 2023's target of 10 against 14 places as of 2022-Q4: 4 places to spare.
    assert gap_2023 == {"year": 2023, "target": 10.0, "capacity": 14, "gap": -4.0}
    assert gap_2024["year"] == 2024 and math.isnan(gap_2024["gap"])
    assert cohorts.values.tolist() == [["2022-Q1", 6, 6], ["2023-Q1", 1, 7]]


def test_an_inactive_facilitator_stops_adding_capacity_from_that_period(database):
    grant(OFFICER, "officer")
    with session_scope(write=True) as s:
        programme = make_programme(s)
        q2 = make_batch(s, programme=programme, period="2023-Q2")
        anna = make_facilitator(s, batch=q2, name="Anna", max_concurrent=3)
        make_facilitator(s, batch=q2, name="Bram", max_concurrent=2)
        make_community(s, batch=q2, code="A", status="running", facilitator=anna,
                       start=date(2023, 4, 3), end=date(2023, 7, 3))  # fmt: skip
        q3 = make_batch(s, programme=programme, period="2023-Q3")
        make_facilitator(s, batch=q3, name="Anna", status="inactive", max_concurrent=3)
        set_target(s, programme_id=programme.id, year=2024, measure="communities_started",
                   value=6, actor=OFFICER)  # fmt: skip
        programme_id = programme.id
    with session_scope() as s:
        frame = capacity_per_period(s, programme_id=programme_id)
        gap = staffing_gap(s, programme_id=programme_id, as_of="2023-Q3")
    assert frame[["period", "capacity", "load", "capacity_gap"]].values.tolist() == [
        ["2023-Q2", 5, 1, -4],
        ["2023-Q3", 2, 1, -1],
    ]
    assert gap == {"year": 2024, "target": 6.0, "capacity": 2, "gap": 4.0}


def test_no_data_gives_zero_cards_and_empty_frames(database):
    with session_scope() as s:
        cards = _cards(s, None, "2023-Q4")
        assert cards["started_year"][0::2] == [0, 0] and cards["spent"][0] == 0
        assert capacity_per_period(s).empty
        assert facilitator_cohorts(s).empty
        assert funding_against_budget(s).empty
        assert math.isnan(staffing_gap(s, as_of="2023-Q4")["gap"])
        outcome = year_outcome(s, as_of="2023-Q4")
    assert programme_sentence(outcome, lang="en") == (
        "No communities started in 2023 yet, and no target was set."
    )


def test_compare_2022_with_2023_q4(sample):
    with session_scope() as s:
        frame = compare_periods(s, programme_id=sample, a="2022", b="2023-Q4").set_index("measure")
    assert frame.loc["started_this_year"].tolist() == [13, 10, -3]
    assert frame.loc["cumulative_started"].tolist() == [13, 23, 10]
    assert frame.loc["running_now"].tolist() == [0, 1, 1]
    assert frame.loc["facilitator_capacity"].tolist() == [14, 14, 0]
    assert frame.loc["granted_this_year"].tolist() == [250_000, 200_000, -50_000]


@pytest.mark.parametrize(
    ("choice", "period"), [("2022", "2022-Q4"), ("2023-Q2", "2023-Q2"), ("Q1 2023", "2023-Q1")]
)
def test_a_year_compares_as_of_its_last_quarter(choice, period):
    assert as_period(choice) == period


def test_funding_against_budget_per_quarter(sample):
    with session_scope() as s:
        frame = funding_against_budget(s, programme_id=sample)
    last_2022 = frame[frame["year"] == 2022].iloc[-1]
    assert (last_2022["cumulative_granted"], last_2022["budget"]) == (250_000, 250_000)
    assert frame[frame["year"] == 2023]["cumulative_spent"].tolist() == [
        18_000, 60_500, 100_250, 151_450,
    ]  # fmt: skip
