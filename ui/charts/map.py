"""Overijssel's municipalities coloured by their number of communities.

`go.Choroplethmap` on the blank "white-bg" style draws the CBS boundaries with no
tile server and no download at all (the network may be closed; `go.Choropleth` would
fetch a world topojson from cdn.plot.ly), centred and zoomed on the province's
bounds, with the required source attribution on the figure.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from data_access.core.i18n import translate
from ui.charts.axes import count_step
from ui.safe_text import escape_plotly, escape_plotly_all
from ui.theme import PALETTE, TEXT_COLOUR, base_layout

# White to the palette's blue: sequential, readable with colour-vision deficiencies.
COLOUR_SCALE = [[0.0, "#F4F8FB"], [1.0, PALETTE[0]]]
MAP_HEIGHT = 520
ASSUMED_WIDTH = 420  # the map's plot width at 1024 px (measured): the whole province in view


def build_municipality_map_figure(
    counts: pd.DataFrame, *, geojson: dict, labels: dict[str, str], lang: str
) -> go.Figure:
    """All municipalities in `counts` (zeros too), hover: name, count and sectors."""
    sectors = [_sector_text(value, labels) for value in counts["sectors"]]
    places = escape_plotly_all(counts["municipality"])
    customdata = list(zip(places, counts["communities"], sectors, strict=True))
    title = translate("chart.communities", lang)
    zmax = max(1, int(counts["communities"].max() if len(counts) else 1))
    figure = go.Figure(
        go.Choroplethmap(
            geojson=geojson,
            featureidkey="properties.statcode",
            locations=counts["municipality_code"].tolist(),
            z=counts["communities"].tolist(),
            zmin=0,
            zmax=zmax,
            colorscale=COLOUR_SCALE,
            marker={"line": {"color": TEXT_COLOUR, "width": 0.6}},
            colorbar={
                "title": {"text": title},
                "thickness": 14,
                "tick0": 0,
                "dtick": count_step(zmax),  # whole counts: never a 0.5 tick
                "tickformat": ",d",
            },
            customdata=customdata,
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>"
                + title
                + ": %{customdata[1]}<br>%{customdata[2]}<extra></extra>"
            ),
        )
    )
    figure.update_layout(
        **base_layout(lang),
        map=_view(geojson),
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 10, "b": 30},
        annotations=[_attribution(lang)],
    )
    return figure


def _view(geojson: dict) -> dict:
    """The blank style, centred on the boundaries and zoomed to fit them (web mercator)."""
    lons, lats = [], []
    for feature in geojson["features"]:
        for lon, lat in _points(feature["geometry"]["coordinates"]):
            lons.append(lon)
            lats.append(lat)
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    centre_lat = (south + north) / 2
    stretch = 1 / math.cos(math.radians(centre_lat))  # mercator widens latitudes
    zoom = min(
        math.log2(ASSUMED_WIDTH * 360 / (512 * (east - west))),
        math.log2(MAP_HEIGHT * 360 / (512 * (north - south) * stretch)),
    )
    centre = {"lon": (west + east) / 2, "lat": centre_lat}
    return {"style": "white-bg", "center": centre, "zoom": round(zoom - 0.1, 2)}


def _points(coordinates: list) -> list:
    """Every [lon, lat] pair in a (multi)polygon's nested coordinate lists."""
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates]
    return [point for part in coordinates for point in _points(part)]


def _sector_text(value: dict[str, int], labels: dict[str, str]) -> str:
    return escape_plotly(
        ", ".join(f"{labels.get(code, code)}: {count}" for code, count in value.items())
    )


def _attribution(lang: str) -> dict:
    return {
        "text": translate("map.source", lang),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "xanchor": "right",
        "yanchor": "top",
        "font": {"size": 12},
    }
