"""Which chart each slide shows, drawn with the dashboard's own builders, sized for a wall.

The page and the exports call `slide_figure`, so a slide's chart is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from data_access.kpis.slides import Deck, Slide
from ui.charts import (
    build_cumulative_progress_figure,
    build_participants_figure,
    build_sector_split_figure,
    build_spent_per_community_figure,
)

SLIDE_FONT_SIZE = 22


def _sectors(frame: pd.DataFrame, deck: Deck) -> go.Figure:
    return build_sector_split_figure(frame, labels=deck.sector_labels, lang=deck.request.lang)


BUILDERS: dict[str, Callable[[pd.DataFrame, Deck], go.Figure]] = {
    "sector_split": _sectors,
    "cumulative": lambda frame, deck: build_cumulative_progress_figure(
        frame, lang=deck.request.lang
    ),
    "participants": lambda frame, deck: build_participants_figure(frame, lang=deck.request.lang),
    "funding": lambda frame, deck: build_spent_per_community_figure(frame, lang=deck.request.lang),
}


def slide_figure(slide: Slide, deck: Deck) -> go.Figure | None:
    """The slide's chart with large type, or None when it has none (or no data)."""
    if slide.chart is None or slide.chart_data is None or slide.chart_data.empty:
        return None
    figure = BUILDERS[slide.chart](slide.chart_data, deck)
    figure.update_layout(font={"size": SLIDE_FONT_SIZE}, height=None, autosize=True)
    return figure
