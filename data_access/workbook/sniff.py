"""What kind of file this really is, and whether it is safe to hand to a parser.

The bytes decide, never the file name: an `.xlsx`/`.xlsm` is a zip with
`[Content_Types].xml` and `xl/workbook.xml`, an `.ods` a zip whose `mimetype` says
so, an `.xls` an OLE2 compound file with a `Workbook`/`Book` stream. Every check
here runs before calamine sees the file, so a zip bomb, an entity-expansion trick or
an encrypted file is refused with its own code instead of crashing or hanging a parser.
"""

from __future__ import annotations

import io
import struct
import zipfile

import olefile

from data_access.core.config import UploadLimits
from data_access.workbook.formats import other_format, other_zip_format
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.zipcheck import check_zip_members

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = "META-INF/manifest.xml"
MAX_MANIFEST = 4 * 1024 * 1024
BIFF_FILEPASS = 0x002F
BIFF_EOF = 0x000A

XLSX, ODS, XLS = "xlsx", "ods", "xls"


def sniff_workbook(content: bytes, file_name: str, *, limits: UploadLimits) -> str:
    """Return "xlsx" (also .xlsm), "ods" or "xls", or raise `WorkbookRefused`."""
    if not content:
        raise WorkbookRefused("empty_file")
    check_size(len(content), limits=limits)
    if content.startswith(ZIP_MAGIC):
        return _sniff_zip(content, file_name, limits=limits)
    if content.startswith(OLE2_MAGIC):
        return _sniff_ole(content, file_name)
    text_format = other_format(content[:4096])
    if text_format is not None:
        raise WorkbookRefused("unsupported_format", format=text_format)
    raise WorkbookRefused("not_a_spreadsheet", detail=file_name)


def check_size(size: int, *, limits: UploadLimits) -> None:
    """Refuse a file over the size limit (the command line asks before reading it)."""
    if size > limits.max_file_bytes:
        raise WorkbookRefused(
            "file_too_large", size_mb=_megabytes(size), max_mb=_megabytes(limits.max_file_bytes)
        )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _sniff_zip(content: bytes, file_name: str, *, limits: UploadLimits) -> str:
    """Read only the central directory first; inflate nothing until the sizes are sane."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookRefused("corrupt_file") from exc
    names = {member.filename for member in members}
    kind = _zip_kind(archive, names)
    if kind is None:
        zip_format = other_zip_format(names)
        if zip_format is not None:
            raise WorkbookRefused("unsupported_format", format=zip_format)
        raise WorkbookRefused("not_a_spreadsheet", detail=file_name)
    check_zip_members(content, members, limits=limits)
    if kind == ODS and _ods_encrypted(archive, names):
        raise WorkbookRefused("password_protected")
    return kind


def _ods_encrypted(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """LibreOffice lists an encrypted part's key data in the manifest (`encryption-data`)."""
    if MANIFEST not in names or archive.getinfo(MANIFEST).file_size > MAX_MANIFEST:
        return False
    return b"encryption-data" in archive.read(MANIFEST)


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX
    if "mimetype" in names and "content.xml" in names:
        info = archive.getinfo("mimetype")
        if info.file_size <= 200 and info.compress_size <= 400:
            try:
                mimetype = archive.read(info).strip()
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise WorkbookRefused("corrupt_file") from exc
            if mimetype == ODS_MIMETYPE:
                return ODS
    return None


def _sniff_ole(content: bytes, file_name: str) -> str:
    """OLE2 holds both `.xls` files and encrypted `.xlsx` files (EncryptedPackage)."""
    try:
        ole = olefile.OleFileIO(content)
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise WorkbookRefused("corrupt_file") from exc
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise WorkbookRefused("password_protected")
        stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
        if stream is None:
            raise WorkbookRefused("not_a_spreadsheet", detail=file_name)
        try:
            biff = ole.openstream(stream).read()
        except (OSError, ValueError, struct.error, IndexError) as exc:
            raise WorkbookRefused("corrupt_file") from exc
    finally:
        ole.close()
    if _has_filepass(biff):
        raise WorkbookRefused("password_protected")
    return XLS


def _has_filepass(biff: bytes) -> bool:
    """A FILEPASS record in the workbook globals means the .xls is encrypted."""
    position = 0
    while position + 4 <= len(biff):
        record, size = struct.unpack_from("<HH", biff, position)
        if record == BIFF_FILEPASS:
            return True
        if record == BIFF_EOF:
            return False
        position += 4 + size
    return False
