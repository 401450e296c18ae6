"""The Targets page's grid and saving only the changed cells, with who made them."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from data_access.access.target_edits import changed_cells, save_target_changes
from data_access.access.targets import set_target
from data_access.core.db import session_scope
from data_access.kpis.targets import target_changes, target_grid
from tests.actors import OFFICER, grant
from tests.factories import make_programme


@pytest.fixture
def programme_id(database) -> int:
    grant(OFFICER, "officer")
    grant("officer@overijssel.nl", "officer")
    with session_scope(write=True) as s:
        programme_id = make_programme(s).id
        set_target(s, programme_id=programme_id, year=2022, measure="communities_started",
                   value=13, actor=OFFICER)  # fmt: skip
    return programme_id


def test_grid_has_a_row_per_target_year_plus_the_years_asked_for(programme_id):
    with session_scope() as s:
        grid = target_grid(s, programme_id=programme_id, years=(2023, 2024))
    assert grid.index.tolist() == [2022, 2023, 2024]
    assert grid.columns.tolist() == [
        "communities_started", "communities_completed", "facilitators_certified", "budget",
    ]  # fmt: skip
    assert grid.at[2022, "communities_started"] == 13
    assert math.isnan(grid.at[2023, "communities_started"])


def test_only_filled_cells_that_differ_count_as_changes():
    before = pd.DataFrame({"a": [13.0, math.nan], "b": [1.0, 2.0]}, index=[2022, 2023])
    after = pd.DataFrame({"a": [13.0, 10.0], "b": [math.nan, 3.0]}, index=[2022, 2023])
    assert changed_cells(before, after) == [(2023, "a", 10.0), (2023, "b", 3.0)]


def test_saving_records_each_change_with_the_actor(programme_id):
    changes = [(2022, "communities_started", 14.0), (2023, "budget", 200_000.0)]
    with session_scope(write=True) as s:
        assert save_target_changes(s, programme_id=programme_id, changes=changes,
                                   actor="  officer@overijssel.nl ") == 2  # fmt: skip
    with session_scope() as s:
        history = target_changes(s, programme_id=programme_id)
        grid = target_grid(s, programme_id=programme_id)
    rows = history[["year", "measure", "old_value", "new_value", "changed_by"]].fillna(-1)
    by = "officer@overijssel.nl"
    assert sorted(map(tuple, rows.values.tolist())) == [
        (2022, "communities_started", -1, 13.0, OFFICER),  # -1: there was no old value
        (2022, "communities_started", 13.0, 14.0, by),
        (2023, "budget", -1, 200_000.0, by),
    ]
    assert grid.at[2022, "communities_started"] == 14
    assert grid.at[2023, "budget"] == 200_000


def test_saving_without_a_name_is_refused(programme_id):
    with session_scope(write=True) as s, pytest.raises(ValueError, match="e-mail of who makes it"):
        save_target_changes(s, programme_id=programme_id, changes=[], actor="  ")
