"""The Portfolio page's pieces: the programme table with totals, and the
reporting-completeness grid (programme × quarter)."""

from __future__ import annotations

import pandas as pd

from data_access.kpis.completeness import quarters_in_view
from data_access.kpis.portfolio import portfolio_totals
from ui.format import format_count, format_euro
from ui.i18n import t

# Plain symbols: the grid draws on a canvas whose font has no colour emoji.
STATUS_MARKS = {"approved": "✓", "submitted": "…", "rejected": "✗", "missing": "⚠",
                "not_due": "·"}  # fmt: skip


def _of(value: object, target: object, write, lang: str) -> str:
    """'10 van 10'; just '10' while no target is set."""
    if target is None:
        return write(value, lang=lang)
    return t("overview.started_of_target", started=write(value, lang=lang),
             target=write(target, lang=lang))  # fmt: skip


def portfolio_table(rows: list[dict], *, lang: str) -> pd.DataFrame:
    """One row per programme plus a totals row; the first column links to its Overview."""
    records = [_record(row, lang) for row in rows]
    blank = dict.fromkeys(("last_period", "last_status", "year", "programme_id"))
    totals = portfolio_totals(rows) | blank | {"programme": t("portfolio.total")}
    records.append(_record(totals, lang))
    return pd.DataFrame(records)


def _record(row: dict, lang: str) -> dict:
    link = ""  # the totals row opens nothing (None would read "None" in the table)
    if row["programme_id"] is not None:
        link = f"/overzicht?programme={row['programme_id']}"
        if row["last_period"]:
            link += f"&period={row['last_period']}"
    status = t(f"completeness.status.{row['last_status']}") if row["last_status"] else "–"
    return {
        t("portfolio.column.open"): link,
        t("portfolio.column.programme"): row["programme"],
        t("portfolio.column.last_period"): row["last_period"] or "–",
        t("portfolio.column.status"): status,
        t("portfolio.column.started_year"): _of(
            row["started_this_year"], row["target_started_this_year"], format_count, lang),
        t("portfolio.column.cumulative"): _of(row["cumulative_started"], row["cumulative_target"],
                                              format_count, lang),
        t("portfolio.column.completed"): format_count(row["completed"], lang=lang),
        t("portfolio.column.participants"): format_count(row["participants"], lang=lang),
        t("portfolio.column.granted"): format_euro(row["granted"], lang=lang),
        t("portfolio.column.spent"): _of(row["spent"], row["target_budget_this_year"],
                                         format_euro, lang),
        t("portfolio.column.capacity_gap"): format_count(row["capacity_gap"], lang=lang),
    }  # fmt: skip


def completeness_grid(rows: list[dict]) -> pd.DataFrame:
    """Programmes down, quarters across; each cell its status (and 'late')."""
    if not rows:
        return pd.DataFrame()
    cells = pd.DataFrame(
        {
            "programme": [r["programme"] for r in rows],
            "period": [r["period"] for r in rows],
            "cell": [_cell(r) for r in rows],
        }
    )
    grid = cells.pivot(index="programme", columns="period", values="cell")
    grid = grid.reindex(columns=quarters_in_view(rows), fill_value="").fillna("")
    grid.index.name = t("portfolio.column.programme")
    return grid.reset_index()


def _cell(row: dict) -> str:
    status = row["status"]
    text = f"{STATUS_MARKS[status]} {t(f'completeness.status.{status}')}"
    return f"{text} ({t('completeness.late')})" if row["late"] else text
