"""Portfolio: every programme side by side, and which quarters each has reported."""

from datetime import date

import streamlit as st

from ui import cache
from ui.auth import require_page
from ui.charts.portfolio import build_portfolio_progress_figure
from ui.components import render_chart, render_empty_state, render_help_note, render_safely
from ui.i18n import current_language, t
from ui.portfolio_view import (
    portfolio_table,
    render_completeness_grid,
    render_portfolio_table,
)


def render() -> None:
    require_page("portfolio")
    lang = current_language()
    st.title(t("portfolio.title"))
    rows = cache.portfolio()
    if not rows:
        render_empty_state(t("portfolio.empty"))
        return
    st.caption(t("portfolio.intro"))
    render_portfolio_table(portfolio_table(rows, lang=lang))
    render_help_note(t("portfolio.help"))
    st.subheader(t("portfolio.chart.title"))
    render_chart(
        cache.figure(build_portfolio_progress_figure, rows, lang=lang), key="portfolio.chart"
    )
    st.subheader(t("portfolio.completeness.heading"))
    completeness = cache.completeness(date.today())
    if not completeness:
        render_empty_state(t("portfolio.completeness.empty"))
    else:
        render_completeness_grid(completeness)
    render_help_note(t("portfolio.completeness.help"))


render_safely(render)
