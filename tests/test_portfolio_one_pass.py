"""The Portfolio's one pass over every programme gives, figure for figure, what
`kpi_summary` gives for each programme as of its last reported quarter (the way the
rows were computed before, one programme at a time)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import select

from data_access.core.db import session_scope
from data_access.core.models import ImportBatch, Programme, Target
from data_access.core.state import reported_periods
from data_access.kpis.portfolio import SUMMED, portfolio_rows
from data_access.kpis.summary import kpi_summary
from tests.factories import make_batch, make_community, make_facilitator, make_funding


def per_programme_rows(session) -> list[dict]:
    """The reference: each programme's `kpi_summary` as of its last counted quarter."""
    rows = []
    for programme in session.execute(select(Programme).order_by(Programme.name)).scalars():
        periods = reported_periods(session, programme_id=programme.id)
        last = periods[-1] if periods else None
        summary = kpi_summary(session, programme_id=programme.id, as_of=last)
        status = session.execute(
            select(ImportBatch.review_status).where(
                ImportBatch.programme_id == programme.id,
                ImportBatch.period == last,
                ImportBatch.status == "active",
            )
        ).scalar_one_or_none()
        row = {"programme_id": programme.id, "programme": programme.name, "last_period": last,
               "last_status": status, "year": summary["year"]}  # fmt: skip
        summary["participants"] = summary["participants"]["total"]
        row |= {key: None if _nan(summary[key]) else summary[key] for key in SUMMED}
        rows.append(row)
    return rows


def _nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _varied(session) -> None:
    """Beside the sample's two programmes: one with approved, submitted, rejected and
    superseded imports (odd cents, blank participants and capacity, a year without a
    target), one whose only import was rejected, one with targets but no uploads yet,
    and one with nothing at all."""
    varied = Programme(name="Gevarieerd (fictief)")
    rejected_only = Programme(name="Alleen afgewezen (fictief)")
    targets_only = Programme(name="Alleen doelen (fictief)")
    session.add_all([varied, rejected_only, targets_only, Programme(name="Leeg (fictief)")])
    session.flush()
    q2 = make_batch(session, programme=varied, period="2023-Q2")
    q2.review_status = "approved"
    old = make_batch(session, programme=varied, period="2023-Q3", status="superseded")
    q4 = make_batch(session, programme=varied, period="2023-Q4")
    q1 = make_batch(session, programme=varied, period="2024-Q1")
    q1.review_status = "rejected"
    coach = make_facilitator(session, batch=q2, name="Coach A", max_concurrent=3)
    make_facilitator(session, batch=q2, name="Coach B", max_concurrent=None)
    make_facilitator(session, batch=q4, name="Coach C", status="in_training")
    for batch in (q2, old, q4):
        make_community(session, batch=batch, code="V1", status="running",
                       start=date(2023, 2, 1), end=None, facilitator=coach)  # fmt: skip
    make_community(session, batch=q2, code="V2", start=date(2022, 9, 1), end=date(2023, 1, 15),
                   roles=(3, None, 2, None))  # fmt: skip
    make_community(session, batch=q4, code="V3", status="stopped", start=date(2023, 5, 1),
                   end=date(2023, 7, 1), roles=(None, None, None, None))  # fmt: skip
    make_community(session, batch=q4, code="V4", status="planned", start=None, end=None)
    make_community(session, batch=q1, code="V5", status="running", start=date(2024, 1, 8),
                   end=None)  # fmt: skip
    amounts = [(q2, 2022, 4, "1000.10", "333.33"), (q2, 2023, 1, "2500.00", "0.10"),
               (q4, 2023, 2, "0.20", "1234.57"), (q4, 2023, 3, "0.00", "987.65"),
               (q1, 2024, 1, "5000.00", "10.01")]  # fmt: skip
    for batch, year, quarter, granted, spent in amounts:
        make_funding(session, batch=batch, year=year, quarter=quarter, granted=granted,
                     spent=spent)  # fmt: skip
    refused = make_batch(session, programme=rejected_only, period="2024-Q2")
    refused.review_status = "rejected"
    make_community(session, batch=refused, code="R1", start=date(2024, 4, 1), end=None,
                   status="running")  # fmt: skip
    make_funding(session, batch=refused, year=2024, quarter=2, granted="900.00", spent="45.00")
    targets = [(varied, 2022, "communities_started", 1.5), (varied, 2023, "budget", 4321.09),
               (varied, 2024, "communities_completed", 2), (varied, 2024, "budget", 9.99),
               (targets_only, 2025, "communities_started", 4),
               (targets_only, 2026, "communities_completed", 3),
               (targets_only, 2027, "budget", 50000)]  # fmt: skip
    for programme, year, measure, value in targets:
        session.add(Target(programme_id=programme.id, year=year, measure=measure, value=value))


@pytest.fixture
def varied(sample_database) -> None:
    with session_scope(write=True) as session:
        _varied(session)


@pytest.mark.parametrize("approved_only", [False, True])
def test_one_pass_rows_equal_each_programmes_summary(varied, approved_only):
    with session_scope(approved_only=approved_only) as session:
        one_pass = portfolio_rows(session)
        expected = per_programme_rows(session)
    assert [row["programme"] for row in one_pass] == [
        "Alleen afgewezen (fictief)", "Alleen doelen (fictief)", "GasErop!",
        "Gevarieerd (fictief)", "Leeg (fictief)", "Rondje Circulair (fictief)",
    ]  # fmt: skip
    for row, want in zip(one_pass, expected, strict=True):
        assert row == want  # every figure, to the last bit of a float
        assert [type(row[k]) for k in SUMMED] == [type(want[k]) for k in SUMMED]


def test_the_varied_database_tests_what_it_should(varied):
    """The comparison above is only as good as the cases it meets: undefined targets, a
    fractional cumulative target, cents, a year taken from the targets, a blank row."""
    with session_scope() as session:
        rows = {row["programme"]: row for row in portfolio_rows(session)}
    varied = rows["Gevarieerd (fictief)"]
    assert (varied["last_period"], varied["last_status"], varied["year"]) == (
        "2023-Q4", "submitted", 2023)  # fmt: skip
    assert (varied["started_this_year"], varied["target_started_this_year"]) == (2, None)
    assert (varied["cumulative_started"], varied["cumulative_target"]) == (3, 1.5)
    assert (varied["participants"], varied["capacity_gap"]) == (16, -1)
    assert varied["spent_this_year"] == pytest.approx(2222.32)
    assert rows["Alleen doelen (fictief)"]["year"] == 2026
    assert rows["Alleen afgewezen (fictief)"]["last_period"] is None
    assert rows["Leeg (fictief)"]["year"] is None


def test_one_pass_before_any_upload_at_all(database):
    """A fresh install with one programme created ahead of its first upload: no reports of
    any programme to group (the frames are empty), its year taken from its target."""
    with session_scope(write=True) as session:
        programme = Programme(name="Nieuw (fictief)")
        session.add(programme)
        session.flush()
        session.add(Target(programme_id=programme.id, year=2025, measure="communities_started",
                           value=4))  # fmt: skip
    with session_scope() as session:
        [row] = portfolio_rows(session)
        assert [row] == per_programme_rows(session)
    assert (row["year"], row["cumulative_target"], row["capacity_gap"]) == (2025, 4.0, 0)
