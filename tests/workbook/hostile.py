"""Broken and hostile files, built on the fly from a valid workbook (no committed binaries)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from msoffcrypto.format.ooxml import OOXMLFile

from tests.workbook.builders import valid_workbook

SHEET1 = "xl/worksheets/sheet1.xml"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<si><t>&lol9;</t></si></sst>"
)
OLE2_GARBAGE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&xxe;</workbook>'
)


def rezip(
    content: bytes,
    *,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The same zip with members replaced, dropped or added."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, source.read(info))
            target.writestr(info.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def patch_member(
    content: bytes,
    name: str,
    *,
    file_size: int | None = None,
    compress_size: int | None = None,
    flags: int | None = None,
    crc: int | None = None,
) -> bytes:
    """Make the zip's headers lie about one member (central directory and local header)."""
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo(name)
    data = bytearray(content)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length].decode() == name:
            break
        central = data.find(b"PK\x01\x02", central + 4)
    local = info.header_offset
    for offset, value in ((16, crc), (20, compress_size), (24, file_size)):
        if value is not None:
            struct.pack_into("<L", data, central + offset, value)
            struct.pack_into("<L", data, local + offset - 2, value)
    if flags is not None:
        struct.pack_into("<H", data, central + 8, flags)
        struct.pack_into("<H", data, local + 6, flags)
    return bytes(data)


def zip_bomb(member_bytes: int = 101 * 1024 * 1024) -> bytes:
    """A valid workbook plus one member of zeros over 100 MB that inflates over 1000 times."""
    return rezip(valid_workbook(), add={"xl/media/padding.xml": bytes(member_bytes)})


def encrypted_workbook(password: str = "geheim") -> bytes:
    """An .xlsx encrypted by msoffcrypto-tool as Excel does (OLE2 + EncryptedPackage)."""
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(valid_workbook())).encrypt(password, out)
    return out.getvalue()


def flip_member_bytes(content: bytes) -> bytes:
    """Damage the deflate stream of the first member so it can no longer be inflated."""
    info = zipfile.ZipFile(io.BytesIO(content)).infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(content)
    data[start] = 0xFF  # block type 3: reserved, an error in any inflater
    return bytes(data)


def xlsm_with_macro() -> bytes:
    """An .xlsm-like workbook carrying a vbaProject.bin (whose content we never run)."""
    content = valid_workbook()
    types = zipfile.ZipFile(io.BytesIO(content)).read("[Content_Types].xml")
    types = types.replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    return rezip(
        content,
        replace={"[Content_Types].xml": types},
        add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + zlib.compress(b"Sub AutoOpen()")},
    )


def utf16_doctype() -> bytes:
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16")
    return rezip(valid_workbook(), replace={"docProps/app.xml": part})
