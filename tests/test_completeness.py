"""Reporting completeness (programme × quarter) and `python -m data_access status`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import select

from data_access.cli.main import main
from data_access.core.db import session_scope
from data_access.core.models import Programme
from data_access.kpis.completeness import completeness_counts, completeness_rows, quarters_in_view
from tests.factories import make_batch, make_programme

TODAY = date(2024, 8, 15)  # 2024-Q2 is due on 30 July 2024; 2024-Q3 hasn't ended


def cells() -> list[tuple]:
    with session_scope() as session:
        rows = completeness_rows(session, today=TODAY)
    return [(r["programme"], r["period"], r["status"], r["late"], r["due"]) for r in rows]


def _portfolio() -> None:
    """Circular: from 2024, Q1 on time and approved, Q2 rejected; Empty: no uploads yet."""
    with session_scope(write=True) as session:
        circular = make_programme(session, "Circulair (fictief)")
        circular.first_year = 2024
        q1 = make_batch(session, programme=circular, period="2024-Q1")
        q1.review_status, q1.uploaded_at = "approved", datetime(2024, 4, 20, tzinfo=UTC)
        q2 = make_batch(session, programme=circular, period="2024-Q2")
        q2.review_status, q2.uploaded_at = "rejected", datetime(2024, 8, 2, tzinfo=UTC)
        empty = make_programme(session, "Leeg (fictief)")
        empty.first_year, empty.deadline_days = 2024, 60
        make_programme(session, "Zonder jaar")  # no first year, no uploads: nothing expected


def test_statuses_due_dates_and_late(database):
    _portfolio()
    assert cells() == [
        ("Circulair (fictief)", "2024-Q1", "approved", False, "2024-04-30"),
        ("Circulair (fictief)", "2024-Q2", "rejected", True, "2024-07-30"),
        ("Leeg (fictief)", "2024-Q1", "missing", False, "2024-05-30"),
        ("Leeg (fictief)", "2024-Q2", "not_due", False, "2024-08-29"),
    ]
    with session_scope() as session:
        counts = completeness_counts(completeness_rows(session, today=TODAY))
    assert counts == {"approved": 1, "submitted": 0, "rejected": 1, "missing": 1, "not_due": 1,
                      "late": 1}  # fmt: skip


def test_quarters_outside_the_span_are_not_in_view(database):
    _portfolio()
    with session_scope(write=True) as session:
        circular = session.execute(
            select(Programme).where(Programme.name == "Circulair (fictief)")
        ).scalar_one()
        make_batch(session, programme=circular, period="2023-Q3")  # before any programme began
        make_batch(session, programme=circular, period="2024-Q3")  # sent before it ended
    assert [c[:3] for c in cells()] == [
        ("Circulair (fictief)", "2024-Q1", "approved"),
        ("Circulair (fictief)", "2024-Q2", "rejected"),
        ("Leeg (fictief)", "2024-Q1", "missing"),
        ("Leeg (fictief)", "2024-Q2", "not_due"),
    ]
    spread = [{"period": p} for p in ("2023-Q3", "2024-Q2", "2023-Q4")]
    assert quarters_in_view(spread) == ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]


def test_status_command_prints_the_grid(database, capsys):
    _portfolio()
    assert main(["status", "--json", "--today", TODAY.isoformat()]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["period"], r["status"]) for r in rows if r["programme"] == "Leeg (fictief)"] == [
        ("2024-Q1", "missing"),
        ("2024-Q2", "not_due"),
    ]
    assert main(["status", "--today", TODAY.isoformat(), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["Circulair", "(fictief)", "2024-Q2", "Rejected", "(late)",
                                "2024-07-30"]  # fmt: skip


def test_sample_grid_stops_at_the_last_year(sample_database):
    with session_scope() as session:
        rows = completeness_rows(session, today=date(2026, 11, 29))
    assert [(r["period"], r["status"]) for r in rows if r["programme"] == "GasErop!"] == [
        ("2022-Q1", "missing"), ("2022-Q2", "approved"), ("2022-Q3", "missing"),
        ("2022-Q4", "approved"), ("2023-Q1", "missing"), ("2023-Q2", "approved"),
        ("2023-Q3", "missing"), ("2023-Q4", "submitted"),
    ]  # fmt: skip
    assert [r["period"] for r in rows if r["programme"] != "GasErop!"] == [
        "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
    ]  # fmt: skip
