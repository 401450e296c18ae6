"""Funding: granted and spent per quarter, cumulative against the budget, spent per
community. Funding is reported per programme, so the community filters don't apply."""

import streamlit as st

from data_access.kpis.funding import HEADLINE, funding_headline
from ui import cache
from ui.charts import (
    build_budget_figure,
    build_funding_quarter_figure,
    build_spent_per_community_figure,
)
from ui.components import (
    render_chart,
    render_empty_state,
    render_help_note,
    render_kpi_card,
    render_safely,
)
from ui.dashboard import page_header
from ui.format import format_euro
from ui.i18n import current_language, t


def render_headline(programme_id: int, period: str, lang: str) -> None:
    """Budget, granted, spent, remaining and spent per community for the period's year:
    the answer before the charts. Funding is per programme: no community filter."""
    summary = cache.kpi_summary(programme_id, period, None)
    figures = funding_headline(summary)
    for column, name in zip(st.columns(len(HEADLINE)), HEADLINE, strict=True):
        with column:
            render_kpi_card(
                label=t(f"funding.headline.{name}", year=summary["year"]),
                value=format_euro(figures[name], lang=lang),
                help_text=t(f"funding.headline.{name}.help"),
            )


def render() -> None:
    lang = current_language()
    filters = page_header("funding.title")
    if filters is None:
        return
    scope = {"programme_id": filters.programme_id, "as_of": filters.period}
    quarters = cache.funding_against_budget(**scope)
    if quarters.empty:
        render_empty_state(t("funding.empty", period=filters.period))
        return
    if not filters.community.is_empty:
        st.info(t("funding.not_filtered"), icon=":material/info:")
    render_headline(filters.programme_id, filters.period, lang)
    st.subheader(t("funding.quarter.heading"))
    render_chart(
        cache.figure(build_funding_quarter_figure, quarters, lang=lang), key="funding.quarters"
    )
    render_help_note(t("kpi.funding_quarter.definition"))
    st.subheader(t("funding.budget.heading"))
    render_chart(cache.figure(build_budget_figure, quarters, lang=lang), key="funding.budget")
    render_help_note(t("kpi.funding_budget.definition"))
    st.subheader(t("funding.per_community.heading"))
    per_year = cache.funding_per_year(**scope)
    render_chart(
        cache.figure(build_spent_per_community_figure, per_year, lang=lang),
        key="funding.per_community",
    )
    render_help_note(t("kpi.spent_per_community.definition"))


render_safely(render)
