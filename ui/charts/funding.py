"""Funding charts: granted and spent per quarter, cumulative against budget, per community."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis, place_quarter_bars, quarter_axis, quarter_date
from ui.theme import ACTUAL_COLOUR, PALETTE, TARGET_COLOUR, base_layout

EURO_PREFIX = {"nl": "€ ", "en": "€"}


def _quarters(frame: pd.DataFrame) -> list[str]:
    return [f"{y}-Q{q}" for y, q in zip(frame["year"], frame["quarter"], strict=True)]


def build_funding_quarter_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped bars of euros granted and spent in each quarter."""
    quarters = _quarters(frame)
    figure = go.Figure()
    for colour, column in ((PALETTE[2], "granted"), (ACTUAL_COLOUR, "spent")):
        figure.add_bar(
            x=[quarter_date(q) for q in quarters], y=frame[column].tolist(),
            name=translate(f"chart.{column}", lang), marker_color=colour, customdata=quarters,
        )  # fmt: skip
    place_quarter_bars(figure)
    return _euro_layout(figure, lang, quarters)


def build_budget_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Cumulative granted and spent within each year against that year's budget: each
    line restarts at a new year, with a break, so a reset never reads as a fall."""
    quarters = _quarters(frame)
    x, labels, breaks = _with_year_breaks(quarters, frame["year"].tolist())
    figure = go.Figure()
    lines = (
        ("cumulative_granted", PALETTE[2], "solid"),
        ("cumulative_spent", ACTUAL_COLOUR, "solid"),
        ("budget", TARGET_COLOUR, "dash"),
    )
    for column, colour, dash in lines:
        values = frame[column].tolist()
        for index in reversed(breaks):
            values.insert(index, None)
        figure.add_scatter(
            x=x, y=values, name=translate(f"chart.{column}", lang), customdata=labels,
            mode="lines+markers", line={"color": colour, "dash": dash}, connectgaps=False,
        )  # fmt: skip
    return _euro_layout(figure, lang, quarters)


def _with_year_breaks(quarters: list[str], years: list[int]) -> tuple[list, list, list[int]]:
    """x positions with a gap point (1 January) wherever the year changes."""
    x, labels, breaks = [], [], []
    for index, (quarter, year) in enumerate(zip(quarters, years, strict=True)):
        if index and year != years[index - 1]:
            breaks.append(index)
            x.append(date(year, 1, 1))
            labels.append("")
        x.append(quarter_date(quarter))
        labels.append(quarter)
    return x, labels, breaks


def build_spent_per_community_figure(per_year: pd.DataFrame, *, lang: str) -> go.Figure:
    """Bars: euros spent in a year ÷ communities started that year."""
    figure = go.Figure()
    figure.add_bar(
        x=[str(y) for y in per_year["year"]],
        y=per_year["spent_per_community"].tolist(),
        name=translate("chart.spent_per_community", lang),
        marker_color=ACTUAL_COLOUR,
    )
    figure.update_layout(
        **base_layout(lang),
        xaxis={"type": "category", "title": translate("chart.year", lang)},
        yaxis=_euro_axis(figure, lang),
        height=340,
    )
    return figure


def _euro_axis(figure: go.Figure, lang: str) -> dict:
    """Whole euros up to a tick above the highest bar or point."""
    values = [value for trace in figure.data for value in trace.y]
    return count_axis(values) | {"tickprefix": EURO_PREFIX.get(lang, "€ "), "tickformat": ",.0f"}


def _euro_layout(figure: go.Figure, lang: str, quarters: list[str]) -> go.Figure:
    prefix = EURO_PREFIX.get(lang, "€ ")
    figure.update_traces(
        hovertemplate=f"%{{customdata}}<br>%{{fullData.name}}: {prefix}%{{y:,.0f}}<extra></extra>"
    )
    figure.update_layout(
        **base_layout(lang),
        barmode="group",
        xaxis=quarter_axis(quarters, title=translate("chart.period", lang)),
        yaxis=_euro_axis(figure, lang),
        height=340,
    )
    return figure
