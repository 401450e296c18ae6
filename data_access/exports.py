"""Tables as downloadable Excel and CSV files, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel and LibreOffice as a formula (CSV/formula injection, OWASP), so such text gets
a leading `'`: the spreadsheet then shows it as the text that was reported.
Numbers and dates stay numbers and dates; only text is escaped.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_SHEET_TITLE = 31  # Excel's limit
MAX_COLUMN_WIDTH = 60


def escape_formula(value: object) -> object:
    """Text that a spreadsheet would run as a formula, with a leading `'`; else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell escaped and list cells joined by `; `.

    Column names are escaped too: they become the header row.
    """
    escaped = frame.copy()
    for column in escaped.columns:
        if escaped[column].dtype == object or pd.api.types.is_string_dtype(escaped[column]):
            escaped[column] = escaped[column].map(_plain_cell).map(escape_formula)
    escaped.columns = [escape_formula(str(column)) for column in escaped.columns]
    return escaped


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens accented names correctly.

    Lines end in CRLF (RFC 4180), which also makes the writer quote a lone CR in a cell.
    """
    return escape_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, *, sheet_name: str) -> bytes:
    """One sheet with a bold header row, frozen, with dates as Excel dates."""
    escaped = escape_frame(frame)
    book = Workbook()
    sheet = book.active
    sheet.title = str(escape_formula(sheet_name))[:MAX_SHEET_TITLE].replace("'", "")
    sheet.append(list(escaped.columns))
    for row in escaped.itertuples(index=False):
        sheet.append([_excel_cell(value) for value in row])
    _style(sheet, escaped)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _plain_cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return value


def _excel_cell(value: object) -> object:
    """Pandas missing values become empty cells; timestamps become dates."""
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, date | datetime | str | int | float | bool):
        return value
    return value.item() if hasattr(value, "item") else str(value)


def _style(sheet, frame: pd.DataFrame) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(frame.columns, start=1):
        width = max([len(str(column)), *(len(str(v)) for v in frame.iloc[:200, index - 1])])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_COLUMN_WIDTH)
        if pd.api.types.is_datetime64_any_dtype(frame.iloc[:, index - 1]):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
