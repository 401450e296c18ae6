"""Each cell's text, as messages quote it and blank checks read it (`values.Cells`):
pinned for every kind calamine gives, since dates and whole numbers are converted a
column at a time and everything else cell by cell."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data_access.workbook.values import Cells

CELLS = [
    (dt.date(2024, 5, 6), "2024-05-06"),
    (dt.date(999, 1, 2), "0999-01-02"),
    (12.0, "12"),
    (-3.0, "-3"),
    (2.5, "2.5"),
    (1e20, "100000000000000000000"),
    (dt.datetime(2024, 1, 2), "2024-01-02"),
    (dt.datetime(2024, 1, 2, 3, 4, 5), "2024-01-02 03:04:05"),
    ("  Saxion ", "Saxion"),
    ("", ""),
    (None, ""),
    (float("nan"), ""),
    (True, "True"),
    (7, "7"),
]


@pytest.mark.parametrize("order", [1, -1], ids=["as listed", "reversed"])
def test_every_kind_of_cell_reads_as_its_text(order):
    values, texts = zip(*CELLS[::order], strict=True)
    cells = Cells.of(pd.Series(values, index=range(5, 5 + len(values)), dtype=object))

    assert cells.text.tolist() == list(texts)
    assert cells.blank.tolist() == [text == "" for text in texts]


@pytest.mark.parametrize(
    ("values", "texts"),
    [
        ([dt.date(2024, 1, 1), dt.date(2023, 12, 31)], ["2024-01-01", "2023-12-31"]),
        ([dt.date(2024, 1, 1), ""], ["2024-01-01", ""]),
        ([4.0, 5.0, None], ["4", "5", ""]),
    ],
    ids=["only dates", "dates and blanks", "only whole numbers"],
)
def test_columns_of_one_kind(values, texts):
    assert Cells.of(pd.Series(values, dtype=object)).text.tolist() == texts
