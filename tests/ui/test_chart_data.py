"""The "data (Excel)" download under every chart: the numbers the chart draws, as values."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from openpyxl import load_workbook

from data_access.core.reference import municipality_geojson
from tests.ui.test_charts_state_truly import CAPACITY, COMMUNITY, FUNDING, LABELS, SHARES, SPLIT
from ui.charts import (
    build_budget_figure,
    build_capacity_figure,
    build_community_timeline_figure,
    build_municipality_map_figure,
    build_sector_split_figure,
    build_success_factor_figure,
)
from ui.charts.portfolio import build_portfolio_progress_figure
from ui.export.chart_data import chart_workbook, figure_table, table_workbook


def test_quarter_chart_table_has_a_row_per_quarter_named_by_its_label():
    table = figure_table(build_capacity_figure(CAPACITY, lang="nl"), category="Categorie")
    assert list(table.columns) == ["Kwartaal", "Lopend (belasting)", "Gepland + lopend",
                                   "Capaciteit"]  # fmt: skip
    assert table["Kwartaal"].tolist() == ["2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4", "2024-Q1"]
    assert table["Capaciteit"].tolist() == [14] * 5


def test_year_breaks_of_the_budget_chart_are_not_rows():
    table = figure_table(build_budget_figure(FUNDING, lang="en"), category="Category")
    assert table["Quarter"].tolist() == ["2022-Q3", "2022-Q4", "2023-Q1"]
    assert table["Spent (cumulative in the year)"].tolist() == [40_000.0, 97_000.0, 18_000.0]


def test_horizontal_bars_map_and_timeline_tables():
    success = build_success_factor_figure(SHARES, by="sector", group_labels=LABELS, lang="en")
    table = figure_table(success, category="Category")
    assert table.columns.tolist() == ["Category", "Circulariteit", "Energietransitie"]
    assert table.iloc[0].tolist() == ["Sharp question", 1.0, 0.9]
    counts = pd.DataFrame({"municipality_code": ["GM0193"], "municipality": ["Zwolle"],
                           "communities": [2], "sectors": [{}]})  # fmt: skip
    figure = build_municipality_map_figure(
        counts, geojson=municipality_geojson(), labels={}, lang="nl"
    )
    assert figure_table(figure, category="Gemeente").values.tolist() == [["Zwolle", 2]]
    timeline = build_community_timeline_figure(COMMUNITY, lang="nl")
    rows = figure_table(timeline, category="Mijlpaal").values.tolist()
    assert rows == [["Start", date(2022, 2, 14)], ["Tussentijdse check", date(2022, 4, 1)],
                    ["Einde", date(2022, 6, 20)]]  # fmt: skip


def test_workbook_holds_values_and_text_that_looks_like_a_formula_stays_text():
    figure = build_capacity_figure(CAPACITY, lang="nl")
    figure.data[0].name = "=1+1"
    sheet = load_workbook(io.BytesIO(chart_workbook(figure, category="Categorie"))).active
    assert sheet["B1"].value == "=1+1" and sheet["B1"].data_type == "s"
    assert sheet["A2"].value == "2022-Q2" and sheet["D2"].value == 14
    table = pd.DataFrame({"Sector": ['=HYPERLINK("x")', "Logistiek"], "Aantal": [3, 4]})
    sheet = load_workbook(io.BytesIO(table_workbook(table))).active
    assert [c.data_type for c in sheet[2]] == ["s", "n"]


def test_names_in_the_table_are_the_text_itself_not_plotlys_escaping():
    """The charts escape `&`, `<`, `>` for plotly; the download (and the deck's native
    charts, which read the same table) show the name as it was typed."""
    rows = [{"programme": "R&D <b>Noord</b>", "cumulative_started": 1, "cumulative_target": 2}]
    table = figure_table(build_portfolio_progress_figure(rows, lang="nl"), category="Programma")
    assert table.values.tolist() == [["R&D <b>Noord</b>", 1, 2]]
    figure = build_sector_split_figure(SPLIT, labels={"circularity": "A & B"}, lang="nl")
    assert "A & B" in figure_table(figure, category="Jaar").columns
