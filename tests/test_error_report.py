"""The downloadable validation report: the uploaded workbook with its problem cells marked."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from data_access.workbook.error_report import FILLS, report_file_name, write_error_report
from data_access.workbook.validate import validate_workbook
from tests.workbook import builders as b

RED = FILLS["error"].fgColor.rgb
ORANGE = FILLS["warning"].fgColor.rgb


def broken_workbook() -> bytes:
    """A title row above the Communities header, a bad date, a bad status, an extra column,
    and a bad period in the Report sheet."""
    sheets = b.sheets("nl", communities=[b.community(), b.community(code="GE22-02")])
    sheets["Rapportage"] = b.report_rows("nl", period="volgend kwartaal")
    rows = sheets["Leergemeenschappen"]
    rows[0].append("Opmerking")
    rows[1].append("extra")
    rows[1][6] = "31-02-2022"  # Startdatum
    rows[2][8] = "Bijna klaar"  # Status
    sheets["Leergemeenschappen"] = [["Kwartaalrapportage GasErop!"], *rows]
    return b.workbook_bytes(sheets)


def marks(content: bytes, sheet_name: str) -> dict[str, tuple[str, str]]:
    """coordinate -> (fill colour, comment text) of every commented cell."""
    sheet = load_workbook(io.BytesIO(content))[sheet_name]
    return {
        cell.coordinate: (cell.fill.fgColor.rgb, cell.comment.text)
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None
    }


def problem_rows(content: bytes, title: str) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content))[title]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_broken_workbook_has_the_issues_this_test_marks():
    parsed = validate_workbook(broken_workbook(), "kwartaal.xlsx")
    assert [i.flat() for i in parsed.issues] == [
        ["Rapportage", 2, "Periode", "invalid_period"],
        ["Leergemeenschappen", None, "Opmerking", "unknown_column"],
        ["Leergemeenschappen", 3, "Startdatum", "invalid_date"],
        ["Leergemeenschappen", 4, "Status", "invalid_choice"],
    ]


def test_offending_cells_are_filled_and_commented_with_the_message():
    content = broken_workbook()
    issues = validate_workbook(content, "kwartaal.xlsx").issues
    report = write_error_report(content, issues, lang="nl")
    message = {i.code: i.message("nl") for i in issues}
    assert marks(report, "Rapportage") == {"B2": (RED, message["invalid_period"])}
    assert marks(report, "Leergemeenschappen") == {
        "S2": (ORANGE, message["unknown_column"]),  # the header cell of the extra column
        "G3": (RED, message["invalid_date"]),
        "I4": (RED, message["invalid_choice"]),
    }


def test_problems_sheet_lists_every_issue_first_in_the_chosen_language():
    content = broken_workbook()
    issues = validate_workbook(content, "kwartaal.xlsx").issues
    report = write_error_report(content, issues, lang="en")
    book = load_workbook(io.BytesIO(report))
    assert book.sheetnames[0] == "Problems"
    assert book.active.title == "Problems"
    assert problem_rows(report, "Problems") == [
        ["Sheet", "Row", "Column", "Code", "Message", "Severity"],
        *[[*i.flat(), i.message("en"), i.severity.title()] for i in issues],
    ]


def test_file_level_issues_are_listed_but_mark_no_cell():
    content = b.workbook_bytes({"Blad1": [["iets"]]})
    issues = validate_workbook(content, "leeg.xlsx").issues
    report = write_error_report(content, issues, lang="nl")
    assert [i.flat() for i in issues] == [[None, None, None, "missing_sheet"]]
    assert problem_rows(report, "Problemen")[1][:4] == [None, None, None, "missing_sheet"]
    assert marks(report, "Blad1") == {}


def test_the_values_and_other_sheets_are_kept():
    content = broken_workbook()
    issues = validate_workbook(content, "kwartaal.xlsx").issues
    book = load_workbook(io.BytesIO(write_error_report(content, issues)))
    assert book.sheetnames == ["Problemen", "Rapportage", "Leergemeenschappen", "Facilitatoren",
                               "Financiën"]  # fmt: skip
    assert book["Leergemeenschappen"]["A1"].value == "Kwartaalrapportage GasErop!"
    assert book["Leergemeenschappen"]["A3"].value == "GE22-01"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_ods_upload_becomes_an_xlsx_copy_with_the_same_marks(tmp_path):
    source = tmp_path / "kwartaal.xlsx"
    source.write_bytes(broken_workbook())
    subprocess.run(["soffice", "--headless", "--convert-to", "ods", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=120)  # fmt: skip
    content = (tmp_path / "kwartaal.ods").read_bytes()
    issues = validate_workbook(content, "kwartaal.ods").issues
    report = write_error_report(content, issues, lang="nl")
    assert set(marks(report, "Leergemeenschappen")) == {"S2", "G3", "I4"}
    assert load_workbook(io.BytesIO(report))["Leergemeenschappen"]["H3"].value is not None


def test_merged_offending_cell_is_marked_through_its_top_left_cell():
    sheets = b.sheets("nl")
    sheets["Leergemeenschappen"][1][6] = "geen datum"
    content = b.workbook_bytes(sheets, merge={"Leergemeenschappen": "F2:G2"})
    issues = validate_workbook(content, "samengevoegd.xlsx").issues
    report = write_error_report(content, issues)
    assert [i.code for i in issues if i.severity == "error"]
    assert "F2" in marks(report, "Leergemeenschappen")


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [("kwartaal.xlsx", "nl", "kwartaal-problemen.xlsx"),
     ("Q2 2023.ods", "en", "Q2 2023-problems.xlsx")],
)  # fmt: skip
def test_report_file_name(name, lang, expected):
    assert report_file_name(name, lang=lang) == expected
