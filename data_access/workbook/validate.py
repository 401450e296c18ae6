"""Validate a quarterly workbook: the one entry point of the reader and validator.

`validate_workbook` either refuses the file as a whole (`WorkbookRefused`: exit
status 2 of the command line) or returns a `ParsedWorkbook` whose issues list every
deviation from the contract (docs/workbook.md).

Decisions:
- A missing `Rapportage`/`Report` sheet is an error issue (`missing_sheet`), not a
  refusal: the file is a readable workbook, and the other sheets' problems are
  worth reporting in the same round.
- Rows with errors stay in the frames (values that could not be read are missing),
  so callers can show everything; the importer applies nothing while there are errors.
- Unknown sheets (an instructions sheet, notes) are ignored without a warning.
"""

from __future__ import annotations

import pandas as pd

from data_access.core.config import UploadLimits
from data_access.workbook.columns import add_sheet_issue, convert_table
from data_access.workbook.extent_check import check_extent
from data_access.workbook.macrosheets import without_macro_sheets
from data_access.workbook.read import (
    find_header,
    match_sheets,
    open_workbook,
    read_grid,
    table_frame,
)
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused
from data_access.workbook.report_sheet import read_report
from data_access.workbook.rules import SHEET_RULES
from data_access.workbook.schema import DATE, REPORT, SHEETS, TABLE_SHEETS, SheetSpec
from data_access.workbook.sniff import XLSX, sniff_workbook
from data_access.workbook.values import to_dates

SHEET_ORDER = {spec.key: position for position, spec in enumerate(SHEETS)}


def validate_workbook(
    content: bytes, file_name: str, *, limits: UploadLimits | None = None
) -> ParsedWorkbook:
    """Read and check a workbook; raise `WorkbookRefused` if it can't be read at all."""
    limits = limits or UploadLimits.from_env()
    kind = sniff_workbook(content, file_name, limits=limits)
    check_extent(content, kind, limits=limits)
    workbook = open_workbook(without_macro_sheets(content) if kind == XLSX else content)
    parsed = ParsedWorkbook(sheet_names=match_sheets(workbook))
    grids = {
        key: read_grid(workbook, name, limits=limits) for key, name in parsed.sheet_names.items()
    }
    if REPORT.key in grids:
        read_report(parsed, grids[REPORT.key])
    else:
        _add_missing_sheets(parsed, workbook.sheet_names)
    for spec in TABLE_SHEETS:
        if spec.key in grids:
            setattr(parsed, spec.key, _validate_table(parsed, spec, grids[spec.key], limits))
    parsed.issues.sort(key=_issue_order(parsed))
    return parsed


def _add_missing_sheets(parsed: ParsedWorkbook, file_sheets: list[str]) -> None:
    """The required sheet is missing: name every template sheet absent and those present."""
    missing = [spec for spec in SHEETS if spec.key not in parsed.sheet_names]
    parsed.add(
        "missing_sheet",
        sheet=f"{REPORT.nl} / {REPORT.en}",
        missing=", ".join(f"{spec.nl} / {spec.en}" for spec in missing),
        found=", ".join(f"'{name}'" for name in file_sheets[:20])
        + (", …" if len(file_sheets) > 20 else ""),
    )


def _issue_order(parsed: ParsedWorkbook):
    """Whole-file issues first, then sheet by sheet in contract order, row by row."""
    order_of_name = {name: SHEET_ORDER[key] for key, name in parsed.sheet_names.items()}

    def key(issue) -> tuple[int, int]:
        sheet = -1 if issue.sheet is None else order_of_name.get(issue.sheet, len(SHEETS))
        return (sheet, issue.row or 0)

    return key


def _validate_table(
    parsed: ParsedWorkbook, spec: SheetSpec, grid: list[list[object]], limits: UploadLimits
) -> pd.DataFrame | None:
    """Find the header, convert the columns, apply the sheet's rules; None if no header."""
    name = parsed.sheet_names[spec.key]
    header = find_header(grid, spec, name)
    if header is None:
        add_sheet_issue(parsed, "no_header_row", spec.key, None)
        return None
    parsed.headers.update({(spec.key, key): text for key, text in header.written.items()})
    for _, text in header.unknown:
        add_sheet_issue(parsed, "unknown_column", spec.key, text, header=text)
    for _, text in header.duplicates:
        add_sheet_issue(parsed, "duplicate_column", spec.key, text, header=text)
    for column in spec.columns:
        if column.required and column.key not in header.columns:
            expected = column.nl if header.lang == "nl" else column.en
            add_sheet_issue(parsed, "missing_column", spec.key, expected, header=expected)
    raw = table_frame(grid, header)
    if len(raw) > limits.max_rows_per_sheet:
        raise WorkbookRefused(
            "too_many_rows", sheet=name, rows=len(raw), max_rows=limits.max_rows_per_sheet
        )
    frame, blanks = convert_table(raw, spec, parsed, lang=header.lang)
    if spec.key in SHEET_RULES:
        SHEET_RULES[spec.key](parsed, frame, blanks, lang=header.lang)
    return _finish_frame(frame, spec)


def _finish_frame(frame: pd.DataFrame, spec: SheetSpec) -> pd.DataFrame:
    """Dates as `datetime.date` (None where missing), for callers and the database."""
    for column in spec.columns:
        if column.kind == DATE and column.key in frame:
            frame[column.key] = to_dates(frame[column.key])
    return frame.reset_index(drop=True)
