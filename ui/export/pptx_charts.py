"""A slide's plotly figure as a native, editable PowerPoint chart (python-pptx).

The numbers are read back from the figure (`figure_table`, the same table as the page's
"data (Excel)" download), and its colours, stacking, axis range and steps too, so the
deck states exactly what the page draws: one colour per sector, whole-number axes for
counts, a dashed target line. Presenters can restyle the chart and see its numbers in
PowerPoint's data sheet.

Number formats are written with literal separators for the deck's language (see
`number_format`): a format code's `,` means "the reader's locale's thousands mark", so
`#,##0` would read `14,000` in a Dutch deck opened on an English machine.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.enum.chart import XL_MARKER_STYLE as MARKER
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Inches, Pt

from ui.export import layout
from ui.export.chart_data import figure_table, table_workbook
from ui.theme import GRID_COLOUR, TEXT_COLOUR

if TYPE_CHECKING:
    from pptx.chart.axis import _BaseAxis
    from pptx.chart.chart import Chart
    from pptx.slide import Slide

FONT_SIZE = 16  # the PNG charts' 22 px at slide scale: readable from the back of a room
SHEET = "Sheet1"  # where python-pptx's chart XML points its series and categories
THOUSANDS = {"nl": ".", "en": ","}
COLUMNS = {"stack": XL_CHART_TYPE.COLUMN_STACKED, "relative": XL_CHART_TYPE.COLUMN_STACKED}
BARS = {"stack": XL_CHART_TYPE.BAR_STACKED, "relative": XL_CHART_TYPE.BAR_STACKED}
DASHES = {"dash": MSO_LINE_DASH_STYLE.DASH, "dot": MSO_LINE_DASH_STYLE.ROUND_DOT}


def number_format(*, lang: str, prefix: str = "", percent: bool = False) -> str:
    """An Excel number format for whole numbers with the language's thousands mark.

    The mark is a quoted literal in sections chosen by size (`[>=1000]`), so PowerPoint
    and LibreOffice show `€ 14.000` in a Dutch deck whatever the machine's locale;
    values here are counts and euros, never negative."""
    if percent:
        return "0%"
    mark, lead = f'"{THOUSANDS.get(lang, ".")}"', f'"{prefix}"' if prefix else ""
    return f"[>=1000000]{lead}#{mark}###{mark}##0;[>=1000]{lead}#{mark}##0;{lead}0"


def chart_table(figure: go.Figure) -> pd.DataFrame:
    """The figure's numbers, one row per category (as text), one column per series, names
    as the reader sees them (`figure_table`). A quarter time axis keeps a row for
    every quarter it ticks, empty where no data: the gaps stay visible."""
    table = figure_table(figure, category="")
    table[table.columns[0]] = [str(value) for value in table.iloc[:, 0]]
    axis = figure.layout.xaxis
    if axis.type == "date" and axis.ticktext:
        table = table.set_index(table.columns[0]).reindex(list(axis.ticktext)).reset_index()
    return table


def add_native_chart(slide: Slide, figure: go.Figure, *, lang: str) -> Chart:
    """Draw `figure` into the slide's chart box as an editable chart; return it."""
    table = chart_table(figure)
    traces = {html.unescape(str(t.name or "")): t for t in figure.data}
    values_format = _axis_format(figure.layout.yaxis, lang)
    data = CategoryChartData(number_format=values_format)
    data.categories = table.iloc[:, 0].tolist()
    for name in table.columns[1:]:
        data.add_series(name, [None if pd.isna(v) else float(v) for v in table[name]])
    box = layout.CHART
    frame = slide.shapes.add_chart(
        _chart_type(figure), Inches(box.left), Inches(box.top), Inches(box.width),
        Inches(box.height), data,
    )  # fmt: skip
    chart = frame.chart
    # python-pptx's workbook (xlsxwriter) would turn a name like "=1+1" into a formula;
    # ours types text as text, in the same cells the chart refers to.
    chart.part.chart_workbook.update_from_xlsx_blob(table_workbook(table, sheet_title=SHEET))
    _style_chart(chart, figure, values_format)
    for series, name in zip(chart.plots[0].series, table.columns[1:], strict=True):
        _style_series(series, traces[name], values_format)
    return chart


