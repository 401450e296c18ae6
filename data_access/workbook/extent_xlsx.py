"""The extent of every sheet of an `.xlsx`/`.xlsm`, from its XML, before calamine reads it.

Cell references (`r="XFD250000"`) give the rectangle; a cell without one follows the
previous cell, as in calamine. Shared strings are measured first, so a sheet that
references one long string many times is judged by the text it would materialise.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile

from data_access.core.config import UploadLimits
from data_access.workbook.extent import Extent, TextRuns, attribute, judge, pieces_of, scan_tags

TAG = re.compile(rb"<(?:[\w.-]+:)?(c|row)(\s[^>]*?)?(/?)>")
SHARED_REF = re.compile(rb'\st="s"[^>]*>\s*<(?:[\w.-]+:)?v>\s*(\d+)\s*<')
STRING_ITEM = re.compile(rb"<(?:[\w.-]+:)?si\b.*?</(?:[\w.-]+:)?si>", re.DOTALL)
CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})$")
# Cells as Excel, LibreOffice and openpyxl write them: unprefixed, `r` first, so the
# pattern starts with a literal that the regular-expression engine skips to quickly.
PLAIN_CELL, NAMED_CELL = b"<c ", b'<c r="'
ODD_CELLS = (b"<c>", b"<c\t", b"<c\n", b"<c\r", b":c ", b":c>")  # any of these: cell by cell
VALUE_CELL_REF = re.compile(rb'<c r="([A-Za-z]{1,3})(\d{1,7})"[^>]*?(?<!/)>')  # not `/>`
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHARED_STRINGS = "xl/sharedStrings.xml"
MAX_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relationships


def check_xlsx(content: bytes, archive: zipfile.ZipFile, *, limits: UploadLimits) -> None:
    """Refuse the workbook if any sheet's grid or text is beyond the limits."""
    names = set(archive.namelist())
    lengths = _shared_string_lengths(content, archive, limits) if SHARED_STRINGS in names else []
    for sheet, part in _sheet_parts(archive).items():
        if part in names:
            judge(_sheet_extent(content, archive, part, sheet, lengths, limits), limits)


def _shared_string_lengths(
    content: bytes, archive: zipfile.ZipFile, limits: UploadLimits
) -> list[int]:
    """Bytes of each shared string; one longer than a cell may hold is refused."""
    runs = TextRuns(None, limits.max_text_chars)
    lengths: list[int] = []
    tail = b""
    for piece in pieces_of(content, archive, SHARED_STRINGS):
        runs.feed(piece)
        text = tail + piece
        end = 0
        for match in STRING_ITEM.finditer(text):
            lengths.append(match.end() - match.start())
            end = match.end()
        tail = text[end:]
        if len(tail) > 16 * limits.max_text_chars + 65536:  # one item, endless rich-text runs
            runs.run = len(tail)
            runs.feed(b"")
    return lengths


def _sheet_extent(
    content: bytes,
    archive: zipfile.ZipFile,
    part: str,
    sheet: str,
    lengths: list[int],
    limits: UploadLimits,
) -> Extent:
    """The fast scan when every cell names its reference (Excel, LibreOffice, openpyxl
    write them all); otherwise the cell-by-cell one, which follows unnamed cells."""
    extent = Extent(sheet)
    runs = TextRuns(sheet, limits.max_text_chars)
    if _referenced_extent(_counting_refs(content, archive, part, extent, lengths), extent, runs):
        return extent
    extent = Extent(sheet)
    runs = TextRuns(sheet, limits.max_text_chars)
    row, column = 0, 0
    pieces = _counting_refs(content, archive, part, extent, lengths)
    for match, _ in scan_tags(pieces, TAG, runs):
        attributes = match.group(2) or b""
        if match.group(1) == b"row":
            number = attribute(attributes, b"r")
            row, column = (int(number) if number and number.isdigit() else row + 1), 0
            continue
        reference = CELL_REF.match(attribute(attributes, b"r") or "")
        if reference:
            row, column = int(reference.group(2)), _column_number(reference.group(1))
        else:
            column += 1
        if not match.group(3):  # `<c r="B2" s="1"/>` holds no value
            extent.see(max(row, 1), column)
    return extent


def _referenced_extent(pieces, extent: Extent, runs: TextRuns) -> bool:
    """Rows and columns of the value cells' own references, found a piece at a time by
    one regular expression (250,000 rows in seconds, not minutes of Python per cell).

    False as soon as a cell lacks its `r` (its position then depends on the cells
    before it, which only the cell-by-cell scan follows) or is written otherwise.
    """
    letters: set[bytes] = set()
    tail = b""
    for piece in itertools.chain(pieces, [None]):
        text = tail + (piece or b"")
        cut = len(text) if piece is None else text.rfind(b"<")
        if piece is not None:
            runs.feed(piece)
            if cut == -1 or len(text) - cut > 64 * 1024:  # inside a long text: no tag pending
                cut = len(text)
        head, tail = text[:cut], text[cut:]
        if head.count(PLAIN_CELL) != head.count(NAMED_CELL) or any(o in head for o in ODD_CELLS):
            return False
        found = VALUE_CELL_REF.findall(head)
        if found:
            columns, rows = zip(*found, strict=True)
            letters.update(columns)
            extent.see(max(map(int, rows)), 1)
    for column in letters:
        extent.see(1, _column_number(column.decode()))
    return True


def _counting_refs(content, archive, part, extent: Extent, lengths: list[int]):
    """The part's pieces, adding the shared strings each piece references to the text."""
    tail = b""
    for piece in pieces_of(content, archive, part):
        text = tail + piece
        end = 0
        for match in SHARED_REF.finditer(text):
            index = int(match.group(1))
            extent.text_bytes += lengths[index] if index < len(lengths) else 0
            end = match.end()
        keep = max(end, len(text) - 256)  # a reference cut by the boundary is seen next time
        tail = text[keep:]
        yield piece


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part, through workbook.xml and its relationships."""
    try:
        workbook = ET.fromstring(_small_part(archive, "xl/workbook.xml"))
        rels = ET.fromstring(_small_part(archive, "xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return {name: name for name in archive.namelist() if name.startswith("xl/worksheets/")}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts: dict[str, str] = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet"):
            target = targets.get(sheet.get(f"{{{REL_NS}}}id"), "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[sheet.get("name", "")] = posixpath.normpath(path)
    return parts


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_SMALL_PART:
        raise KeyError(name)
    return archive.read(info)
