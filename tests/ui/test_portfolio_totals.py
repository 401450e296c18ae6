"""The Portfolio table's totals row sets a figure only against the targets of the same
programmes: a programme without targets must not read as progress towards the others'."""

from __future__ import annotations

from data_access.kpis.portfolio import paired_totals
from ui.portfolio_view import portfolio_table

FIGURES = dict(completed=0, participants=0, granted=0.0, spent=0.0, capacity_gap=0,
               last_period="2024-Q1", last_status="approved", year=2024)  # fmt: skip


def programme(name: str, started: int, cumulative: int, spent: float, targets: bool) -> dict:
    target = (lambda value: value) if targets else (lambda _value: None)
    return FIGURES | {
        "programme_id": len(name), "programme": name,
        "started_this_year": started, "target_started_this_year": target(started + 1),
        "cumulative_started": cumulative, "cumulative_target": target(cumulative + 1),
        "spent_this_year": spent, "target_budget_this_year": target(2 * spent),
    }  # fmt: skip


WITH = programme("Met doelen", 4, 20, 1000.0, targets=True)
WITHOUT = programme("Zonder doelen", 3, 30, 500.0, targets=False)


def test_a_programme_without_targets_is_left_out_of_the_figures_set_against_targets():
    totals = paired_totals([WITH, WITHOUT])
    assert (totals["started_this_year"], totals["target_started_this_year"]) == (4, 5)
    assert (totals["cumulative_started"], totals["cumulative_target"]) == (20, 21)
    assert (totals["spent_this_year"], totals["target_budget_this_year"]) == (1000.0, 2000.0)
    assert totals["completed"] == 0  # figures without a target still add every programme


def test_with_no_targets_anywhere_the_total_is_every_programmes_sum_shown_alone():
    table = portfolio_table([WITHOUT, programme("Ook zonder", 2, 5, 1.0, targets=False)],
                            lang="nl")  # fmt: skip
    assert table.iloc[-1]["Dat jaar"] == "5"
    assert table.iloc[-1]["Cumulatief"] == "35"


def test_the_totals_row_reads_like_with_like():
    table = portfolio_table([WITH, WITHOUT], lang="nl")
    assert table.iloc[-1]["Dat jaar"] == "4 van 5"
    assert table.iloc[-1]["Cumulatief"] == "20 van 21"
