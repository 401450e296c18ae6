"""A hostile and broken corpus: every file is refused with its own code, or read safely."""

from __future__ import annotations

import zipfile

import pytest

from data_access.core.config import UploadLimits
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
from tests.workbook import hostile
from tests.workbook.builders import community, sheets, valid_workbook, workbook_bytes

VALID = valid_workbook()
HALF = len(VALID) // 2


def refusal_code(content: bytes, file_name: str = "q.xlsx", **limits: int) -> str:
    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, file_name, limits=UploadLimits(**limits))
    for lang in ("nl", "en"):
        message = refused.value.message(lang)
        assert message != f"issue.{refused.value.code}" and "{" not in message
    return refused.value.code


CORPUS = {
    "empty file": (lambda: b"", "empty_file"),
    "one byte": (lambda: b"P", "not_a_spreadsheet"),
    "csv named .xlsx": (lambda: b"Programma;GasErop!\nPeriode;2023-Q2\n", "unsupported_format"),
    "plain text named .xlsx": (lambda: b"Programma GasErop!\nPeriode 2023\n", "not_a_spreadsheet"),
    "png named .xlsx": (lambda: hostile.PNG, "not_a_spreadsheet"),
    "pdf named .xlsx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not_a_spreadsheet"),
    "html named .xls": (lambda: b"<html><table><tr><td>1</td></tr></table>", "not_a_spreadsheet"),
    "utf-16 csv": (lambda: "Code;Naam\n".encode("utf-16"), "unsupported_format"),
    "empty zip": (lambda: b"PK\x05\x06" + bytes(18), "not_a_spreadsheet"),
    "truncated to half": (lambda: VALID[:HALF], "corrupt_file"),
    "last bytes cut": (lambda: VALID[:-30], "corrupt_file"),
    "damaged sheet data": (
        lambda: hostile.patch_member(VALID, hostile.SHEET1, crc=12345), "corrupt_file",
    ),
    "damaged deflate stream": (lambda: hostile.flip_member_bytes(VALID), "corrupt_file"),
    "malformed sheet xml": (
        lambda: hostile.rezip(VALID, replace={hostile.SHEET1: b"<worksheet><sheetData><row>"}),
        "corrupt_file",
    ),
    "missing sheet part": (
        lambda: hostile.rezip(VALID, drop=("xl/worksheets/sheet2.xml",)), "corrupt_file",
    ),
    "zip without workbook": (
        lambda: hostile.rezip(VALID, drop=("xl/workbook.xml",)), "not_a_spreadsheet",
    ),
    "word document zip": (
        lambda: hostile.rezip(VALID, drop=("xl/workbook.xml",), add={"word/document.xml": b"<w/>"}),
        "not_a_spreadsheet",
    ),
    "xlsb (binary workbook)": (
        lambda: hostile.rezip(VALID, drop=("xl/workbook.xml",), add={"xl/workbook.bin": b"\0"}),
        "unsupported_format",
    ),
    "odt, not ods": (
        lambda: hostile.rezip(
            VALID, add={"mimetype": b"application/vnd.oasis.opendocument.text",
                        "content.xml": b"<x/>"}, drop=("xl/workbook.xml",),
        ),
        "not_a_spreadsheet",
    ),
    "zip bomb member": (hostile.zip_bomb, "zip_bomb"),
    "declared size lie": (
        lambda: hostile.patch_member(VALID, hostile.SHEET1, file_size=100), "zip_bomb",
    ),
    "compressed size lie": (
        lambda: hostile.patch_member(VALID, hostile.SHEET1, compress_size=10**8), "corrupt_file",
    ),
    "billion laughs": (
        lambda: hostile.rezip(VALID, add={"xl/sharedStrings.xml": hostile.BILLION_LAUGHS}),
        "xml_entities",
    ),
    "external entity in workbook.xml": (
        lambda: hostile.rezip(VALID, replace={"xl/workbook.xml": hostile.XXE}), "xml_entities",
    ),
    "doctype in a utf-16 part": (hostile.utf16_doctype, "xml_entities"),
    "password protected xlsx": (hostile.encrypted_workbook, "password_protected"),
    "zip-encrypted member": (
        lambda: hostile.patch_member(VALID, hostile.SHEET1, flags=0x1), "password_protected",
    ),
    "bzip2 member": (
        lambda: hostile.rezip(VALID, compression=zipfile.ZIP_BZIP2), "corrupt_file",
    ),
    "ole2 magic then garbage": (lambda: hostile.OLE2_GARBAGE, "corrupt_file"),
    "random bytes": (lambda: bytes(range(256)) * 8, "not_a_spreadsheet"),
}  # fmt: skip


@pytest.mark.parametrize(("build", "code"), CORPUS.values(), ids=CORPUS)
def test_hostile_and_broken_files_are_refused_with_their_code(build, code):
    assert refusal_code(build()) == code


def test_a_file_over_the_size_limit_is_refused_before_reading():
    assert refusal_code(VALID, max_file_bytes=len(VALID) - 1) == "file_too_large"


def test_declared_total_over_the_limit_is_a_zip_bomb():
    assert refusal_code(VALID, max_uncompressed_bytes=1000) == "zip_bomb"


def test_ratio_applies_only_to_big_members():
    small_zeros = hostile.rezip(VALID, add={"xl/media/padding.xml": bytes(500_000)})

    assert validate_workbook(small_zeros, "q.xlsx").ok


def test_too_many_rows_is_refused():
    records = [community(code=f"GE22-{n:02d}") for n in range(6)]
    content = workbook_bytes(sheets(communities=records))

    assert refusal_code(content, max_rows_per_sheet=5) == "too_many_rows"
    assert validate_workbook(content, "q.xlsx", limits=UploadLimits(max_rows_per_sheet=6)).ok


def test_a_very_tall_sheet_is_refused_before_it_is_read():
    content = workbook_bytes(sheets() | {"Leergemeenschappen": [["Code"]] + [[]] * 80 + [["x"]]})

    assert refusal_code(content, max_rows_per_sheet=10) == "too_many_rows"


def test_xlsm_with_a_macro_project_is_read_and_the_macro_ignored():
    parsed = validate_workbook(hostile.xlsm_with_macro(), "q.xlsm")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities["code"].tolist() == ["GE22-01"]


def test_the_bytes_decide_not_the_file_name():
    assert validate_workbook(VALID, "rapportage.txt").ok
    assert refusal_code(hostile.PNG, "rapportage.xlsx") == "not_a_spreadsheet"


def test_an_unrelated_workbook_is_read_and_misses_the_report_sheet():
    parsed = validate_workbook(workbook_bytes({"Blad1": [["a", "b"]]}), "q.xlsx")

    assert [i.flat() for i in parsed.issues] == [[None, None, None, "missing_sheet"]]
    assert parsed.communities is None


def test_openpyxl_formulas_without_a_cached_value_read_as_empty():
    # openpyxl writes formulas without results; Excel/LibreOffice files carry them.
    book = sheets(communities=[community(employees="=2+4", question="=A1")])
    parsed = validate_workbook(workbook_bytes(book), "q.xlsx")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities["employees"].isna().tolist() == [True]
    assert parsed.communities["question"].tolist() == [None]


def test_a_refusal_is_an_issue_about_the_whole_file():
    content = hostile.rezip(VALID, replace={"xl/workbook.xml": hostile.XXE})

    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "q.xlsx")

    assert refused.value.issue().flat() == [None, None, None, "xml_entities"]
