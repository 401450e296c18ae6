"""The province-wide view: one row per programme, as of its own last reported quarter.

Programmes report on their own calendars (one ran 2022-2023, another starts in
2024), so each row is that programme's headline figures (docs/figures.md) as of its last
counted quarter, and "this year" is that quarter's year. Totals add counts and
euros; a target total adds only the targets that are set.
"""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlmodel import Session

from data_access.core.models import ImportBatch, Programme
from data_access.core.state_counts import counted_periods
from data_access.kpis.portfolio_figures import portfolio_figures

SUMMED = ("started_this_year", "target_started_this_year", "cumulative_started",
          "cumulative_target", "completed", "participants", "granted", "spent",
          "spent_this_year", "target_budget_this_year", "capacity_gap")  # fmt: skip


def portfolio_rows(session: Session) -> list[dict]:
    """Every programme's headline figures as of its last reported quarter, by name: all
    programmes in one pass (data_access.kpis.portfolio_figures), figure for figure what
    `kpi_summary` gives for each programme as of that quarter."""
    programmes = session.execute(select(Programme.id, Programme.name).order_by(Programme.name))
    programmes = programmes.all()
    periods = counted_periods(session)
    figures = portfolio_figures(session, [p for p, _ in programmes], periods)
    statuses = _review_statuses(session)
    rows = []
    for programme_id, name in programmes:
        last = periods[programme_id][-1] if programme_id in periods else None
        found = figures[programme_id]
        status = statuses.get((programme_id, last))
        row = {"programme_id": programme_id, "programme": name, "last_period": last,
               "last_status": status, "year": found["year"]}  # fmt: skip
        row |= {key: _plain(found[key]) for key in SUMMED}
        rows.append(row)
    return rows


def portfolio_totals(rows: list[dict]) -> dict:
    """Sums across programmes; None where no programme has the figure (e.g. no targets)."""
    totals = {}
    for key in SUMMED:
        values = [row[key] for row in rows if row[key] is not None]
        totals[key] = sum(values) if values else None
    return totals


# A figure shown against a target: (figure, its target).
PAIRS = (("started_this_year", "target_started_this_year"),
         ("cumulative_started", "cumulative_target"),
         ("spent_this_year", "target_budget_this_year"))  # fmt: skip


def paired_totals(rows: list[dict]) -> dict:
    """The totals, where a figure that stands beside its target adds only the programmes
    that have that target: a programme without targets would otherwise read as progress
    ("51 van 28"). With no target anywhere the figure is the plain sum, shown alone."""
    totals = portfolio_totals(rows)
    for figure, target in PAIRS:
        with_target = [row for row in rows if row[target] is not None]
        if with_target:
            totals[figure] = sum(row[figure] for row in with_target)
    return totals


def portfolio_report(session: Session) -> dict:
    """The province-wide figures for `kpis --portfolio` and the deck: every programme's row
    and the totals, counts and euros rounded to whole numbers (half up), JSON-able."""
    rows = portfolio_rows(session)
    totals = portfolio_totals(rows)
    return {
        "programmes": [row | {key: _whole(row[key]) for key in SUMMED} for row in rows],
        "totals": {key: _whole(value) for key, value in totals.items()},
    }


def _whole(value: object) -> int | None:
    return None if value is None else math.floor(float(value) + 0.5)


def _plain(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _review_statuses(session: Session) -> dict[tuple[int, str], str]:
    """(programme, period) → the review status of its active import."""
    query = select(ImportBatch.programme_id, ImportBatch.period, ImportBatch.review_status)
    found = session.execute(query.where(ImportBatch.status == "active"))
    return {(programme_id, period): status for programme_id, period, status in found}
