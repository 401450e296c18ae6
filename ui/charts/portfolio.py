"""Portfolio chart: every programme's cumulative communities started against its target."""

from __future__ import annotations

import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_axis
from ui.safe_text import escape_plotly_all
from ui.theme import ACTUAL_COLOUR, TARGET_COLOUR, base_layout


def build_portfolio_progress_figure(rows: list[dict], *, lang: str) -> go.Figure:
    """Grouped bars per programme: cumulative started beside the cumulative target.

    The page gives its heading (a title inside the figure would sit under the legend at
    1024 px). Programme names are the officers' own text: they are escaped so a name can never
    become chart markup (plotly renders `<b>`, `<a href>` in labels).
    """
    names = escape_plotly_all(row["programme"] for row in rows)
    started = [row["cumulative_started"] for row in rows]
    targets = [row["cumulative_target"] for row in rows]
    started_label = translate("portfolio.chart.started", lang)
    target_label = translate("portfolio.chart.target", lang)
    figure = go.Figure()
    for label, values, colour in ((started_label, started, ACTUAL_COLOUR),
                                  (target_label, targets, TARGET_COLOUR)):  # fmt: skip
        figure.add_bar(name=label, x=names, y=values, marker_color=colour,
                       hovertemplate=f"%{{x}}: %{{y}} {label.lower()}<extra></extra>")  # fmt: skip
    figure.update_layout(
        **base_layout(lang),
        barmode="group",
        xaxis={"type": "category", "automargin": True},
        yaxis=count_axis([*started, *targets]),
        height=380,
    )
    return figure
