"""The mid-term check as the programme lead's to-do (Communities page): how many
communities are past half their duration without a recorded check, and which.

A community not yet half-way is not counted (docs/figures.md: a check is required once past
half of its duration); the definition is `kpi.midterm_todo.definition`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.kpis.success import midterm_todo
from ui import cache
from ui.components import render_empty_state, render_help_note, render_kpi_card
from ui.format import format_count, format_long_date, format_share
from ui.i18n import t
from ui.sidebar import Filters


def render_midterm_todo(filters: Filters, lang: str) -> None:
    """Two cards (missing of due, and that share) and the communities that lack a check."""
    st.subheader(t("communities.midterm.heading"))
    checks = cache.midterm_checks(programme_id=filters.programme_id, as_of=filters.period,
                                  filters=filters.community)  # fmt: skip
    todo = midterm_todo(checks)
    missing_of_due = t("overview.value_of", value=format_count(todo["missing"], lang=lang),
                       target=format_count(todo["due"], lang=lang))  # fmt: skip
    left, right = st.columns(2)
    with left:
        render_kpi_card(label=t("communities.midterm.missing"), value=missing_of_due,
                        help_text=t("kpi.midterm_todo.definition"))  # fmt: skip
    with right:
        render_kpi_card(label=t("communities.midterm.share"),
                        value=format_share(todo["share_missing"], lang=lang),
                        help_text=t("kpi.midterm_todo.definition"))  # fmt: skip
    missing = checks[checks["missing"]]
    if todo["due"] == 0:
        render_empty_state(t("communities.midterm.nothing_due"))
    elif missing.empty:
        render_empty_state(t("communities.midterm.none_missing"))
    else:
        st.dataframe(midterm_table(missing, lang), hide_index=True, key="communities.midterm")
    render_help_note(t("kpi.midterm_todo.definition"))


def midterm_table(missing: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Code, name, status and half-way date of the communities without a check."""
    return pd.DataFrame(
        {
            t("communities.column.code"): missing["code"],
            t("communities.column.name"): missing["name"],
            t("communities.column.status"): [
                t(f"communities.status.{s}") for s in missing["status"]
            ],
            t("communities.midterm.halfway"): [
                format_long_date(day.date(), lang=lang) for day in missing["halfway"]
            ],
        }
    )
