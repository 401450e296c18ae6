"""The extent of every table of an `.ods`, repeats included, before calamine reads it.

A row or cell with `number-rows-repeated`/`number-columns-repeated` is materialised
once per repeat, so the extent and the text multiply by them. Repeated empty rows and
cells (LibreOffice writes a million of them after the last row) only move the position.
"""

from __future__ import annotations

import re
import zipfile

from data_access.core.config import UploadLimits
from data_access.workbook.extent import Extent, TextRuns, attribute, judge, pieces_of, scan_tags

TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
)


class _TableScan:
    """Walks the table tags of content.xml, keeping the position and extent of one table."""

    def __init__(self, limits: UploadLimits) -> None:
        self.limits = limits
        self.extent: Extent | None = None
        self.row = self.row_repeat = self.column = 0
        self.row_text = self.cell_repeat = self.cell_start = 0

    def tag(self, closing: bool, name: bytes, attributes: bytes, empty: bool, at: int) -> None:
        if name == b"table":
            self._table(closing, attributes)
        elif self.extent is None:
            return
        elif name == b"table-row":
            self._row(closing, attributes, empty)
        elif closing:  # the end of a cell that had content: its text, repeated
            if name == b"table-cell":
                self.row_text += (at - self.cell_start) * self.cell_repeat
        else:
            self._cell(attributes, empty, at)

    def _table(self, closing: bool, attributes: bytes) -> None:
        if closing and self.extent is not None:
            judge(self.extent, self.limits)
            self.extent = None
        elif not closing:
            self.extent = Extent(attribute(attributes, b"table:name") or "?")
            self.row = 0

    def _row(self, closing: bool, attributes: bytes, empty: bool) -> None:
        if not closing:
            self.row_repeat = _repeat(attributes, b"table:number-rows-repeated")
            self.column, self.row_text = 0, 0
        if closing or empty:
            self.extent.text_bytes += self.row_text * self.row_repeat
            self.row += self.row_repeat
            judge(self.extent, self.limits)

    def _cell(self, attributes: bytes, empty: bool, at: int) -> None:
        repeat = _repeat(attributes, b"table:number-columns-repeated")
        valued = not empty or b"office:value-type" in attributes
        if valued:
            self.extent.see(self.row + self.row_repeat, self.column + repeat)
            self.cell_repeat, self.cell_start = repeat, at
        self.column += repeat


def _repeat(attributes: bytes, name: bytes) -> int:
    value = attribute(attributes, name)
    return int(value) if value and value.isdigit() else 1


def check_ods(content: bytes, archive: zipfile.ZipFile, *, limits: UploadLimits) -> None:
    """Refuse the workbook if any table's grid or text is beyond the limits."""
    scan = _TableScan(limits)
    runs = TextRuns(None, limits.max_text_chars)
    for match, offset in scan_tags(pieces_of(content, archive, "content.xml"), TAG, runs):
        closing, name, attributes, empty = match.groups()
        scan.tag(bool(closing), name, attributes, bool(empty), offset + match.start())
