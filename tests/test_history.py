"""Import history and undo: exact restoration, and refusal when later imports build on it."""

from __future__ import annotations

import pytest

from data_access.access.history import (
    HistoryError,
    UndoRefused,
    list_imports,
    original_file,
    undo_import,
)
from data_access.core.db import session_scope
from data_access.core.state import communities_as_of, facilitators_as_of, funding_as_of
from data_access.imports.importer import apply_parsed
from tests.actors import LEAD, OFFICER, seed_actors
from tests.helpers import community, facilitator, funding, parsed_workbook


@pytest.fixture(autouse=True)
def actors(database):
    seed_actors()


def apply(parsed, content: bytes):
    return apply_parsed(
        parsed, content=content, file_name=f"{parsed.period}.xlsx", uploaded_by=LEAD
    )


def quarter(period: str, *codes: str):
    return parsed_workbook(
        period=period,
        communities=[community(code) for code in codes],
        facilitators=[facilitator("Anna de Vries")],
        funding=[funding(2023, 1, 1000, 10)],
    )


def test_undo_of_a_first_import_empties_the_state(database):
    batch_id = apply(quarter("2023-Q1", "GE-01"), b"q1").batch_id
    result = undo_import(batch_id, actor=OFFICER)
    assert (result.batch_id, result.reactivated_batch_id) == (batch_id, None)
    with session_scope() as session:
        assert communities_as_of(session).empty
        assert facilitators_as_of(session).empty
        assert funding_as_of(session).empty
        [item] = list_imports(session)
    assert (item["status"], item["undone_by"]) == ("undone", OFFICER)


def test_undo_is_refused_while_a_later_import_builds_on_it(database):
    first = apply(quarter("2023-Q1", "GE-01"), b"q1").batch_id
    later = apply(quarter("2023-Q2", "GE-01", "GE-02"), b"q2").batch_id
    with pytest.raises(UndoRefused) as refused:
        undo_import(first, actor=OFFICER)
    assert refused.value.code == "later_imports"
    assert refused.value.message("en") == (
        f"Import #{first} can't be undone: later imports of this programme build on it: "
        f"#{later} (2023-Q2, 2023-Q2.xlsx). Undo those first, newest first."
    )
    undo_import(later, actor=OFFICER)
    undo_import(first, actor=OFFICER)
    with session_scope() as session:
        assert communities_as_of(session).empty


def test_undoing_twice_is_refused(database):
    batch_id = apply(quarter("2023-Q1", "GE-01"), b"q1").batch_id
    undo_import(batch_id, actor=OFFICER)
    with pytest.raises(UndoRefused) as refused:
        undo_import(batch_id, actor=OFFICER)
    assert refused.value.code == "not_active"


def test_reimporting_after_undo_applies_again(database):
    batch_id = apply(quarter("2023-Q1", "GE-01"), b"q1").batch_id
    undo_import(batch_id, actor=OFFICER)
    again = apply(quarter("2023-Q1", "GE-01"), b"q1")
    assert again.status == "applied"
    assert again.counts["communities"]["new"] == 1
    with session_scope() as session:
        assert communities_as_of(session)["code"].tolist() == ["GE-01"]


def test_history_lists_who_when_what_and_keeps_the_original_file(database):
    first = apply(quarter("2023-Q1", "GE-01"), b"q1 bytes").batch_id
    second = apply(quarter("2023-Q1", "GE-01", "GE-02"), b"q1 corrected").batch_id
    with session_scope() as session:
        items = list_imports(session)
    assert [(i["id"], i["status"], i["replaces_batch_id"]) for i in items] == [
        (second, "active", first),
        (first, "superseded", None),
    ]
    assert items[0]["counts"]["communities"] == {
        "new": 1, "updated": 0, "unchanged": 1, "not_reported": 0,
    }  # fmt: skip
    assert (items[1]["programme"], items[1]["period"], items[1]["uploaded_by"]) == (
        "GasErop!", "2023-Q1", LEAD,
    )  # fmt: skip
    assert len(items[1]["checksum"]) == 64
    assert original_file(first, actor=LEAD) == ("2023-Q1.xlsx", b"q1 bytes")
    with pytest.raises(HistoryError):
        original_file(9999, actor=OFFICER)
