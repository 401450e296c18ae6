"""Cumulative progress: communities started over the years against the summed targets."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis
from ui.theme import ACTUAL_COLOUR, TARGET_COLOUR, base_layout


def build_cumulative_progress_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """A line of cumulative communities started and a dashed line of the cumulative target."""
    years = [str(year) for year in frame["year"]]
    figure = go.Figure()
    figure.add_scatter(
        x=years,
        y=frame["cumulative_started"].tolist(),
        name=translate("chart.cumulative_started", lang),
        mode="lines+markers+text",
        text=frame["cumulative_started"].tolist(),
        textposition="top center",
        line={"color": ACTUAL_COLOUR, "width": 3},
    )
    figure.add_scatter(
        x=years,
        y=frame["cumulative_target"].tolist(),
        name=translate("chart.cumulative_target", lang),
        mode="lines+markers",
        line={"color": TARGET_COLOUR, "width": 2, "dash": "dash"},
    )
    figure.update_layout(
        **base_layout(lang),
        # Half a year's room either side, so the first and last labels are not cut.
        xaxis={
            "type": "category",
            "title": translate("chart.year", lang),
            "range": [-0.5, len(years) - 0.5],
        },
        yaxis=count_axis(
            [*frame["cumulative_started"], *frame["cumulative_target"]],
            title=translate("chart.communities", lang),
        ),
        height=340,
    )
    return figure
