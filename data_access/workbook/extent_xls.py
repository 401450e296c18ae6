"""The extent of every sheet of an `.xls`, from its BIFF records, before calamine reads it.

Each sheet's substream starts where its BOUNDSHEET record says; its DIMENSIONS record
and every cell record (row and column in their first four bytes) give the rectangle.
A 6 KB file with one cell at row 65,535, column 65,535 is refused here.
"""

from __future__ import annotations

import struct

import olefile

from data_access.workbook.extent import Extent
from data_access.workbook.report import WorkbookRefused

BOUNDSHEET, DIMENSIONS, EOF, MULRK = 0x0085, 0x0200, 0x000A, 0x00BD
# NUMBER, LABELSST, RK, FORMULA, BOOLERR, LABEL, RSTRING: a value at (row, column).
CELLS = frozenset({0x0203, 0x00FD, 0x027E, 0x0006, 0x0205, 0x0204, 0x00D6})


def xls_extents(content: bytes) -> list[Extent]:
    """One extent per sheet (sniffing already opened the file and found the stream)."""
    try:
        ole = olefile.OleFileIO(content)
        try:
            stream = next(name for name in ("Workbook", "Book") if ole.exists(name))
            biff = ole.openstream(stream).read()
        finally:
            ole.close()
        return [_sheet_extent(biff, offset, name) for offset, name in _sheets(biff)]
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


def _sheets(biff: bytes) -> list[tuple[int, str]]:
    """(substream offset, name) of each sheet, from the globals' BOUNDSHEET records."""
    sheets = []
    for kind, data in _records(biff, 0):
        if kind == BOUNDSHEET and len(data) >= 8:
            offset, length, high = struct.unpack_from("<I", data)[0], data[6], data[7] & 1
            raw = data[8 : 8 + length * (2 if high else 1)]
            sheets.append((offset, raw.decode("utf-16-le" if high else "latin-1", "replace")))
    return sheets


def _sheet_extent(biff: bytes, offset: int, name: str) -> Extent:
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
    return extent
