"""The community timeline and the municipality map, inspected through fig.data and fig.layout."""

from __future__ import annotations

import pandas as pd

from data_access.core.reference import municipality_geojson
from ui.charts import build_community_timeline_figure, build_municipality_map_figure


def test_timeline_marks_start_midterm_and_planned_end_of_a_running_community():
    community = {
        "status": "running",
        "start_date": pd.Timestamp("2023-09-04"),
        "midterm_check": pd.NaT,
        "end_date": pd.Timestamp("2024-01-15"),
    }
    figure = build_community_timeline_figure(community, lang="nl")
    line, *markers = figure.data
    assert line.line.dash == "dot"  # the end is only planned
    assert [m.name for m in markers] == ["Start", "Gepland einde"]
    assert markers[0].text == ("Start<br>4 september 2023",)


def test_map_has_every_municipality_with_counts_sectors_and_the_attribution():
    counts = pd.DataFrame(
        {
            "municipality_code": ["GM0193", "GM0180"],
            "municipality": ["Zwolle", "Staphorst"],
            "communities": [2, 0],
            "sectors": [{"circularity": 1, "energy_transition": 1}, {}],
        }
    )
    labels = {"circularity": "Circularity", "energy_transition": "Energy transition"}
    figure = build_municipality_map_figure(
        counts, geojson=municipality_geojson(), labels=labels, lang="en"
    )
    (trace,) = figure.data
    assert list(trace.locations) == ["GM0193", "GM0180"] and list(trace.z) == [2, 0]
    assert trace.customdata[0][2] == "Circularity: 1, Energy transition: 1"
    assert (trace.zmin, trace.zmax) == (0, 2)
    assert figure.layout.map.style == "white-bg"  # no tile server needed
    assert (round(figure.layout.map.center.lon, 1), round(figure.layout.map.center.lat, 1)) == (
        6.4, 52.5,
    )  # fmt: skip
    assert figure.layout.annotations[0].text == "Source: CBS / PDOK (Kadaster)"  # lang="en"
