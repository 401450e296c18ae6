"""The province-wide figures: `portfolio_report` and `python -m data_access kpis --portfolio`."""

from __future__ import annotations

import json

import pytest

from data_access.cli.main import main
from data_access.core.db import session_scope
from data_access.kpis.portfolio import portfolio_report

FIGURES = ("last_period", "last_status", "started_this_year", "target_started_this_year",
           "cumulative_started", "cumulative_target", "completed", "participants", "granted",
           "spent", "spent_this_year", "target_budget_this_year", "capacity_gap")  # fmt: skip


@pytest.fixture
def sample(sample_database) -> None:
    """The sample data (a copy of the one each worker builds once)."""


def test_portfolio_report_rows_and_totals_on_the_sample(sample):
    with session_scope() as session:
        report = portfolio_report(session)
    rows = {row["programme"]: [row[key] for key in FIGURES] for row in report["programmes"]}
    assert rows == {
        "GasErop!": ["2023-Q4", "submitted", 10, 10, 23, 23, 22, 265, 450000, 300451, 151450,
                     200000, -13],
        "Rondje Circulair (fictief)": ["2024-Q4", "submitted", 4, 5, 4, 5, 3, 46, 120000, 73500,
                                       73500, 120000, -4],
    }  # fmt: skip
    assert report["totals"] == {
        "started_this_year": 14, "target_started_this_year": 15, "cumulative_started": 27,
        "cumulative_target": 28, "completed": 25, "participants": 311, "granted": 570000,
        "spent": 373951, "spent_this_year": 224950, "target_budget_this_year": 320000,
        "capacity_gap": -17,
    }  # fmt: skip


def test_kpis_portfolio_prints_the_totals_across_programmes(sample, capsys):
    assert main(["kpis", "--portfolio"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [row["programme"] for row in report["programmes"]] == [
        "GasErop!", "Rondje Circulair (fictief)",
    ]  # fmt: skip
    assert (report["totals"]["cumulative_started"], report["totals"]["spent"]) == (27, 373951)
    assert main(["kpis", "--portfolio", "--approved-only"]) == 0
    approved = json.loads(capsys.readouterr().out)["totals"]
    # Only approved quarters count: GasErop! 2023-Q2 (7 started in 2023), Rondje 2024-Q2 (2).
    assert (approved["started_this_year"], approved["cumulative_started"]) == (9, 22)


def test_kpis_portfolio_and_a_period_are_one_or_the_other(database, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["kpis", "--portfolio", "--period", "2023-Q4"])
    assert refused.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "demand"), [("nl", "geplande en lopende"),
                                              ("en", "planned and running")])  # fmt: skip
def test_the_portfolio_note_counts_the_capacity_gap_as_kpis_define_it(lang, demand):
    """The figure is planned + running communities minus capacity; the note said running."""
    from data_access.core.i18n import translate

    assert f"{demand} " in translate("portfolio.help", lang)
