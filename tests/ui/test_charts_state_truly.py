"""Charts that state the data truly (issue 12): every axis covers its traces with a tick,
quarters on a time axis, whole counts on whole ticks, one colour per sector, and each
language's numbers and months. Inspected through fig.data and fig.layout."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest

from data_access.core.reference import municipality_geojson
from ui.charts import (
    build_budget_figure,
    build_capacity_figure,
    build_cohorts_figure,
    build_communities_vs_target_figure,
    build_community_timeline_figure,
    build_cumulative_progress_figure,
    build_funding_quarter_figure,
    build_municipality_map_figure,
    build_participants_figure,
    build_sector_coverage_figure,
    build_sector_split_figure,
    build_spent_per_community_figure,
    build_success_factor_figure,
    build_utilisation_figure,
)
from ui.theme import SECTOR_COLOURS

QUARTERS = ["2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4", "2024-Q1"]
LABELS = {"energy_transition": "Energietransitie", "circularity": "Circulariteit"}
CAPACITY = pd.DataFrame(
    {"period": QUARTERS, "capacity": [14] * 5, "load": [5, 0, 4, 1, 2],
     "demand": [9, 0, 7, 1, 3], "utilisation": [0.3] * 5, "capacity_gap": [-5] * 5}
)  # fmt: skip
COHORTS = pd.DataFrame(
    {"period": ["2022-Q1", "2022-Q3", "2023-Q1"], "facilitators": [3, 2, 2],
     "cumulative": [3, 5, 7]}
)  # fmt: skip
FUNDING = pd.DataFrame(
    {"year": [2022, 2022, 2023], "quarter": [3, 4, 1], "granted": [150_000.0, 0.0, 200_000.0],
     "spent": [40_000.0, 57_000.0, 18_000.0], "cumulative_granted": [150_000.0] * 2 + [200_000.0],
     "cumulative_spent": [40_000.0, 97_000.0, 18_000.0], "budget": [250_000.0] * 3}
)  # fmt: skip
SPLIT = pd.DataFrame(
    {"year": [2022, 2023, 2023],
     "sector": ["energy_transition", "circularity", "energy_transition"],
     "communities": [13, 4, 6], "share": [1.0, 0.4, 0.6]}
)  # fmt: skip
SHARES = pd.DataFrame(
    {"sector": ["circularity", "energy_transition"], "communities": [4, 19],
     "sharp_question": [1.0, 0.9], "company_champion": [0.5, 1.0], "leaders_at_table": [1.0, 1.0],
     "facilitator_speaks_sector": [1.0, 1.0], "vocational_education": [0.75, 1.0],
     "midterm_check": [0.0, 0.2]}
)  # fmt: skip
PER_YEAR = pd.DataFrame(
    {"year": [2022, 2023], "started": [13, 10], "target_started": [13.0, 10.0],
     "cumulative_started": [13, 23], "cumulative_target": [13.0, 23.0]}
)  # fmt: skip
PEOPLE = pd.DataFrame({"year": [2022], "employees": [40], "managers": [9], "students": [7],
                       "teachers": [3]})  # fmt: skip
COVERAGE = pd.DataFrame({"sector": ["circularity"], "communities": [4],
                         "certified_facilitators": [3], "capacity": [5]})  # fmt: skip
MAP_COUNTS = pd.DataFrame(
    {"municipality_code": ["GM0193", "GM0180"], "municipality": ["Zwolle", "Staphorst"],
     "communities": [2, 0], "sectors": [{"circularity": 2}, {}]}
)  # fmt: skip
COMMUNITY = {
    "status": "completed",
    "start_date": pd.Timestamp("2022-02-14"),
    "midterm_check": pd.Timestamp("2022-04-01"),
    "end_date": pd.Timestamp("2022-06-20"),
}


def _figures(lang: str) -> dict:
    """Every chart builder with small data, in `lang`."""
    return {
        "capacity": build_capacity_figure(CAPACITY, lang=lang),
        "cohorts": build_cohorts_figure(COHORTS, lang=lang),
        "utilisation": build_utilisation_figure(
            pd.DataFrame({"name": ["A"], "load": [1], "max_concurrent": [2], "utilisation": [0.5]}),
            lang=lang,
        ),
        "funding_quarters": build_funding_quarter_figure(FUNDING, lang=lang),
        "budget": build_budget_figure(FUNDING, lang=lang),
        "per_community": build_spent_per_community_figure(
            pd.DataFrame({"year": [2023], "spent_per_community": [14_000.0]}), lang=lang
        ),
        "split": build_sector_split_figure(SPLIT, labels=LABELS, lang=lang),
        "coverage": build_sector_coverage_figure(COVERAGE, labels=LABELS, lang=lang),
        "success": build_success_factor_figure(SHARES, by="sector", group_labels=LABELS, lang=lang),
        "progress": build_communities_vs_target_figure(PER_YEAR, lang=lang),
        "cumulative": build_cumulative_progress_figure(PER_YEAR, lang=lang),
        "participants": build_participants_figure(PEOPLE, lang=lang),
        "timeline": build_community_timeline_figure(COMMUNITY, lang=lang),
        "map": build_municipality_map_figure(
            MAP_COUNTS, geojson=municipality_geojson(), labels=LABELS, lang=lang
        ),
    }


def _highest(figure, axis: str = "y") -> float:
    return max(v for trace in figure.data for v in getattr(trace, axis) if v is not None)


def _covers_with_a_tick(yaxis, highest: float) -> bool:
    """The range reaches past `highest` and ends on a tick (so a tick is at or above it)."""
    top = yaxis.range[1]
    return top >= highest and top % yaxis.dtick == 0 and yaxis.tick0 == 0


@pytest.mark.parametrize(
    ("name", "highest"), [("capacity", 14), ("cohorts", 7), ("progress", 13), ("cumulative", 23),
                          ("participants", 40), ("split", 13), ("coverage", 5)]
)  # fmt: skip
def test_every_count_axis_covers_every_trace_on_whole_ticks(name, highest):
    figure = _figures("nl")[name]
    yaxis = figure.layout.yaxis
    assert _covers_with_a_tick(yaxis, highest), (name, yaxis.range, yaxis.dtick)
    assert yaxis.dtick == int(yaxis.dtick) and yaxis.tickformat == ",d"


def test_stacked_bars_count_the_stack_not_the_tallest_part():
    figure = _figures("nl")["split"]  # 2023: 4 + 6 = 10, 2022: 13
    assert figure.layout.yaxis.range[1] > 13


@pytest.mark.parametrize("name", ["capacity", "cohorts", "funding_quarters", "budget"])
def test_quarters_sit_on_a_time_axis_where_a_missing_quarter_leaves_a_gap(name):
    figure = _figures("en")[name]
    xaxis = figure.layout.xaxis
    assert xaxis.type == "date"
    assert "2022-Q3" in xaxis.ticktext or "2022-Q2" in xaxis.ticktext  # every quarter a tick
    if name == "capacity":
        x = [pd.Timestamp(v) for v in figure.data[0].x]
        gaps = [(b - a).days for a, b in itertools.pairwise(x)]
        assert gaps == [184, 181, 184, 92]  # half years, then one quarter
        assert list(xaxis.ticktext) == [
            "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"
        ]  # fmt: skip


def test_cumulative_funding_restarts_each_year_without_a_joining_line():
    figure = _figures("nl")["budget"]
    spent = next(t for t in figure.data if t.name == "Besteed (cumulatief in het jaar)")
    assert list(spent.y) == [40_000.0, 97_000.0, None, 18_000.0]  # a break at the new year
    assert not spent.connectgaps


def test_success_factor_axis_ends_with_a_100_percent_tick():
    xaxis = _figures("nl")["success"].layout.xaxis
    assert 1.0 in xaxis.tickvals and xaxis.range[1] > 1.0
    assert xaxis.tickformat == ".0%"


def test_map_legend_counts_on_whole_ticks():
    colorbar = _figures("nl")["map"].data[0].colorbar
    assert colorbar.dtick == 1 and colorbar.tickformat == ",d"


def test_one_colour_per_sector_in_every_chart():
    only_circularity = SPLIT[SPLIT["sector"] == "circularity"]
    figures = {
        "split": build_sector_split_figure(SPLIT, labels=LABELS, lang="nl"),
        "split_one_sector": build_sector_split_figure(only_circularity, labels=LABELS, lang="nl"),
        "success": build_success_factor_figure(SHARES, by="sector", group_labels=LABELS, lang="nl"),
    }
    colours = {
        (name, trace.name): trace.marker.color
        for name, figure in figures.items()
        for trace in figure.data
    }
    circularity = {colour for (_, sector), colour in colours.items() if sector == "Circulariteit"}
    energy = {colour for (_, sector), colour in colours.items() if sector == "Energietransitie"}
    assert len(circularity) == 1 and len(energy) == 1 and circularity != energy


@pytest.mark.parametrize(("lang", "separators"), [("nl", ",."), ("en", ".,")])
def test_every_chart_writes_numbers_the_languages_way(lang, separators):
    wrong = {n: f.layout.separators for n, f in _figures(lang).items()}
    assert {n: s for n, s in wrong.items() if s != separators} == {}


@pytest.mark.parametrize(
    ("lang", "february"), [("nl", "feb 2022"), ("en", "Feb 2022")]
)  # fmt: skip
def test_timeline_months_are_written_in_the_language(lang, february):
    xaxis = _figures(lang)["timeline"].layout.xaxis
    assert february in xaxis.ticktext
    assert xaxis.tickvals[0] == date(2022, 2, 1)


def test_timeline_leaves_room_for_the_start_label():
    """The start label is centred on the start: the axis starts well before it."""
    xaxis = _figures("nl")["timeline"].layout.xaxis
    start, end = (pd.Timestamp(v) for v in xaxis.range)
    span = pd.Timestamp("2022-06-20") - pd.Timestamp("2022-02-14")
    assert pd.Timestamp("2022-02-14") - start >= span * 0.15
    assert end - pd.Timestamp("2022-06-20") >= span * 0.15


@pytest.mark.parametrize(
    ("lang", "source"),
    [("nl", "Bron: CBS / PDOK (Kadaster)"), ("en", "Source: CBS / PDOK (Kadaster)")],
)
def test_map_source_is_in_the_language(lang, source):
    assert _figures(lang)["map"].layout.annotations[0].text == source


@pytest.mark.parametrize("name", ["capacity", "cohorts", "funding_quarters"])
def test_bars_on_a_quarter_axis_are_a_quarter_wide_whatever_the_gaps(name):
    bars = [t for t in _figures("nl")[name].data if t.type == "bar"]
    days = [t.width / 86_400_000 for t in bars]
    assert sum(days) <= 91  # side by side within one quarter
    offsets = [t.offset / 86_400_000 for t in bars]
    assert offsets == sorted(offsets) and offsets[0] == -sum(days) / 2


def test_the_whole_province_fits_the_map_at_1024_px():
    """At 1024 px the map's plot is 456 px wide (measured in Chromium, colour bar aside):
    the province's width at the figure's zoom must fit, or it is clipped left and right."""
    figure = _figures("nl")["map"]
    lons = [
        point[0]
        for feature in municipality_geojson()["features"]
        for point in _points(feature["geometry"]["coordinates"])
    ]
    width_px = 512 * 2**figure.layout.map.zoom * (max(lons) - min(lons)) / 360
    assert width_px <= 456


def _points(coordinates):
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates]
    return [p for part in coordinates for p in _points(part)]


def test_series_that_are_not_sectors_never_take_a_sectors_colour():
    by_year = SHARES.rename(columns={"sector": "year"}).assign(year=[2022, 2023])
    figures = [
        build_success_factor_figure(by_year, by="year", group_labels={}, lang="nl"),
        _figures("nl")["coverage"],
    ]
    colours = {trace.marker.color for figure in figures for trace in figure.data}
    assert colours.isdisjoint(SECTOR_COLOURS.values())


@pytest.mark.parametrize(
    ("name", "highest"), [("funding_quarters", 200_000), ("budget", 250_000),
                          ("per_community", 14_000)]
)  # fmt: skip
def test_every_euro_axis_covers_every_trace_with_a_tick(name, highest):
    yaxis = _figures("nl")[name].layout.yaxis
    assert _covers_with_a_tick(yaxis, highest), (name, yaxis.range, yaxis.dtick)
    assert (yaxis.tickprefix, yaxis.tickformat) == ("€ ", ",.0f")


def test_cumulative_labels_of_the_first_and_last_year_have_room():
    """Its "13" read "3" on the presentation page: the first point sat on the left edge."""
    figure = _figures("nl")["cumulative"]
    assert list(figure.layout.xaxis.range) == [-0.5, 1.5]
    assert figure.data[0].textposition == "top center"
