"""Reporting completeness, as DHIS2's reporting-rate view: programme × quarter.

Each programme is expected to report every quarter from its first year (else its
first reported quarter) up to the last quarter that has ended (and not after its
last year). A quarter's report is due `Programme.deadline_days` after the quarter
ends. A cell is the active import's review status (approved, submitted,
rejected), else `missing` once the deadline has passed, else `not_due`; `late`
says the import arrived after the deadline.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta

from sqlalchemy import select
from sqlmodel import Session

from data_access.core.models import ImportBatch, Programme
from data_access.core.periods import make_period, period_end, period_quarter, period_year

STATUSES = ("approved", "submitted", "rejected", "missing", "not_due")


def expected_periods(programme: Programme, reported: list[str], *, today: date) -> list[str]:
    """The quarters the programme should have reported by `today` (plus any it did)."""
    if programme.first_year is None and not reported:
        return []
    start = _start(programme, reported)
    periods, period = [], start
    while period_end(period) < today and (
        programme.last_year is None or period_year(period) <= programme.last_year
    ):
        periods.append(period)
        period = _next(period)
    return sorted(set(periods) | set(reported))


def completeness_rows(session: Session, *, today: date) -> list[dict]:
    """One row per programme and expected quarter: status, due date, late, import id."""
    # The columns the grid needs, not the stored file.
    columns = (ImportBatch.id, ImportBatch.programme_id, ImportBatch.period,
               ImportBatch.review_status, ImportBatch.uploaded_at)  # fmt: skip
    batches = {
        (b.programme_id, b.period): b
        for b in session.execute(select(*columns).where(ImportBatch.status == "active"))
    }
    rows, starts = [], []
    for programme in session.execute(select(Programme).order_by(Programme.name)).scalars():
        reported = [period for (pid, period) in batches if pid == programme.id]
        starts += [_start(programme, reported)] if programme.first_year or reported else []
        for period in expected_periods(programme, reported, today=today):
            due = period_end(period) + timedelta(days=programme.deadline_days)
            rows.append(_cell(programme, period, due, batches.get((programme.id, period)), today))
    # The quarters in view: from the first programme's first quarter to the last that
    # has ended; an early upload for a running quarter, or one before any start, is not due.
    first = min(starts, default="")
    return [row for row in rows if first <= row["period"] and period_end(row["period"]) < today]


def quarters_in_view(rows: list[dict]) -> list[str]:
    """Every quarter from the grid's first to its last, gaps included, in order."""
    if not rows:
        return []
    periods, period, last = [], min(r["period"] for r in rows), max(r["period"] for r in rows)
    while period <= last:
        periods.append(period)
        period = _next(period)
    return periods


def _start(programme: Programme, reported: list[str]) -> str:
    """A programme's first quarter: its first year's Q1, else its first report."""
    return make_period(programme.first_year, 1) if programme.first_year else min(reported)


def _cell(programme: Programme, period: str, due: date, batch, today: date) -> dict:
    if batch is None:
        status, late, batch_id = ("missing" if today > due else "not_due"), False, None
    else:
        uploaded = batch.uploaded_at
        uploaded = uploaded if uploaded.tzinfo else uploaded.replace(tzinfo=UTC)
        status, late, batch_id = batch.review_status, uploaded.date() > due, batch.id
    return {
        "programme_id": programme.id,
        "programme": programme.name,
        "period": period,
        "due": due.isoformat(),
        "status": status,
        "late": late,
        "batch_id": batch_id,
    }


def completeness_counts(rows: list[dict]) -> dict[str, int]:
    """How many cells have each status, plus how many came (or are) late."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row["status"]] += 1
    counts["late"] = sum(1 for row in rows if row["late"])
    return counts


def _next(period: str) -> str:
    year, quarter = period_year(period), period_quarter(period)
    return make_period(year + 1, 1) if quarter == 4 else make_period(year, quarter + 1)
