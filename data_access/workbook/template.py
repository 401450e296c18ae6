"""The empty quarterly workbook programme leads fill in, written from the contract itself.

Headers, choice lists and formats all come from `schema`, so the template can't
drift from what the validator accepts. Choice columns get drop-down lists, and an
instructions sheet explains every column in Dutch and English.
"""

from __future__ import annotations

from datetime import datetime
from typing import IO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from data_access.core.exports import write_value
from data_access.core.i18n import LANGUAGES, translate
from data_access.workbook import schema

TEMPLATE_ROWS = 2000  # rows that get drop-downs and formats
NUMBER_FORMATS = {
    schema.DATE: "DD-MM-YYYY",
    schema.INTEGER: "0",
    schema.NUMBER: "0.0",
    schema.EURO: '"€" #,##0.00',
}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def write_template(
    path_or_buffer: str | IO[bytes],
    *,
    lang: str = "nl",
    programme: str | None = None,
    period: str | None = None,
    communities: pd.DataFrame | None = None,
    facilitators: pd.DataFrame | None = None,
) -> None:
    """Write the workbook; optionally with the programme, period and known rows filled in.

    `communities` and `facilitators` are frames as `data_access.core.state` returns them
    (canonical column keys, choices as codes).
    """
    book = Workbook()
    report = book.active
    report.title = _label(schema.REPORT, lang)
    _write_report(report, lang, {"programme": programme, "period": period})
    known = {"communities": communities, "facilitators": facilitators}
    for spec in schema.TABLE_SHEETS:
        sheet = book.create_sheet(_label(spec, lang))
        _write_table(sheet, spec, lang, known.get(spec.key))
    _write_instructions(book.create_sheet(translate("template.instructions_sheet", lang)))
    book.save(path_or_buffer)


def _label(item: schema.SheetSpec | schema.ColumnSpec, lang: str) -> str:
    return item.en if lang == "en" else item.nl


def _choice_label(code: str, choices: dict[str, tuple[str, str]], lang: str) -> str:
    nl, en = choices.get(code, (code, code))
    return en if lang == "en" else nl


def _write_report(sheet: Worksheet, lang: str, values: dict[str, str | None]) -> None:
    for row, spec in enumerate(schema.REPORT_KEYS, start=1):
        sheet.cell(row, 1, _label(spec, lang)).font = Font(bold=True)
        sheet.cell(row, 2, values.get(spec.key))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40


def _write_table(
    sheet: Worksheet, spec: schema.SheetSpec, lang: str, known: pd.DataFrame | None
) -> None:
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(1, index, _label(column, lang))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(cell.value) + 4)
        if column.choices:
            _add_drop_down(sheet, column, letter, lang)
        number_format = NUMBER_FORMATS.get(column.kind)
        if number_format:
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row, index).number_format = number_format
    sheet.freeze_panes = "A2"
    if known is not None:
        _prefill(sheet, spec, lang, known)


def _add_drop_down(sheet: Worksheet, column: schema.ColumnSpec, letter: str, lang: str) -> None:
    """A list of the labels; a list column (several sectors) may also hold other text."""
    labels = ",".join(_choice_label(code, column.choices, lang) for code in column.choices)
    is_list = column.kind == schema.LIST
    validation = DataValidation(
        type="list", formula1=f'"{labels}"', allow_blank=True, showErrorMessage=not is_list
    )
    validation.error = translate("template.choice_error", lang)
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")


def _prefill(sheet: Worksheet, spec: schema.SheetSpec, lang: str, known: pd.DataFrame) -> None:
    present = [c for c in spec.columns if c.key in known.columns]
    positions = {c.key: i for i, c in enumerate(spec.columns, start=1)}
    for row, record in enumerate(known.to_dict("records"), start=2):
        for column in present:
            value = _cell_value(record[column.key], column, lang)
            write_value(sheet.cell(row, positions[column.key]), value)


def _cell_value(value: object, column: schema.ColumnSpec, lang: str) -> object:
    """A state value as a person would type it in this language."""
    if isinstance(value, list | tuple):
        labels = [_choice_label(v, column.choices, lang) if column.choices else v for v in value]
        return "; ".join(str(v) for v in labels) or None
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if column.kind == schema.CHOICE:
        return _choice_label(value, column.choices, lang)
    if column.kind == schema.DATE and isinstance(value, datetime):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write_instructions(sheet: Worksheet) -> None:
    """Every sheet and column with its rule, Dutch and English side by side."""
    sheet.append([translate("template.instructions_intro", lang) for lang in LANGUAGES])
    sheet.append([translate("template.instructions_help", lang) for lang in LANGUAGES])
    sheet.append([])
    for spec in schema.SHEETS:
        sheet.append([spec.nl, spec.en])
        for row in sheet.iter_rows(min_row=sheet.max_row, max_row=sheet.max_row):
            for cell in row:
                cell.font = Font(bold=True)
        for column in spec.columns:
            sheet.append([_describe(column, lang) for lang in LANGUAGES])
        sheet.append([])
    for letter in ("A", "B"):
        sheet.column_dimensions[letter].width = 80
        for cell in sheet[letter]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _describe(column: schema.ColumnSpec, lang: str) -> str:
    kind = translate(f"template.kind.{column.kind}", lang)
    required = translate("template.required" if column.required else "template.optional", lang)
    text = f"{_label(column, lang)}: {kind}, {required}"
    if column.choices:
        labels = ", ".join(_choice_label(c, column.choices, lang) for c in column.choices)
        text += f" ({labels})"
    return text
