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
    if programme.first_year is not None:
        start = make_period(programme.first_year, 1)
    elif reported:
        start = min(reported)
    else:
        return []
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
    rows = []
    for programme in session.execute(select(Programme).order_by(Programme.name)).scalars():
        reported = [period for (pid, period) in batches if pid == programme.id]
        for period in expected_periods(programme, reported, today=today):
            due = period_end(period) + timedelta(days=programme.deadline_days)
            rows.append(_cell(programme, period, due, batches.get((programme.id, period)), today))
    return rows


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
