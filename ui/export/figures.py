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
from ui.charts.portfolio import build_portfolio_progress_figure

SLIDE_FONT_SIZE = 22


def _sectors(frame: pd.DataFrame, deck: Deck) -> go.Figure:
    return build_sector_split_figure(frame, labels=deck.sector_labels, lang=deck.request.lang)


def _portfolio(frame: pd.DataFrame, deck: Deck) -> go.Figure:
    figure = build_portfolio_progress_figure(frame.to_dict("records"), lang=deck.request.lang)
    # The slide's title says it; the page's long chart title would be cut at slide size.
    return figure.update_layout(title_text="")


BUILDERS: dict[str, Callable[[pd.DataFrame, Deck], go.Figure]] = {
    "sector_split": _sectors,
    "cumulative": lambda frame, deck: build_cumulative_progress_figure(
        frame, lang=deck.request.lang
    ),
    "participants": lambda frame, deck: build_participants_figure(frame, lang=deck.request.lang),
    "funding": lambda frame, deck: build_spent_per_community_figure(frame, lang=deck.request.lang),
    "portfolio": _portfolio,
}


def slide_figure(slide: Slide, deck: Deck) -> go.Figure | None:
    """The slide's chart with large type, or None when it has none (or no data)."""
    if slide.chart is None or slide.chart_data is None or slide.chart_data.empty:
        return None
    figure = BUILDERS[slide.chart](slide.chart_data, deck)
    figure.update_layout(font={"size": SLIDE_FONT_SIZE}, height=None, autosize=True)
    return figure
