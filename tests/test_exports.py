"""Excel and CSV downloads: formula injection escaped, values survive a round trip."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_access.core.exports import escape_formula, escape_frame, to_csv_bytes, to_excel_bytes

DANGEROUS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert escape_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Zwolle", "a=b", " =1", "", 5, -3, 1.5, None])
def test_harmless_values_are_left_alone(value):
    assert escape_formula(value) == value


def test_frame_escaping_covers_headers_and_lists_but_not_numbers():
    frame = pd.DataFrame({"=head": ["=x", "ok"], "n": [-1, 2], "l": [["@a", "b"], []]})
    escaped = escape_frame(frame)
    assert list(escaped.columns) == ["'=head", "n", "l"]
    assert escaped.to_dict("list") == {"'=head": ["'=x", "ok"], "n": [-1, 2], "l": ["'@a; b", ""]}


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Code": [f"C-{i}" for i in range(len(DANGEROUS))] + ["C-9"],
            "Naam": [*DANGEROUS, "Gewoon Bedrijf"],
            "Start": [date(2023, 1, 2)] * len(DANGEROUS) + [None],
            "Medewerkers": pd.array([1, 2, 3, 4, 5, 6, None], dtype="Int64"),
        }
    )


def test_excel_round_trip_keeps_values_and_escapes_every_dangerous_cell():
    book = load_workbook(io.BytesIO(to_excel_bytes(_frame(), sheet_name="Leergemeenschappen")))
    sheet = book["Leergemeenschappen"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Code", "Naam", "Start", "Medewerkers"]
    assert [row[1] for row in rows[1:]] == ["'" + t for t in DANGEROUS] + ["Gewoon Bedrijf"]
    assert rows[1][2].date() == date(2023, 1, 2)
    assert [row[3] for row in rows[1:]] == [1, 2, 3, 4, 5, 6, None]
    assert rows[-1][2] is None
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_csv_round_trip_keeps_values_and_escapes_every_dangerous_cell():
    data = to_csv_bytes(_frame())
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Code", "Naam", "Start", "Medewerkers"]
    assert [row[1] for row in rows[1:]] == ["'" + t for t in DANGEROUS] + ["Gewoon Bedrijf"]
    assert rows[1][2:] == ["2023-01-02", "1"]
    assert rows[-1][2:] == ["", ""]
