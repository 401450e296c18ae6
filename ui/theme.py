"""One look for every chart: a plotly template with a colour-blind-safe palette.

The Okabe-Ito palette stays distinguishable for the common colour-vision
deficiencies, so "started" and "target" never rely on red versus green.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "lc_monitor"

# Okabe & Ito (2008), without black, in the order charts take them.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
)
ACTUAL_COLOUR = PALETTE[0]
TARGET_COLOUR = PALETTE[1]
TEXT_COLOUR = "#262730"
GRID_COLOUR = "#E6E6E6"
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
AXIS_TITLE_STANDOFF = 10  # px between tick labels and the axis title

# One colour per sector on every page, the map's hover and the deck, whatever sectors a
# chart happens to show (a colour by position would swap between charts).
SECTOR_COLOURS = {
    "energy_transition": PALETTE[0],
    "circularity": PALETTE[1],
    "logistics": PALETTE[2],
    "other": PALETTE[3],
}
SPARE_COLOURS = PALETTE[4:]  # for a sector code the reference list does not know yet
# Series that are not sectors (years, measures) beside sector charts: slate shades, so a
# sector's colour never means something else on the same page.
SHADES = ("#2F3E4C", "#5F7183", "#8FA0B0", "#BFCAD4")
# Plotly's `separators`: the decimal mark, then the thousands mark.
SEPARATORS = {"nl": ",.", "en": ".,"}


def sector_colour(code: str) -> str:
    """The sector's fixed colour; an unknown code gets a spare one chosen by its name."""
    if code in SECTOR_COLOURS:
        return SECTOR_COLOURS[code]
    return SPARE_COLOURS[sum(map(ord, code)) % len(SPARE_COLOURS)]


def base_layout(lang: str) -> dict:
    """What every figure starts from: the template and the language's number marks."""
    return {"template": register_template(), "separators": SEPARATORS.get(lang, ",.")}


def register_template() -> str:
    """Register the template (idempotent) and return its name for `fig.update_layout`."""
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = go.layout.Template(
            layout=go.Layout(
                colorway=list(PALETTE),
                font={"family": FONT_FAMILY, "color": TEXT_COLOUR, "size": 14},
                paper_bgcolor="white",
                plot_bgcolor="white",
                # automargin: tick labels and axis titles get room of their own, so a
                # wide label ("€ 14.000") is never cut and a title never covers a tick;
                # plotly makes room for a title only when its standoff is set.
                xaxis={
                    "showgrid": False,
                    "linecolor": GRID_COLOUR,
                    "ticks": "",
                    "automargin": True,
                    "title": {"standoff": AXIS_TITLE_STANDOFF},
                },
                yaxis={
                    "gridcolor": GRID_COLOUR,
                    "zeroline": False,
                    "rangemode": "tozero",
                    "automargin": True,
                    "title": {"standoff": AXIS_TITLE_STANDOFF},
                },
                legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                margin={"l": 40, "r": 20, "t": 40, "b": 40},
                hoverlabel={"font": {"family": FONT_FAMILY}},
            )
        )
    return TEMPLATE_NAME
