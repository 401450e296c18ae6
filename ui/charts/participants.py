"""Participants chart: people per role in the communities started each year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from data_access.kpis.progress import ROLES
from ui.charts.axes import count_axis
from ui.theme import PALETTE, base_layout


def build_participants_figure(per_year: pd.DataFrame, *, lang: str) -> go.Figure:
    """Stacked bars per start year, one colour per role (employees, managers, ...)."""
    years = [str(year) for year in per_year["year"]]
    figure = go.Figure()
    for index, role in enumerate(ROLES):
        figure.add_bar(
            x=years,
            y=per_year[role].tolist(),
            name=translate(f"slides.chart.role.{role}", lang),
            marker_color=PALETTE[index],
        )
    figure.update_layout(
        **base_layout(lang),
        barmode="stack",
        xaxis={"type": "category", "title": translate("chart.year", lang)},
        yaxis=count_axis(
            per_year[list(ROLES)].sum(axis=1),  # the stacks' heights
            title=translate("slides.chart.participants.people", lang),
        ),
        height=340,
    )
    return figure
