"""Generators for the hostile uploads of issue 11 (no committed binaries; each is tiny).

Each builds, in code, a file that made a reader allocate gigabytes or abort the
process before the extent checks existed. `HOSTILE_UPLOADS` names them for the
tests, the browser test and bench/hostile_uploads.py.
"""

from __future__ import annotations

import base64
import io
import random
import struct
import zipfile
from collections.abc import Callable

from openpyxl import Workbook

from tests.workbook.builders import valid_workbook
from tests.workbook.hostile import rezip

COMMUNITIES = "Leergemeenschappen"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx_far_cell(column: str = "XFD", row: int = 250_000) -> bytes:
    """Only A1 and one far cell on Leergemeenschappen: a 2 KB file, a 131 GB grid."""
    book = Workbook()
    sheet = book.active
    sheet.title = COMMUNITIES
    sheet["A1"] = "Code"
    sheet[f"{column}{row}"] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_shared_string(
    length: int = 10_000_000, references: int = 100, *, noise: bool = False, type_: str = 't="s"'
) -> bytes:
    """One huge shared string referenced by many cells (noise: random text, no zip ratio;
    `type_`: how each cell says it holds a shared string, in any spelling XML allows)."""
    if noise:
        raw = random.Random(11).randbytes(length * 3 // 4 + 3)
        text = base64.b64encode(raw)[:length]
    else:
        text = b"x" * length
    cells = "".join(f'<c r="B{n}" {type_}><v>0</v></c>' for n in range(2, references + 2))
    rows = "".join(
        f'<row r="{n}">{c}</row>' for n, c in enumerate(cells.split("</c>")[:-1], start=2)
    ).replace("</row>", "</c></row>")
    sheet = (
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}"><sheetData>'
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>{rows}'
        "</sheetData></worksheet>"
    ).encode()
    strings = (
        (
            f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}" count="{references}" '
            'uniqueCount="1"><si><t>'
        ).encode()
        + text
        + b"</t></si></sst>"
    )
    return _one_sheet_xlsx(sheet, strings)


def _one_sheet_xlsx(sheet_xml: bytes, shared_strings: bytes | None = None) -> bytes:
    """A minimal xlsx whose only sheet, Leergemeenschappen, is `sheet_xml`."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0"?><Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{MAIN_NS}" xmlns:r="{rel}"><sheets>'
            f'<sheet name="{COMMUNITIES}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def ods_repeated(rows: int = 100_000, columns: int = 1_000) -> bytes:
    """One row repeated `rows` times holding one cell repeated `columns` times: 851 bytes."""
    ns = "urn:oasis:names:tc:opendocument:xmlns"
    content = (
        f'<?xml version="1.0"?><office:document-content xmlns:office="{ns}:office:1.0" '
        f'xmlns:table="{ns}:table:1.0" xmlns:text="{ns}:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{COMMUNITIES}">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Code</text:p>'
        "</table:table-cell></table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    ).encode()
    return ods_package(content)


def ods_package(content: bytes, *, manifest_extra: bytes = b"") -> bytes:
    """An .ods zip around `content.xml` (mimetype first and stored, as ODF requires)."""
    manifest = (
        b'<?xml version="1.0"?><manifest:manifest xmlns:manifest='
        b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type='
        b'"application/vnd.oasis.opendocument.spreadsheet"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        + manifest_extra
        + b"</manifest:file-entry></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


def ods_password_protected() -> bytes:
    """An .ods whose manifest says content.xml is encrypted (as LibreOffice writes it)."""
    encryption = (
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        b'<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        b'manifest:initialisation-vector="AAAAAAAAAAA="/>'
        b'<manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
        b'manifest:iteration-count="1024" manifest:salt="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        b"</manifest:encryption-data>"
    )
    return ods_package(random.Random(3).randbytes(900), manifest_extra=encryption)


# --- .xls: a BIFF8 workbook stream in a hand-built OLE2 compound file ---------------


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def xls_far_cell(row: int = 65_535, column: int = 65_535) -> bytes:
    """One number cell at (row, column), 0-based, with a DIMENSIONS record saying so."""
    dimensions = _record(0x0200, struct.pack("<IIHHH", 0, row + 1, 0, min(column + 1, 0xFFFF), 0))
    number = _record(0x0203, struct.pack("<HHHd", row, column, 0, 1.0))
    return _biff_workbook(b"", dimensions + number)


def xls_shared_text(length: int = 32_767, references: int = 30_000, *, wide: bool = False) -> bytes:
    """One shared string of `length` characters referenced by `references` cells (B2 down).

    A 450 KB file whose cells materialise a gigabyte of text. The string is stored in
    SST + CONTINUE records of at most 8,224 bytes, each continuation starting with its
    flags byte, as Excel writes it; `wide` stores it as UTF-16.
    """
    text = ("é" if wide else "x").encode("utf-16-le" if wide else "latin-1") * length
    header = struct.pack("<IIHB", references, 1, length, int(wide))
    first, step = (8212, 8222) if wide else (8213, 8223)  # whole characters per record
    pieces, rest = [header + text[:first]], text[first:]
    while rest:
        pieces.append(bytes([int(wide)]) + rest[:step])
        rest = rest[step:]
    sst = _record(0x00FC, pieces[0]) + b"".join(_record(0x003C, p) for p in pieces[1:])
    code = _record(0x0204, struct.pack("<HHHHB", 0, 0, 0, 4, 0) + b"Code")
    cells = (_record(0x00FD, struct.pack("<HHHI", n, 1, 0, 0)) for n in range(1, references + 1))
    return _biff_workbook(sst, code + b"".join(cells))


def _biff_workbook(globals_records: bytes, sheet_records: bytes) -> bytes:
    """A BIFF8 stream: globals (one BOUNDSHEET, then `globals_records`), one sheet."""
    bof_globals = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    sheet_name = COMMUNITIES.encode("latin-1")
    boundsheet_size = 4 + 8 + len(sheet_name)
    globals_size = len(bof_globals) + boundsheet_size + len(globals_records) + 4
    boundsheet = _record(
        0x0085, struct.pack("<IBBBB", globals_size, 0, 0, len(sheet_name), 0) + sheet_name
    )
    bof_sheet = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
    stream = bof_globals + boundsheet + globals_records + _record(0x000A)
    stream += bof_sheet + sheet_records + _record(0x000A)
    return ole2_file({"Workbook": stream})


def ole2_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file (512-byte sectors); streams padded to 4 KB: no mini stream.

    The FAT takes as many sectors as the streams need (up to 109, about 7 MB of
    streams), then one directory sector, then the streams.
    """
    padded = [data.ljust(4096, b"\0") for data in streams.values()]
    stream_sectors = sum(-(-len(data) // 512) for data in padded)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + 1 + stream_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109 and len(streams) <= 3
    fat = [0xFFFFFFFD] * fat_sectors + [0xFFFFFFFE]  # the FAT, then the directory
    sectors: list[bytes] = []
    entries = [_dir_entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if streams else 0xFFFFFFFF)]
    for index, (name, data) in enumerate(zip(streams, padded, strict=True)):
        count = -(-len(data) // 512)
        start = fat_sectors + 1 + len(sectors)
        fat += [start + n + 1 for n in range(count - 1)] + [0xFFFFFFFE]
        sectors += [data[n * 512 : (n + 1) * 512].ljust(512, b"\0") for n in range(count)]
        right = index + 2 if index + 1 < len(streams) else 0xFFFFFFFF
        entries.append(_dir_entry(name, 2, start, len(data), right=right))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat).ljust(512 * fat_sectors, b"\xff")
    directory = b"".join(entries).ljust(512, b"\0")
    difat = b"".join(struct.pack("<I", n) for n in range(fat_sectors)).ljust(4 * 109, b"\xff")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
        + struct.pack("<IIIIIIIII", 0, fat_sectors, fat_sectors, 0, 4096, 0xFFFFFFFE, 0,
                      0xFFFFFFFE, 0)
        + difat
    )  # fmt: skip
    return header + fat_bytes + directory + b"".join(sectors)


