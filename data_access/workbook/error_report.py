"""The validation report as a workbook: the uploaded file with its problem cells marked.

A programme lead fixes problems in their own file, so the report is that file
(for `.xls`/`.ods`, which openpyxl can't write, a fresh `.xlsx` with the same
sheets and values), with every offending cell filled (red: error, orange:
warning) and commented with the message, plus a first sheet listing every issue.
Only files that passed sniffing get here, so the zip and entity checks already ran.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable

import python_calamine as calamine
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from data_access.core.exports import write_row
from data_access.core.i18n import translate
from data_access.workbook.read import HEADER_SCAN_ROWS, fold
from data_access.workbook.report import Issue

FILLS = {
    "error": PatternFill("solid", fgColor="FF9C9C"),
    "warning": PatternFill("solid", fgColor="FFC27A"),
}
PROBLEM_COLUMNS = ("sheet", "row", "column", "code", "message", "severity")
COMMENT_AUTHOR = "LC Monitor"


def write_error_report(content: bytes, issues: Iterable[Issue], *, lang: str = "nl") -> bytes:
    """The uploaded workbook with problem cells marked and a Problems sheet, as xlsx bytes."""
    issues = list(issues)
    book = _open_copy(content)
    for issue in issues:
        cell = _locate(book, issue)
        if cell is not None:
            _mark(cell, issue, lang)
    _add_problems_sheet(book, issues, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_file_name(file_name: str, *, lang: str = "nl") -> str:
    """`kwartaal.xlsx` -> `kwartaal-problemen.xlsx`: beside the original, clearly not it."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return f"{stem}-{translate('error_report.file_suffix', lang)}.xlsx"


def _open_copy(content: bytes) -> Workbook:
    """openpyxl keeps the file's own formatting; anything it can't read is copied by value."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions, data validation notes
            return load_workbook(io.BytesIO(content))
    except Exception:  # .xls, .ods, or an xlsx openpyxl dislikes but calamine reads
        pass
    try:
        return _copy_values(content)
    except Exception:  # unreadable after all: the report is the Problems sheet alone
        book = Workbook()
        book.remove(book.active)
        return book


def _copy_values(content: bytes) -> Workbook:
    source = calamine.CalamineWorkbook.from_object(io.BytesIO(content))
    book = Workbook()
    book.remove(book.active)
    for name in source.sheet_names:
        sheet = book.create_sheet(name)
        for row in source.get_sheet_by_name(name).to_python(skip_empty_area=False):
            write_row(sheet, [None if value == "" else value for value in row])
    return book


def _locate(book: Workbook, issue: Issue):
    """The cell an issue is about, or None when it is about the whole file or sheet.

    A header found on the issue's own row is a key of the key/value Report sheet:
    the value to its right is what is wrong.
    """
    if issue.sheet is None or issue.sheet not in book.sheetnames:
        return None
    sheet = book[issue.sheet]
    if issue.column is None:
        return sheet.cell(issue.row, 1) if issue.row else None
    header = _find_header(sheet, issue.column, issue.row)
    if header is None:
        return sheet.cell(issue.row, 1) if issue.row else None
    header_row, column = header
    if issue.row is None:
        return sheet.cell(header_row, column)
    if header_row == issue.row:
        return sheet.cell(issue.row, column + 1)
    return sheet.cell(issue.row, column)


def _find_header(sheet: Worksheet, written: str, row: int | None) -> tuple[int, int] | None:
    """(row, column) of the header as written: above the issue's row first, then on it."""
    wanted = fold(written)
    above = min((row - 1) if row else HEADER_SCAN_ROWS, HEADER_SCAN_ROWS, sheet.max_row)
    for index in [*range(1, above + 1), *([row] if row else [])]:
        for cell in sheet[index]:
            if isinstance(cell.value, str) and fold(cell.value) == wanted:
                return index, cell.column
    return None


def _mark(cell, issue: Issue, lang: str) -> None:
    cell = _top_left(cell)
    message = issue.message(lang)
    previous = cell.comment.text + "\n" if cell.comment is not None else ""
    cell.comment = Comment(previous + message, COMMENT_AUTHOR, width=300, height=120)
    if issue.severity == "error" or cell.fill != FILLS["error"]:
        cell.fill = FILLS[issue.severity]


def _top_left(cell):
    """A merged range is styled and commented through its top-left cell."""
    if not isinstance(cell, MergedCell):
        return cell
    sheet = cell.parent
    for merged in sheet.merged_cells.ranges:
        if cell.coordinate in merged:
            return sheet.cell(merged.min_row, merged.min_col)
    return cell


def _add_problems_sheet(book: Workbook, issues: list[Issue], lang: str) -> None:
    title = translate("error_report.sheet", lang)
    while title in book.sheetnames:
        title += "_"
    sheet = book.create_sheet(title, 0)
    write_row(sheet, [translate(f"error_report.column.{key}", lang) for key in PROBLEM_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for issue in issues:
        severity = translate(f"error_report.severity.{issue.severity}", lang)
        write_row(sheet, [*issue.flat(), issue.message(lang), severity])
        sheet.cell(sheet.max_row, len(PROBLEM_COLUMNS)).fill = FILLS[issue.severity]
    for letter, width in zip("ABCDEF", (20, 8, 24, 24, 90, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    book.active = 0
