"""Facilitators: capacity against load per period, utilisation per facilitator, trained
cohorts, and whether next year's target can be staffed, answered with one number."""

import pandas as pd
import streamlit as st

from ui import cache
from ui.auth import current_actor, may_see
from ui.charts import build_capacity_figure, build_cohorts_figure, build_utilisation_figure
from ui.components import (
    render_chart,
    render_empty_state,
    render_help_note,
    render_kpi_card,
    render_safely,
)
from ui.dashboard import page_header
from ui.format import format_count
from ui.i18n import current_language, t, tn


def render_staffing(gap: dict, lang: str) -> None:
    """ "Can we staff next year's target?": the gap as one number, with its meaning."""
    st.subheader(t("facilitators.staffing.heading", year=gap["year"]))
    if pd.isna(gap["gap"]):
        render_empty_state(t("facilitators.staffing.no_target", year=gap["year"]))
        render_set_target_hint(gap["year"])
        return
    columns = st.columns(3)
    figures = (
        ("target", gap["target"], "kpi.staffing_target.definition"),
        ("capacity", gap["capacity"], "kpi.facilitator_capacity.definition"),
        ("gap", gap["gap"], "kpi.staffing_gap.definition"),
    )
    for column, (name, value, help_key) in zip(columns, figures, strict=True):
        with column:
            render_kpi_card(
                label=t(f"facilitators.staffing.{name}", year=gap["year"]),
                value=format_count(value, lang=lang),
                help_text=t(help_key),
            )
    verdict = "shortage" if gap["gap"] > 0 else "enough"
    st.markdown(
        tn(
            f"facilitators.staffing.{verdict}",
            abs(gap["gap"]),
            count=format_count(abs(gap["gap"]), lang=lang),
        )
    )


def render_set_target_hint(year: int) -> None:
    """Without a target the question has no answer: say who sets one, and link an
    officer straight to the *Doelen* page."""
    if may_see(current_actor(), "targets"):
        st.page_link("pages/targets.py", label=t("facilitators.staffing.set_target", year=year),
                     icon=":material/flag:")  # fmt: skip
    else:
        st.caption(t("facilitators.staffing.who_sets", year=year))


def render() -> None:
    lang = current_language()
    filters = page_header("facilitators.title")
    if filters is None:
        return
    scope = {"programme_id": filters.programme_id, "filters": filters.community}
    load = cache.facilitator_load(as_of=filters.period, **scope)
    if load.empty:
        render_empty_state(t("facilitators.empty", period=filters.period))
        return
    render_staffing(cache.staffing_gap(as_of=filters.period, **scope), lang)
    st.subheader(t("facilitators.capacity.heading"))
    capacity = cache.capacity_per_period(as_of=filters.period, **scope)
    render_chart(
        cache.figure(build_capacity_figure, capacity, lang=lang), key="facilitators.capacity"
    )
    render_help_note(t("kpi.capacity_gap.definition"))
    st.subheader(t("facilitators.utilisation.heading"))
    render_chart(
        cache.figure(build_utilisation_figure, load, lang=lang), key="facilitators.utilisation"
    )
    render_help_note(t("kpi.facilitator_load.definition"))
    st.subheader(t("facilitators.cohorts.heading"))
    cohorts = cache.facilitator_cohorts(as_of=filters.period, **scope)
    if cohorts.empty:
        render_empty_state(t("facilitators.cohorts.empty"))
    else:
        render_chart(
            cache.figure(build_cohorts_figure, cohorts, lang=lang), key="facilitators.cohorts"
        )
    render_help_note(t("kpi.trained_cohorts.definition"))


render_safely(render)