def _dir_entry(
    name: str, kind: int, start: int, size: int, *, right: int = 0xFFFFFFFF, child: int = 0xFFFFFFFF
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", 0xFFFFFFFF, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


# --- formats we don't read ---------------------------------------------------------


def xlsb() -> bytes:
    return rezip(valid_workbook(), drop=("xl/workbook.xml",), add={"xl/workbook.bin": b"\0"})


def numbers() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\0\x10\x00\x00")
        archive.writestr("Metadata/Properties.plist", b"bplist00")
    return out.getvalue()


def fods() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office='
        b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2" '
        b'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body/>'
        b"</office:document>"
    )


def spreadsheetml_2003() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        b'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        b'<Worksheet ss:Name="Rapportage"><Table/></Worksheet></Workbook>'
    )


def csv_text() -> bytes:
    return b"Programma;GasErop!\nPeriode;2023-Q2\n"


HOSTILE_UPLOADS: dict[str, tuple[Callable[[], bytes], str, str]] = {
    # name: (generator, file name, refusal code)
    "xlsx cell at XFD250000": (xlsx_far_cell, "far.xlsx", "too_many_columns"),
    "xlsx cell at XFD20000": (lambda: xlsx_far_cell(row=20_000), "far20k.xlsx", "too_many_columns"),
    "xls cell at 65535,65535": (xls_far_cell, "far.xls", "too_many_columns"),
    "xls cell at 65535,255": (lambda: xls_far_cell(column=255), "wide.xls", "too_many_cells"),
    "xls cell at 20000,1000": (
        lambda: xls_far_cell(row=20_000, column=1_000), "mid.xls", "too_many_columns",
    ),
    "xls 32767-char shared string x30000": (xls_shared_text, "text.xls", "too_much_text"),
    "ods 100000 x 1000 repeated": (ods_repeated, "repeat.ods", "too_many_columns"),
    "ods 200000 x 100 repeated": (
        lambda: ods_repeated(200_000, 100), "repeat100.ods", "too_many_cells",
    ),
    "xlsx 10 MB shared string x100": (xlsx_shared_string, "text.xlsx", "text_too_long"),
}  # fmt: skip


def xlsm_with_macro_sheet() -> bytes:
    """A valid workbook plus an Excel 4 macro sheet (`xl/macrosheets/`), as Excel saves it."""
    content = valid_workbook()
    archive = zipfile.ZipFile(io.BytesIO(content))
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = archive.read("xl/workbook.xml").replace(
        b"</sheets>",
        f'<sheet xmlns:r="{rel}" name="Macro1" sheetId="99" r:id="rIdMacro"/></sheets>'.encode(),
    )
    rels = archive.read("xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdMacro" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>',
    )
    types = archive.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/macrosheets/sheet1.xml" '
        b'ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>',
    )
    macro = (
        f'<?xml version="1.0"?><xm:macrosheet xmlns="{MAIN_NS}" xmlns:r="{rel}" '
        'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="str"><f>HALT()</f><v>TRUE</v></c></row></sheetData>'
        "</xm:macrosheet>"
    ).encode()
    return rezip(
        content,
        replace={"xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels,
                 "[Content_Types].xml": types},
        add={"xl/macrosheets/sheet1.xml": macro},
    )  # fmt: skip
