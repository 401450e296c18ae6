"""Success factors: the share of communities meeting each factor, per year or sector."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from data_access.kpis.success import SUCCESS_FACTORS
from ui.safe_text import escape_plotly
from ui.theme import SHADES, base_layout, sector_colour

PERCENT_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1.0]


def build_success_factor_figure(
    shares: pd.DataFrame, *, by: str, group_labels: dict, lang: str
) -> go.Figure:
    """Horizontal grouped bars: one bar per factor and group (a year or a sector)."""
    factors = [translate(f"success.{factor}", lang) for factor in SUCCESS_FACTORS]
    figure = go.Figure()
    for index, row in enumerate(shares.itertuples(index=False)):
        group = getattr(row, by)
        figure.add_bar(
            y=factors,
            x=[getattr(row, factor) for factor in SUCCESS_FACTORS],
            name=escape_plotly(group_labels.get(group, group)),
            orientation="h",
            marker_color=sector_colour(group) if by == "sector" else SHADES[index % len(SHADES)],
        )
    figure.update_layout(
        **base_layout(lang),
        barmode="group",
        # A little past 100 %, so a full bar ends beside a "100 %" tick.
        xaxis={
            "tickformat": ".0%",
            "tickvals": PERCENT_TICKS,
            "range": [0, 1.04],
            "title": translate("chart.share", lang),
        },
        yaxis={"autorange": "reversed"},
        height=420,
    )
    return figure
