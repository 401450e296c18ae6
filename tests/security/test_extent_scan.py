"""The array scan of `.xlsx` value cells (extent_cells.py) finds exactly what the regular
expression it replaced found: the same last row and column, the same fallback to the
cell-by-cell scan, on cells as Excel writes them and on broken, cut and odd ones; and the
shared-string items are paired as the lazy pattern before them found them; the cell-by-cell
scan finds the tags it found before it stopped each search at the last ">"."""

from __future__ import annotations

import random
import re

import pytest

from data_access.core.config import UploadLimits
from data_access.workbook import extent_ods, extent_xlsx
from data_access.workbook.extent import TextRuns, scan_tags
from data_access.workbook.extent_cells import value_cells_extent
from data_access.workbook.extent_xlsx import _string_items
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
from tests.security import hostile_files as hostile

# The scan before: one match per value cell (too slow at 1.8 million cells).
VALUE_CELL_REF = re.compile(rb'<c r="([A-Za-z]{1,3})(\d{1,7})"[^>]*?(?<!/)>')
ODD_CELLS = (b"<c>", b"<c\t", b"<c\n", b"<c\r", b":c ", b":c>")
PARTS = (
    '<c r="{}" t="n"><v>1</v></c>', '<c r="{}" s="1"/>', '<c r="{}">', '<c r="{}" ',
    '<c r="{}" t="inlineStr"><is><t>x y</t></is></c>', '<row r="3">', "</row>", "/>", ">",
    '<col min="1"/>', "<cfRule/>", "<c>", "<c\n", "<c t='n'>", "x:c ", '<c r="{}x">', "text",
)  # fmt: skip


def regex_extent(head: bytes) -> tuple[int, int] | None:
    if head.count(b"<c ") != head.count(b'<c r="') or any(odd in head for odd in ODD_CELLS):
        return None
    found = VALUE_CELL_REF.findall(head)
    if not found:
        return 0, 0
    columns = (sum(26**i * (c - 64) for i, c in enumerate(col.upper()[::-1])) for col, _ in found)
    return max(int(row) for _, row in found), max(columns)


def random_fragment(rnd: random.Random) -> bytes:
    def reference() -> str:
        letters = "".join(rnd.choices("ABXYZabz", k=rnd.choice([0, 1, 1, 2, 3, 4])))
        return letters + "".join(rnd.choices("0123456789", k=rnd.choice([0, 1, 3, 7, 8])))

    weights = [rnd.random() ** 3 for _ in PARTS]
    parts = rnd.choices(PARTS, weights, k=rnd.randint(0, 30))
    data = "".join(part.format(reference()) for part in parts).encode()
    return data[: rnd.randint(0, len(data))] if rnd.random() < 0.3 else data


@pytest.mark.parametrize(
    ("head", "extent"),
    [
        (b'<c r="A1" t="n"><v>1</v></c><c r="XFD250000" s="1"><v>2</v></c>', (250000, 16384)),
        (b'<c r="A1" t="n"><v>1</v></c><c r="XFD9" s="1"/>', (1, 1)),
        (b'<c r="b7"><v>1</v></c><c r="AAA1234567"/ >', (1234567, 703)),
        (b'<c r="A1" t="n"<c r="XFD2"><v>1</v></c>', (1, 1)),
        (b'<c r="A1" t="n"><v>1</v></c><c t="n"><v>1</v></c>', None),
        (b'<c r="A1" t="n"><v>1</v></c><x:c r="B1">', None),
        (b'<c r="A12345678"><v>1</v></c><c r="ABCD1"><v>1</v></c>', (0, 0)),
        (b'<c r="C3"><v>1</v></c><c r="D4" t="n"', (3, 3)),
        (b"", (0, 0)),
    ],
    ids=["far value", "far styled blank", "lower case, odd close", "tag left open", "without r",
         "prefixed", "bad references", "cut at the end", "empty"],
)  # fmt: skip
def test_value_cells_as_written(head, extent):
    assert value_cells_extent(head) == extent == regex_extent(head)


