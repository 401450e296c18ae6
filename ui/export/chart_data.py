"""A chart's numbers as a table and as an Excel file: the "data" download under a chart.

Read back from the figure itself, so the table is exactly what the chart draws: names
as the reader sees them (the charts escape `&`, `<`, `>` for plotly; the table holds the
text itself). The workbook holds values only: text cells are typed as text, so a name
that starts with "=" stays a name and never becomes a formula.
"""

from __future__ import annotations

import html
import io
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

SHEET_TITLE = "data"


def figure_table(figure: go.Figure, *, category: str) -> pd.DataFrame:
    """One row per category (year, quarter, sector, municipality…), one column per series;
    the category column is named after the chart's category axis, else `category`."""
    if figure.data and isinstance(figure.data[0], go.Choroplethmap):
        trace = figure.data[0]
        title = trace.colorbar.title.text or "z"
        names = [_plain(row[0]) for row in trace.customdata]
        return pd.DataFrame({category: names, title: list(trace.z)})
    if figure.layout.yaxis.visible is False:  # a timeline: each series is one date
        pairs = [(_plain(t.name), pd.Timestamp(t.x[0]).date()) for t in figure.data if t.name]
        return pd.DataFrame(pairs, columns=[category, figure.layout.xaxis.title.text or "x"])
    horizontal = bool(figure.data) and figure.data[0].orientation == "h"
    axis = figure.layout.yaxis if horizontal else figure.layout.xaxis
    category = axis.title.text or category
    columns: dict[str, dict] = {}
    for trace in figure.data:
        keys, values = _points(trace)
        column = columns.setdefault(_plain(str(trace.name or "")), {})
        column.update({k: v for k, v in zip(keys, values, strict=True) if v is not None})
    table = pd.DataFrame(columns)
    table.index.name = category
    return table.reset_index()


def _points(trace) -> tuple[list, list]:
    """A trace's categories and values: horizontal bars swap the axes; quarters on a
    date axis are named by their label (customdata) rather than their mid-date."""
    keys, values = (trace.y, trace.x) if trace.orientation == "h" else (trace.x, trace.y)
    labels = trace.customdata
    if labels is not None and len(labels) == len(keys) and all(isinstance(v, str) for v in labels):
        keys = labels
    pairs = [(k, v) for k, v in zip(keys, values, strict=True) if k != ""]
    return [_plain(k) for k, _ in pairs], [v for _, v in pairs]


def _plain(value: object) -> object:
    """A date for a date-time; text as shown, plotly's escaping undone."""
    if isinstance(value, datetime | pd.Timestamp):
        return value.date()
    if isinstance(value, str):
        return html.unescape(value)
    return value


def table_workbook(table: pd.DataFrame, *, sheet_title: str = SHEET_TITLE) -> bytes:
    """The table as .xlsx bytes: a header row, then values (text typed as text); also the
    data sheet of the deck's native charts."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    for row_number, row in enumerate([list(table.columns), *table.itertuples(index=False)], 1):
        for column_number, value in enumerate(row, 1):
            cell = sheet.cell(row=row_number, column=column_number)
            _write(cell, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(cell, value: object) -> None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar → Python number
    if isinstance(value, bool | int | float | date):
        cell.value = value
        return
    cell.value = str(value)
    cell.data_type = TYPE_STRING  # never a formula, whatever the text starts with


def chart_workbook(figure: go.Figure, *, category: str) -> bytes:
    """The figure's data as an Excel workbook (the chart's download button)."""
    return table_workbook(figure_table(figure, category=category))
