"""Render helpers of the upload page: the validation report, the preview and the summary.

They draw an `ImportResult` in the user's current language, so switching language
re-renders the same result without validating the file again.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.imports.result import COUNT_KINDS, ENTITIES, ImportResult
from data_access.workbook import schema
from data_access.workbook.error_report import report_file_name
from data_access.workbook.report import Issue
from data_access.workbook.worker import error_report_isolated
from ui.format import format_long_date
from ui.i18n import current_language, t, t_markdown, tn

SHEETS_BY_KEY = {spec.key: spec for spec in schema.TABLE_SHEETS}
MISSING = "–"


def render_refusal(result: ImportResult) -> None:
    """A refused file gets one message, the reason in plain words, and nothing else."""
    reason = result.errors[0].message(current_language()) if result.errors else ""
    st.error(t_markdown("upload.refused", reason=reason), icon=":material/block:")


def render_issue_report(result: ImportResult, *, content: bytes, file_name: str) -> None:
    """Errors, then warnings, each grouped by sheet; plus the marked workbook to download."""
    st.subheader(t("upload.step.report"))
    errors, warnings = result.errors, result.warnings
    if errors:
        st.error(
            tn("upload.report.errors", len(errors), count=len(errors)), icon=":material/error:"
        )
    else:
        st.success(t("upload.report.ok"), icon=":material/check_circle:")
    if warnings:
        st.warning(
            tn("upload.report.warnings", len(warnings), count=len(warnings)),
            icon=":material/warning:",
        )
    for heading, issues in (("errors_heading", errors), ("warnings_heading", warnings)):
        if issues:
            st.markdown(f"**{t(f'upload.report.{heading}')}**")
            _render_by_sheet(issues)
    if result.issues:
        lang = current_language()
        st.download_button(
            t("upload.report.download"),
            data=lambda: error_report_isolated(content, result.issues, lang=lang),
            file_name=report_file_name(file_name, lang=lang),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/download:",
            key="upload.error_report",
            on_click="ignore",
        )


def issue_table(issues: list[Issue]) -> pd.DataFrame:
    """Row as Excel numbers it, column header as written, and the message."""
    lang = current_language()
    return pd.DataFrame(
        {
            t("upload.report.row"): [MISSING if i.row is None else str(i.row) for i in issues],
            t("upload.report.column"): [i.column or MISSING for i in issues],
            t("upload.report.message"): [i.message(lang) for i in issues],
        }
    )


def _render_by_sheet(issues: list[Issue]) -> None:
    sheets: dict[str | None, list[Issue]] = {}
    for issue in issues:
        sheets.setdefault(issue.sheet, []).append(issue)
    for sheet, group in sheets.items():
        title = t("upload.report.whole_file") if sheet is None else sheet
        st.caption(t_markdown("upload.report.sheet_heading", sheet=title))
        st.dataframe(issue_table(group), hide_index=True, width="stretch")


def render_preview(result: ImportResult) -> None:
    """Per entity: new / updated / unchanged / not reported, and every changed field."""
    st.subheader(t("upload.step.preview"))
    st.caption(
        t_markdown("upload.preview.caption", programme=result.programme, period=result.period)
    )
    st.table(counts_table(result), hide_index=True)
    st.caption(t("upload.preview.not_reported_help"))
    if result.replaces_batch_id is not None:
        st.info(t("upload.preview.replaces", batch_id=result.replaces_batch_id))
    if result.changes:
        st.markdown(f"**{t('upload.preview.changes')}**")
        st.dataframe(changes_table(result.changes), hide_index=True, width="stretch")


def counts_table(result: ImportResult) -> pd.DataFrame:
    rows = [
        {t("upload.preview.entity"): t(f"cli.entity.{entity}")}
        | {t(f"upload.preview.{kind}"): result.counts[entity][kind] for kind in COUNT_KINDS}
        for entity in ENTITIES
    ]
    return pd.DataFrame(rows)


def changes_table(changes: list[dict]) -> pd.DataFrame:
    """One row per changed field, with field names and values as the workbook writes them."""
    lang = current_language()
    rows = []
    for change in changes:
        column = SHEETS_BY_KEY[change["sheet"]].column(change["field"])
        rows.append(
            {
                t("upload.preview.entity"): t(f"cli.entity.{change['sheet']}"),
                t("upload.preview.key"): change["key"],
                t("upload.preview.field"): column.en if lang == "en" else column.nl,
                t("upload.preview.old"): display_value(change["old"], column, lang),
                t("upload.preview.new_value"): display_value(change["new"], column, lang),
            }
        )
    return pd.DataFrame(rows)


def display_value(value: object, column: schema.ColumnSpec, lang: str) -> str:
    """A stored value as a person reads it: choice labels, long dates, `;`-joined lists."""
    if value is None or value == []:
        return MISSING
    if isinstance(value, list):
        return "; ".join(display_value(item, column, lang) for item in value)
    if column.choices and value in column.choices:
        nl, en = column.choices[value]
        return en if lang == "en" else nl
    if column.kind == schema.DATE and isinstance(value, str):
        return format_long_date(date.fromisoformat(value), lang=lang)
    return str(value)


def render_summary(result: ImportResult) -> None:
    """What was applied, and where to look next."""
    st.success(
        t_markdown(
            "upload.summary.applied",
            programme=result.programme,
            period=result.period,
            batch_id=result.batch_id,
        ),
        icon=":material/task_alt:",
    )
    st.table(counts_table(result), hide_index=True)
    st.page_link(
        "pages/overview.py", label=t("upload.summary.to_overview"), icon=":material/dashboard:"
    )
    st.page_link(
        "pages/history.py", label=t("upload.summary.to_history"), icon=":material/history:"
    )
