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

import numpy as np

from data_access.core.config import UploadLimits
from data_access.workbook.extent import Extent, TextRuns, attribute, judge, pieces_of, scan_tags
from data_access.workbook.extent_cells import value_cells_extent

TAG = re.compile(rb"<(?:[\w.-]+:)?(c|row)(\s[^>]*?)?(/?)>")
# Excel's own spelling, `t="s"` first (the engine then skips to the literal) and every
# stretch bounded, so that a hostile run of them costs little; used only when it finds
# every `t="s"` of the piece (see `_shared_refs`).
SHARED_REF = re.compile(
    rb't="s"(?<=\st="s")[^>]{0,512}>\s{0,512}<(?:[\w.-]+:)?v>\s{0,64}(\d{1,64})\s{0,64}<'
)
# A shared string's start and end tags: an item runs from a start to the first end after
# it (as `<si\b.*?</si>` would), found by pairing the tags rather than by a lazy match
# that a run of start tags without an end made scan the rest of the piece each time.
STRING_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?si\b")
# Any spelling XML allows (single quotes, white space around "=", a ">" inside another
# attribute's value), all read by calamine as a shared string: the cell's start tag is
# followed attribute by attribute, so every scan stops at the next "<" (linear on any
# input). Four times slower than the literal on Excel's files, so the fallback.
ANY_SHARED_REF = re.compile(
    rb"""<(?:[\w.-]+:)?c(?=[^<]*?\st\s*=\s*["']s["'])"""
    rb"""(?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*+"|'[^'<]*+'))*+\s*>\s*<(?:[\w.-]+:)?v>\s*(\d+)\s*<"""
)
CHECKED_BEFORE_END = 2048  # bytes: a reference starting later may be cut by the boundary
# The same, after as much text as possible: the last match, where the tail starts.
LAST_SHARED_REF = re.compile(rb"(?s:.*)" + SHARED_REF.pattern)
LAST_ANY_SHARED_REF = re.compile(rb"(?s:.*)" + ANY_SHARED_REF.pattern)
LONGEST_INDEX = 9  # digits; a longer index is past any list of shared strings
CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})$")
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHARED_STRINGS = "xl/sharedStrings.xml"
MAX_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relationships


def check_xlsx(content: bytes, archive: zipfile.ZipFile, *, limits: UploadLimits) -> None:
    """Refuse the workbook if any sheet's grid or text is beyond the limits."""
    names = set(archive.namelist())
    lengths = _shared_string_lengths(content, archive, limits) if SHARED_STRINGS in names else []
    sizes = np.array(lengths, dtype=np.int64)
    for sheet, part in _sheet_parts(archive).items():
        if part in names:
            judge(_sheet_extent(content, archive, part, sheet, sizes, limits), limits)


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
        found, end = _string_items(text)
        lengths.extend(found)
        tail = text[end:]
        if len(tail) > 16 * limits.max_text_chars + 65536:  # one item, endless rich-text runs
            runs.run = len(tail)
            runs.feed(b"")
    return lengths


def _string_items(text: bytes) -> tuple[list[int], int]:
    """The byte length of each whole `<si>…</si>` in `text`, and where the last one ends."""
    lengths: list[int] = []
    start, end = None, 0
    for tag in STRING_TAG.finditer(text):
        if not tag.group(1):
            start = tag.start() if start is None else start
        elif start is not None and text.startswith(b">", tag.end()):
            end = tag.end() + 1
            lengths.append(end - start)
            start = None
    return lengths, end


def _sheet_extent(
    content: bytes,
    archive: zipfile.ZipFile,
    part: str,
    sheet: str,
    sizes: np.ndarray,
    limits: UploadLimits,
) -> Extent:
    """The fast scan when every cell names its reference (Excel, LibreOffice, openpyxl
    write them all); otherwise the cell-by-cell one, which follows unnamed cells."""
    extent = Extent(sheet)
    runs = TextRuns(sheet, limits.max_text_chars)
    if _referenced_extent(_counting_refs(content, archive, part, extent, sizes), extent, runs):
        return extent
    extent = Extent(sheet)
    runs = TextRuns(sheet, limits.max_text_chars)
    row, column = 0, 0
    pieces = _counting_refs(content, archive, part, extent, sizes)
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
    """Rows and columns of the value cells' own references, a piece at a time, with array
    operations (data_access/workbook/extent_cells.py): 250,000 rows in about a second.

    False as soon as a cell lacks its `r` (its position then depends on the cells
    before it, which only the cell-by-cell scan follows) or is written otherwise.
    """
    tail = b""
    for piece in itertools.chain(pieces, [None]):
        text = tail + (piece or b"")
        cut = len(text) if piece is None else text.rfind(b"<")
        if piece is not None:
            runs.feed(piece)
            if cut == -1 or len(text) - cut > 64 * 1024:  # inside a long text: no tag pending
                cut = len(text)
        head, tail = text[:cut], text[cut:]
        found = value_cells_extent(head)
        if found is None:
            return False
        extent.see(*found)
    return True


def _counting_refs(content, archive, part, extent: Extent, sizes: np.ndarray):
    """The part's pieces, adding the shared strings each piece references to the text."""
    tail = b""
    for piece in pieces_of(content, archive, part):
        text = tail + piece
        indexes, end = _shared_refs(text)
        if indexes:
            extent.text_bytes += _referenced_bytes(indexes, sizes)
        keep = max(end, len(text) - 256)  # a reference cut by the boundary is seen next time
        tail = text[keep:]
        yield piece


def _shared_refs(text: bytes) -> tuple[list[bytes], int]:
    """The shared-string indexes `text` references, and where the last reference ends.

    Excel's spelling is read with the fast literal pattern when every `"s"` of the piece
    is a `t="s"`, no `'s'` occurs, and the pattern matched every `t="s"` (but those in the
    last bytes, which a boundary may cut). Any other spelling, a ">" inside an attribute
    or a hostile run falls back to the exact pattern.
    """
    literal = text.count(b't="s"')
    if literal == text.count(b'"s"') and b"'s'" not in text:
        indexes = SHARED_REF.findall(text)
        if len(indexes) == literal or _all_matched_but_near_the_end(text, len(indexes)):
            return indexes, (LAST_SHARED_REF.match(text).end() if indexes else 0)
    indexes = ANY_SHARED_REF.findall(text)
    return indexes, (LAST_ANY_SHARED_REF.match(text).end() if indexes else 0)


def _all_matched_but_near_the_end(text: bytes, matched: int) -> bool:
    checked = max(len(text) - CHECKED_BEFORE_END, 0)
    before = matched - len(SHARED_REF.findall(text, checked))
    return before == text.count(b't="s"', 0, checked + 4)  # those starting before `checked`


def _referenced_bytes(indexes: list[bytes], sizes: np.ndarray) -> int:
    """Bytes of the shared strings at `indexes` (digits as written); none past the list."""
    if max(map(len, indexes)) > LONGEST_INDEX:
        indexes = [index for index in indexes if len(index) <= LONGEST_INDEX]
    numbers = np.array(indexes, dtype=bytes).astype(np.int64)
    return int(sizes[numbers[numbers < len(sizes)]].sum())


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
