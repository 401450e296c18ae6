"""Targets are data: set, changed, and every change kept with who and when."""

from __future__ import annotations

import pytest

from data_access.access.targets import set_target, target_history, targets_frame
from data_access.core.db import session_scope
from data_access.core.queries import get_programme, list_programmes, list_sectors
from tests.actors import grant
from tests.factories import make_programme


def test_set_target_records_each_change_with_old_and_new_value(database):
    grant("officer-a", "officer")
    grant("officer-b", "officer")
    with session_scope(write=True) as s:
        programme_id = make_programme(s).id
        set_target(s, programme_id=programme_id, year=2023, measure="communities_started",
                   value=8, actor="officer-a")  # fmt: skip
        set_target(s, programme_id=programme_id, year=2023, measure="communities_started",
                   value=10, actor="officer-b")  # fmt: skip
    with session_scope() as s:
        current = targets_frame(s, programme_id=programme_id)
        history = target_history(s, programme_id=programme_id)
    assert current[["year", "measure", "value", "updated_by"]].values.tolist() == [
        [2023, "communities_started", 10.0, "officer-b"]
    ]
    assert history[["old_value", "new_value", "changed_by"]].values.tolist()[0] == [
        8.0, 10.0, "officer-b",
    ]  # fmt: skip
    assert len(history) == 2
    assert history["old_value"].isna().tolist() == [False, True]


def test_setting_the_same_value_again_records_no_change(database):
    grant("officer", "officer")
    with session_scope(write=True) as s:
        programme_id = make_programme(s).id
        for _ in range(2):
            set_target(s, programme_id=programme_id, year=2022, measure="budget",
                       value=260000, actor="officer")  # fmt: skip
    with session_scope() as s:
        assert len(target_history(s, programme_id=programme_id)) == 1


def test_unknown_measure_is_refused(database):
    grant("officer", "officer")
    with session_scope(write=True) as s:
        programme_id = make_programme(s).id
        with pytest.raises(ValueError, match="unknown target measure 'participants'"):
            set_target(s, programme_id=programme_id, year=2022, measure="participants",
                       value=1, actor="officer")  # fmt: skip


def test_no_targets_gives_empty_frames_with_columns(database):
    with session_scope() as s:
        assert list(targets_frame(s, programme_id=None).columns) == [
            "programme_id", "year", "measure", "value", "updated_by", "updated_at",
        ]  # fmt: skip
        assert target_history(s, programme_id=None).empty


def test_queries_list_programmes_and_sectors(database):
    with session_scope(write=True) as s:
        make_programme(s, "Zeta")
        make_programme(s, "GasErop!")
    with session_scope() as s:
        assert [p.name for p in list_programmes(s)] == ["GasErop!", "Zeta"]
        assert get_programme(s, name="GasErop!").name == "GasErop!"
        assert get_programme(s, name="Onbekend") is None
        assert [x.code for x in list_sectors(s)] == [
            "energy_transition", "circularity", "logistics", "other",
        ]  # fmt: skip
