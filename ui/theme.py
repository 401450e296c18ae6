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


def register_template() -> str:
    """Register the template (idempotent) and return its name for `fig.update_layout`."""
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = go.layout.Template(
            layout=go.Layout(
                colorway=list(PALETTE),
                font={"family": FONT_FAMILY, "color": TEXT_COLOUR, "size": 14},
                paper_bgcolor="white",
                plot_bgcolor="white",
                xaxis={"showgrid": False, "linecolor": GRID_COLOUR, "ticks": ""},
                yaxis={"gridcolor": GRID_COLOUR, "zeroline": False, "rangemode": "tozero"},
                legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                margin={"l": 40, "r": 20, "t": 40, "b": 40},
                hoverlabel={"font": {"family": FONT_FAMILY}},
            )
        )
    return TEMPLATE_NAME
