"""The sample data reproduces the province's public figures, through the real importer."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date

import pytest
from sqlalchemy import func, select

from data_access.access.targets import set_target
from data_access.core.db import session_scope
from data_access.core.models import AuditEvent, ImportBatch, PeriodLock, Target, TargetChange
from data_access.core.queries import get_programme
from data_access.imports.importer import plan_import
from data_access.imports.sample import SAMPLE_DIR, load_sample_data, sample_workbooks
from data_access.kpis import figures as kpis
from data_access.kpis.completeness import completeness_rows

PERIODS = ["2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4"]
CIRCULAR = "Rondje Circulair (fictief)"


def _generator():
    path = SAMPLE_DIR / "make_sample_workbooks.py"
    spec = importlib.util.spec_from_file_location("make_sample_workbooks", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def loaded(sample_database) -> int:
    """The sample as `make run` loads it: a copy of the run's one load through the
    importer (tests/conftest.py), so the read-only checks below don't each pay for it."""
    with session_scope() as s:
        return get_programme(s, name="GasErop!").id


def test_committed_workbooks_are_what_the_generator_writes(tmp_path):
    generator = _generator()
    assert [p.name for p in sample_workbooks()] == [f"GasErop_{p}.xlsx" for p in PERIODS] + [
        "RondjeCirculair_2024-Q2.xlsx", "RondjeCirculair_2024-Q4.xlsx",
    ]  # fmt: skip
    made = [(s, p) for s in generator.SAMPLES for p in s.periods]
    for (sample, period), committed in zip(made, sample_workbooks(), strict=True):
        fresh = tmp_path / committed.name
        generator.save_reproducibly(generator.build_workbook(period, sample), fresh)
        assert fresh.read_bytes() == committed.read_bytes(), committed.name


def test_sample_2023_q4_workbook_is_valid_on_its_own(database):
    path = SAMPLE_DIR / "GasErop_2023-Q4.xlsx"
    result = plan_import(path.read_bytes(), path.name)
    assert result.ok
    assert result.errors == []
    assert result.counts["communities"]["new"] == 23


def test_sample_data_gives_13_then_10_and_23_cumulative(loaded):
    with session_scope() as s:
        frame = kpis.communities_vs_target(s, programme_id=loaded, as_of="2023-Q4")
        report = kpis.kpis_report(s, as_of="2023-Q4")
    assert frame[["year", "started", "completed", "target_started"]].values.tolist() == [
        [2022, 13, 13, 13.0],
        [2023, 10, 9, 10.0],
    ]
    (programme,) = [p for p in report["programmes"] if p["programme"] == "GasErop!"]
    assert programme["cumulative"] == {
        "communities_started": 23, "target_communities_started": 23, "progress": 1.0,
    }  # fmt: skip
    assert [y["sector_split"] for y in programme["years"]] == [
        {"energy_transition": 13},
        {"circularity": 4, "energy_transition": 6},
    ]
    assert [y["participants"]["total"] for y in programme["years"]] == [150, 115]
    assert programme["participants"] == {
        "employees": 161, "managers": 35, "students": 46, "teachers": 23, "total": 265,
    }  # fmt: skip
    assert [(y["granted"], y["spent"], y["spent_per_community"]) for y in programme["years"]] == [
        (250000, 149001, 11462),
        (200000, 151450, 15145),
    ]


def test_sample_facilitators_as_of_2023_q4(loaded):
    with session_scope() as s:
        summary = kpis.kpi_summary(s, programme_id=loaded, as_of="2023-Q4")
        load = kpis.facilitator_load(s, programme_id=loaded, as_of="2023-Q4")
    assert summary["running_now"] == 1
    assert summary["facilitators_certified"] == 6
    assert summary["facilitators_in_training"] == 1
    assert summary["facilitator_capacity"] == 14
    assert summary["capacity_gap"] == 1 - 14
    assert summary["target_facilitators_certified"] == 7.0
    statuses = dict(zip(load["name"], load["status"], strict=True))
    assert statuses["Carla Testers"] == "inactive"
    assert load.loc[load["load"] > 0, "name"].tolist() == ["Daan Demo"]


def test_sample_data_as_of_2022_q4_shows_only_2022(loaded):
    with session_scope() as s:
        summary = kpis.kpi_summary(s, programme_id=loaded, as_of="2022-Q4")
        early = kpis.kpi_summary(s, programme_id=loaded, as_of="2022-Q2")
    assert (summary["started_this_year"], summary["completed_this_year"]) == (13, 13)
    assert (summary["communities"], summary["running_now"]) == (13, 0)
    assert summary["facilitators_certified"] == 6
    assert (early["started_this_year"], early["running_now"], early["planned"]) == (9, 5, 4)


