"""Facilitator charts: capacity against load, utilisation per person, trained cohorts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis, place_quarter_bars, quarter_axis, quarter_date
from ui.safe_text import escape_plotly_all
from ui.theme import ACTUAL_COLOUR, PALETTE, TARGET_COLOUR, base_layout

QUARTER_HOVER = "%{customdata}<br>%{fullData.name}: %{y:,d}<extra></extra>"


def build_capacity_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Per period: bars of load (running) and demand (planned + running); a capacity line."""
    periods = frame["period"].tolist()
    x = [quarter_date(p) for p in periods]
    figure = go.Figure()
    figure.add_bar(
        x=x, y=frame["load"].tolist(), name=translate("chart.load", lang),
        marker_color=ACTUAL_COLOUR,
    )  # fmt: skip
    figure.add_bar(
        x=x, y=frame["demand"].tolist(), name=translate("chart.demand", lang),
        marker_color=PALETTE[4],
    )  # fmt: skip
    figure.add_scatter(
        x=x,
        y=frame["capacity"].tolist(),
        name=translate("chart.capacity", lang),
        mode="lines+markers",
        line={"color": TARGET_COLOUR, "width": 3, "dash": "dash"},
    )
    figure.update_traces(customdata=periods, hovertemplate=QUARTER_HOVER)
    place_quarter_bars(figure)
    values = [*frame["load"], *frame["demand"], *frame["capacity"]]
    figure.update_layout(
        **base_layout(lang),
        barmode="group",
        xaxis=quarter_axis(periods, title=translate("chart.period", lang)),
        yaxis=count_axis(values, title=translate("chart.communities", lang)),
        height=340,
    )
    return figure


def build_utilisation_figure(load: pd.DataFrame, *, lang: str) -> go.Figure:
    """Per facilitator: utilisation (load ÷ max concurrent) as horizontal bars."""
    frame = load.sort_values("name")
    figure = go.Figure()
    figure.add_bar(
        y=escape_plotly_all(frame["name"]),
        x=frame["utilisation"].fillna(0).tolist(),
        orientation="h",
        text=[
            f"{int(n)}/{int(m)}" if pd.notna(m) else str(n)
            for n, m in zip(frame["load"], frame["max_concurrent"], strict=True)
        ],
        marker_color=ACTUAL_COLOUR,
        name=translate("chart.utilisation", lang),
    )
    figure.update_layout(
        **base_layout(lang),
        xaxis={
            "tickformat": ".0%",
            "rangemode": "tozero",
            "title": translate("chart.utilisation", lang),
        },
        yaxis={"autorange": "reversed"},
        height=max(240, 40 * len(frame) + 80),
    )
    return figure


def build_cohorts_figure(cohorts: pd.DataFrame, *, lang: str) -> go.Figure:
    """Facilitators trained per quarter (bars) and the running total (line)."""
    periods = cohorts["period"].tolist()
    x = [quarter_date(p) for p in periods]
    figure = go.Figure()
    figure.add_bar(
        x=x, y=cohorts["facilitators"].tolist(), name=translate("chart.trained", lang),
        marker_color=ACTUAL_COLOUR,
    )  # fmt: skip
    figure.add_scatter(
        x=x, y=cohorts["cumulative"].tolist(), name=translate("chart.trained_total", lang),
        mode="lines+markers", line={"color": TARGET_COLOUR},
    )  # fmt: skip
    figure.update_traces(customdata=periods, hovertemplate=QUARTER_HOVER)
    place_quarter_bars(figure)
    values = [*cohorts["facilitators"], *cohorts["cumulative"]]
    figure.update_layout(
        **base_layout(lang),
        xaxis=quarter_axis(periods, title=translate("chart.period", lang)),
        yaxis=count_axis(values, title=translate("chart.facilitators", lang)),
        height=320,
    )
    return figure
