"""Funding charts: granted and spent per quarter, cumulative against budget, per community."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.i18n import translate
from ui.theme import ACTUAL_COLOUR, PALETTE, TARGET_COLOUR, register_template


def _quarters(frame: pd.DataFrame) -> list[str]:
    return [f"{y}-Q{q}" for y, q in zip(frame["year"], frame["quarter"], strict=True)]


def build_funding_quarter_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped bars of euros granted and spent in each quarter."""
    quarters = _quarters(frame)
    figure = go.Figure()
    for colour, column in ((PALETTE[2], "granted"), (ACTUAL_COLOUR, "spent")):
        figure.add_bar(
            x=quarters, y=frame[column].tolist(), name=translate(f"chart.{column}", lang),
            marker_color=colour,
        )  # fmt: skip
    return _euro_layout(figure, lang)


def build_budget_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Cumulative granted and spent within each year against that year's budget."""
    quarters = _quarters(frame)
    figure = go.Figure()
    lines = (
        ("cumulative_granted", PALETTE[2], "solid"),
        ("cumulative_spent", ACTUAL_COLOUR, "solid"),
        ("budget", TARGET_COLOUR, "dash"),
    )
    for column, colour, dash in lines:
        figure.add_scatter(
            x=quarters, y=frame[column].tolist(), name=translate(f"chart.{column}", lang),
            mode="lines+markers", line={"color": colour, "dash": dash},
        )  # fmt: skip
    return _euro_layout(figure, lang)


def build_spent_per_community_figure(per_year: pd.DataFrame, *, lang: str) -> go.Figure:
    """Bars: euros spent in a year ÷ communities started that year."""
    figure = go.Figure()
    figure.add_bar(
        x=[str(y) for y in per_year["year"]],
        y=per_year["spent_per_community"].tolist(),
        name=translate("chart.spent_per_community", lang),
        marker_color=ACTUAL_COLOUR,
    )
    figure.update_layout(xaxis={"type": "category"})
    return _euro_layout(figure, lang)


def _euro_layout(figure: go.Figure, lang: str) -> go.Figure:
    separators = ",." if lang == "nl" else ".,"  # plotly: decimal then thousands
    figure.update_layout(
        template=register_template(),
        barmode="group",
        separators=separators,
        yaxis={"tickprefix": "€ " if lang == "nl" else "€", "tickformat": ",.0f"},
        height=340,
    )
    return figure