def test_sample_success_factors_vary_per_year(loaded):
    with session_scope() as s:
        shares = kpis.success_factor_shares(s, programme_id=loaded, as_of="2023-Q4")
    rows = shares.round(4).to_dict("records")
    assert rows == [
        {"year": 2022, "communities": 13, "sharp_question": round(12 / 13, 4),
         "company_champion": round(12 / 13, 4), "leaders_at_table": 1.0,
         "facilitator_speaks_sector": 1.0, "vocational_education": round(12 / 13, 4),
         "midterm_check": round(11 / 13, 4)},
        {"year": 2023, "communities": 10, "sharp_question": 0.9, "company_champion": 0.9,
         "leaders_at_table": 1.0, "facilitator_speaks_sector": 0.9,
         "vocational_education": 0.9, "midterm_check": 0.9},
    ]  # fmt: skip


def test_loading_sample_data_twice_duplicates_nothing_and_keeps_officer_targets(loaded):
    with session_scope(write=True) as s:
        set_target(s, programme_id=loaded, year=2023, measure="budget", value=210000,
                   actor="officer@demo.lc-monitor.local")  # fmt: skip
    load_sample_data()
    with session_scope() as s:
        batches = s.execute(select(func.count()).select_from(ImportBatch)).scalar_one()
        targets = s.execute(select(func.count()).select_from(Target)).scalar_one()
        changes = s.execute(select(func.count()).select_from(TargetChange)).scalar_one()
        budget = s.execute(
            select(Target.value).where(Target.year == 2023, Target.measure == "budget")
        ).scalar_one()
    assert (batches, targets, changes, budget) == (6, 12, 13, 210000.0)


def test_second_programme_is_circularity_only_from_2024(loaded):
    with session_scope() as s:
        circular = get_programme(s, name=CIRCULAR)
        frame = kpis.communities_vs_target(s, programme_id=circular.id, as_of="2024-Q4")
        summary = kpis.kpi_summary(s, programme_id=circular.id, as_of="2024-Q4")
        split = kpis.sector_split(s, programme_id=circular.id, as_of="2024-Q4")
    assert (circular.first_year, circular.last_year) == (2024, 2024)
    assert frame[["year", "started", "completed", "target_started"]].values.tolist() == [
        [2024, 4, 3, 5.0]
    ]
    assert (summary["running_now"], summary["facilitators_certified"]) == (1, 3)
    assert (summary["granted"], summary["spent"], summary["participants"]["total"]) == (
        120000, 73500, 46,
    )  # fmt: skip
    assert set(split["sector"]) == {"circularity"}


def test_sample_imports_are_dated_weeks_after_their_quarter_and_on_time(loaded):
    with session_scope() as s:
        sent = s.execute(
            select(ImportBatch.period, ImportBatch.uploaded_at, ImportBatch.review_status).order_by(
                ImportBatch.period
            )
        ).all()
        rows = completeness_rows(s, today=date(2030, 1, 1))  # any install date
    assert [(p, at.date().isoformat(), st) for p, at, st in sent] == [
        ("2022-Q2", "2022-07-18", "approved"), ("2022-Q4", "2023-01-18", "approved"),
        ("2023-Q2", "2023-07-18", "approved"), ("2023-Q4", "2024-01-18", "submitted"),
        ("2024-Q2", "2024-07-18", "approved"), ("2024-Q4", "2025-01-18", "submitted"),
    ]  # fmt: skip
    assert [r["period"] for r in rows if r["late"]] == []
    assert [(r["period"], r["status"]) for r in rows if r["programme"] == CIRCULAR] == [
        ("2024-Q1", "missing"), ("2024-Q2", "approved"), ("2024-Q3", "missing"),
        ("2024-Q4", "submitted"),
    ]  # fmt: skip


def test_sample_locks_and_audit_events_are_dated_with_their_approval(loaded):
    with session_scope() as s:
        batches = s.execute(
            select(ImportBatch.id, ImportBatch.period, ImportBatch.uploaded_at,
                   ImportBatch.reviewed_at)
            .where(ImportBatch.review_status == "approved").order_by(ImportBatch.period)
        ).all()  # fmt: skip
        locks = dict(s.execute(select(PeriodLock.approved_batch_id, PeriodLock.locked_at)).all())
        events = s.execute(select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.period,
                                  AuditEvent.at)).all()  # fmt: skip
    day = {batch: reviewed.date().isoformat() for batch, _, _, reviewed in batches}
    assert [(period, day[batch]) for batch, period, _, _ in batches] == [
        ("2022-Q2", "2022-07-23"), ("2022-Q4", "2023-01-23"), ("2023-Q2", "2023-07-23"),
        ("2024-Q2", "2024-07-23"),
    ]  # fmt: skip
    assert {batch: at.date().isoformat() for batch, at in locks.items()} == day
    sent = {str(batch): uploaded for batch, _, uploaded, _ in batches}
    reviewed = {str(batch): at for batch, _, _, at in batches}
    by_period = {period: reviewed[str(batch)] for batch, period, _, _ in batches}
    assert {(entity, at) for action, entity, _, at in events if action == "import"} >= set(
        sent.items()
    )
    assert {(entity, at) for action, entity, _, at in events if action == "approve"} == set(
        reviewed.items()
    )
    assert {(period, at) for action, _, period, at in events if action == "lock"} == set(
        by_period.items()
    )
