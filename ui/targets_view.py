"""The Targets page's form: one number input per year × measure, saved with who and when.

Access control arrives with sign-in (a later issue); until then the officer types
their name or e-mail, and that is what the history records.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_access.access.permissions import Actor, PermissionDenied
from data_access.access.target_edits import changed_cells, save_target_changes
from data_access.core.db import session_scope
from data_access.core.i18n import plural_key
from ui import cache
from ui.auth import current_actor
from ui.format import format_count, format_euro
from ui.history_view import format_moment
from ui.i18n import current_language, t, t_markdown
from ui.safe_text import escape_markdown

EURO_MEASURES = ("budget",)
OUTCOME_KEY = "targets.outcome"  # (translation key, params, kind) of the last save


def render_target_form(grid: pd.DataFrame, *, programme_id: int) -> None:
    """The grid as number inputs in a form; saving writes only the changed cells."""
    # Short headers (the help note under the form names each measure in full): at 1024 px
    # a column is ~110 px, and "leergemeenschappen" would break in the middle of the word.
    widths = [0.6] + [1] * len(grid.columns)
    with st.form("targets.form", enter_to_submit=False):
        columns = st.columns(widths)
        columns[0].markdown(f"**{t('chart.year')}**")
        for column, measure in zip(columns[1:], grid.columns, strict=True):
            column.markdown(f"**{t(f'targets.short.{measure}')}**")
        values = {}
        for year in grid.index:
            row = st.columns(widths)
            row[0].markdown(f"**{year}**")
            for column, measure in zip(row[1:], grid.columns, strict=True):
                with column:
                    values[(year, measure)] = _number_input(year, measure, grid.at[year, measure])
        actor = current_actor()
        st.caption(t_markdown("upload.acting_as", email=actor.email if actor else ""))
        if st.form_submit_button(t("targets.save"), type="primary", icon=":material/save:"):
            after = pd.Series(values).unstack().reindex(index=grid.index, columns=grid.columns)
            _save(programme_id, changed_cells(grid, after.astype("float64")), actor)
    _render_outcome()


def _number_input(year: int, measure: str, current: float) -> float | None:
    euros = measure in EURO_MEASURES
    return st.number_input(
        t(f"targets.measure.{measure}") + f" {year}",
        value=None if math.isnan(current) else int(current),
        min_value=0,
        step=1000 if euros else 1,
        label_visibility="collapsed",
        key=f"targets.value.{year}.{measure}",
    )


def _save(programme_id: int, changes: list, actor: Actor | None) -> None:
    if actor is None:
        st.session_state[OUTCOME_KEY] = ("error.permission.no_actor", {}, "error")
        return
    if not changes:
        st.session_state[OUTCOME_KEY] = ("targets.unchanged", {}, "info")
        return
    try:
        with session_scope(write=True) as session:
            saved = save_target_changes(
                session, programme_id=programme_id, changes=changes, actor=actor
            )
    except PermissionDenied as denied:
        key = f"error.permission.{denied.code}"
        st.session_state[OUTCOME_KEY] = (key, denied.params, "error")
        return
    cache.clear_caches()
    saved_key = plural_key("targets.saved", saved, current_language())  # 1 doel, 2 doelen
    st.session_state[OUTCOME_KEY] = (saved_key, {"count": saved}, "success")


def _render_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is None:
        return
    key, params, kind = outcome
    getattr(st, kind)(t(key, **params))


def history_table(history: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """Which target, old → new, by whom and when, with labels and numbers in `lang`:
    what changed first, so it stays in view on a laptop."""
    records = []
    for row in history.itertuples():  # a few rows per edit: a person's changes, not data
        euros = row.measure in EURO_MEASURES
        shown = _formatter(euros, lang)
        records.append(
            {
                t("chart.year"): str(row.year),
                t("targets.column.measure"): t(f"targets.measure.{row.measure}"),
                t("targets.column.change"): f"{shown(row.old_value)} → {shown(row.new_value)}",
                # The page shows this as a plain table, whose cells are Markdown.
                t("targets.column.changed_by"): escape_markdown(row.changed_by),
                t("targets.column.changed_at"): format_moment(
                    row.changed_at, lang=lang, compact=True
                ),
            }
        )
    return pd.DataFrame(records)


def _formatter(euros: bool, lang: str) -> Callable[[float | None], str]:
    def shown(value: float | None) -> str:
        return format_euro(value, lang=lang) if euros else format_count(value, lang=lang)

    return shown
