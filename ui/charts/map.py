"""Overijssel's municipalities coloured by their number of communities.

`go.Choropleth` draws the CBS boundaries itself (no tile server: the network may be
closed), fitted to the province, with the required source attribution on the figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_access.i18n import translate
from ui.theme import PALETTE, TEXT_COLOUR, register_template

# White to the palette's blue: sequential, readable with colour-vision deficiencies.
COLOUR_SCALE = [[0.0, "#F4F8FB"], [1.0, PALETTE[0]]]
ATTRIBUTION = "Bron: CBS / PDOK (Kadaster)"


def build_municipality_map_figure(
    counts: pd.DataFrame, *, geojson: dict, labels: dict[str, str], lang: str
) -> go.Figure:
    """All municipalities in `counts` (zeros too), hover: name, count and sectors."""
    sectors = [_sector_text(value, labels) for value in counts["sectors"]]
    customdata = list(zip(counts["municipality"], counts["communities"], sectors, strict=True))
    title = translate("chart.communities", lang)
    figure = go.Figure(
        go.Choropleth(
            geojson=geojson,
            featureidkey="properties.statcode",
            locations=counts["municipality_code"].tolist(),
            z=counts["communities"].tolist(),
            zmin=0,
            zmax=max(1, int(counts["communities"].max() if len(counts) else 1)),
            colorscale=COLOUR_SCALE,
            marker={"line": {"color": TEXT_COLOUR, "width": 0.6}},
            colorbar={"title": {"text": title}, "thickness": 14},
            customdata=customdata,
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>"
                + title
                + ": %{customdata[1]}<br>%{customdata[2]}<extra></extra>"
            ),
        )
    )
    figure.update_geos(fitbounds="locations", visible=False)
    figure.update_layout(
        template=register_template(),
        height=620,
        margin={"l": 0, "r": 0, "t": 10, "b": 30},
        annotations=[_attribution()],
    )
    return figure


def _sector_text(value: dict[str, int], labels: dict[str, str]) -> str:
    return ", ".join(f"{labels.get(code, code)}: {count}" for code, count in value.items())


def _attribution() -> dict:
    return {
        "text": ATTRIBUTION,
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "xanchor": "right",
        "yanchor": "top",
        "font": {"size": 12},
    }
