"""A single community's timeline: start, mid-term check and end on one date axis."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import month_ticks
from ui.format import format_long_date
from ui.theme import ACTUAL_COLOUR, PALETTE, TARGET_COLOUR, base_layout

MILESTONES = ("start_date", "midterm_check", "end_date")
MILESTONE_COLOURS = {"start_date": ACTUAL_COLOUR, "midterm_check": PALETTE[2]}


def build_community_timeline_figure(community: Mapping, *, lang: str) -> go.Figure:
    """One line from start to end (dashed when the end is only planned), a marker per
    milestone that was recorded, each labelled with its date."""
    dates = {m: community.get(m) for m in MILESTONES if not pd.isna(community.get(m))}
    planned_end = community.get("status") in ("planned", "running")
    figure = go.Figure()
    if "start_date" in dates and "end_date" in dates:
        figure.add_scatter(
            x=[dates["start_date"], dates["end_date"]],
            y=[0, 0],
            mode="lines",
            line={"color": ACTUAL_COLOUR, "width": 6, "dash": "dot" if planned_end else "solid"},
            hoverinfo="skip",
            showlegend=False,
        )
    for milestone, when in dates.items():
        key = "planned_end_date" if milestone == "end_date" and planned_end else milestone
        label = translate(f"communities.timeline.{key}", lang)
        figure.add_scatter(
            x=[when],
            y=[0],
            mode="markers+text",
            name=label,
            text=[f"{label}<br>{format_long_date(pd.Timestamp(when).date(), lang=lang)}"],
            textposition="top center",
            marker={"size": 16, "color": MILESTONE_COLOURS.get(milestone, TARGET_COLOUR)},
            hoverinfo="text",
            showlegend=False,
        )
    figure.update_layout(
        **base_layout(lang),
        height=200,
        yaxis={"visible": False, "range": [-1, 1.6]},
        xaxis={"type": "date", "showgrid": False, **_date_axis(dates.values(), lang)},
        margin={"l": 40, "r": 40, "t": 20, "b": 30},
    )
    return figure


def _date_axis(dates, lang: str) -> dict:
    """A range with room either side for the centred labels (a fifth of the span, at
    least a month), and month ticks written in the language."""
    days = sorted(pd.Timestamp(d).normalize() for d in dates)
    if not days:
        return {}
    room = max((days[-1] - days[0]) * 0.2, pd.Timedelta(days=30))
    start, end = days[0] - room, days[-1] + room
    return {"range": [start, end], **month_ticks(days[0].date(), days[-1].date(), lang=lang)}
