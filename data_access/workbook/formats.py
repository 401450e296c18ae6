"""Spreadsheet formats we recognise but don't read, so a person learns what to do.

An `.xlsb`, a Numbers file, a flat `.fods`, an Excel 2003 XML spreadsheet or a CSV
is a real spreadsheet: it deserves `unsupported_format` naming the format (and how
to save it as `.xlsx`), not "this is not a spreadsheet".
"""

from __future__ import annotations

import re

XLSB, NUMBERS, FODS, SPREADSHEETML, CSV = (
    "Excel Binary (.xlsb)",
    "Apple Numbers (.numbers)",
    "OpenDocument Flat XML (.fods)",
    "Excel 2003 XML (.xml)",
    "CSV",
)
SEPARATORS = re.compile(r"[;,\t]")


def other_zip_format(names: set[str]) -> str | None:
    """The format of a zip that is a spreadsheet we don't read, by its members."""
    if "xl/workbook.bin" in names:
        return XLSB
    if any(name.startswith("Index/") and name.endswith(".iwa") for name in names):
        return NUMBERS
    if "Index.zip" in names or "Index/Document.iwa" in names:
        return NUMBERS
    return None


def other_format(head: bytes) -> str | None:
    """The format of a text file that is a spreadsheet we don't read, by its first bytes."""
    text = _decode(head)
    if text is None:
        return None
    start = text.lstrip()
    if start.startswith("<"):
        if "opendocument.spreadsheet" in text and "office:document" in text:
            return FODS
        if "urn:schemas-microsoft-com:office:spreadsheet" in text or "Excel.Sheet" in text:
            return SPREADSHEETML
        return None
    return CSV if _looks_like_csv(start) else None


def _decode(head: bytes) -> str | None:
    """The text of the first bytes (UTF-8, UTF-16 with a byte-order mark, or Latin-1)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "ignore")
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return head.decode("cp1252", "replace")


def _looks_like_csv(text: str) -> bool:
    """Lines of printable text with separators, and no PDF or other markers."""
    if text.startswith("%PDF") or any(ch < " " and ch not in "\t\r\n" for ch in text):
        return False
    lines = [line for line in text.splitlines()[:10] if line.strip()]
    return bool(lines) and all(SEPARATORS.search(line) for line in lines[:2])
