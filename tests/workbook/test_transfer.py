"""A parsed workbook crosses from the reading worker to the importer unchanged: the
pickled form packs date columns (report.py), and what arrives is what was read."""

from __future__ import annotations

import datetime as dt
import pickle

import pandas as pd

from data_access.workbook.validate import validate_workbook
from data_access.workbook.worker import validate_isolated
from tests.workbook.builders import valid_workbook


def _cells(frame: pd.DataFrame) -> list[list[tuple[type, object]]]:
    return [[(type(v), v) for v in frame[c]] for c in frame.columns]


def test_a_pickled_workbook_keeps_every_value_and_its_type():
    parsed = validate_workbook(valid_workbook(), "q.xlsx")
    parsed.communities.loc[0, "end_date"] = None  # a blank date stays None, not NaT

    again = pickle.loads(pickle.dumps(parsed))

    for key in ("communities", "facilitators", "funding"):
        frame, arrived = getattr(parsed, key), getattr(again, key)
        assert list(arrived.columns) == list(frame.columns)
        assert list(arrived.dtypes) == list(frame.dtypes)
        assert _cells(arrived) == _cells(frame)
    assert type(again.communities["start_date"][0]) is dt.date
    assert again.communities["end_date"][0] is None
    assert (again.issues, again.headers, again.programme) == (
        parsed.issues, parsed.headers, parsed.programme,
    )  # fmt: skip


def test_the_worker_returns_what_the_validator_read():
    content = valid_workbook()

    assert _cells(validate_isolated(content, "q.xlsx").communities) == _cells(
        validate_workbook(content, "q.xlsx").communities
    )
