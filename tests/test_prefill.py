"""The downloadable template, pre-filled with what a programme last reported."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from data_access.core.db import session_scope
from data_access.imports.importer import plan_import
from data_access.imports.prefill import next_period, prefilled_template


def test_next_period_rolls_over_the_year():
    assert [next_period(p) for p in ("2023-Q1", "2023-Q4")] == ["2023-Q2", "2024-Q1"]


def test_without_a_programme_the_template_is_empty(database):
    with session_scope() as session:
        content = prefilled_template(session=session, programme_id=None, lang="en")
    book = load_workbook(io.BytesIO(content))
    assert book["Report"]["B1"].value is None
    assert book["Communities"].max_row == 1 or book["Communities"]["A2"].value is None


def test_prefilled_template_reports_the_next_quarter_with_every_known_row(sample_database):
    with session_scope() as session:
        content = prefilled_template(session=session, programme_id=1, lang="nl")
    book = load_workbook(io.BytesIO(content))
    assert [book["Rapportage"]["B1"].value, book["Rapportage"]["B2"].value] == [
        "GasErop!",
        "2024-Q1",
    ]
    result = plan_import(content, "sjabloon.xlsx")
    assert result.errors == []
    assert result.period == "2024-Q1"
    # Sent back untouched, the template changes nothing: every known row reads as unchanged.
    assert result.counts == {
        "communities": {"new": 0, "updated": 0, "unchanged": 23, "not_reported": 0},
        "facilitators": {"new": 0, "updated": 0, "unchanged": 8, "not_reported": 0},
        "funding": {"new": 0, "updated": 0, "unchanged": 0, "not_reported": 8},
    }  # fmt: skip
