"""Overview: communities started per year against the target, as of the chosen period."""

import pandas as pd
import streamlit as st

from data_access.periods import period_end
from ui import cache
from ui.charts import build_communities_vs_target_figure
from ui.components import render_empty_state, render_help_note, render_kpi_card, render_safely
from ui.format import format_count, format_long_date
from ui.i18n import current_language, t
from ui.sidebar import current_filters


def started_of_target(started: float, target: float, lang: str) -> str:
    """`13 van 13`, or just the count when no target was set for that year."""
    if pd.isna(target):
        return t("overview.started_no_target", started=format_count(started, lang=lang))
    return t(
        "overview.started_of_target",
        started=format_count(started, lang=lang),
        target=format_count(target, lang=lang),
    )


def render_year_cards(frame: pd.DataFrame, lang: str) -> None:
    last = frame.iloc[-1]
    columns = st.columns(len(frame) + 1)
    for column, row in zip(columns, frame.itertuples(), strict=False):
        with column:
            render_kpi_card(
                label=t("overview.started_in_year", year=row.year),
                value=started_of_target(row.started, row.target_started, lang),
                help_text=t("overview.help.started"),
            )
    with columns[-1]:
        render_kpi_card(
            label=t("overview.cumulative"),
            value=started_of_target(last.cumulative_started, last.cumulative_target, lang),
            help_text=t("overview.help.cumulative"),
        )


def render() -> None:
    lang = current_language()
    filters = current_filters()
    st.title(t("overview.title"))
    if filters.programme_id is None:
        render_empty_state(t("overview.empty.no_programme"))
        return
    if filters.period is None:
        render_empty_state(t("overview.empty.no_period", programme=filters.programme_name))
        return
    as_of = format_long_date(period_end(filters.period), lang=lang)
    st.caption(t("overview.subtitle", programme=filters.programme_name, as_of=as_of))
    frame = cache.communities_vs_target(filters.programme_id, filters.period)
    if frame.empty:
        render_empty_state(t("overview.empty.no_data", period=filters.period))
        return
    st.subheader(t("overview.started.heading"))
    render_year_cards(frame, lang)
    st.plotly_chart(build_communities_vs_target_figure(frame, lang=lang), width="stretch")
    render_help_note(t("overview.help.chart"))


render_safely(render)
