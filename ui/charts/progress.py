"""Progress charts: communities started per year against the target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis
from ui.theme import ACTUAL_COLOUR, TARGET_COLOUR, base_layout


def build_communities_vs_target_figure(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Bars: communities started per year; a diamond marks the target for that year."""
    years = [str(year) for year in frame["year"]]
    started_label = translate("overview.chart.started", lang)
    target_label = translate("overview.chart.target", lang)
    figure = go.Figure()
    figure.add_bar(
        x=years,
        y=frame["started"].tolist(),
        name=started_label,
        marker_color=ACTUAL_COLOUR,
        text=frame["started"].tolist(),
        textposition="inside",
        insidetextanchor="middle",
        textfont={"color": "white", "size": 16},
        hovertemplate=f"%{{x}}: %{{y}} {started_label.lower()}<extra></extra>",
    )
    figure.add_scatter(
        x=years,
        y=frame["target_started"].tolist(),
        name=target_label,
        mode="markers",  # targets of different years are not a trend: no joining line
        marker={
            "color": TARGET_COLOUR,
            "size": 16,
            "symbol": "diamond",
            "line": {"color": "white", "width": 2},
        },
        hovertemplate=f"%{{x}}: %{{y}} {target_label.lower()}<extra></extra>",
    )
    figure.update_layout(
        **base_layout(lang),
        xaxis={"type": "category", "title": translate("overview.chart.x_axis", lang)},
        yaxis=count_axis(
            [*frame["started"], *frame["target_started"]],
            title=translate("overview.chart.y_axis", lang),
        ),
        height=380,
    )
    return figure
