"""Real quarterly workbooks written with openpyxl, so tests can make variants of a valid one.

Records are dicts keyed by canonical column key; a choice given as its code (e.g.
`running`) is written as its label in the workbook's language, anything else as is.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

from data_access.core.exports import write_row
from data_access.workbook.schema import (
    CHOICE,
    COMMUNITIES,
    FACILITATORS,
    FUNDING,
    REPORT,
    SheetSpec,
)

Rows = list[list[object]]


def community(**overrides: object) -> dict[str, object]:
    """A valid completed community of 14 weeks."""
    record: dict[str, object] = {
        "code": "GE22-01",
        "name": "Warmtenet Hengelo",
        "company": "Stork BV",
        "sector": "energy_transition",
        "municipality": "Hengelo",
        "field_lab": "Logistics Lab",
        "start_date": date(2022, 4, 4),
        "end_date": date(2022, 7, 11),
        "status": "completed",
        "facilitator": "Anna de Vries",
        "employees": 6,
        "managers": 1,
        "students": 2,
        "teachers": 1,
        "education_partners": "Saxion; ROC van Twente",
        "question": "Hoe koppelen we restwarmte aan de wijk?",
        "champion": "Piet Stork",
        "midterm_check": date(2022, 5, 23),
    }
    return record | overrides


def facilitator(**overrides: object) -> dict[str, object]:
    record: dict[str, object] = {
        "name": "Anna de Vries",
        "organisation": "Saxion",
        "trained_on": date(2021, 9, 1),
        "status": "certified",
        "hours_per_week": 16,
        "max_concurrent": 3,
        "sectors": "Energietransitie; Logistiek",
    }
    return record | overrides


def funding(**overrides: object) -> dict[str, object]:
    record: dict[str, object] = {
        "year": 2022,
        "quarter": 2,
        "granted": 250000,
        "spent": 180000.5,
        "note": "Tweede kwartaal",
    }
    return record | overrides


def report_rows(
    lang: str = "nl", *, programme: object = "GasErop!", period: object = "2022-Q2"
) -> Rows:
    """Key/value rows of the Report sheet (None leaves a key out)."""
    pick = 0 if lang == "nl" else 1
    values = {
        "programme": programme,
        "period": period,
        "submitted_by": "Jan Jansen",
        "email": "jan@example.nl",
    }
    return [[c.headers[pick], values[c.key]] for c in REPORT.columns if values[c.key] is not None]


def table_rows(
    spec: SheetSpec,
    records: list[dict[str, object]],
    *,
    lang: str = "nl",
    order: list[str] | None = None,
) -> Rows:
    """Header row plus one row per record, columns in `order` (default: contract order)."""
    pick = 0 if lang == "nl" else 1
    keys = order or [c.key for c in spec.columns if any(c.key in r for r in records)]
    columns = [spec.column(key) for key in keys]
    rows: Rows = [[c.headers[pick] for c in columns]]
    for record in records:
        rows.append([_cell(c, record.get(c.key), pick) for c in columns])
    return rows


def _cell(column, value: object, pick: int) -> object:
    if column.kind == CHOICE and isinstance(value, str) and value in (column.choices or {}):
        return column.choices[value][pick]
    return value


def sheets(
    lang: str = "nl",
    *,
    communities: list[dict[str, object]] | None = None,
    facilitators: list[dict[str, object]] | None = None,
    fundings: list[dict[str, object]] | None = None,
) -> dict[str, Rows]:
    """A valid workbook's sheets: sheet name -> rows."""
    pick = 0 if lang == "nl" else 1
    return {
        REPORT.names[pick]: report_rows(lang),
        COMMUNITIES.names[pick]: table_rows(COMMUNITIES, communities or [community()], lang=lang),
        FACILITATORS.names[pick]: table_rows(
            FACILITATORS, facilitators or [facilitator()], lang=lang
        ),
        FUNDING.names[pick]: table_rows(FUNDING, fundings or [funding()], lang=lang),
    }


def workbook_bytes(
    book_sheets: dict[str, Rows], *, merge: dict[str, str] | None = None, text: bool = False
) -> bytes:
    """An .xlsx with these sheets (rows as given; None cells stay empty).

    openpyxl writes text starting with `=` as a formula; `text=True` keeps every text
    cell text, as in a file where someone typed `'=…` or pasted it as text.
    """
    book = Workbook()
    book.remove(book.active)
    for name, rows in book_sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            if text:
                write_row(sheet, row)
            else:
                sheet.append(row)
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def valid_workbook(lang: str = "nl") -> bytes:
    return workbook_bytes(sheets(lang))
