"""Valid workbooks read back exactly, however people lay them out."""

from __future__ import annotations

import random
from datetime import date

import pytest

from data_access.workbook.schema import COMMUNITIES
from data_access.workbook.validate import validate_workbook
from tests.workbook.builders import (
    community,
    facilitator,
    sheets,
    table_rows,
    valid_workbook,
    workbook_bytes,
)

# The builder writes choices as labels and lists as text; they read back as codes and lists.
EXPECTED_COMMUNITY = {
    "excel_row": 2,
    **community(),
    "education_partners": ["Saxion", "ROC van Twente"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_valid_workbook_reads_every_sheet_in_canonical_form(lang):
    parsed = validate_workbook(valid_workbook(lang), "q2.xlsx")

    assert [i.flat() for i in parsed.issues] == []
    assert (parsed.programme, parsed.period) == ("GasErop!", "2022-Q2")
    assert (parsed.submitted_by, parsed.email) == ("Jan Jansen", "jan@example.nl")
    assert parsed.communities.to_dict("records") == [EXPECTED_COMMUNITY]
    assert parsed.facilitators.to_dict("records") == [
        {
            "excel_row": 2,
            "name": "Anna de Vries",
            "organisation": "Saxion",
            "trained_on": date(2021, 9, 1),
            "status": "certified",
            "hours_per_week": 16.0,
            "max_concurrent": 3,
            "sectors": ["energy_transition", "logistics"],
        }
    ]
    assert parsed.funding.to_dict("records") == [
        {
            "excel_row": 2,
            "year": 2022,
            "quarter": 2,
            "granted": 250000.0,
            "spent": 180000.5,
            "note": "Tweede kwartaal",
        }
    ]
    assert parsed.facilitator_names == {"Anna de Vries"}


def test_frames_use_nullable_integers_and_python_dates():
    parsed = validate_workbook(valid_workbook(), "q2.xlsx")

    assert str(parsed.communities["employees"].dtype) == "Int64"
    assert str(parsed.funding["granted"].dtype) == "float64"
    assert parsed.communities["excel_row"].tolist() == [2]


def test_shuffled_columns_title_rows_and_empty_rows_read_the_same():
    order = [c.key for c in COMMUNITIES.columns]
    random.Random(7).shuffle(order)
    rows = table_rows(COMMUNITIES, [community(), community(code="GE22-02")], order=order)
    laid_out = [["Leergemeenschappen Q2 2022"], [], *rows[:2], [None] * 3, rows[2]]
    book = sheets() | {"leergemeenschappen ": laid_out}
    book.pop("Leergemeenschappen")

    parsed = validate_workbook(workbook_bytes(book, merge={"leergemeenschappen ": "A1:F1"}), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities["excel_row"].tolist() == [4, 6]
    assert parsed.communities["code"].tolist() == ["GE22-01", "GE22-02"]
    assert parsed.communities.iloc[0].to_dict() == EXPECTED_COMMUNITY | {"excel_row": 4}
    assert parsed.sheet_names["communities"] == "leergemeenschappen "


def test_headers_match_whatever_the_case_and_spaces():
    rows = table_rows(COMMUNITIES, [community()])
    rows[0] = [f"  {header.upper()} " for header in rows[0]]
    parsed = validate_workbook(workbook_bytes(sheets() | {"Leergemeenschappen": rows}), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.headers[("communities", "start_date")] == "STARTDATUM"


def test_absent_table_sheets_are_not_reported():
    book = sheets()
    del book["Financiën"], book["Facilitatoren"]

    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert (parsed.funding, parsed.facilitators) == (None, None)
    assert parsed.facilitator_names == set()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31-12-2023", date(2023, 12, 31)),
        ("31/12/2023", date(2023, 12, 31)),
        ("2023-12-31", date(2023, 12, 31)),
        ("31 december 2023", date(2023, 12, 31)),
        ("31 December 2023", date(2023, 12, 31)),
        ("5 mrt 2024", date(2024, 3, 5)),
        ("1 oktober 2023", date(2023, 10, 1)),
        ("1 October 2023", date(2023, 10, 1)),
    ],
)
def test_dates_typed_as_text_are_read(typed, expected):
    book = sheets(communities=[community(midterm_check=typed)])
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities["midterm_check"].tolist() == [expected]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (1234.56, 1234.56),
        ("1.234,56", 1234.56),
        ("1234,56", 1234.56),
        ("€ 1.234", 1234.0),
        ("1,234.56", 1234.56),
        ("€1.234.567,891", 1234567.89),
        (" 12.5 ", 12.5),
    ],
)
def test_euros_typed_as_text_are_read_and_rounded_to_cents(typed, expected):
    from tests.workbook.builders import funding

    parsed = validate_workbook(workbook_bytes(sheets(fundings=[funding(granted=typed)])), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.funding["granted"].tolist() == [expected]


@pytest.mark.parametrize("typed", ["lopend", "RUNNING", "  Lopend ", "Running"])
def test_choices_in_either_language_and_any_case_become_codes(typed):
    book = sheets(communities=[community(status=typed, end_date=None)])
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities["status"].tolist() == ["running"]


def test_a_planned_community_needs_no_start_date_or_facilitator():
    planned = community(status="planned", start_date=None, end_date=None, facilitator=None)
    parsed = validate_workbook(workbook_bytes(sheets(communities=[planned])), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.communities[["start_date", "facilitator"]].iloc[0].tolist() == [None, None]


def test_facilitator_sectors_become_codes():
    book = sheets(facilitators=[facilitator(sectors="overig;  CIRCULARITY ;")])
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert parsed.facilitators["sectors"].tolist() == [["other", "circularity"]]


@pytest.mark.parametrize("period", ["2022-Q2", "2022 Q2", "Q2 2022", "q2-2022"])
def test_period_is_made_canonical(period):
    from tests.workbook.builders import report_rows

    book = sheets() | {"Rapportage": [["Kwartaalrapportage"], *report_rows(period=period)]}
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == []
    assert parsed.period == "2022-Q2"
