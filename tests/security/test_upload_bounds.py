"""Issue 11 §1: uploads are bounded in memory and time, and no file takes the process down.

Every hostile file is read in a worker limited to 1 GiB and 30 s (the contract's goal
for any file), so before the extent checks these tests failed with `worker_failed`,
`corrupt_file` or a wrong reason instead of taking pytest down.
"""

from __future__ import annotations

import dataclasses
import zipfile

import pytest

from data_access.core.config import UploadLimits
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
from data_access.workbook.worker import error_report_isolated, run_isolated, validate_isolated
from tests.security import hostile_files as hostile
from tests.workbook.builders import valid_workbook
from tests.workbook.hostile import rezip

GOAL = dataclasses.replace(UploadLimits(), worker_memory_bytes=1024**3, worker_timeout_seconds=30)
UNBOUNDED = dataclasses.replace(
    UploadLimits(), max_columns_per_sheet=10**9, max_cells_per_sheet=10**15,
    max_text_bytes=10**15, worker_memory_bytes=1024**3,
)  # fmt: skip


COLS4 = {"max_columns_per_sheet": 4}


def refusal(content: bytes, file_name: str, limits: UploadLimits = GOAL) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as refused:
        run_isolated("validate", (content, file_name), {"limits": limits}, limits=limits)
    return refused.value


@pytest.mark.parametrize(
    ("build", "file_name", "code"), hostile.HOSTILE_UPLOADS.values(), ids=hostile.HOSTILE_UPLOADS
)
def test_each_hostile_upload_is_refused_early_with_its_reason(build, file_name, code):
    refused = refusal(build(), file_name)

    assert refused.code == code
    for lang in ("nl", "en"):
        message = refused.message(lang)
        assert message != f"issue.{code}" and "{" not in message


def test_the_refusal_names_the_sheet_and_the_column_found():
    refused = refusal(hostile.xlsx_far_cell(), "far.xlsx")

    assert refused.params == {"sheet": "Leergemeenschappen", "columns": 16384, "max_columns": 256}
    assert "'Leergemeenschappen'" in refused.message("nl") and "16384" in refused.message("en")


@pytest.mark.parametrize(
    ("build", "limits", "code"),
    [
        (lambda: hostile.xlsx_far_cell("E", 3), {"max_columns_per_sheet": 4}, "too_many_columns"),
        (lambda: hostile.xlsx_far_cell("D", 3), {**COLS4, "max_cells_per_sheet": 11},
         "too_many_cells"),
        (lambda: hostile.xlsx_far_cell("A", 62), {"max_rows_per_sheet": 10}, "too_many_rows"),
        (lambda: hostile.ods_repeated(3, 5), {"max_columns_per_sheet": 4}, "too_many_columns"),
        (lambda: hostile.ods_repeated(70, 2), {"max_rows_per_sheet": 10}, "too_many_rows"),
        (lambda: hostile.ods_repeated(4, 4), {"max_text_bytes": 300}, "too_much_text"),
        (lambda: hostile.xls_far_cell(2, 4), {"max_columns_per_sheet": 4}, "too_many_columns"),
        (lambda: hostile.xls_far_cell(70, 1), {"max_rows_per_sheet": 10}, "too_many_rows"),
        (lambda: hostile.xlsx_shared_string(100, 50), {"max_text_bytes": 4000}, "too_much_text"),
        (lambda: hostile.xlsx_shared_string(101, 1), {"max_text_chars": 100}, "text_too_long"),
        (lambda: hostile.xls_shared_text(100, 50), {"max_text_bytes": 4000}, "too_much_text"),
        (lambda: hostile.xls_shared_text(101, 1), {"max_text_chars": 100}, "text_too_long"),
        (lambda: hostile.xls_shared_text(9000, 1, wide=True), {"max_text_chars": 8999},
         "text_too_long"),
    ],
    ids=["xlsx columns", "xlsx cells", "xlsx rows", "ods columns", "ods rows", "ods text",
         "xls columns", "xls rows", "shared string references", "one long shared string",
         "xls shared string references", "xls one long shared string",
         "xls long UTF-16 string over CONTINUE records"],
)  # fmt: skip
def test_each_bound_is_checked_before_reading(build, limits, code):
    content = build()
    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "f", limits=UploadLimits(**limits))

    assert refused.value.code == code


@pytest.mark.parametrize(
    ("build", "limits"),
    [
        (lambda: hostile.xlsx_far_cell("D", 3), {**COLS4, "max_cells_per_sheet": 12}),
        (lambda: hostile.ods_repeated(3, 4), {**COLS4, "max_cells_per_sheet": 16}),
        (lambda: hostile.xls_far_cell(2, 3), {**COLS4, "max_cells_per_sheet": 12}),
        (lambda: hostile.xlsx_shared_string(100, 1), {"max_text_chars": 100}),
        (lambda: hostile.xls_shared_text(100, 1), {"max_text_chars": 100}),
        (lambda: hostile.xls_shared_text(100, 40), {"max_text_bytes": 4004}),
    ],
    ids=["xlsx", "ods", "xls", "text", "xls text", "xls references"],
)  # fmt: skip
def test_a_sheet_just_within_the_bounds_is_read(build, limits):
    parsed = validate_workbook(build(), "f", limits=UploadLimits(**limits))

    assert "Leergemeenschappen" in parsed.sheet_names.values()


