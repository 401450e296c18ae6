"""Targets (officers): edit a programme's yearly targets; every change kept with who and
when, as the signed-in officer (checked here and again in data_access)."""

import streamlit as st

from data_access.core.periods import period_year
from ui import cache
from ui.auth import require_page
from ui.components import render_empty_state, render_help_note, render_safely
from ui.i18n import current_language, t, t_markdown
from ui.sidebar import current_filters
from ui.targets_view import history_table, render_target_form


def render() -> None:
    lang = current_language()
    require_page("targets")
    filters = current_filters()
    st.title(t("targets.title"))
    if filters.programme_id is None:
        render_empty_state(t("overview.empty.no_programme"))
        return
    st.caption(t_markdown("targets.subtitle", programme=filters.programme_name))
    year = period_year(filters.period) if filters.period else None
    years = (year, year + 1) if year is not None else ()
    grid = cache.target_grid(programme_id=filters.programme_id, years=years)
    if grid.empty:
        render_empty_state(t("targets.empty"))
        return
    render_target_form(grid, programme_id=filters.programme_id)
    render_help_note(t("targets.help"))
    st.subheader(t("targets.history.heading"))
    history = cache.target_changes(programme_id=filters.programme_id)
    if history.empty:
        render_empty_state(t("targets.history.empty"))
        return
    # A plain table wraps its text, so every column stays in view at 1024 px.
    st.table(history_table(history, lang=lang), hide_index=True)


render_safely(render)
