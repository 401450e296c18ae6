"""The rules every table column has: required, its type, its bounds.

One pass per column over the whole column; Python only runs per row for the rows
that get an issue. Date columns stay `datetime64` here so the sheet rules can
compare them; `finish_frame` turns them into `datetime.date` at the end.
"""

from __future__ import annotations

import pandas as pd

from data_access.workbook import values as v
from data_access.workbook.report import Issue, ParsedWorkbook, Severity
from data_access.workbook.schema import (
    CHOICE,
    DATE,
    EMAIL,
    EURO,
    INTEGER,
    LIST,
    NAME_MAX,
    NUMBER,
    TEXT,
    ColumnSpec,
    SheetSpec,
)

INVALID_CODES = {
    DATE: "invalid_date",
    INTEGER: "invalid_integer",
    NUMBER: "invalid_number",
    EURO: "invalid_euro",
    CHOICE: "invalid_choice",
    LIST: "invalid_choice",
    EMAIL: "invalid_email",
}


def parse_column(cells: v.Cells, column: ColumnSpec) -> v.Parsed:
    """Convert one raw column according to its kind."""
    if column.kind == DATE:
        return v.parse_date(cells)
    if column.kind == INTEGER:
        return v.parse_integer(cells)
    if column.kind == NUMBER:
        return v.parse_number(cells)
    if column.kind == EURO:
        return v.parse_euro(cells)
    if column.kind == CHOICE:
        return v.parse_choice(cells, column.choices or {})
    if column.kind == LIST:
        return v.parse_choice_list(cells, column.choices) if column.choices else v.parse_list(cells)
    if column.kind == EMAIL:
        return v.parse_email(cells)
    if column.kind == TEXT:
        return v.parse_text(cells)
    raise ValueError(f"unknown column kind {column.kind!r}")


def choice_labels(column: ColumnSpec, lang: str) -> str:
    """The allowed labels in the file's language, for the message."""
    position = 0 if lang == "nl" else 1
    return ", ".join(labels[position] for labels in (column.choices or {}).values())


def bounds_text(column: ColumnSpec) -> str:
    """`0–40` or `≥ 0`: readable in Dutch and English alike."""
    low, high = column.minimum, column.maximum
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    return f"≥ {low:g}" if low is not None else f"≤ {high:g}"


def report_rows(
    parsed: ParsedWorkbook,
    code: str,
    mask: pd.Series,
    frame: pd.DataFrame,
    *,
    sheet_key: str,
    column_key: str | None,
    severity: Severity = "error",
    params: dict[str, pd.Series] | None = None,
) -> None:
    """Add one issue per row where `mask` holds; `params` are per-row values."""
    if not mask.any():
        return
    rows = frame.loc[mask, "excel_row"]
    columns = {name: series.reindex(rows.index).tolist() for name, series in (params or {}).items()}
    for position, row in enumerate(rows.tolist()):
        row_params = {name: values[position] for name, values in columns.items()}
        parsed.add(
            code, severity, sheet_key=sheet_key, row=int(row), column_key=column_key, **row_params
        )


def add_sheet_issue(
    parsed: ParsedWorkbook, code: str, sheet_key: str, column: str | None, **params: object
) -> None:
    """An issue about a whole sheet or a column the file doesn't have (row None)."""
    sheet = parsed.sheet_names.get(sheet_key)
    severity: Severity = "warning" if code in WARNING_CODES else "error"
    parsed.issues.append(Issue(code, severity, sheet, None, column, params))


WARNING_CODES = frozenset({"unknown_column", "duplicate_column", "unknown_key"})


def convert_table(
    raw: pd.DataFrame, spec: SheetSpec, parsed: ParsedWorkbook, *, lang: str
) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """Convert every column the sheet has; return the frame and each column's blank mask."""
    frame = pd.DataFrame({"excel_row": raw["excel_row"].astype("int64")}, index=raw.index)
    blanks: dict[str, pd.Series] = {}
    for column in spec.columns:
        if column.key not in raw:
            continue
        cells = v.Cells.of(raw[column.key])
        result = parse_column(cells, column)
        frame[column.key] = result.values
        blanks[column.key] = cells.blank
        _check_column(parsed, spec, column, cells, result, frame, lang)
    return frame, blanks


def _check_column(
    parsed: ParsedWorkbook,
    spec: SheetSpec,
    column: ColumnSpec,
    cells: v.Cells,
    result: v.Parsed,
    frame: pd.DataFrame,
    lang: str,
) -> None:
    where = {"sheet_key": spec.key, "column_key": column.key}
    if column.required:
        report_rows(parsed, "required", cells.blank, frame, **where)
    text, index = cells.text, cells.raw.index
    params = {"value": text}
    if column.kind in (CHOICE, LIST) and column.choices:
        params["choices"] = pd.Series(choice_labels(column, lang), index=index)
        if column.kind == LIST:
            bad = text[result.invalid].astype(object)
            unknown = bad.map(lambda cell: v.unknown_choices(cell, column.choices))
            params["value"] = unknown.reindex(index, fill_value="")
    if column.kind in INVALID_CODES:
        code = INVALID_CODES[column.kind]
        report_rows(parsed, code, result.invalid, frame, params=params, **where)
    if column.length_limit is not None:
        check_text(parsed, column, cells, frame, where)
    if column.minimum is not None or column.maximum is not None:
        numbers = result.values.astype("float64")
        low = numbers < column.minimum if column.minimum is not None else False
        high = numbers > column.maximum if column.maximum is not None else False
        outside = (low | high) & numbers.notna()
        params = {"value": text, "bounds": pd.Series(bounds_text(column), index=index)}
        report_rows(parsed, "out_of_range", outside, frame, params=params, **where)


def check_text(
    parsed: ParsedWorkbook, column: ColumnSpec, cells: v.Cells, frame: pd.DataFrame, where: dict
) -> None:
    """Free text within its length (`value_too_long`; in a list, each name within
    NAME_MAX too) and without invisible control characters (`control_characters`)."""
    text, index = cells.text, cells.raw.index
    lengths = text.str.len()
    whole_too_long = lengths > column.length_limit
    too_long, maximum = whole_too_long, pd.Series(column.length_limit, index=index)
    if column.kind == LIST:  # each name becomes a partner's name: NAME_MAX
        items = text[~whole_too_long & (lengths > NAME_MAX)].map(v.longest_item)
        long_item = (items > NAME_MAX).reindex(index, fill_value=False)
        lengths = lengths.where(~long_item, items.reindex(index))
        too_long, maximum = whole_too_long | long_item, maximum.where(whole_too_long, NAME_MAX)
    report_rows(parsed, "value_too_long", too_long, frame,
                params={"length": lengths, "maximum": maximum}, **where)  # fmt: skip
    controlled = text.str.contains(v.controls_pattern(column.multiline), regex=True)
    if controlled.any():
        found = text[controlled].map(lambda cell: v.first_control(cell, multiline=column.multiline))
        params = {name: found.map(lambda f, n=name: f[n]) for name in ("character", "position")}
        report_rows(parsed, "control_characters", controlled, frame, params=params, **where)