def test_xls_text_is_measured_across_continue_records_as_stored():
    # 9,000 UTF-16 characters (18,000 bytes) span three SST records; three cells reference it,
    # plus "Code" in A1 (LABEL, 4 bytes).
    content = hostile.xls_shared_text(9000, 3, wide=True)

    parsed = validate_workbook(content, "f.xls", limits=UploadLimits(max_text_bytes=54_004))
    assert parsed.sheet_names == {"communities": "Leergemeenschappen"}
    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "f.xls", limits=UploadLimits(max_text_bytes=54_003))
    assert refused.value.code == "too_much_text"


@pytest.mark.parametrize(
    "cells",
    ['<c r="A1" t="inlineStr"><is><t>Code</t></is></c><c t="n"><v>1</v></c>',
     '<c r="A1" t="n"><v>1</v></c><x:c xmlns:x="' + hostile.MAIN_NS + '" r="B1"><x:v>1</x:v></x:c>',
     '<c r="A1" t="n"><v>1</v></c><c\nr="B1"><v>1</v></c>',
     "<c r='A1' t='n'><v>1</v></c><c r='B1'><v>1</v></c>"],
    ids=["cell without its reference", "prefixed cell", "newline in the tag", "single quotes"],
)  # fmt: skip
def test_cells_written_unlike_excel_are_followed_cell_by_cell(cells):
    sheet = f'<worksheet xmlns="{hostile.MAIN_NS}"><sheetData><row r="1">{cells}</row>'
    content = hostile._one_sheet_xlsx(f"{sheet}</sheetData></worksheet>".encode())

    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "f.xlsx", limits=UploadLimits(max_columns_per_sheet=1))

    assert refused.value.params["columns"] == 2


def test_styled_empty_cells_far_away_do_not_count():
    sheet = (
        f'<worksheet xmlns="{hostile.MAIN_NS}"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="XFD1" s="1"/></row>'
        '<row r="900000"><c r="XFD900000" s="1"/></row></sheetData></worksheet>'
    ).encode()
    parsed = validate_workbook(hostile._one_sheet_xlsx(sheet), "f.xlsx")

    assert parsed.sheet_names == {"communities": "Leergemeenschappen"}


def test_a_valid_workbook_is_read_in_the_worker():
    parsed = validate_isolated(valid_workbook(), "q.xlsx", limits=GOAL)

    assert parsed.ok and parsed.communities["code"].tolist() == ["GE22-01"]


def test_a_reader_that_aborts_costs_one_refused_upload_not_the_process():
    # Without the extent checks calamine asks for 10 GB and aborts the whole process.
    refused = refusal(hostile.xlsx_far_cell(row=20_000), "far.xlsx", limits=UNBOUNDED)

    assert refused.code == "worker_failed"
    assert "administrator" in refused.message("en")


def test_a_reader_that_takes_too_long_is_stopped():
    limits = dataclasses.replace(UploadLimits(), worker_timeout_seconds=0.001)

    refused = refusal(valid_workbook(), "q.xlsx", limits=limits)

    assert (refused.code, refused.params) == ("timed_out", {"seconds": 0})


def test_the_marked_cells_report_is_written_in_the_worker_and_survives_a_failure():
    content = valid_workbook()
    issues = validate_workbook(content, "q.xlsx").issues
    report = error_report_isolated(content, issues)
    fallback = error_report_isolated(hostile.xlsx_far_cell(), issues)

    assert zipfile.ZipFile(__import__("io").BytesIO(report)).testzip() is None
    assert fallback.startswith(b"PK")


def test_zip_bomb_rule_judges_absolute_sizes():
    # 2 MB of repetitive XML inflating 1000:1: an Excel sheet can do that (121:1 on 57 MB).
    repetitive = rezip(valid_workbook(), add={"xl/media/padding.xml": bytes(2 * 1024 * 1024)})

    assert validate_workbook(repetitive, "q.xlsx").ok


def test_a_doctype_in_an_xml_part_is_refused_whatever_its_name():
    part = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    content = rezip(valid_workbook(), add={"xl/worksheets/sheet9.bin": part})

    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "q.xlsx")

    assert refused.value.code == "xml_entities"


@pytest.mark.parametrize(
    "type_", ["t='s'", 't = "s"', "t=\n's'", 't\t=\t"s"', 't="s" x=">"', "x='>' t='s'"]
)
def test_shared_string_references_count_in_every_spelling_xml_allows(type_):
    """calamine reads `t='s'`, spaces around "=" and a ">" inside another attribute's value
    as shared strings too, so the text they would materialise counts the same as Excel's
    own `t="s"`."""
    content = hostile.xlsx_shared_string(100, 50, type_=type_)
    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "f.xlsx", limits=UploadLimits(max_text_bytes=4000))
    assert refused.value.code == "too_much_text"
    within = validate_workbook(content, "f.xlsx", limits=UploadLimits(max_text_bytes=10_000))
    assert "Leergemeenschappen" in within.sheet_names.values()
