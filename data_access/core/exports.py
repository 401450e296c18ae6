"""Tables as downloadable Excel and CSV files, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel and LibreOffice as a formula (CSV/formula injection, OWASP), so such text gets
a leading `'`: the spreadsheet then shows it as the text that was reported.
Numbers and dates stay numbers and dates; only text is escaped.

A CSV can be split on another separator than it was written with (a Dutch Excel
splits on `;`, an English one on `,`), so `Acme;=2+5;` would start a cell `=2+5`.
Every field is quoted, and in CSV text every part that follows a `,`, `;`, tab or
line break and starts like a formula gets the `'` too: safe whichever separator the
reader picks. In xlsx every text cell we write is a string cell, never a formula
(`write_row`), whatever it starts with.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_SEPARATORS = {"nl": ";", "en": ","}  # what each language's Excel splits on
# A part of a text that a spreadsheet may read as a cell of its own: at the start, or
# after a separator or line break; it is dangerous when (after blanks and quotes)
# it starts like a formula.
FORMULA_PART = re.compile(r"(^|[,;\t\r\n])(?=[\s\"]*[=+\-@])")
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


def escape_csv_text(value: object) -> object:
    """Text with a `'` before every part that any separator could make a formula cell."""
    value = escape_formula(value)
    if isinstance(value, str):
        return FORMULA_PART.sub(r"\1'", value)
    return value


def csv_separator(lang: str) -> str:
    """`;` for Dutch (what a Dutch Excel splits on), `,` for English."""
    return CSV_SEPARATORS.get(lang, CSV_SEPARATORS["nl"])


def to_csv_bytes(frame: pd.DataFrame, *, separator: str = ",") -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens accented names correctly.

    Lines end in CRLF (RFC 4180); every field is quoted, so a separator or line break
    in a name never moves the columns.
    """
    escaped = escape_frame(frame)
    for column in escaped.columns:
        if escaped[column].dtype == object or pd.api.types.is_string_dtype(escaped[column]):
            escaped[column] = escaped[column].map(escape_csv_text)
    escaped.columns = [escape_csv_text(column) for column in escaped.columns]
    text = escaped.to_csv(index=False, sep=separator, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    return text.encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, *, sheet_name: str) -> bytes:
    """One sheet with a bold header row, frozen, with dates as Excel dates."""
    escaped = escape_frame(frame)
    book = Workbook()
    sheet = book.active
    sheet.title = str(escape_formula(sheet_name))[:MAX_SHEET_TITLE].replace("'", "")
    write_row(sheet, list(escaped.columns))
    for row in escaped.itertuples(index=False):
        write_row(sheet, [_excel_cell(value) for value in row])
    _style(sheet, escaped)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """Append a row whose text stays text: openpyxl would make any `=…` a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        write_value(cell, cell.value)


def write_value(cell, value: object) -> None:
    """Set one cell; text is a string cell, and text that looks like a formula is
    marked as typed text (`quotePrefix`), so editing it in Excel keeps it text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True


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