def _chart_type(figure: go.Figure) -> XL_CHART_TYPE:
    kinds = {trace.type for trace in figure.data}
    if kinds == {"bar"}:
        horizontal = figure.data[0].orientation == "h"
        stacked = BARS if horizontal else COLUMNS
        clustered = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        return stacked.get(figure.layout.barmode, clustered)
    if kinds == {"scatter"}:
        return XL_CHART_TYPE.LINE_MARKERS
    raise ValueError(f"no native chart for traces {sorted(kinds)}")


def _axis_format(axis, lang: str) -> str:
    percent = "%" in (axis.tickformat or "")
    return number_format(lang=lang, prefix=axis.tickprefix or "", percent=percent)


def _style_chart(chart: Chart, figure: go.Figure, values_format: str) -> None:
    """Type, legend and axes as the page has them, sized for the slide."""
    chart.has_title = False  # the slide's title says it (and no auto title of a series)
    chart.font.size = Pt(FONT_SIZE)
    chart.font.color.rgb = _rgb(TEXT_COLOUR)
    shown = figure.layout.showlegend
    chart.has_legend = bool(shown if shown is not None else len(figure.data) > 1)
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False  # beside the plot, never over it
        chart.legend.font.size = Pt(FONT_SIZE)
    plot = chart.plots[0]
    if hasattr(plot, "gap_width"):
        plot.gap_width = 50
    category, value = chart.category_axis, chart.value_axis
    _title(category, figure.layout.xaxis.title.text)
    _title(value, figure.layout.yaxis.title.text)
    category.major_tick_mark = XL_TICK_MARK.NONE
    category.format.line.color.rgb = _rgb(GRID_COLOUR)
    category.tick_labels.font.size = Pt(FONT_SIZE)
    value.tick_labels.font.size = Pt(FONT_SIZE)
    value.tick_labels.number_format = values_format
    value.tick_labels.number_format_is_linked = False
    value.major_tick_mark = XL_TICK_MARK.NONE
    value.format.line.fill.background()  # no axis line: the grid carries the values
    value.has_major_gridlines = True
    value.major_gridlines.format.line.color.rgb = _rgb(GRID_COLOUR)
    _scale(value, figure.layout.yaxis)


def _scale(axis: _BaseAxis, source) -> None:
    """The page's range and step: counts on whole ticks, a tick above every value."""
    if source.range is not None:
        axis.minimum_scale, axis.maximum_scale = (float(v) for v in source.range)
    if source.dtick is not None:
        axis.major_unit = float(source.dtick)


def _title(axis: _BaseAxis, text: str | None) -> None:
    axis.has_title = bool(text)
    if text:
        axis.axis_title.text_frame.text = html.unescape(text)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(FONT_SIZE)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False


def _style_series(series, trace, values_format: str) -> None:
    """The trace's colour (a sector's fixed one), dash and markers; its text labels."""
    if trace.type == "bar":
        series.invert_if_negative = False
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(trace.marker.color)
        return
    colour, line = _rgb(trace.line.color), series.format.line
    line.color.rgb = colour
    line.width = Pt(0.75 * (trace.line.width or 2))
    if trace.line.dash in DASHES:
        line.dash_style = DASHES[trace.line.dash]
    series.smooth = False
    series.marker.style, series.marker.size = MARKER.CIRCLE, 8
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = colour
    series.marker.format.line.color.rgb = colour
    if "text" in (trace.mode or ""):
        labels = series.data_labels
        labels.show_value, labels.position = True, XL_LABEL_POSITION.ABOVE
        labels.number_format, labels.number_format_is_linked = values_format, False
        labels.font.size, labels.font.color.rgb = Pt(FONT_SIZE), colour


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())
