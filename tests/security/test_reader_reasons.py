"""Issue 11 §2: the readers tell the right reason for files they can't or won't read."""

from __future__ import annotations

import pytest

from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
from tests.security import hostile_files as hostile
from tests.workbook.builders import workbook_bytes


def refused(content: bytes, file_name: str) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as refusal:
        validate_workbook(content, file_name)
    return refusal.value


def test_a_password_protected_ods_is_password_protected_not_damaged():
    assert refused(hostile.ods_password_protected(), "geheim.ods").code == "password_protected"


def test_an_xlsm_with_an_excel4_macro_sheet_is_read():
    parsed = validate_workbook(hostile.xlsm_with_macro_sheet(), "q.xlsm")

    assert [issue.flat() for issue in parsed.issues] == []
    assert parsed.communities["code"].tolist() == ["GE22-01"]


@pytest.mark.parametrize(
    ("build", "file_name", "named"),
    [
        (hostile.xlsb, "q.xlsb", "Excel Binary (.xlsb)"),
        (hostile.numbers, "q.numbers", "Apple Numbers (.numbers)"),
        (hostile.fods, "q.fods", "OpenDocument Flat XML (.fods)"),
        (hostile.spreadsheetml_2003, "q.xml", "Excel 2003 XML (.xml)"),
        (hostile.csv_text, "q.csv", "CSV"),
    ],
    ids=["xlsb", "numbers", "fods", "spreadsheetml 2003", "csv"],
)
def test_spreadsheets_in_formats_we_do_not_read_are_named(build, file_name, named):
    refusal = refused(build(), file_name)

    assert (refusal.code, refusal.params) == ("unsupported_format", {"format": named})
    assert named in refusal.message("nl") and ".xlsx" in refusal.message("nl")
    assert "save it as an Excel workbook (.xlsx)" in refusal.message("en")


def test_missing_sheet_names_every_missing_sheet_and_the_sheets_the_file_has():
    parsed = validate_workbook(workbook_bytes({"Blad1": [["a"]], "Notities": [["b"]]}), "q.xlsx")

    assert [issue.flat() for issue in parsed.issues] == [[None, None, None, "missing_sheet"]]
    assert parsed.issues[0].message("en") == (
        "The required sheet 'Rapportage / Report' is missing. Sheets of the template not in "
        "this file: Rapportage / Report, Leergemeenschappen / Communities, Facilitatoren / "
        "Facilitators, Financiën / Funding. This file has the sheets: 'Blad1', 'Notities'."
    )
