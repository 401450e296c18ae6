"""Sector charts: split per year (count and share) and coverage by facilitators."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.i18n import translate
from ui.safe_text import escape_plotly, escape_plotly_all
from ui.theme import PALETTE, register_template


def build_sector_split_figure(
    split: pd.DataFrame, *, labels: dict[str, str], lang: str, measure: str = "communities"
) -> go.Figure:
    """Stacked bars per year, one colour per sector; `measure` "communities" or "share"."""
    figure = go.Figure()
    years = sorted(split["year"].unique())
    for index, (code, label) in enumerate(_present(split["sector"], labels).items()):
        rows = split[split["sector"] == code].set_index("year").reindex(years)
        values = rows[measure].fillna(0).tolist()
        figure.add_bar(
            x=[str(y) for y in years],
            y=values,
            name=escape_plotly(label),
            marker_color=PALETTE[index % len(PALETTE)],
        )
    share = measure == "share"
    figure.update_layout(
        template=register_template(),
        barmode="stack",
        xaxis={"type": "category", "title": translate("chart.year", lang)},
        yaxis={
            "title": translate("chart.share" if share else "chart.communities", lang),
            "tickformat": ".0%" if share else None,
        },
        height=340,
    )
    return figure


def build_sector_coverage_figure(
    coverage: pd.DataFrame, *, labels: dict[str, str], lang: str
) -> go.Figure:
    """Per sector: communities beside certified facilitators who list that sector."""
    names = escape_plotly_all(labels.get(code, code) for code in coverage["sector"])
    figure = go.Figure()
    for index, column in enumerate(("communities", "certified_facilitators", "capacity")):
        figure.add_bar(
            x=names,
            y=coverage[column].tolist(),
            name=translate(f"chart.coverage.{column}", lang),
            marker_color=PALETTE[index],
        )
    figure.update_layout(template=register_template(), barmode="group", height=340)
    return figure


def _present(codes: pd.Series, labels: dict[str, str]) -> dict[str, str]:
    """Sectors in the data, in the lookup's display order (unknown codes last)."""
    found = set(codes)
    ordered = {code: label for code, label in labels.items() if code in found}
    return ordered | {code: code for code in sorted(found - set(labels))}
