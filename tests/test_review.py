"""The officer's review: what a submitted import changes against the last approved state."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.core.db import session_scope
from data_access.core.models import ImportBatch
from data_access.imports.review import count_pending, review_import
from tests.factories import make_batch, make_community, make_funding, make_programme


def effect(review) -> dict[str, tuple]:
    return {row["measure"]: (row["before"], row["after"]) for row in review.effect}


@pytest.fixture
def sample(sample_database) -> None:
    """The sample data (a copy of the one each worker builds once)."""


def test_sample_2023_q4_against_the_approved_2023_q2(sample):
    with session_scope() as session:
        assert count_pending(session) == 2  # and Rondje Circulair's 2024-Q4 (import #6)
        review = review_import(session, batch_id=4)
    assert review.batch["period"] == "2023-Q4"
    assert review.counts == {
        "communities": {"new": 0, "updated": 7, "unchanged": 16, "not_reported": 0},
        "facilitators": {"new": 0, "updated": 0, "unchanged": 8, "not_reported": 0},
        "funding": {"new": 2, "updated": 0, "unchanged": 6, "not_reported": 0},
    }
    assert review.changes[0] == {"sheet": "communities", "key": "GE23-04", "field": "status",
                                 "old": "running", "new": "completed"}  # fmt: skip
    assert len(review.changes) == 10
    assert effect(review) == {
        "started_this_year": (7, 10),
        "completed_this_year": (3, 9),
        "cumulative_started": (20, 23),
        "participants": (231, 265),
        "facilitators_certified": (6, 6),
        "granted_this_year": (200000.0, 200000.0),
        "spent_this_year": (60500.0, 151450.0),
    }


def _two_quarters(session, *, second_review: str = "submitted") -> tuple[int, int]:
    """2024-Q1 approved (A, B; Q1 funding); 2024-Q2 reports A completed, new C, Q2 funding."""
    programme = make_programme(session, "Fictief Circulair")
    first = make_batch(session, programme=programme, period="2024-Q1")
    first.review_status = "approved"
    for code in ("A", "B"):
        make_community(session, batch=first, code=code, status="running",
                       start=date(2024, 2, 1), end=None)  # fmt: skip
    make_funding(session, batch=first, year=2024, quarter=1, granted="10000", spent="2000")
    second = make_batch(session, programme=programme, period="2024-Q2")
    second.review_status = second_review
    make_community(session, batch=second, code="A", status="completed",
                   start=date(2024, 2, 1), end=date(2024, 5, 1))  # fmt: skip
    make_community(session, batch=second, code="C", status="running",
                   start=date(2024, 4, 1), end=None)  # fmt: skip
    make_funding(session, batch=second, year=2024, quarter=2, granted="0", spent="14000")
    return first.id, second.id


def test_not_reported_rows_are_counted_and_kept(database):
    with session_scope(write=True) as session:
        _, second = _two_quarters(session)
    with session_scope() as session:
        review = review_import(session, batch_id=second)
    assert review.counts["communities"] == {"new": 1, "updated": 1, "unchanged": 0,
                                            "not_reported": 1}  # fmt: skip
    assert review.counts["funding"] == {"new": 1, "updated": 0, "unchanged": 0, "not_reported": 1}
    fields = {(c["key"], c["field"]): (c["old"], c["new"]) for c in review.changes}
    assert fields[("A", "status")] == ("running", "completed")
    assert fields[("A", "end_date")] == (None, "2024-05-01")
    assert effect(review)["started_this_year"] == (2, 3)  # B stays counted
    assert effect(review)["spent_this_year"] == (2000.0, 16000.0)


def test_a_first_upload_is_all_new_against_nothing_approved(database):
    with session_scope(write=True) as session:
        first, _ = _two_quarters(session)
        session.get_one(ImportBatch, first).review_status = "submitted"
    with session_scope() as session:
        assert count_pending(session) == 2
        review = review_import(session, batch_id=first)
    assert review.counts["communities"] == {"new": 2, "updated": 0, "unchanged": 0,
                                            "not_reported": 0}  # fmt: skip
    assert effect(review)["started_this_year"] == (0, 2)
    assert effect(review)["spent_this_year"] == (0.0, 2000.0)


def test_a_rejected_import_no_longer_waits_and_reviewing_nothing_is_none(database):
    with session_scope(write=True) as session:
        _two_quarters(session, second_review="rejected")
    with session_scope() as session:
        assert count_pending(session) == 0
        assert review_import(session, batch_id=999) is None
