"""How big each sheet really is, found before any reader materialises it.

calamine allocates a sheet as one rectangle from its first to its last cell, and the
reader pads it to A1: one cell at XFD250000 is a 4-billion-cell grid, an `.ods` row
repeated 100,000 times holding a cell repeated 1,000 times is 100 million cells, and
a 10 MB shared string referenced 100 times is 1 GB of text. So the sheets' XML (and
an `.xls` file's cell records) are scanned first, streamed and bounded, and a sheet
whose rectangle or text exceeds the limits is refused with its own code:
`too_many_rows`, `too_many_columns`, `too_many_cells`, `text_too_long`, `too_much_text`.
Cells without a value (styled, empty) don't count, as calamine skips them too.
"""

from __future__ import annotations

import functools
import html
import re
import zipfile
from dataclasses import dataclass

from data_access.core.config import UploadLimits
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.zipcheck import member_pieces

HEADER_SCAN_ROWS = 50  # title rows tolerated above a header row
UTF8_CONTINUATION = bytes(range(0x80, 0xC0))


@dataclass
class Extent:
    """The rectangle from A1 to a sheet's last cell with a value, and its text."""

    sheet: str
    rows: int = 0
    columns: int = 0
    text_bytes: int = 0

    def see(self, row: int, column: int) -> None:
        """A value at 1-based (row, column)."""
        self.rows = max(self.rows, row)
        self.columns = max(self.columns, column)


def judge(extent: Extent, limits: UploadLimits) -> None:
    """Refuse a sheet whose grid or text would be too big to read."""
    name = extent.sheet
    if extent.columns > limits.max_columns_per_sheet:
        raise WorkbookRefused("too_many_columns", sheet=name, columns=extent.columns,
                              max_columns=limits.max_columns_per_sheet)  # fmt: skip
    if extent.rows > limits.max_rows_per_sheet + HEADER_SCAN_ROWS:
        raise WorkbookRefused("too_many_rows", sheet=name, rows=extent.rows,
                              max_rows=limits.max_rows_per_sheet)  # fmt: skip
    if extent.rows * extent.columns > limits.max_cells_per_sheet:
        raise WorkbookRefused("too_many_cells", sheet=name, cells=extent.rows * extent.columns,
                              max_cells=limits.max_cells_per_sheet)  # fmt: skip
    if extent.text_bytes > limits.max_text_bytes:
        raise WorkbookRefused("too_much_text", sheet=name, size_mb=_mb(extent.text_bytes),
                              max_mb=_mb(limits.max_text_bytes))  # fmt: skip


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


class TextRuns:
    """The longest text between two tags (`>...<`), in characters, across pieces.

    Characters are counted as stored (an entity such as `&amp;` counts as its
    letters), which matters only for texts near Excel's 32,767-character limit.
    """

    def __init__(self, sheet: str | None, limit: int) -> None:
        self.sheet, self.limit = sheet, limit
        self.run: int | None = 0  # None while inside a tag
        self.long_run = re.compile(rb"(?<=>)[^<>]{%d,}(?=<)" % (limit + 1))

    def feed(self, piece: bytes) -> None:
        first = piece.find(b"<")
        head = piece if first == -1 else piece[:first]
        closed = head.rfind(b">")
        if closed != -1 or self.run is not None:
            run = _chars(head[closed + 1 :]) + (0 if closed != -1 else self.run)
            self._check(run)
            if first == -1:
                self.run = run
                return
        elif first == -1:
            return
        if _may_hold_a_long_run(piece, first, self.limit):  # else no run can be too long
            for match in self.long_run.finditer(piece, first):
                self._check(_chars(match.group()))
        last_open, last_close = piece.rfind(b"<"), piece.rfind(b">")
        self.run = _chars(piece[last_close + 1 :]) if last_close > last_open else None

    def _check(self, chars: int) -> None:
        if chars > self.limit:
            raise WorkbookRefused(
                "text_too_long", sheet=self.sheet, length=chars, max_chars=self.limit
            )


def _may_hold_a_long_run(piece: bytes, start: int, limit: int) -> bool:
    """False when every stretch of (limit + 2) // 2 bytes of `piece[start:]`, laid end
    to end, holds a `<` or `>`: a run of more than `limit` bytes would hold one such
    stretch whole. A few searches per piece, each stopping at its first bracket."""
    block = max(1, (limit + 2) // 2)
    for begin in range(start, len(piece) - block + 1, block):
        end = begin + block
        if piece.find(b"<", begin, end) == -1 and piece.find(b">", begin, end) == -1:
            return True
    return False


def _chars(data: bytes) -> int:
    """UTF-8 characters: every byte that doesn't continue a multi-byte character."""
    return len(data.translate(None, delete=UTF8_CONTINUATION))


def scan_tags(pieces, pattern: re.Pattern[bytes], runs: TextRuns):
    """Yield (match, offset of the text it is in) over streamed XML; cut tags are kept whole.

    A tag ends with ">", so each search stops after the last one: a run of tag starts
    with no ">" after them would otherwise be scanned to the end once per start.
    """
    tail, offset = b"", 0
    for piece in pieces:
        runs.feed(piece)
        text = tail + piece
        cut = text.rfind(b"<")
        if cut == -1 or len(text) - cut > 64 * 1024:  # inside a long text: no tag pending
            cut = len(text)
        for match in pattern.finditer(text, 0, min(cut, text.rfind(b">") + 1)):
            yield match, offset
        tail, offset = text[cut:], offset + cut
    for match in pattern.finditer(tail, 0, tail.rfind(b">") + 1):
        yield match, offset


def attribute(attributes: bytes, name: bytes) -> str | None:
    """One attribute's value from a tag's attribute text, or None. Called per cell (1.8
    million times at 100,000 rows): the pattern is compiled once per name, and only a
    value holding an entity is unescaped."""
    match = _attribute_pattern(name).search(attributes)
    if match is None:
        return None
    value = match.group(1).decode("utf-8", "replace")
    return html.unescape(value) if "&" in value else value


@functools.cache
def _attribute_pattern(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"(?:^|\s)" + re.escape(name) + rb'\s*=\s*["\']([^"\']*)')


def pieces_of(content: bytes, archive: zipfile.ZipFile, name: str):
    """The inflated pieces of one member (already checked by zipcheck)."""
    return member_pieces(content, archive.getinfo(name))
