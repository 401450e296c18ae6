"""A programme's quarterly workbooks in a series, for the concurrency and crash tests.

Step `s` of programme `p` reports period `first + s` quarters with `s * per_step + 1`
communities: each upload in the series adds communities, so each one applies. Company
names are shared between programmes, so concurrent imports insert the same new host
organisations at the same moment (the race a unique constraint must survive).
"""

from __future__ import annotations

from pathlib import Path

from data_access.workbook.schema import COMMUNITIES, FACILITATORS, FUNDING, REPORT
from tests.workbook.builders import (
    community,
    facilitator,
    funding,
    report_rows,
    table_rows,
    workbook_bytes,
)

FIRST_YEAR, FIRST_QUARTER = 2022, 3


def programme_name(number: int) -> str:
    return f"Programma {number}"


def period_of(step: int) -> str:
    quarters = FIRST_YEAR * 4 + FIRST_QUARTER - 1 + step
    return f"{quarters // 4}-Q{quarters % 4 + 1}"


def communities_at(step: int, per_step: int = 1) -> int:
    return step * per_step + 1


def series_workbook(number: int, step: int, *, per_step: int = 1) -> bytes:
    """The workbook programme `number` sends at `step`."""
    rows = [
        community(code=f"P{number}-{j:05d}", company=f"Bedrijf {j % 500}")
        for j in range(communities_at(step, per_step))
    ]
    return workbook_bytes({
        REPORT.nl: report_rows("nl", programme=programme_name(number), period=period_of(step)),
        COMMUNITIES.nl: table_rows(COMMUNITIES, rows),
        FACILITATORS.nl: table_rows(FACILITATORS, [facilitator()]),
        FUNDING.nl: table_rows(FUNDING, [funding()]),
    })  # fmt: skip


def write_series(folder: Path, number: int, steps: range, *, per_step: int = 1) -> list[Path]:
    """The series as files, for the command line."""
    paths = []
    for step in steps:
        path = folder / f"p{number}_{period_of(step)}.xlsx"
        path.write_bytes(series_workbook(number, step, per_step=per_step))
        paths.append(path)
    return paths
