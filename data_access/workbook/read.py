"""Loading sheets with calamine and finding where each table starts.

calamine reads `.xlsx`, `.xlsm`, `.xls` and `.ods` alike, returns formulas by their
cached value (a formula written by openpyxl has none and reads as empty; files saved
by Excel or LibreOffice have one) and never runs macros. Grids are read from cell A1,
so a grid's row index + 1 is the row number Excel shows.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import python_calamine as calamine

from data_access.core.config import UploadLimits
from data_access.workbook.extent import HEADER_SCAN_ROWS
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.schema import SHEETS, SheetSpec, normalise_name


def fold(text: object) -> str:
    """`normalise_name`, and accents dropped too (`Financien` finds `Financiën`)."""
    decomposed = unicodedata.normalize("NFKD", normalise_name(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def open_workbook(content: bytes) -> calamine.CalamineWorkbook:
    """Open with calamine; its errors mean the file is damaged (sniffing already passed)."""
    try:
        return calamine.CalamineWorkbook.from_object(io.BytesIO(content))
    except calamine.PasswordError as exc:
        raise WorkbookRefused("password_protected") from exc
    except Exception as exc:  # calamine raises several unrelated types for damage
        raise WorkbookRefused("corrupt_file") from exc


def match_sheets(workbook: calamine.CalamineWorkbook) -> dict[str, str]:
    """Sheet key -> the sheet's name as written, for the contract's sheets present."""
    found: dict[str, str] = {}
    for name in workbook.sheet_names:
        for spec in SHEETS:
            if spec.key not in found and fold(name) in {fold(spec.nl), fold(spec.en)}:
                found[spec.key] = name
    return found


def read_grid(
    workbook: calamine.CalamineWorkbook, name: str, *, limits: UploadLimits
) -> list[list[object]]:
    """All cells of one sheet from A1, refusing absurdly tall sheets before reading them."""
    try:
        sheet = workbook.get_sheet_by_name(name)
        end = sheet.end
        if end is not None and end[0] + 1 > limits.max_rows_per_sheet + HEADER_SCAN_ROWS:
            raise WorkbookRefused(
                "too_many_rows", sheet=name, rows=end[0], max_rows=limits.max_rows_per_sheet
            )
        return sheet.to_python(skip_empty_area=False)
    except WorkbookRefused:
        raise
    except Exception as exc:
        raise WorkbookRefused("corrupt_file") from exc


@dataclass
class Header:
    """Where a table's header row is and what each column is."""

    row_index: int  # 0-based index in the grid; Excel row is row_index + 1
    columns: dict[str, int] = field(default_factory=dict)  # column key -> grid column
    written: dict[str, str] = field(default_factory=dict)  # column key -> header as written
    unknown: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    lang: str = "nl"


def find_header(grid: list[list[object]], spec: SheetSpec, sheet_name: str) -> Header | None:
    """The first row with every required header or most known headers; else the best row.

    None when no row within the first rows names any known column.
    """
    known = {fold(h): c.key for c in spec.columns for h in c.headers}
    required = {c.key for c in spec.columns if c.required}
    best: tuple[int, int] | None = None  # (matches, row index)
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        keys = {known[fold(cell)] for cell in row if cell != "" and fold(cell) in known}
        if keys and (required <= keys or len(keys) * 2 > len(spec.columns)):
            return _header_at(grid, index, spec, known, sheet_name)
        if keys and (best is None or len(keys) > best[0]):
            best = (len(keys), index)
    return None if best is None else _header_at(grid, best[1], spec, known, sheet_name)


def _header_at(
    grid: list[list[object]], index: int, spec: SheetSpec, known: dict[str, str], sheet_name: str
) -> Header:
    header = Header(row_index=index)
    votes = {"nl": 0, "en": 0}
    for column, cell in enumerate(grid[index]):
        text = str(cell).strip()
        if not text:
            continue
        key = known.get(fold(text))
        if key is None:
            header.unknown.append((column, text))
        elif key in header.columns:
            header.duplicates.append((column, text))
        else:
            header.columns[key], header.written[key] = column, text
            nl, en = spec.column(key).headers
            if fold(nl) != fold(en):
                votes["nl" if fold(text) == fold(nl) else "en"] += 1
    header.lang = _language(votes, sheet_name, spec)
    return header


def _language(votes: dict[str, int], sheet_name: str, spec: SheetSpec) -> str:
    """The file's language for this sheet: its headers decide, then the sheet name."""
    if votes["nl"] != votes["en"]:
        return "nl" if votes["nl"] > votes["en"] else "en"
    both_same = fold(spec.nl) == fold(spec.en)
    return "en" if not both_same and fold(sheet_name) == fold(spec.en) else "nl"


def table_frame(grid: list[list[object]], header: Header) -> pd.DataFrame:
    """The rows below the header as raw cells under canonical keys, plus `excel_row`.

    Fully empty rows are dropped (people leave gaps); every other row stays, even
    one whose only content is in an unknown column.
    """
    body = pd.DataFrame(grid[header.row_index + 1 :], dtype=object)
    if body.empty:
        frame = pd.DataFrame({key: pd.Series(dtype=object) for key in header.columns})
        frame["excel_row"] = pd.Series(dtype="int64")
        return frame
    excel_rows = pd.RangeIndex(header.row_index + 2, header.row_index + 2 + len(body))
    blank = _blank_rows(body)
    frame = pd.DataFrame(
        {key: body[column].to_numpy()[~blank] for key, column in header.columns.items()},
        dtype=object,
    )
    frame["excel_row"] = excel_rows.to_numpy()[~blank]
    return frame


def _blank_rows(body: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is empty; only rows with an empty first cell can be."""
    first = body.iloc[:, 0]
    candidates = ((first == "") | first.isna()).to_numpy()
    blank = np.zeros(len(body), dtype=bool)
    if candidates.any():
        rest = body[candidates]
        blank[candidates] = ((rest == "") | rest.isna()).all(axis=1).to_numpy()
    return blank
