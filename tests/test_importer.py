"""The importer's meaning: new/updated/unchanged, corrections, no-ops and atomicity.

Workbooks are built as the validator would return them (tests/helpers.py), so these
tests pin the importer alone; test_importer_files.py goes through real files.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from data_access.core.db import get_engine, session_scope
from data_access.core.models import EducationPartner, ImportBatch, Programme
from data_access.core.state import communities_as_of, facilitators_as_of, funding_as_of
from data_access.imports.importer import apply_parsed, checksum_of, plan_parsed
from tests.actors import ensure_uploader
from tests.helpers import community, dump_tables, facilitator, funding, parsed_workbook


def apply(parsed, content: bytes = b"file-1", who: str = "officer@overijssel.nl"):
    ensure_uploader(who, parsed.programme)  # officer: may start the programme
    result = apply_parsed(parsed, content=content, file_name="q.xlsx", uploaded_by=who)
    ensure_uploader(who, parsed.programme)  # and then lead it
    return result


def first_quarter():
    return parsed_workbook(
        period="2023-Q1",
        communities=[community("GE-01"), community("GE-02", status="planned", facilitator=None)],
        facilitators=[facilitator("Anna de Vries")],
        funding=[funding(2023, 1, 100_000, 20_000.5)],
    )


def flat(issues) -> list[list]:
    return [issue.flat() for issue in issues]


def test_first_import_counts_every_row_as_new_and_stores_the_state(database):
    result = apply(first_quarter())
    assert result.status == "applied"
    assert result.counts == {
        "communities": {"new": 2, "updated": 0, "unchanged": 0, "not_reported": 0},
        "facilitators": {"new": 1, "updated": 0, "unchanged": 0, "not_reported": 0},
        "funding": {"new": 1, "updated": 0, "unchanged": 0, "not_reported": 0},
    }
    assert flat(result.warnings) == [["Report", None, None, "new_programme"]]
    with session_scope() as session:
        state = communities_as_of(session, as_of="2023-Q1")
        money = funding_as_of(session)
        people = facilitators_as_of(session)
    assert state[["code", "status", "facilitator"]].fillna("-").values.tolist() == [
        ["GE-01", "running", "Anna de Vries"],
        ["GE-02", "planned", "-"],
    ]
    assert state["education_partners"].tolist() == [["Saxion"], ["Saxion"]]
    assert money[["year", "quarter", "granted", "spent"]].values.tolist() == [
        [2023, 1, 100_000.0, 20_000.5]
    ]
    assert people[["name", "max_concurrent", "sectors"]].values.tolist() == [
        ["Anna de Vries", 3, ["energy_transition"]]
    ]


def test_a_later_quarter_lists_what_changes_field_by_field(database):
    apply(first_quarter())
    second = parsed_workbook(
        period="2023-Q2",
        communities=[
            community("GE-01", status="completed", end_date=date(2023, 7, 7)),
            community("GE-02", status="planned", facilitator=None),
            community("GE-03", sector="circularity"),
        ],
    )
    result = apply(second, b"file-2")
    assert result.counts["communities"] == {
        "new": 1, "updated": 1, "unchanged": 1, "not_reported": 0,
    }  # fmt: skip
    assert result.changes == [
        {"sheet": "communities", "key": "GE-01", "field": "end_date", "old": None,
         "new": "2023-07-07"},
        {"sheet": "communities", "key": "GE-01", "field": "status", "old": "running",
         "new": "completed"},
    ]  # fmt: skip
    assert result.counts["facilitators"]["not_reported"] == 1
    assert result.warnings == []  # absent sheets are simply not reported


def test_as_of_queries_return_each_periods_state(database):
    apply(first_quarter())
    apply(
        parsed_workbook(period="2023-Q2", communities=[community("GE-01", status="stopped")]), b"2"
    )
    with session_scope() as session:
        q1 = communities_as_of(session, as_of="2023-Q1")
        q2 = communities_as_of(session, as_of="2023-Q2")
        before = communities_as_of(session, as_of="2022-Q4")
    assert q1["status"].tolist() == ["running", "planned"]
    assert q2["status"].tolist() == ["stopped", "planned"]
    assert before.empty


def test_the_same_file_twice_is_a_no_op_that_says_so(database):
    first = apply(first_quarter())
    before = dump_tables(get_engine())
    again = apply(first_quarter())
    assert (again.status, again.batch_id, again.ok) == ("unchanged", first.batch_id, True)
    assert dump_tables(get_engine()) == before


def test_a_different_file_with_the_same_figures_is_a_no_op(database):
    apply(first_quarter())
    before = dump_tables(get_engine())
    assert apply(first_quarter(), b"re-saved in Excel").status == "unchanged"
    assert dump_tables(get_engine()) == before


def test_columns_the_file_lacks_keep_their_known_values(database):
    apply(first_quarter())
    slim = [{"code": "GE-01", "name": "Community GE-01", "company": "Installatiebedrijf Oost BV",
             "sector": "energy_transition", "status": "completed"}]  # fmt: skip
    result = apply(parsed_workbook(period="2023-Q2", communities=slim), b"slim")
    assert [(c["field"], c["new"]) for c in result.changes] == [("status", "completed")]
    with session_scope() as session:
        row = communities_as_of(session).iloc[0]
    assert (row["employees"], row["champion"], row["facilitator"]) == (6, "Piet", "Anna de Vries")


def test_context_issues_name_sheet_row_and_column(database):
    apply(first_quarter())
    parsed = parsed_workbook(
        period="2023-Q2",
        communities=[
            community("GE-01", facilitator="anna DE vries", education_partners=["saxion", "Hanze"]),
            community("GE-09", facilitator="Bert Onbekend"),
        ],
        facilitators=[facilitator("Carla Nieuw")],
    )
    result = plan_parsed(parsed, checksum=checksum_of(b"x"))
    assert result.status == "invalid"
    assert flat(result.errors) == [["Communities", 3, "Facilitator", "unknown_facilitator"]]
    assert flat(result.warnings) == [
        ["Communities", 2, "Education partners", "unknown_education_partner"]
    ]
    assert result.errors[0].message("en") == (
        "Facilitator 'Bert Onbekend' is not on the Facilitators sheet and not yet known "
        "for this programme."
    )


def test_known_rows_left_out_are_kept_with_a_warning(database):
    apply(first_quarter())
    parsed = parsed_workbook(
        period="2023-Q2",
        communities=[community("GE-01", education_partners=["Saxion", "Hanze"])],
        facilitators=[facilitator("Anna de Vries")],
    )
    result = apply(parsed, b"q2")
    assert flat(result.warnings) == [
        ["Communities", 2, "Education partners", "unknown_education_partner"],
        ["Communities", None, None, "not_reported"],
    ]
    assert result.warnings[1].params == {"count": 1, "names": "GE-02"}
    with session_scope() as session:
        assert communities_as_of(session)["code"].tolist() == ["GE-01", "GE-02"]
        level = session.execute(
            select(EducationPartner.level).where(EducationPartner.name == "Hanze")
        ).scalar_one()
    assert level is None


def test_a_correction_supersedes_and_undoing_it_restores_the_previous_figures(database):
    from data_access.access.history import undo_import

    first = apply(first_quarter())
    corrected = first_quarter()
    corrected.communities.loc[0, "employees"] = 9
    correction = apply(corrected, b"corrected")
    assert (correction.status, correction.replaces_batch_id) == ("applied", first.batch_id)
    assert correction.counts["communities"]["updated"] == 1
    with session_scope() as session:
        statuses = dict(session.execute(select(ImportBatch.id, ImportBatch.status)).all())
        assert communities_as_of(session)["employees"].tolist() == [9, 6]
    assert statuses == {first.batch_id: "superseded", correction.batch_id: "active"}
    undo_import(correction.batch_id, actor="officer@overijssel.nl")
    with session_scope() as session:
        assert communities_as_of(session)["employees"].tolist() == [6, 6]


def test_a_correction_that_leaves_rows_out_says_they_fall_back(database):
    apply(first_quarter())
    corrected = parsed_workbook(period="2023-Q1", communities=[community("GE-01", managers=2)])
    result = apply(corrected, b"corrected")
    codes = [i.code for i in result.warnings]
    assert codes == ["not_reported"] + ["withdrawn_by_correction"] * 3
    assert [w.params["names"] for w in result.warnings[1:]] == ["GE-02", "Anna de Vries", "2023-Q1"]
    assert flat(result.warnings[1:]) == [
        ["Communities", None, None, "withdrawn_by_correction"],
        [None, None, None, "withdrawn_by_correction"],
        [None, None, None, "withdrawn_by_correction"],
    ]
    with session_scope() as session:
        assert communities_as_of(session)["code"].tolist() == ["GE-01"]


def test_a_failed_apply_writes_nothing(database):
    apply(first_quarter())
    before = dump_tables(get_engine())
    broken = parsed_workbook(
        programme="Nieuw Programma",
        communities=[
            community("X-01", facilitator=None),
            community("X-02", sector="no_such", facilitator="Dirk"),
        ],
        facilitators=[facilitator("Dirk")],
    )
    with pytest.raises(KeyError):
        apply(broken, b"broken")  # fails after the batch and facilitators were inserted
    assert dump_tables(get_engine()) == before


def test_programme_is_matched_case_insensitively(database):
    apply(first_quarter())
    parsed = parsed_workbook(
        programme="gaserop!", period="2023-Q2", funding=[funding(2023, 2, 1, 1)]
    )
    result = apply(parsed, b"2")
    assert (result.programme, result.warnings) == ("GasErop!", [])
    with session_scope() as session:
        assert session.execute(select(Programme.name)).scalars().all() == ["GasErop!"]
