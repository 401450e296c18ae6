"""The `Rapportage`/`Report` sheet: key in column A, value in column B.

Rows whose column A isn't a known key are ignored when column B is empty (titles,
notes) and warned about (`unknown_key`) otherwise. The row of a key is the row
its issues point at; the key as written is their column.
"""

from __future__ import annotations

from data_access.core.periods import parse_period
from data_access.workbook import values as v
from data_access.workbook.columns import add_sheet_issue
from data_access.workbook.read import fold
from data_access.workbook.report import ParsedWorkbook
from data_access.workbook.schema import REPORT, REPORT_KEYS, ColumnSpec

SHEET = REPORT.key


def read_report(parsed: ParsedWorkbook, grid: list[list[object]]) -> None:
    """Fill programme, period, submitted_by and email, adding issues as found."""
    known = {fold(h): spec for spec in REPORT_KEYS for h in spec.headers}
    found: dict[str, tuple[int, object]] = {}  # key -> (excel row, raw value)
    votes = {"nl": 0, "en": 0}
    for index, row in enumerate(grid):
        key_cell = row[0] if row else ""
        value = row[1] if len(row) > 1 else ""
        written = v.cell_text(key_cell)
        spec = known.get(fold(written)) if written else None
        if spec is None:
            if written and not _blank(value):
                parsed.add("unknown_key", "warning", sheet_key=SHEET, row=index + 1, key=written)
            continue
        if spec.key in found:
            parsed.add("duplicate_key", sheet_key=SHEET, row=index + 1, column_key=spec.key,
                       value=written, first_row=found[spec.key][0])  # fmt: skip
            continue
        parsed.headers[(SHEET, spec.key)] = written
        found[spec.key] = (index + 1, value)
        if fold(spec.nl) != fold(spec.en):
            votes["nl" if fold(written) == fold(spec.nl) else "en"] += 1
    lang = _language(votes, parsed.sheet_names.get(SHEET, ""))
    for spec in REPORT_KEYS:
        _read_value(parsed, spec, found.get(spec.key), lang)


def _blank(value: object) -> bool:
    return v.cell_text(value) == ""


def _language(votes: dict[str, int], sheet_name: str) -> str:
    if votes["nl"] != votes["en"]:
        return "nl" if votes["nl"] > votes["en"] else "en"
    return "en" if fold(sheet_name) == fold(REPORT.en) else "nl"


def _read_value(
    parsed: ParsedWorkbook, spec: ColumnSpec, found: tuple[int, object] | None, lang: str
) -> None:
    """Check one key's value and store it on `parsed`."""
    if found is None or _blank(found[1]):
        if spec.required and found is None:
            header = spec.nl if lang == "nl" else spec.en
            add_sheet_issue(parsed, "required", SHEET, header)
        elif spec.required:
            parsed.add("required", sheet_key=SHEET, row=found[0], column_key=spec.key)
        return
    row, raw = found
    text = v.cell_text(raw)
    where = {"sheet_key": SHEET, "row": row, "column_key": spec.key}
    if _refuse_text(parsed, spec, text, where):
        return
    if spec.key == "period":
        period = parse_period(text)
        if period is None:
            parsed.add("invalid_period", value=text, **where)
        parsed.period = period
    elif spec.key == "email":
        if v.is_email(text):
            parsed.email = text
        else:
            parsed.add("invalid_email", value=text, **where)
    else:
        setattr(parsed, spec.key, text)


def _refuse_text(parsed: ParsedWorkbook, spec: ColumnSpec, text: str, where: dict) -> bool:
    """`value_too_long` or `control_characters` for a Report value, which is then not used."""
    if len(text) > (spec.length_limit or len(text)):
        parsed.add("value_too_long", length=len(text), maximum=spec.length_limit, **where)
        return True
    found = v.first_control(text, multiline=False)
    if found is not None:
        parsed.add("control_characters", **found, **where)
        return True
    return False
