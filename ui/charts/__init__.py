"""Plotly figure builders, one module per topic: `build_*_figure(df, ...) -> go.Figure`.

No Streamlit calls here, so tests inspect `fig.data` and the slide export reuses them.
"""

from ui.charts.progress import build_communities_vs_target_figure

__all__ = ["build_communities_vs_target_figure"]
