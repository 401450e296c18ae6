"""Hypothesis strategies for quarterly workbooks, from nearly valid to nonsense.

Most examples start from a valid workbook (tests/workbook/builders.py) and mutate
it, so the fuzzing reaches the value checks and the importer; the rest are sheets
of random headers and cells. Cells mix the kinds a spreadsheet holds: empty, huge
and negative numbers, dates, booleans, unicode, choice labels, near-miss headers
and formulas written as text (openpyxl stores a leading "=" as a formula).
"""

from __future__ import annotations

import math
from datetime import date, datetime

from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from data_access.workbook.schema import SHEETS, TABLE_SHEETS
from tests.workbook.builders import Rows, sheets, workbook_bytes

SHEET_NAMES = [name for spec in SHEETS for name in spec.names]
HEADERS = [h for spec in SHEETS for c in spec.columns for h in (c.nl, c.en)]
CHOICE_LABELS = [
    label
    for spec in TABLE_SHEETS
    for c in spec.columns
    for labels in (c.choices or {}).values()
    for label in labels
]
SPECIAL_TEXT = ["", " ", "=SUM(A1:A3)", "=1/0", "'=HYPERLINK(\"x\")", "2023-Q2", "2023-Q5",
                "GE23-01", "31-02-2023", "1e309", "-0", "NaN", "∞", "🙂", "Zwolle\u200b",
                "GasErop!", "Saxion; ; ROC van Twente", "x" * 300]  # fmt: skip


def _printable(text: str) -> str:
    # Control characters can't be stored in an .xlsx; openpyxl refuses to write them.
    return ILLEGAL_CHARACTERS_RE.sub("", text)


text_values = st.one_of(
    st.sampled_from(SPECIAL_TEXT + HEADERS + CHOICE_LABELS + SHEET_NAMES),
    st.text(max_size=40).map(_printable),
)
near_miss = st.tuples(st.sampled_from(HEADERS + SHEET_NAMES), st.integers(0, 5)).map(
    lambda pair: _misspell(*pair)
)


def _misspell(word: str, how: int) -> str:
    """A header or sheet name as people mistype it: case, spaces, a letter off."""
    return [word.upper(), f"  {word} ", word[:-1] or "x", word + "s", word.replace(" ", ""),
            word.replace("e", "é")][how]  # fmt: skip


numbers = st.one_of(
    st.integers(-(10**18), 10**18),
    st.sampled_from([0, -1, 2**31, 10**15, -(10**15), 1e308, -1e308, 5e-324, 0.1, 2100, 2000]),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)
cells = st.one_of(
    st.none(),
    numbers,
    st.booleans(),
    st.dates(date(1900, 3, 1), date(9999, 12, 31)),
    st.datetimes(datetime(1900, 3, 1), datetime(9999, 12, 31)),
    text_values,
    near_miss,
)
sheet_titles = st.one_of(
    st.sampled_from(SHEET_NAMES),
    near_miss,
    st.text(st.characters(blacklist_characters="[]:*?/\\'", blacklist_categories=("Cc", "Cs")),
            min_size=1, max_size=31),
).map(lambda t: t.strip("'")[:31] or "Sheet")  # fmt: skip


def random_sheet() -> st.SearchStrategy[Rows]:
    """A header row of real, near-miss or random headers, then rows of any cells."""
    header = st.lists(st.one_of(st.sampled_from(HEADERS), near_miss, text_values), max_size=20)
    return header.flatmap(
        lambda head: st.lists(st.lists(cells, max_size=len(head) + 2), max_size=12).map(
            lambda body: [head, *body]
        )
    )


@st.composite
def random_workbooks(draw) -> dict[str, Rows]:
    names = draw(st.lists(sheet_titles, min_size=1, max_size=5, unique_by=str.casefold))
    return {name: draw(random_sheet()) for name in names}


@st.composite
def mutated_workbooks(draw) -> dict[str, Rows]:
    """A valid workbook with a few typical mistakes and oddities applied."""
    book = {name: [list(row) for row in rows] for name, rows in sheets(draw(LANGS)).items()}
    for _ in range(draw(st.integers(1, 6))):
        name = draw(st.sampled_from(sorted(book)))
        MUTATIONS[draw(st.sampled_from(sorted(MUTATIONS)))](draw, book, name)
    return book


LANGS = st.sampled_from(["nl", "en"])


def _set_cell(draw, book, name) -> None:
    rows = book[name]
    row = draw(st.integers(0, len(rows) - 1))
    column = draw(st.integers(0, max(len(rows[row]), 1)))
    rows[row].extend([None] * (column + 1 - len(rows[row])))
    rows[row][column] = draw(cells)


def _title_rows(draw, book, name) -> None:
    book[name][:0] = [[draw(text_values)] for _ in range(draw(st.integers(1, 3)))]


def _empty_rows(draw, book, name) -> None:
    rows = book[name]
    rows.insert(draw(st.integers(0, len(rows))), [None])


def _copy_rows(draw, book, name) -> None:
    rows = book[name]
    extra = draw(st.integers(1, 30))
    rows.extend([list(rows[-1]) for _ in range(extra)])


def _drop_sheet(draw, book, name) -> None:
    if len(book) > 1:
        del book[name]


def _rename_sheet(draw, book, name) -> None:
    new = draw(sheet_titles)
    if new.casefold() not in {n.casefold() for n in book}:
        book[new] = book.pop(name)


def _shuffle_columns(draw, book, name) -> None:
    rows = book[name]
    width = max((len(r) for r in rows), default=0)
    order = draw(st.permutations(range(width)))
    book[name] = [[(r + [None] * width)[i] for i in order] for r in rows]


MUTATIONS = {
    "set_cell": _set_cell,
    "title_rows": _title_rows,
    "empty_rows": _empty_rows,
    "copy_rows": _copy_rows,
    "drop_sheet": _drop_sheet,
    "rename_sheet": _rename_sheet,
    "shuffle_columns": _shuffle_columns,
}

workbooks = st.one_of(mutated_workbooks(), mutated_workbooks(), random_workbooks())


def to_bytes(book: dict[str, Rows]) -> bytes:
    """The .xlsx file openpyxl writes for these sheets (what a person would upload)."""
    return workbook_bytes({name: [_storable(row) for row in rows] for name, rows in book.items()})


def _storable(row: list[object]) -> list[object]:
    # openpyxl writes inf/nan as text that Excel can't open; a person can't make those either.
    return [None if isinstance(v, float) and not math.isfinite(v) else v for v in row]


# Where to cut or overwrite, drawn from a fixed range and scaled to the file: the file's
# length differs a byte or two between runs (openpyxl stamps the time into it, and it is
# compressed), and a draw whose bounds changed on replay is "flaky" to Hypothesis.
POSITIONS = 1 << 16


@st.composite
def damaged_files(draw) -> bytes:
    """A generated workbook's bytes cut short or with a few bytes overwritten."""
    content = bytearray(to_bytes(draw(workbooks)))

    def position() -> int:
        return draw(st.integers(0, POSITIONS - 1)) * len(content) // POSITIONS

    if draw(st.booleans()):
        return bytes(content[: position()])
    for _ in range(draw(st.integers(1, 8))):
        content[position()] = draw(st.integers(0, 255))
    return bytes(content)
