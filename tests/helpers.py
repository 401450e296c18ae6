"""Test helpers others can reuse: a dump of every table, and parsed workbooks by hand."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.core.models import SQLModel
from data_access.workbook import schema
from data_access.workbook.report import ParsedWorkbook
from data_access.workbook.template import write_template


def dump_tables(engine: Engine) -> dict[str, list]:
    """Every row of every table, in primary-key order: compare before/after to prove
    that a failed operation wrote nothing."""
    dump: dict[str, list] = {}
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            order = list(table.primary_key.columns)
            rows = connection.execute(select(table).order_by(*order)).all()
            dump[table.name] = [tuple(row) for row in rows]
    return dump


def community(code: str, **values: object) -> dict:
    """A valid community row in canonical form; override any field."""
    row = {
        "code": code,
        "name": f"Community {code}",
        "company": "Installatiebedrijf Oost BV",
        "sector": "energy_transition",
        "municipality": "Enschede",
        "field_lab": None,
        "start_date": date(2023, 4, 3),
        "end_date": None,
        "status": "running",
        "facilitator": "Anna de Vries",
        "employees": 6,
        "managers": 1,
        "students": 2,
        "teachers": 1,
        "education_partners": ["Saxion"],
        "question": "How do we install heat pumps faster?",
        "champion": "Piet",
        "midterm_check": None,
    }
    return row | values


def facilitator(name: str, **values: object) -> dict:
    row = {
        "name": name,
        "organisation": "Saxion",
        "trained_on": date(2022, 6, 1),
        "status": "certified",
        "hours_per_week": 16.0,
        "max_concurrent": 3,
        "sectors": ["energy_transition"],
    }
    return row | values


def funding(year: int, quarter: int, granted: float, spent: float, note: str | None = None):
    return {"year": year, "quarter": quarter, "granted": granted, "spent": spent, "note": note}


def parsed_workbook(
    *,
    programme: str = "GasErop!",
    period: str = "2023-Q2",
    communities: list[dict] | None = None,
    facilitators: list[dict] | None = None,
    funding: list[dict] | None = None,
    lang: str = "en",
) -> ParsedWorkbook:
    """What the validator would return for a valid workbook with these rows.

    A `None` sheet is absent from the file; rows get `excel_row` 2, 3, ...
    """
    sheets = {"communities": communities, "facilitators": facilitators, "funding": funding}
    parsed = ParsedWorkbook(programme=programme, period=period, submitted_by="Lead")
    parsed.sheet_names["report"] = getattr(schema.REPORT, lang)
    for spec in schema.TABLE_SHEETS:
        rows = sheets[spec.key]
        if rows is None:
            continue
        parsed.sheet_names[spec.key] = getattr(spec, lang)
        columns = list(rows[0]) if rows else [c.key for c in spec.columns]
        for key in columns:
            parsed.headers[(spec.key, key)] = getattr(spec.column(key), lang)
        frame = pd.DataFrame(rows, columns=columns)
        frame["excel_row"] = range(2, len(rows) + 2)
        setattr(parsed, spec.key, frame)
    return parsed


ROWS = {
    "nl": {
        "Leergemeenschappen": ["GE23-01", "Warmtepompen", "Oost BV", "Circulariteit", "Zwolle",
                               None, date(2023, 4, 3), None, "Lopend", "Anna", 6, 1, 2, 1,
                               "Saxion; ROC van Twente", "Sneller installeren", "Piet", None],
        "Facilitatoren": ["Anna", "Saxion", date(2022, 6, 1), "Gecertificeerd", 16, 3,
                          "Circulariteit; Logistiek"],
        "Financiën": [2023, 2, 100000, 2500.5, "Q2"],
    },
    "en": {
        "Communities": ["GE23-01", "Heat pumps", "Oost BV", "Circularity", "Zwolle", None,
                        date(2023, 4, 3), None, "Running", "Anna", 6, 1, 2, 1,
                        "Saxion; ROC van Twente", "Install faster", "Piet", None],
        "Facilitators": ["Anna", "Saxion", date(2022, 6, 1), "Certified", 16, 3,
                         "Circularity; Logistics"],
        "Funding": [2023, 2, 100000, 2500.5, "Q2"],
    },
}  # fmt: skip


def filled_template(lang: str = "nl", *, period: str = "2023-Q2") -> bytes:
    """The template with one valid row in each sheet, filled in with openpyxl."""
    buffer = io.BytesIO()
    write_template(buffer, lang=lang, programme="GasErop!", period=period)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    for sheet_name, row in ROWS[lang].items():
        for column, value in enumerate(row, start=1):
            book[sheet_name].cell(2, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
