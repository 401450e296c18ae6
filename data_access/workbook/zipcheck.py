"""Zip safety checks for `.xlsx`/`.xlsm`/`.ods`, done before any parser unpacks the file.

First the central directory alone (declared sizes, no inflating): the declared total
and every big member's compression ratio. Then one bounded pass inflates each member
ourselves, never past its declared size, so a member that lies about its size is a zip
bomb too; the same pass checks the CRC (truncated or damaged files) and looks for
DOCTYPE/ENTITY declarations in every XML part, whatever its name (entity expansion).

The zip-bomb rule judges absolute sizes: at most `max_uncompressed_bytes` in total, and
the ratio rule (`max_part_ratio`) only for parts over `ratio_applies_above_bytes`
(100 MB), where a high ratio means danger; repetitive sheet XML from Excel reaches
121:1 on a genuine 57 MB sheet. Inflating is
cheap next to parsing: about 0.06 s for a 100,000-row workbook.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from data_access.core.config import UploadLimits
from data_access.workbook.report import WorkbookRefused

LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
LOCAL_MAGIC = b"PK\x03\x04"
CHUNK = 256 * 1024
DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def check_zip_members(
    content: bytes, members: list[zipfile.ZipInfo], *, limits: UploadLimits
) -> None:
    """Raise `WorkbookRefused` (zip_bomb, corrupt_file, ...) unless every member is sane."""
    if any(member.flag_bits & 0x1 for member in members):
        raise WorkbookRefused("password_protected")
    if sum(member.file_size for member in members) > limits.max_uncompressed_bytes:
        raise WorkbookRefused("zip_bomb")
    for member in members:
        big = member.file_size > limits.ratio_applies_above_bytes
        if big and member.file_size > limits.max_part_ratio * max(member.compress_size, 1):
            raise WorkbookRefused("zip_bomb")
    for member in members:
        _inflate_checked(content, member)


def _member_data(content: bytes, member: zipfile.ZipInfo) -> memoryview:
    """The member's raw (still compressed) bytes, located through its local header."""
    offset = member.header_offset
    if offset + LOCAL_HEADER.size > len(content):
        raise WorkbookRefused("corrupt_file")
    fields = LOCAL_HEADER.unpack_from(content, offset)
    if fields[0] != LOCAL_MAGIC:
        raise WorkbookRefused("corrupt_file")
    start = offset + LOCAL_HEADER.size + fields[10] + fields[11]
    if start + member.compress_size > len(content):
        raise WorkbookRefused("corrupt_file")
    return memoryview(content)[start : start + member.compress_size]


def member_pieces(content: bytes, member: zipfile.ZipInfo):
    """Yield one member's inflated bytes in bounded pieces (after `check_zip_members`)."""
    yield from _pieces(_member_data(content, member), member)


def _inflate_checked(content: bytes, member: zipfile.ZipInfo) -> None:
    """Inflate one member up to its declared size; check size, CRC and XML declarations.

    Every part that looks like XML is scanned, whatever its name: a relationship can
    point a parser at `sheet1.bin` as well as at `sheet1.xml`.
    """
    scanner = _DeclarationScanner()
    produced, crc = 0, 0
    for piece in member_pieces(content, member):
        produced += len(piece)
        if produced > member.file_size:
            raise WorkbookRefused("zip_bomb")
        crc = zlib.crc32(piece, crc)
        scanner.feed(piece)
    if produced != member.file_size or crc != member.CRC:
        raise WorkbookRefused("corrupt_file")


def _pieces(raw: memoryview, member: zipfile.ZipInfo):
    """Yield the member's inflated bytes in bounded pieces."""
    if member.compress_type == zipfile.ZIP_STORED:
        for start in range(0, len(raw), CHUNK):
            yield bytes(raw[start : start + CHUNK])
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise WorkbookRefused("corrupt_file")
    inflater = zlib.decompressobj(-15)
    position, pending = 0, b""
    try:
        while not inflater.eof:
            if not pending:
                if position >= len(raw):
                    raise WorkbookRefused("corrupt_file")  # truncated stream
                pending, position = bytes(raw[position : position + CHUNK]), position + CHUNK
            piece = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            yield piece
    except zlib.error as exc:
        raise WorkbookRefused("corrupt_file") from exc


class _DeclarationScanner:
    """Finds `<!DOCTYPE`/`<!ENTITY` across piece boundaries (also in UTF-16 parts).

    A part is XML when its first non-blank character (after a byte-order mark) is `<`;
    images and other binary parts are skipped.
    """

    def __init__(self) -> None:
        self.tail = b""
        self.utf16: bool | None = None
        self.xml = True

    def feed(self, piece: bytes) -> None:
        if self.utf16 is None and piece:
            self.utf16 = piece[:2] in (b"\xff\xfe", b"\xfe\xff")
            start = piece[2:] if self.utf16 else piece.removeprefix(b"\xef\xbb\xbf")
            self.xml = start.replace(b"\x00", b"").lstrip().startswith(b"<")
        if not self.xml:
            return
        if self.utf16:
            piece = piece.replace(b"\x00", b"")
        text = self.tail + piece
        found = text.find(b"<!")
        while found != -1:
            if text[found : found + 9].upper().startswith(DECLARATIONS):
                raise WorkbookRefused("xml_entities")
            found = text.find(b"<!", found + 2)
        self.tail = text[-8:]
