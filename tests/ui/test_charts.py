"""Chart builders return plain plotly figures whose data tests can read."""

from __future__ import annotations

import pandas as pd

from ui.charts import build_communities_vs_target_figure
from ui.theme import ACTUAL_COLOUR, TARGET_COLOUR, TEMPLATE_NAME


def test_started_versus_target_figure_has_bars_and_target_markers():
    frame = pd.DataFrame(
        {"year": [2022, 2023], "started": [13, 10], "target_started": [13.0, 10.0]}
    )
    figure = build_communities_vs_target_figure(frame, lang="nl")
    bars, targets = figure.data
    assert (bars.type, bars.name, list(bars.x), list(bars.y)) == (
        "bar", "Gestart", ["2022", "2023"], [13, 10],
    )  # fmt: skip
    assert (targets.type, targets.name, list(targets.y)) == ("scatter", "Doel", [13.0, 10.0])
    assert (bars.marker.color, targets.marker.color) == (ACTUAL_COLOUR, TARGET_COLOUR)
    assert figure.layout.yaxis.title.text == "Leergemeenschappen"
    assert figure.layout.template.layout.colorway[0] == ACTUAL_COLOUR
    assert TEMPLATE_NAME == "lc_monitor"


def test_figure_labels_follow_the_language():
    frame = pd.DataFrame({"year": [2022], "started": [13], "target_started": [float("nan")]})
    figure = build_communities_vs_target_figure(frame, lang="en")
    assert [trace.name for trace in figure.data] == ["Started", "Target"]
    assert figure.layout.xaxis.title.text == "Year"
