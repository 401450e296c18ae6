"""The extent of every sheet of an `.xls`, from its BIFF records, before calamine reads it.

Each sheet's substream starts where its BOUNDSHEET record says; its DIMENSIONS record
and every cell record (row and column in their first four bytes) give the rectangle.
A 6 KB file with one cell at row 65,535, column 65,535 is refused here.

Text is bounded as for `.xlsx`: the shared string table (SST, with its CONTINUE
records) is walked for each string's declared length first, so one string longer than
a cell may hold is `text_too_long`, and a sheet whose LABELSST cells reference more
text than allowed (one 32,767-character string referenced by 30,000 cells is a 450 KB
file and a gigabyte in the reader) is `too_much_text`. Text counts as stored: one byte
a character, two for a string stored as UTF-16.
"""

from __future__ import annotations

import struct

import olefile

from data_access.core.config import UploadLimits
from data_access.workbook.extent import Extent
from data_access.workbook.report import WorkbookRefused

BOUNDSHEET, DIMENSIONS, EOF, MULRK = 0x0085, 0x0200, 0x000A, 0x00BD
SST, CONTINUE, LABELSST = 0x00FC, 0x003C, 0x00FD
# NUMBER, LABELSST, RK, FORMULA, BOOLERR, LABEL, RSTRING: a value at (row, column).
CELLS = frozenset({0x0203, 0x00FD, 0x027E, 0x0006, 0x0205, 0x0204, 0x00D6})
# LABEL, RSTRING: text in the cell record itself (length at byte 6); STRING: a formula's text.
INLINE_TEXT = frozenset({0x0204, 0x00D6})
FORMULA_TEXT = 0x0207


def xls_extents(content: bytes, limits: UploadLimits) -> list[Extent]:
    """One extent per sheet (sniffing already opened the file and found the stream)."""
    try:
        ole = olefile.OleFileIO(content)
        try:
            stream = next(name for name in ("Workbook", "Book") if ole.exists(name))
            biff = ole.openstream(stream).read()
        finally:
            ole.close()
        sheets, strings = _globals(biff)
        lengths = _shared_string_sizes(strings, limits.max_text_chars)
        return [_sheet_extent(biff, offset, name, lengths, limits) for offset, name in sheets]
    except (OSError, ValueError, struct.error, IndexError, StopIteration) as exc:
        raise WorkbookRefused("corrupt_file") from exc


def _records(biff: bytes, position: int):
    """(kind, data) of the records from `position` to the substream's EOF."""
    while position + 4 <= len(biff):
        kind, size = struct.unpack_from("<HH", biff, position)
        yield kind, biff[position + 4 : position + 4 + size]
        if kind == EOF:
            return
        position += 4 + size


def _globals(biff: bytes) -> tuple[list[tuple[int, str]], list[bytes]]:
    """(substream offset, name) of each sheet, and the SST record with its CONTINUEs."""
    sheets, strings, previous = [], [], None
    for kind, data in _records(biff, 0):
        if kind == BOUNDSHEET and len(data) >= 8:
            offset, length, high = struct.unpack_from("<I", data)[0], data[6], data[7] & 1
            raw = data[8 : 8 + length * (2 if high else 1)]
            sheets.append((offset, raw.decode("utf-16-le" if high else "latin-1", "replace")))
        elif kind == SST or (kind == CONTINUE and previous == SST):
            strings.append(data)
            kind = SST
        previous = kind
    return sheets, strings


class _Pieces:
    """A reader over the SST's record pieces; characters may resume in the next piece."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces, self.index, self.position = pieces, 0, 0

    def left(self) -> int:
        while self.index < len(self.pieces) and self.position >= len(self.pieces[self.index]):
            self.index, self.position = self.index + 1, 0
        return len(self.pieces[self.index]) - self.position if self.index < len(self.pieces) else 0

    def take(self, size: int) -> bytes:
        """`size` bytes of a string's header (never split over pieces by Excel)."""
        if self.left() < size:
            raise ValueError("SST string header cut")
        start = self.position
        self.position += size
        return self.pieces[self.index][start : self.position]

    def skip(self, size: int) -> None:
        """Skip formatting runs or phonetic data, which run on without a flags byte."""
        while size > 0:
            step = min(size, self.left())
            if step == 0:
                raise ValueError("SST ends inside a string")
            self.position, size = self.position + step, size - step

    def skip_chars(self, count: int, wide: bool) -> None:
        """Skip characters; a new piece starts with a flags byte telling their width."""
        while count > 0:
            piece = self.pieces[self.index]
            if self.position >= len(piece):
                self.index, self.position = self.index + 1, 1
                if self.index >= len(self.pieces) or not self.pieces[self.index]:
                    raise ValueError("SST ends inside a string")
                wide = bool(self.pieces[self.index][0] & 1)
                continue
            step = min(count, (len(piece) - self.position) // (2 if wide else 1))
            if step == 0:
                raise ValueError("SST character cut in two")
            self.position, count = self.position + step * (2 if wide else 1), count - step


def _shared_string_sizes(pieces: list[bytes], max_chars: int) -> list[int]:
    """Stored bytes of each shared string; one longer than a cell may hold is refused."""
    if not pieces:
        return []
    reader = _Pieces(pieces)
    unique = struct.unpack("<I", reader.take(8)[4:])[0]
    sizes: list[int] = []
    while len(sizes) < unique and reader.left():
        count, flags = struct.unpack("<HB", reader.take(3))
        if count > max_chars:
            raise WorkbookRefused("text_too_long", sheet=None, length=count, max_chars=max_chars)
        runs = struct.unpack("<H", reader.take(2))[0] if flags & 0x08 else 0
        phonetic = struct.unpack("<I", reader.take(4))[0] if flags & 0x04 else 0
        reader.skip_chars(count, bool(flags & 0x01))
        reader.skip(4 * runs + phonetic)
        sizes.append(count * (2 if flags & 0x01 else 1))
    return sizes


def _sheet_extent(
    biff: bytes, offset: int, name: str, lengths: list[int], limits: UploadLimits
) -> Extent:
    extent = Extent(name)
    for kind, data in _records(biff, offset):
        if kind in CELLS and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            extent.see(row + 1, column + 1)
        elif kind == MULRK and len(data) >= 6:
            row = struct.unpack_from("<H", data)[0]
            extent.see(row + 1, struct.unpack_from("<H", data, len(data) - 2)[0] + 1)
        elif kind == DIMENSIONS and len(data) >= 12:
            last_row, _, last_column = struct.unpack_from("<IHH", data, 4)
            extent.see(last_row, last_column)
        _count_text(extent, kind, data, lengths, limits.max_text_chars)
    return extent


def _count_text(extent: Extent, kind: int, data: bytes, lengths: list[int], max_chars: int):
    """Add the text a cell record would materialise: its shared string or its own text."""
    if kind == LABELSST and len(data) >= 10:
        index = struct.unpack_from("<I", data, 6)[0]
        extent.text_bytes += lengths[index] if index < len(lengths) else 0
    elif kind in INLINE_TEXT | {FORMULA_TEXT}:
        at = 6 if kind in INLINE_TEXT else 0
        length = struct.unpack_from("<H", data, at)[0] if len(data) >= at + 2 else 0
        if length > max_chars:
            raise WorkbookRefused(
                "text_too_long", sheet=extent.sheet, length=length, max_chars=max_chars
            )
        extent.text_bytes += max(len(data) - at - 3, 0)
