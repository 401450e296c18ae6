"""The audit page's filters (actor, action, programme, dates), table and downloads.

Read fresh on every run (no cache): the log must show a write the moment it happened.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pandas as pd
import streamlit as st

from data_access.access.audit import AUDIT_ACTIONS, audit_actors, audit_frame
from data_access.core.db import session_scope
from data_access.core.exports import csv_separator, to_csv_bytes, to_excel_bytes
from ui import cache
from ui.history_view import format_moment
from ui.i18n import current_language, t
from ui.layout import render_fixed_table

NONE = "–"  # an empty cell reads as a dash, never "None"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_filters() -> pd.DataFrame:
    """Draw the filters and return the matching events, newest first."""
    with session_scope() as session:
        actors = audit_actors(session)
    programmes = dict(cache.programmes())
    left, middle, right = st.columns(3)
    every = t("sidebar.all")
    actor = left.selectbox(
        t("audit.filter.actor"), [None, *actors], key="audit.actor",
        format_func=lambda a: a or every,
    )  # fmt: skip
    action = middle.selectbox(
        t("audit.filter.action"), [None, *AUDIT_ACTIONS], key="audit.action",
        format_func=lambda a: t(f"audit.action.{a}") if a else every,
    )  # fmt: skip
    programme = right.selectbox(
        t("audit.filter.programme"), [None, *programmes], key="audit.programme",
        format_func=lambda p: programmes[p] if p else every,
    )  # fmt: skip
    dates = st.date_input(t("audit.filter.dates"), value=(), key="audit.dates",
                          format="DD-MM-YYYY")  # fmt: skip
    since, until = _day_range(dates)
    with session_scope() as session:
        return audit_frame(session, actor=actor, action=action, programme_id=programme,
                           since=since, until=until)  # fmt: skip


def audit_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events with translated headers and actions, times in Dutch local time."""
    lang = current_language()
    return pd.DataFrame(
        {
            t("audit.column.at"): [
                format_moment(at, lang=lang, compact=True) for at in events["at"]
            ],
            t("audit.column.actor"): events["actor"],
            t("audit.column.action"): [t(f"audit.action.{a}") for a in events["action"]],
            t("audit.column.entity"): [
                entity_text(entity, entity_id)
                for entity, entity_id in zip(events["entity"], events["entity_id"], strict=True)
            ],
            t("audit.column.programme"): events["programme"].fillna(NONE),
            t("audit.column.period"): events["period"].fillna(NONE),
            t("audit.column.details"): events["details"],
        }
    )


# In view at 1024 px: who did what when, sized to fit beside each other (a longer e-mail
# or subject ends in "…"; drag the column wider to read it). Programme, period and
# details are in the table's column menu (its eye icon) and in both downloads.
SHOWN_WIDTHS = {"at": 100, "actor": 150, "action": 130, "entity": 175}


def render_table(table: pd.DataFrame) -> None:
    render_fixed_table(table, headers="audit.column", widths=SHOWN_WIDTHS, key="audit.table",
                       only_these=True)  # fmt: skip


def entity_text(entity: str, entity_id: str | None) -> str:
    """What a write was about, in words: `Upload #4`, `Doel 2023: Gecertificeerde
    facilitatoren`, `Rol van lead@…`; never the table's name or a raw code."""
    if entity_id is None or pd.isna(entity_id):
        return t(f"audit.entity.{entity}", id=NONE)
    if entity == "target" and "/" in entity_id:
        year, measure = entity_id.split("/", 1)
        return t("audit.entity.target", id=year, measure=t(f"targets.measure.{measure}"))
    return t(f"audit.entity.{entity}", id=entity_id, measure="")


def render_downloads(table: pd.DataFrame) -> None:
    left, right = st.columns(2)
    left.download_button(t("audit.download.excel"), key="audit.xlsx", on_click="ignore",
                         data=to_excel_bytes(table, sheet_name=t("audit.title")),
                         file_name="logboek.xlsx", mime=XLSX_MIME)  # fmt: skip
    right.download_button(t("audit.download.csv"), key="audit.csv", on_click="ignore",
                          data=to_csv_bytes(table, separator=csv_separator(current_language())),
                          file_name="logboek.csv",
                          mime="text/csv")  # fmt: skip


def _day_range(dates) -> tuple[datetime | None, datetime | None]:
    """A chosen day range as UTC bounds (until: the start of the day after)."""
    chosen = [d for d in (dates if isinstance(dates, tuple | list) else (dates,)) if d]
    if not chosen:
        return None, None
    first, last = chosen[0], chosen[-1]
    start = datetime.combine(first, time.min, tzinfo=UTC)
    return start, datetime.combine(last + timedelta(days=1), time.min, tzinfo=UTC)
