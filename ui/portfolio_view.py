"""The Portfolio page's pieces: the programme table with totals, and the
reporting-completeness grid (programme × quarter)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.core.exports import to_excel_bytes
from data_access.kpis.completeness import quarters_in_view
from data_access.kpis.portfolio import paired_totals
from ui.components import XLSX_MIME
from ui.format import format_count, format_euro
from ui.i18n import t, tn
from ui.layout import WRAPPING_ROW_HEIGHT, render_fixed_table

# Plain symbols: the grid draws on a canvas whose font has no colour emoji.
STATUS_MARKS = {"approved": "✓", "submitted": "…", "rejected": "✗", "missing": "⚠",
                "not_due": "·"}  # fmt: skip


def _of(value: object, target: object, write, lang: str) -> str:
    """'10 van 10'; just '10' while no target is set. Each figure stays on one line when
    a narrow cell wraps ('€' never alone at a line's end)."""
    if target is None:
        return write(value, lang=lang)
    started, of = (write(v, lang=lang).replace(" ", "\u00a0") for v in (value, target))
    return t("overview.started_of_target", started=started, target=of)


def portfolio_table(rows: list[dict], *, lang: str) -> pd.DataFrame:
    """One row per programme plus a totals row; the first column links to its Overview."""
    records = [_record(row, lang) for row in rows]
    blank = dict.fromkeys(("last_period", "last_status", "year", "programme_id"))
    totals = paired_totals(rows) | blank | {"programme": t("portfolio.total")}
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
        # Like with like: that year's spending against that year's budget (all years'
        # spending against one year's budget read as overspent at a glance).
        t("portfolio.column.spent"): _of(row["spent_this_year"], row["target_budget_this_year"],
                                         format_euro, lang),
        t("portfolio.column.spent_total"): format_euro(row["spent"], lang=lang),
        t("portfolio.column.capacity_gap"): format_count(row["capacity_gap"], lang=lang),
    }  # fmt: skip


def completeness_grid(rows: list[dict], *, marks_only: bool = False) -> pd.DataFrame:
    """Programmes down, quarters across; each cell its status (and 'late'), in words, or
    as a mark alone (a legend names them) so that a year and a half fits at 1024 px."""
    if not rows:
        return pd.DataFrame()
    cells = pd.DataFrame(
        {
            "programme": [r["programme"] for r in rows],
            "period": [r["period"] for r in rows],
            "cell": [_mark(r) if marks_only else _cell(r) for r in rows],
        }
    )
    grid = cells.pivot(index="programme", columns="period", values="cell")
    grid = grid.reindex(columns=quarters_in_view(rows), fill_value="").fillna("")
    grid.index.name = t("portfolio.column.programme")
    return grid.reset_index()


LATE_MARK = "*"


def _mark(row: dict) -> str:
    return STATUS_MARKS[row["status"]] + (LATE_MARK if row["late"] else "")


def completeness_legend() -> str:
    """'✓ Goedgekeurd; … Ingediend; …; * te laat': what each mark in the grid says (a
    semicolon between entries, since "·" is itself a mark: "not yet due")."""
    marks = [f"{mark} {t(f'completeness.status.{s}')}" for s, mark in STATUS_MARKS.items()]
    return "; ".join([*marks, f"{LATE_MARK} {t('completeness.late')}"])


def _cell(row: dict) -> str:
    status = row["status"]
    text = f"{STATUS_MARKS[status]} {t(f'completeness.status.{status}')}"
    return f"{text} ({t('completeness.late')})" if row["late"] else text


# In view at 1024 px (~560 px of table): where each programme stands and what it spent,
# under short headers whose full meaning is in each header's help. Completed,
# participants, granted, spent in all and the facilitator gap are in the column menu and
# the download.
SHOWN_WIDTHS = {"open": 68, "programme": 100, "last_period": 64, "status": 82,
                "started_year": 72, "cumulative": 80, "spent": 88}  # fmt: skip
# The grid shows a mark per quarter for the last year and a half, where something can
# still be done; the earlier quarters are in the column menu, and every quarter in words
# in the download.
QUARTERS_SHOWN = 6
GRID_WIDTHS = {"programme": 130, "quarter": 70}


def render_portfolio_table(table: pd.DataFrame) -> None:
    link = t("portfolio.column.open")
    opens = st.column_config.LinkColumn(
        link, display_text=t("portfolio.open"), width=SHOWN_WIDTHS["open"],
        help=t("portfolio.column.open_help"))  # fmt: skip
    render_fixed_table(table, headers="portfolio.column", widths=SHOWN_WIDTHS,
                       key="portfolio.table", only_these=True, with_help=True,
                       special={link: opens})  # fmt: skip
    _download(table, name="portfolio", sheet="Portfolio", label=t("portfolio.download"))


def render_completeness_grid(rows: list[dict]) -> None:
    grid = completeness_grid(rows, marks_only=True)
    programme = t("portfolio.column.programme")
    quarters = [c for c in grid.columns if c != programme][-QUARTERS_SHOWN:]
    columns = {programme: st.column_config.TextColumn(width=GRID_WIDTHS["programme"])}
    columns |= {q: st.column_config.TextColumn(width=GRID_WIDTHS["quarter"]) for q in quarters}
    st.dataframe(grid, hide_index=True, width="stretch", key="portfolio.grid",
                 column_config=columns, column_order=tuple(columns),
                 row_height=WRAPPING_ROW_HEIGHT)  # fmt: skip
    st.caption(completeness_legend())
    st.caption(tn("portfolio.completeness.in_view", len(quarters), count=len(quarters)))
    sheet = t("portfolio.completeness.heading")
    _download(completeness_grid(rows), name="rapportages", sheet=sheet,
              label=t("portfolio.completeness.download"))  # fmt: skip


def _download(table: pd.DataFrame, *, name: str, sheet: str, label: str) -> None:
    """The whole table, every column and quarter, as Excel."""
    st.download_button(label, data=to_excel_bytes(table, sheet_name=sheet),
                       file_name=f"lc-monitor-{name}.xlsx", mime=XLSX_MIME, key=f"{name}.xlsx",
                       on_click="ignore", icon=":material/download:", type="tertiary")  # fmt: skip
