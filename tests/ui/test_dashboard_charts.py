"""Dashboard chart builders inspected through fig.data and fig.layout (no Streamlit)."""

from __future__ import annotations

import math

import pandas as pd

from ui.charts import (
    build_budget_figure,
    build_capacity_figure,
    build_cumulative_progress_figure,
    build_sector_split_figure,
    build_success_factor_figure,
    build_utilisation_figure,
)
from ui.theme import ACTUAL_COLOUR, TARGET_COLOUR

LABELS = {"energy_transition": "Energietransitie", "circularity": "Circulariteit"}


def test_cumulative_progress_has_a_dashed_target_line():
    frame = pd.DataFrame(
        {"year": [2022, 2023], "cumulative_started": [13, 23], "cumulative_target": [13.0, 23.0]}
    )
    figure = build_cumulative_progress_figure(frame, lang="en")
    started, target = figure.data
    assert (started.name, list(started.y)) == ("Started (cumulative)", [13, 23])
    assert (target.line.dash, target.line.color) == ("dash", TARGET_COLOUR)
    assert figure.layout.xaxis.type == "category"


def test_sector_split_stacks_sectors_in_display_order_with_zero_for_missing_years():
    split = pd.DataFrame(
        {
            "year": [2022, 2023, 2023],
            "sector": ["energy_transition", "circularity", "energy_transition"],
            "communities": [13, 4, 6],
            "share": [1.0, 0.4, 0.6],
        }
    )
    figure = build_sector_split_figure(split, labels=LABELS, lang="nl", measure="share")
    assert [(t.name, list(t.y)) for t in figure.data] == [
        ("Energietransitie", [1.0, 0.6]),
        ("Circulariteit", [0.0, 0.4]),
    ]
    assert figure.layout.barmode == "stack"
    assert figure.layout.yaxis.tickformat == ".0%"


def test_success_factors_one_trace_per_year_in_percent():
    shares = pd.DataFrame(
        {"year": [2022], "communities": [13], "sharp_question": [1.0], "company_champion": [0.5],
         "leaders_at_table": [1.0], "facilitator_speaks_sector": [1.0],
         "vocational_education": [0.75], "midterm_check": [0.0]}
    )  # fmt: skip
    figure = build_success_factor_figure(shares, by="year", group_labels={}, lang="en")
    (trace,) = figure.data
    assert trace.name == "2022"
    assert list(trace.y)[:2] == ["Sharp question", "Company champion"]
    assert list(trace.x) == [1.0, 0.5, 1.0, 1.0, 0.75, 0.0]


def test_capacity_and_utilisation_figures():
    frame = pd.DataFrame(
        {"period": ["2023-Q2"], "capacity": [5], "load": [1], "utilisation": [0.2],
         "demand": [2], "capacity_gap": [-3]}
    )  # fmt: skip
    load, demand, capacity = build_capacity_figure(frame, lang="nl").data
    assert (load.name, demand.name, capacity.name) == (
        "Lopend (belasting)",
        "Gepland + lopend",
        "Capaciteit",
    )
    people = pd.DataFrame(
        {"name": ["Bram", "Anna"], "load": [0, 2], "max_concurrent": [None, 3],
         "utilisation": [math.nan, 2 / 3]}
    )  # fmt: skip
    (bars,) = build_utilisation_figure(people, lang="nl").data
    assert list(bars.y) == ["Anna", "Bram"] and list(bars.text) == ["2/3", "0"]
    assert bars.marker.color == ACTUAL_COLOUR


def test_budget_figure_uses_each_languages_euro_notation():
    frame = pd.DataFrame(
        {"year": [2023], "quarter": [1], "granted": [200_000.0], "spent": [18_000.0],
         "cumulative_granted": [200_000.0], "cumulative_spent": [18_000.0], "budget": [200_000.0]}
    )  # fmt: skip
    nl = build_budget_figure(frame, lang="nl")
    assert [t.name for t in nl.data][-1] == "Budget (doel)"
    assert (nl.layout.separators, nl.layout.yaxis.tickprefix) == (",.", "€ ")
    assert build_budget_figure(frame, lang="en").layout.separators == ".,"
