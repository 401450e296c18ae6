"""Excel 4 macro sheets (`xl/macrosheets/`) hidden from calamine, which refuses them.

An `.xlsm` with an old-style macro sheet is a readable workbook that merely has one
sheet we never read, but calamine stops at the unknown sheet type ("Unrecognized sheet
type"). The reader gets a copy whose workbook.xml no longer lists such sheets; the
macro sheet itself is never read or run.
"""

from __future__ import annotations

import io
import re
import zipfile

RELS = "xl/_rels/workbook.xml.rels"
WORKBOOK = "xl/workbook.xml"
SHEET_TYPES = (b"/xlMacrosheet", b"/xlIntlMacrosheet", b"/dialogsheet")


def without_macro_sheets(content: bytes) -> bytes:
    """The same xlsx without macro and dialog sheets in its sheet list (zipcheck passed)."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    if RELS not in names or WORKBOOK not in names:
        return content
    ids = []
    for tag in re.findall(rb"<Relationship\b[^>]*>", archive.read(RELS)):
        rel_id = re.search(rb'\bId="([^"]+)"', tag)
        if rel_id is not None and any(kind in tag for kind in SHEET_TYPES):
            ids.append(rel_id.group(1))
    if not ids:
        return content
    workbook = archive.read(WORKBOOK)
    for rel_id in ids:
        pattern = rb'<(?:\w+:)?sheet\b[^>]*\b\w+:id="' + re.escape(rel_id) + rb'"[^>]*/>'
        workbook = re.sub(pattern, b"", workbook)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for info in archive.infolist():
            data = workbook if info.filename == WORKBOOK else archive.read(info)
            copy.writestr(info.filename, data)
    return out.getvalue()
