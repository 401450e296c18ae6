"""The mid-term check as the programme lead's to-do (docs/figures.md: required once a community is
past half its duration): which communities are past half-way without a recorded check,
and that share, never counting a community not yet half-way against it.

Sample (GasErop!): GE22-04 and GE22-12 completed without a check; GE23-08 too, by 2023-Q4.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from data_access.core.db import session_scope
from data_access.kpis import figures as kpis
from data_access.kpis.success import midterm_todo


@pytest.fixture
def sample(sample_database) -> None:
    """The sample data (a copy of the one each worker builds once)."""


def checks(as_of: str) -> pd.DataFrame:
    with session_scope() as session:
        return kpis.midterm_checks(session, programme_id=1, as_of=as_of)


def test_as_of_2022_q2_two_running_communities_not_yet_half_way_are_not_counted(sample):
    frame = checks("2022-Q2").set_index("code")
    assert midterm_todo(frame) == {"due": 7, "missing": 1, "share_missing": 1 / 7}
    assert frame.index[frame["missing"]].tolist() == ["GE22-04"]
    not_yet = frame[~frame["due"]]
    assert not_yet.index.tolist() == ["GE22-08", "GE22-09"]
    assert not_yet["halfway"].dt.date.astype(str).tolist() == ["2022-08-02", "2022-08-18"]
    assert not_yet["midterm_check"].isna().all()  # no check yet, and not held against them


def test_as_of_2023_q4_three_of_23_communities_past_half_way_lack_a_check(sample):
    frame = checks("2023-Q4")
    assert midterm_todo(frame) == {"due": 23, "missing": 3, "share_missing": 3 / 23}
    missing = frame[frame["missing"]]
    assert missing[["code", "status", "halfway"]].astype(str).values.tolist() == [
        ["GE22-04", "completed", "2022-05-02"],
        ["GE22-12", "completed", "2022-10-27"],
        ["GE23-08", "completed", "2023-10-16"],
    ]


def test_nothing_is_due_before_any_community_is_half_way(sample):
    frame = checks("2022-Q1")
    todo = midterm_todo(frame)
    assert (todo["due"], todo["missing"]) == (0, 0) and math.isnan(todo["share_missing"])


def test_the_success_factor_leaves_out_a_community_not_yet_half_way(sample):
    """GE22-08 and GE22-09 have no check at 2022-Q2 and are not half-way: no "no" for them,
    so the 2022 share is 6 of the 7 past half-way (GE22-04 lacks one), not 6 of 9."""
    with session_scope() as session:
        factors = kpis.success_factors(session, programme_id=1, as_of="2022-Q2")
        shares = kpis.success_factor_shares(session, programme_id=1, as_of="2022-Q2")
    by_code = factors.set_index("code")["midterm_check"]
    assert by_code[["GE22-08", "GE22-09"]].isna().all()
    assert not by_code["GE22-04"]
    assert by_code.notna().sum() == 7
    row = shares.set_index("year").loc[2022]
    assert row["communities"] == 9
    assert row["midterm_check"] == pytest.approx(6 / 7)
    # The score counts the factors met; an open mid-term check is not one of them.
    score = factors.set_index("code").loc["GE22-08"]
    met = [score[f] for f in ("sharp_question", "company_champion", "leaders_at_table",
                              "facilitator_speaks_sector", "vocational_education")]  # fmt: skip
    assert score["score"] == sum(bool(m) for m in met)
