"""Approval: submitted → approved (period locked) or rejected; what the figures count."""

from __future__ import annotations

import pytest

from data_access.access.approval import ReviewRefused, approve_batch, reject_batch, unlock_period
from data_access.access.audit import audit_frame
from data_access.access.history import UndoRefused, list_imports, undo_import
from data_access.core.db import session_scope
from data_access.core.state import communities_as_of, reported_periods
from data_access.imports.importer import apply_parsed, plan_parsed
from data_access.kpis.overview import overview_cards
from tests.actors import LEAD, OFFICER, seed_actors
from tests.helpers import community, facilitator, parsed_workbook

ANNA = [facilitator("Anna de Vries")]


def upload(period: str, *codes: str, content: bytes | None = None):
    communities = [community(c) for c in codes]
    parsed = parsed_workbook(period=period, communities=communities, facilitators=ANNA)
    content = content or f"{period} {codes}".encode()
    return apply_parsed(parsed, content=content, file_name=f"{period}.xlsx", uploaded_by=LEAD)


@pytest.fixture
def two_quarters(database) -> tuple[int, int]:
    """Q1 (GE-01) and Q2 (GE-01, GE-02) uploaded by the lead, both submitted."""
    seed_actors()
    return upload("2023-Q1", "GE-01").batch_id, upload("2023-Q2", "GE-01", "GE-02").batch_id


def codes(*, approved_only: bool) -> list[str]:
    with session_scope(approved_only=approved_only) as session:
        return communities_as_of(session)["code"].tolist()


def test_a_new_import_is_submitted_and_counts_unless_approved_only(two_quarters):
    with session_scope() as session:
        assert [i["review_status"] for i in list_imports(session)] == ["submitted"] * 2
    assert codes(approved_only=False) == ["GE-01", "GE-02"]
    assert codes(approved_only=True) == []


def test_approved_only_counts_the_approved_quarter_alone(two_quarters):
    q1, _ = two_quarters
    approve_batch(q1, actor=OFFICER)
    assert codes(approved_only=True) == ["GE-01"]
    assert codes(approved_only=False) == ["GE-01", "GE-02"]
    with session_scope() as session:
        assert reported_periods(session, approved_only=True) == ["2023-Q1"]
        assert communities_as_of(session, approved_only=True)["code"].tolist() == ["GE-01"]


def test_a_rejected_import_counts_nowhere_and_keeps_its_comment(two_quarters):
    _, q2 = two_quarters
    reject_batch(q2, actor=OFFICER, comment="GE-02 is missing its facilitator")
    assert codes(approved_only=False) == ["GE-01"]
    with session_scope() as session:
        item = next(i for i in list_imports(session) if i["id"] == q2)
        assert reported_periods(session) == ["2023-Q1"]
    assert (item["review_status"], item["reviewed_by"], item["review_comment"]) == (
        "rejected", OFFICER, "GE-02 is missing its facilitator",
    )  # fmt: skip


def test_rejecting_without_a_comment_is_refused(two_quarters):
    with pytest.raises(ReviewRefused) as refused:
        reject_batch(two_quarters[1], actor=OFFICER, comment=" ")
    assert refused.value.code == "review.comment_required"


def test_an_approved_period_refuses_uploads_naming_the_approver_until_unlocked(two_quarters):
    q1, _ = two_quarters
    approve_batch(q1, actor=OFFICER)
    refused = upload("2023-Q1", "GE-01", "GE-09")
    assert (refused.status, [i.code for i in refused.errors]) == ("invalid", ["period_locked"])
    message = refused.errors[0].message("en")
    assert message.startswith(f"Period 2023-Q1 was approved and locked by {OFFICER} (")
    assert message.endswith("Ask an officer to unlock the period if something needs correcting.")
    preview = plan_parsed(parsed_workbook(period="2023-Q1", communities=[]), checksum="x")
    assert [i.code for i in preview.errors] == ["period_locked"]
    with session_scope() as session:
        gaserop = list_imports(session)[0]["programme_id"]
    unlock_period(gaserop, "2023-Q1", actor=OFFICER)
    again = upload("2023-Q1", "GE-01", "GE-09")
    assert (again.status, again.replaces_batch_id) == ("applied", q1)


def test_undo_of_an_approved_import_is_refused_while_locked(two_quarters):
    _, q2 = two_quarters
    approve_batch(q2, actor=OFFICER)
    with pytest.raises(UndoRefused) as refused:
        undo_import(q2, actor=LEAD)
    assert refused.value.message("en") == (
        f"Import #{q2} can't be undone: period 2023-Q2 was approved and locked by {OFFICER}. "
        "Ask an officer to unlock the period."
    )


def test_approving_twice_is_refused(two_quarters):
    approve_batch(two_quarters[0], actor=OFFICER)
    with pytest.raises(ReviewRefused) as refused:
        approve_batch(two_quarters[0], actor=OFFICER)
    assert refused.value.code == "review.not_submitted"


def test_the_audit_trail_lists_the_whole_flow_newest_first(two_quarters):
    q1, _ = two_quarters
    approve_batch(q1, actor=OFFICER)
    with session_scope() as session:
        gaserop = list_imports(session)[0]["programme_id"]
    unlock_period(gaserop, "2023-Q1", actor=OFFICER)
    upload("2023-Q1", "GE-01", "GE-09")
    with session_scope() as session:
        trail = audit_frame(session, programme_id=gaserop)
        only_lead = audit_frame(session, actor=LEAD)
    assert trail[["actor", "action", "period"]].values.tolist()[::-1] == [
        [LEAD, "import", "2023-Q1"],
        [LEAD, "import", "2023-Q2"],
        [OFFICER, "lock", "2023-Q1"],
        [OFFICER, "approve", "2023-Q1"],
        [OFFICER, "unlock", "2023-Q1"],
        [LEAD, "import", "2023-Q1"],
    ]
    assert only_lead["action"].tolist() == ["import"] * 3


def test_approved_only_deltas_compare_with_the_previous_approved_quarter(two_quarters):
    """Q2 is still submitted when Q3 is approved: with approved figures only, Q3's cards
    compare with Q1 (the approved quarter before), never with Q2's unapproved figures."""
    q1, _ = two_quarters
    q3 = upload("2023-Q3", "GE-01", "GE-02", "GE-03").batch_id
    approve_batch(q1, actor=OFFICER)
    approve_batch(q3, actor=OFFICER)

    def started(approved_only: bool) -> list[float]:
        with session_scope(approved_only=approved_only) as session:
            cards = overview_cards(session, as_of="2023-Q3").set_index("measure")
        return cards.loc["started_cumulative", ["value", "previous", "change"]].tolist()

    assert started(approved_only=True) == [3, 1, 2]
    assert started(approved_only=False) == [3, 2, 1]
