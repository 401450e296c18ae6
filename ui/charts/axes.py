"""Axes that state the data truly: counts on whole ticks up to a tick above the highest
value, quarters on a time axis (a missing quarter leaves a gap), dates in the language.

Plotly bundles no Dutch date locale, so month names are written here with Babel and
handed to plotly as tick text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from data_access.core.periods import make_period, period_quarter, period_year
from ui.format import LOCALES

NICE_STEPS = (1, 2, 5)
MAX_TICKS = 6


def count_step(top: float) -> int:
    """The smallest whole 1-2-5 step that needs at most MAX_TICKS ticks to reach `top`."""
    magnitude = 1
    while True:
        for step in NICE_STEPS:
            if top / (step * magnitude) <= MAX_TICKS:
                return step * magnitude
        magnitude *= 10


def count_axis(values: Iterable[float | None], *, title: str | None = None) -> dict:
    """A y-axis for whole counts: ticks 0, step, 2·step, …, the last above every value."""
    present = [float(v) for v in values if v is not None and not pd.isna(v)]
    highest = max(present, default=0.0)
    step = count_step(max(highest, 1.0))
    top = step * (math.floor(highest / step) + 1)
    axis = {"range": [0, top], "tick0": 0, "dtick": step, "tickformat": ",d"}
    if title is not None:
        axis["title"] = title
    return axis


def quarter_date(label: str) -> date:
    """The middle of a quarter ("2023-Q2" → 15 May 2023): where its bar or point sits."""
    return date(period_year(label), 3 * period_quarter(label) - 1, 15)


def quarter_axis(labels: list[str], *, title: str) -> dict:
    """A date x-axis with a tick for every quarter from the first to the last shown,
    so quarters without data leave visible gaps instead of closing up."""
    axis = {"type": "date", "title": title}
    if not labels:
        return axis
    first, last = min(labels), max(labels)
    every = _quarters_between(first, last)
    padding = timedelta(days=46)
    return axis | {
        "tickmode": "array",
        "tickvals": [quarter_date(q) for q in every],
        "ticktext": every,
        "range": [quarter_date(first) - padding, quarter_date(last) + padding],
    }


def _quarters_between(first: str, last: str) -> list[str]:
    start = period_year(first) * 4 + period_quarter(first) - 1
    end = period_year(last) * 4 + period_quarter(last) - 1
    return [make_period(index // 4, index % 4 + 1) for index in range(start, end + 1)]


def month_ticks(start: date, end: date, *, lang: str) -> dict:
    """Tick values on month starts between `start` and `end` (at most MAX_TICKS), with
    the month written in `lang` ("feb. 2022" / "Feb 2022")."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= MAX_TICKS)
    ticks = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        if (year * 12 + month - 1) % step == 0:
            ticks.append(date(year, month, 1))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    locale = LOCALES.get(lang, LOCALES["nl"])
    text = [format_date(tick, format="MMM y", locale=locale) for tick in ticks]
    return {"tickmode": "array", "tickvals": ticks, "ticktext": text}


QUARTER_BAR_DAYS = 70  # of a quarter's ~91 days: a gap between neighbouring quarters
DAY_MS = 86_400_000


def place_quarter_bars(figure: go.Figure) -> None:
    """Give the bars on a quarter time axis a quarter's width, side by side when grouped.

    Plotly sizes date bars by the closest two points, so two quarters a year apart would
    get bars a year wide, hiding the very gaps the time axis shows."""
    bars = [trace for trace in figure.data if trace.type == "bar"]
    width = QUARTER_BAR_DAYS * DAY_MS / max(len(bars), 1)
    for index, trace in enumerate(bars):
        trace.width = width
        trace.offset = (index - len(bars) / 2) * width