def test_the_array_scan_agrees_with_the_regular_expression_on_random_fragments():
    rnd = random.Random(14)
    fragments = [random_fragment(rnd) for _ in range(5000)]

    assert [value_cells_extent(f) for f in fragments] == [regex_extent(f) for f in fragments]


def test_shared_string_references_are_counted_across_pieces_exactly():
    # 20,000 references make a sheet part of about 1 MB: four inflated pieces, so some
    # references are cut by a piece boundary; each counts its string's item once.
    content = hostile.xlsx_shared_string(100, 20_000)
    total = 20_000 * len(b"<si><t>" + b"x" * 100 + b"</t></si>")

    assert validate_workbook(content, "f.xlsx", limits=UploadLimits(max_text_bytes=total))
    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(content, "f.xlsx", limits=UploadLimits(max_text_bytes=total - 1))
    assert refused.value.code == "too_much_text"


# The shared-string items before: a lazy match, which a run of start tags without an end
# made scan the rest of the piece once per tag (17 s for 64 KB of "<si").
STRING_ITEM = re.compile(rb"<(?:[\w.-]+:)?si\b.*?</(?:[\w.-]+:)?si>", re.DOTALL)
LAST_STRING_ITEM = re.compile(rb"(?s:.*)" + STRING_ITEM.pattern, re.DOTALL)
STRING_ATOMS = (b"<si>", b"</si>", b"<x:si>", b"</x:si>", b"<si ", b"</si >", b"<sis>",
                b"</si", b">", b"abc", b"<t>", b"</t>", b"<", b"/")  # fmt: skip


def test_shared_string_items_are_paired_as_the_lazy_pattern_found_them():
    rnd = random.Random(3)
    for _ in range(5000):
        text = b"".join(rnd.choices(STRING_ATOMS, k=rnd.randint(0, 30)))
        items = STRING_ITEM.findall(text)
        end = LAST_STRING_ITEM.match(text).end() if items else 0
        assert _string_items(text) == ([len(item) for item in items], end), text


def _scan_before(pieces, pattern):
    """scan_tags before it stopped each search at the last ">" (a run of tag starts with
    no ">" after them was scanned to the end once per start: 28 s for 32 KB of "<c ")."""
    tail, offset = b"", 0
    for piece in pieces:
        text = tail + piece
        cut = text.rfind(b"<")
        if cut == -1 or len(text) - cut > 64 * 1024:
            cut = len(text)
        yield from ((m.group(0), offset + m.start()) for m in pattern.finditer(text, 0, cut))
        tail, offset = text[cut:], offset + cut
    yield from ((m.group(0), offset + m.start()) for m in pattern.finditer(tail))


TAG_ATOMS = (b'<c r="A1">', b"<c ", b"<row r='2'>", b"</c>", b">", b"/>", b"<", b"x", b" ",
             b'<table:table-cell table:number-columns-repeated="3">', b"<table:table-row>",
             b"</table:table-row>", b"<table:table ")  # fmt: skip


@pytest.mark.parametrize("pattern", [extent_xlsx.TAG, extent_ods.TAG], ids=["xlsx", "ods"])
def test_the_cell_by_cell_scan_finds_the_tags_it_found_before_in_streamed_pieces(pattern):
    rnd = random.Random(5)
    for _ in range(1000):
        data = b"".join(rnd.choices(TAG_ATOMS, k=rnd.randint(0, 40)))
        cuts = sorted(rnd.sample(range(len(data) + 1), k=min(3, len(data) + 1)))
        pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        found = scan_tags(pieces, pattern, TextRuns(None, 10**9))
        assert [(m.group(0), at + m.start()) for m, at in found] == list(
            _scan_before(pieces, pattern)
        ), pieces
