"""The pure KPI functions on hand-built frames: edge cases without a database."""

from __future__ import annotations

import math

import pandas as pd

from data_access.kpis import facilitators as kf
from data_access.kpis import funding as kfu
from data_access.kpis import progress as kp


def communities(*rows: tuple) -> pd.DataFrame:
    """(status, start, end, facilitator_id, sector) rows as the as-of frame has them."""
    frame = pd.DataFrame(rows, columns=["status", "start_date", "end_date", "facilitator_id",
                                        "sector"])  # fmt: skip
    for column in ("start_date", "end_date"):
        frame[column] = pd.to_datetime(frame[column])
    for role in kp.ROLES:
        frame[role] = 1
    return frame


def test_completion_rate_counts_stopped_and_is_nan_without_either():
    frame = communities(
        ("completed", "2022-01-03", "2022-04-04", 1, "other"),
        ("stopped", "2022-01-03", "2022-02-07", 1, "other"),
        ("stopped", "2022-01-03", "2022-02-07", 1, "other"),
        ("running", "2022-01-03", "2022-04-04", 1, "other"),
    )
    assert kp.completion_rate(frame) == 1 / 3
    assert math.isnan(kp.completion_rate(frame[frame["status"] == "running"]))


def test_duration_leaves_out_planned_and_stopped_and_checks_10_to_20_weeks():
    frame = communities(
        ("completed", "2022-01-03", "2022-03-14", 1, "other"),  # 10 weeks: within
        ("running", "2022-01-03", "2022-05-30", 1, "other"),  # 21 weeks: outside
        ("stopped", "2022-01-03", "2022-01-17", 1, "other"),
        ("planned", "2022-06-06", "2022-09-05", None, "other"),
    )
    assert kp.durations(frame)["weeks"].tolist() == [10.0, 21.0]
    assert kp.duration_stats(frame)["share_within_range"] == 0.5


def test_planned_community_with_a_start_date_is_not_started():
    frame = communities(("planned", "2022-06-06", "2022-09-05", None, "other"))
    assert kp.counts_per_year(frame).empty
    assert kp.participant_totals(frame)["total"] == 0


def test_utilisation_is_nan_without_capacity_and_gap_counts_planned_and_running():
    facilitators = pd.DataFrame({
        "facilitator_id": [1, 2], "name": ["A", "B"], "status": ["certified", "certified"],
        "max_concurrent": [2, 0], "sectors": [["other"], []],
    })  # fmt: skip
    frame = communities(
        ("running", "2022-01-03", "2022-04-04", 1, "other"),
        ("running", "2022-01-03", "2022-04-04", 2, "other"),
        ("planned", "2022-06-06", "2022-09-05", None, "other"),
    )
    load = kf.facilitator_load(frame, facilitators)
    assert load["load"].tolist() == [1, 1]
    assert load.at[0, "utilisation"] == 0.5
    assert math.isnan(load.at[1, "utilisation"])
    assert kf.capacity_gap(frame, facilitators) == 3 - 2


def test_spent_per_community_is_nan_in_a_year_without_starts():
    funding = pd.DataFrame({"year": [2022, 2023], "quarter": [4, 1], "granted": [10.0, 5.0],
                            "spent": [8.0, 6.0]})  # fmt: skip
    frame = communities(("completed", "2022-01-03", "2022-04-04", 1, "other"))
    per_year = kfu.funding_per_year(funding, frame)
    assert per_year["spent_per_community"].tolist()[0] == 8.0
    assert math.isnan(per_year["spent_per_community"].tolist()[1])


def test_cumulative_target_is_missing_until_a_target_is_set():
    counts = pd.DataFrame({"year": [2022, 2023, 2024], "started": [3, 2, 1],
                           "completed": [0, 0, 0]})  # fmt: skip
    targets = pd.DataFrame({"year": [2023], "measure": ["communities_started"], "value": [4.0]})
    frame = kp.progress_to_target(counts, targets)
    assert math.isnan(frame["cumulative_target"][0])
    assert frame["cumulative_target"].tolist()[1:] == [4.0, 4.0]
    assert frame["cumulative_started"].tolist() == [3, 5, 6]
    none = kp.progress_to_target(counts, targets.iloc[0:0])
    assert none["cumulative_target"].isna().all() and none["cumulative_progress"].isna().all()
