"""Sector charts: split per year (count and share) and coverage by facilitators."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis
from ui.safe_text import escape_plotly, escape_plotly_all
from ui.theme import SHADES, base_layout, sector_colour


def build_sector_split_figure(
    split: pd.DataFrame, *, labels: dict[str, str], lang: str, measure: str = "communities"
) -> go.Figure:
    """Stacked bars per year, one colour per sector; `measure` "communities" or "share"."""
    figure = go.Figure()
    years = sorted(split["year"].unique())
    for code, label in _present(split["sector"], labels).items():
        rows = split[split["sector"] == code].set_index("year").reindex(years)
        values = rows[measure].fillna(0).tolist()
        figure.add_bar(
            x=[str(y) for y in years],
            y=values,
            name=escape_plotly(label),
            marker_color=sector_colour(code),
        )
    if measure == "share":
        yaxis = {"title": translate("chart.share", lang), "tickformat": ".0%"}
    else:
        totals = split.groupby("year")[measure].sum()  # the stacks' heights
        yaxis = count_axis(totals, title=translate("chart.communities", lang))
    figure.update_layout(
        **base_layout(lang),
        barmode="stack",
        showlegend=True,  # even for one sector: the legend names it
        xaxis={"type": "category", "title": translate("chart.year", lang)},
        yaxis=yaxis,
        height=340,
    )
    return figure


def build_sector_coverage_figure(
    coverage: pd.DataFrame, *, labels: dict[str, str], lang: str
) -> go.Figure:
    """Per sector: communities beside certified facilitators who list that sector."""
    names = escape_plotly_all(labels.get(code, code) for code in coverage["sector"])
    columns = ("communities", "certified_facilitators", "capacity")
    figure = go.Figure()
    for index, column in enumerate(columns):
        figure.add_bar(
            x=names,
            y=coverage[column].tolist(),
            name=translate(f"chart.coverage.{column}", lang),
            marker_color=SHADES[index],  # measures, not sectors
        )
    values = [value for column in columns for value in coverage[column]]
    figure.update_layout(**base_layout(lang), barmode="group", yaxis=count_axis(values), height=340)
    return figure


def _present(codes: pd.Series, labels: dict[str, str]) -> dict[str, str]:
    """Sectors in the data, in the lookup's display order (unknown codes last)."""
    found = set(codes)
    ordered = {code: label for code, label in labels.items() if code in found}
    return ordered | {code: code for code in sorted(found - set(labels))}
