"""Sectors: split per year (count and share), coverage by facilitators, success factors."""

import streamlit as st

from ui import cache
from ui.charts import (
    build_sector_coverage_figure,
    build_sector_split_figure,
    build_success_factor_figure,
)
from ui.components import render_chart, render_empty_state, render_help_note, render_safely
from ui.dashboard import page_header
from ui.i18n import current_language, t


def render_split(split, labels: dict[str, str], lang: str) -> None:
    st.subheader(t("sectors.split.heading"))
    left, right = st.columns(2)
    with left:
        figure = cache.figure(build_sector_split_figure, split, labels=labels, lang=lang)
        render_chart(figure, key="sectors.split_count")
    with right:
        figure = cache.figure(
            build_sector_split_figure, split, labels=labels, lang=lang, measure="share"
        )
        render_chart(figure, key="sectors.split_share")
    render_help_note(t("kpi.sector_split.definition"))


def render_coverage(coverage, labels: dict[str, str], lang: str) -> None:
    st.subheader(t("sectors.coverage.heading"))
    figure = cache.figure(build_sector_coverage_figure, coverage, labels=labels, lang=lang)
    render_chart(figure, key="sectors.coverage")
    render_help_note(t("kpi.sector_coverage.definition"))


def render_success(scope: dict, labels: dict[str, str], lang: str) -> None:
    st.subheader(t("sectors.success.heading"))
    for by, group_labels in (("year", {}), ("sector", labels)):
        shares = cache.success_factor_shares(by=(by,), **scope)
        if shares.empty:
            continue
        st.markdown(t(f"sectors.success.by_{by}"))
        figure = cache.figure(
            build_success_factor_figure, shares, by=by, group_labels=group_labels, lang=lang
        )
        render_chart(figure, key=f"sectors.success_{by}")
    render_help_note(t("kpi.success_factors.definition"))


def render() -> None:
    lang = current_language()
    filters = page_header("sectors.title")
    if filters is None:
        return
    scope = {
        "programme_id": filters.programme_id,
        "as_of": filters.period,
        "filters": filters.community,
    }
    labels = cache.sector_labels(lang)
    split = cache.sector_split(**scope)
    if split.empty:
        render_empty_state(t("sectors.empty", period=filters.period))
        return
    render_split(split, labels, lang)
    render_coverage(cache.sector_coverage(**scope), labels, lang)
    render_success(scope, labels, lang)


render_safely(render)
