"""The PPTX deck's native charts (issue 12), read back with python-pptx: the same numbers,
categories, colours and axis steps as the page's plotly figure, names as text."""

from __future__ import annotations

import html
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from data_access.core.db import session_scope
from data_access.kpis.slides_portfolio import build_portfolio_deck
from tests.ui.test_export_deck import make_deck
from ui.charts import build_funding_quarter_figure
from ui.charts.portfolio import build_portfolio_progress_figure
from ui.export.deck import render_deck
from ui.export.pptx_charts import add_native_chart, number_format
from ui.export.pptx_deck import build_pptx
from ui.theme import SECTOR_COLOURS

CHART_TYPES = {
    "sector_split": XL_CHART_TYPE.COLUMN_STACKED,
    "participants": XL_CHART_TYPE.COLUMN_STACKED,
    "cumulative": XL_CHART_TYPE.LINE_MARKERS,
    "funding": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "portfolio": XL_CHART_TYPE.COLUMN_CLUSTERED,
}


def native_charts(deck) -> list:
    """(slide, page figure, native chart) for every charted slide of the exported PPTX."""
    rendered = render_deck(deck)
    pptx = Presentation(io.BytesIO(build_pptx(rendered)))
    charts = [shape.chart for slide in pptx.slides for shape in slide.shapes if shape.has_chart]
    figures = [(s, r.figure) for s, r in zip(deck.slides, rendered.slides, strict=True)
               if r.figure is not None]  # fmt: skip
    assert len(charts) == len(figures)
    return [(slide, figure, chart) for (slide, figure), chart in zip(figures, charts, strict=True)]


def colour(series) -> str:
    fill = series.format.fill if series.format.fill.type is not None else None
    rgb = fill.fore_color.rgb if fill is not None else series.format.line.color.rgb
    return f"#{rgb}"


def blank_slide():
    pptx = Presentation()
    return pptx.slides.add_slide(pptx.slide_layouts[6])


def page_series(figure) -> list[tuple[str, list[float], str]]:
    """Each plotly trace's name as shown, values and colour."""
    return [
        (html.unescape(t.name), [float(y) for y in t.y],
         t.marker.color if t.type == "bar" else t.line.color)
        for t in figure.data
    ]  # fmt: skip


@pytest.fixture
def decks(sample_database) -> list:
    with session_scope() as session:
        portfolio = build_portfolio_deck(session=session, lang="nl")
    return [make_deck("nl", period="2024-Q1"), portfolio]


def test_native_charts_hold_the_page_figures_numbers_colours_and_axis_steps(decks):
    seen = []
    for deck in decks:
        for slide, figure, chart in native_charts(deck):
            seen.append(slide.chart)
            assert chart.chart_type == CHART_TYPES[slide.chart], slide.title
            plot = chart.plots[0]
            assert list(plot.categories) == [html.unescape(str(x)) for x in figure.data[0].x]
            native = [(s.name, list(s.values), colour(s)) for s in plot.series]
            assert native == page_series(figure), slide.title
            axis = chart.value_axis
            assert (axis.minimum_scale, axis.maximum_scale) == tuple(figure.layout.yaxis.range)
            assert axis.major_unit == figure.layout.yaxis.dtick
    assert seen == ["sector_split", "sector_split", "cumulative", "participants", "funding",
                    "portfolio"]  # fmt: skip


def test_sectors_keep_their_one_colour_in_the_deck(decks):
    charts = [c for s, _, c in native_charts(decks[0]) if s.chart == "sector_split"]
    series = {s.name: colour(s) for chart in charts for s in chart.plots[0].series}
    assert series == {
        "Energietransitie": SECTOR_COLOURS["energy_transition"],
        "Circulariteit": SECTOR_COLOURS["circularity"],
    }


def test_the_deck_language_chooses_the_number_marks_not_the_machine():
    assert number_format(lang="nl", prefix="€ ") == (
        '[>=1000000]"€ "#"."###"."##0;[>=1000]"€ "#"."##0;"€ "0'
    )
    assert number_format(lang="en", prefix="€") == (
        '[>=1000000]"€"#","###","##0;[>=1000]"€"#","##0;"€"0'
    )
    assert number_format(lang="nl") == '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0'


def test_a_quarter_time_axis_keeps_its_missing_quarters_as_empty_categories():
    frame = pd.DataFrame(
        {"year": [2022, 2022], "quarter": [2, 4], "granted": [1000.0, 0.0], "spent": [400.0, 500.0]}
    )
    slide = blank_slide()
    chart = add_native_chart(slide, build_funding_quarter_figure(frame, lang="nl"), lang="nl")
    plot = chart.plots[0]
    assert list(plot.categories) == ["2022-Q2", "2022-Q3", "2022-Q4"]
    assert [list(s.values) for s in plot.series] == [[1000.0, None, 0.0], [400.0, None, 500.0]]


def test_names_that_look_like_markup_or_formulas_stay_text_in_chart_and_data_sheet():
    names = ["=1+1", "<b>A & B</b>", '=HYPERLINK("http://evil.example";"x")']
    rows = [{"programme": n, "cumulative_started": 1, "cumulative_target": 2} for n in names]
    slide = blank_slide()
    chart = add_native_chart(slide, build_portfolio_progress_figure(rows, lang="nl"), lang="nl")
    assert list(chart.plots[0].categories) == names
    sheet = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)).active
    assert sheet.title == "Sheet1"  # where the chart's series formulas point
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [(n, "s") for n in names]
    assert [c.value for c in sheet[1][1:]] == ["Gestart", "Doel"]
    assert [c.value for c in sheet["B"][1:]] == [1, 1, 1]
