"""Plotly figure builders, one module per topic: `build_*_figure(df, ...) -> go.Figure`.

No Streamlit calls here, so tests inspect `fig.data` and the slide export reuses them.
"""

from ui.charts.communities import build_community_timeline_figure
from ui.charts.cumulative import build_cumulative_progress_figure
from ui.charts.facilitators import (
    build_capacity_figure,
    build_cohorts_figure,
    build_utilisation_figure,
)
from ui.charts.funding import (
    build_budget_figure,
    build_funding_quarter_figure,
    build_spent_per_community_figure,
)
from ui.charts.map import build_municipality_map_figure
from ui.charts.participants import build_participants_figure
from ui.charts.progress import build_communities_vs_target_figure
from ui.charts.sectors import build_sector_coverage_figure, build_sector_split_figure
from ui.charts.success import build_success_factor_figure

__all__ = [
    "build_budget_figure",
    "build_capacity_figure",
    "build_cohorts_figure",
    "build_communities_vs_target_figure",
    "build_community_timeline_figure",
    "build_cumulative_progress_figure",
    "build_funding_quarter_figure",
    "build_municipality_map_figure",
    "build_participants_figure",
    "build_sector_coverage_figure",
    "build_sector_split_figure",
    "build_spent_per_community_figure",
    "build_success_factor_figure",
    "build_utilisation_figure",
]
