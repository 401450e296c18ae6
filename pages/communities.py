"""Communities: find a community by text, status or year, see its details, download the list."""

from functools import partial

import pandas as pd
import streamlit as st

from data_access.core.exports import csv_separator, to_csv_bytes, to_excel_bytes
from data_access.kpis.communities import display_table, search_communities
from data_access.kpis.success import SUCCESS_FACTORS
from data_access.workbook.export import export_table
from ui import cache
from ui.charts import build_community_timeline_figure
from ui.components import (
    render_chart,
    render_empty_state,
    render_help_note,
    render_kpi_card,
    render_safely,
)
from ui.dashboard import page_header
from ui.format import format_count, format_share
from ui.i18n import current_language, t, t_markdown, tn
from ui.midterm_view import render_midterm_todo
from ui.remembered import keep, restore
from ui.safe_text import escape_markdown
from ui.sidebar import Filters

STATUSES = ("planned", "running", "completed", "stopped")
ROLES = ("employees", "managers", "students", "teachers")
# The detail chooser lists at most this many of the rows shown: a 10,000-option
# drop-down is slow to draw and useless to scroll; the search narrows it instead.
MAX_CHOICES = 200
# The on-screen table shows at most this many rows (the downloads hold every match):
# sending 10,000 rows to the browser on every rerun doubles the page's time.
MAX_ROWS = 1000


SEARCH_PARAM, STATUS_PARAM = "q", "status"


def seed_from_url() -> None:
    """A copied link opens with its search text and statuses (`?q=…&status=running`),
    like the sidebar's filters; afterwards the widgets write the URL."""
    if "communities.search" not in st.session_state and SEARCH_PARAM in st.query_params:
        st.session_state["communities.search"] = st.query_params[SEARCH_PARAM]
    if "communities.statuses" not in st.session_state and STATUS_PARAM in st.query_params:
        chosen = st.query_params.get_all(STATUS_PARAM)
        st.session_state["communities.statuses"] = [s for s in STATUSES if s in chosen]


def write_url(text: str, statuses: list[str]) -> None:
    if text:
        st.query_params[SEARCH_PARAM] = text
    elif SEARCH_PARAM in st.query_params:
        del st.query_params[SEARCH_PARAM]
    if statuses:
        st.query_params[STATUS_PARAM] = list(statuses)
    elif STATUS_PARAM in st.query_params:
        del st.query_params[STATUS_PARAM]


def render_search(table: pd.DataFrame) -> pd.DataFrame:
    """Text search and status/year choices; the sidebar already applied sector,
    municipality and partner. They are as you left them when you come back."""
    year_options = sorted(int(y) for y in table["year"].dropna().unique())
    seed_from_url()
    restore("communities.search")
    restore("communities.statuses", STATUSES)
    restore("communities.years", year_options)
    text_column, status_column, year_column = st.columns([3, 2, 2])
    with text_column:
        text = st.text_input(
            t("communities.search"),
            placeholder=t("communities.search_hint"),
            key="communities.search",
        )
    with status_column:
        statuses = st.multiselect(
            t("communities.status"),
            options=list(STATUSES),
            format_func=lambda code: t(f"communities.status.{code}"),
            placeholder=t("sidebar.all"),
            key="communities.statuses",
        )
    with year_column:
        years = st.multiselect(
            t("communities.year"),
            options=year_options,
            placeholder=t("sidebar.all"),
            key="communities.years",
        )
    for key in ("communities.search", "communities.statuses", "communities.years"):
        keep(key)
    write_url(text, statuses)
    return search_communities(table, text=text, statuses=tuple(statuses), years=tuple(years))


def render_downloads(shown: pd.DataFrame, lang: str) -> None:
    """Excel and CSV of the rows shown; the files are built only when clicked."""
    export = partial(export_table, shown, lang=lang)
    sheet = t("communities.sheet")
    excel, comma, _ = st.columns([1, 1, 4])
    with excel:
        st.download_button(
            t("communities.download.xlsx"),
            data=lambda: to_excel_bytes(export(), sheet_name=sheet),
            file_name=f"{t('communities.file')}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/download:",
            key="communities.download_xlsx",
        )
    with comma:
        st.download_button(
            t("communities.download.csv"),
            data=lambda: to_csv_bytes(export(), separator=csv_separator(lang)),
            file_name=f"{t('communities.file')}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key="communities.download_csv",
        )


def render_detail(shown: pd.DataFrame, lang: str) -> None:
    st.subheader(t("communities.detail.heading"))
    first = shown.head(MAX_CHOICES)
    labels = dict(zip(first["community_id"], first["code"] + " · " + first["name"], strict=True))
    if len(shown) > MAX_CHOICES:
        st.caption(t("communities.detail.narrow", count=MAX_CHOICES))
    restore("communities.selected", labels)
    chosen = st.selectbox(
        t("communities.detail.choose"),
        options=list(labels),
        format_func=labels.__getitem__,
        key="communities.selected",
    )
    keep("communities.selected")
    row = first.loc[first["community_id"] == chosen].iloc[0]
    st.markdown(f"### {escape_markdown(row['name'])}")
    status = t(f"communities.status.{row['status']}")
    place = row["municipality"] if isinstance(row["municipality"], str) else "–"
    st.caption(
        t_markdown(
            "communities.detail.facts", company=row["company"], status=status, municipality=place
        )
    )
    render_chart(
        cache.figure(build_community_timeline_figure, row, lang=lang), key="communities.timeline"
    )
    for column, role in zip(st.columns(len(ROLES)), ROLES, strict=True):
        with column:
            st.metric(t(f"communities.role.{role}"), format_count(row[role], lang=lang))
    render_facts(row)
    render_checklist(row)


def render_facts(row: pd.Series) -> None:
    missing = t("communities.detail.none")
    for key, value in (
        ("question", row["question"]),
        ("champion", row["champion"]),
        ("facilitator", row["facilitator"]),
        ("partners", row["partners_with_level"]),
    ):
        shown = escape_markdown(value) if isinstance(value, str) and value.strip() else missing
        st.markdown(f"**{t(f'communities.detail.{key}')}:** {shown}")


def render_checklist(row: pd.Series) -> None:
    st.markdown(f"**{t('communities.detail.factors')}**")
    if pd.isna(row["score"]):
        st.caption(t("communities.detail.not_started"))
        return
    for factor in SUCCESS_FACTORS:
        value = row[f"factor_{factor}"]
        if pd.isna(value):  # a mid-term check before half-way: not required yet
            icon, answer = ":material/schedule:", t("communities.not_due")
        elif value:
            icon, answer = ":material/check_circle:", t("communities.yes")
        else:
            icon, answer = ":material/cancel:", t("communities.no")
        st.markdown(f"{icon} {t(f'success.{factor}')}: **{answer}**")
    render_help_note(t("kpi.success_factors.definition"))


def render() -> None:
    lang = current_language()
    filters = page_header("communities.title")
    if filters is None:
        return
    table = cache.community_table(
        programme_id=filters.programme_id,
        as_of=filters.period,
        filters=filters.community,
    )
    if table.empty:
        render_empty_state(t("communities.empty", period=filters.period))
        return
    render_list(table, lang)
    render_duration(filters, lang)
    render_midterm_todo(filters, lang)


def render_list(table: pd.DataFrame, lang: str) -> None:
    """Search, table, downloads and the chosen community's details."""
    shown = render_search(table)
    count = {
        "shown": format_count(len(shown), lang=lang),
        "total": format_count(len(table), lang=lang),
    }
    st.caption(tn("communities.count", len(table), **count))
    if shown.empty:
        render_empty_state(t("communities.no_match"))
        return
    # Wide by nature (its first columns identify and give the status); the container's
    # key lets the 1024 px browser check tell it from the tables that must fit.
    with st.container(key="communities.list"):
        st.dataframe(
            display_table(shown.head(MAX_ROWS), lang=lang), hide_index=True, key="communities.table"
        )
    if len(shown) > MAX_ROWS:
        st.caption(t("communities.first_rows", count=format_count(MAX_ROWS, lang=lang)))
    render_downloads(shown, lang)
    render_detail(shown, lang)


DURATION_COLUMNS = ("year", "communities", "mean_weeks", "median_weeks", "share_within_range")


def duration_table(per_year: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per start year, as text: whole weeks and whole percent (docs/figures.md rounding)."""
    weeks = partial(format_count, lang=lang)
    shown = pd.DataFrame(
        {
            "year": per_year["year"].astype(str),
            "communities": per_year["communities"].map(weeks),
            "mean_weeks": per_year["mean_weeks"].map(weeks),
            "median_weeks": per_year["median_weeks"].map(weeks),
            "share_within_range": per_year["share_within_range"].map(
                partial(format_share, lang=lang)
            ),
        }
    )
    return shown.rename(columns={c: t(f"communities.duration.{c}") for c in DURATION_COLUMNS})


def render_duration(filters: Filters, lang: str) -> None:
    """Completion rate and duration per start year (docs/figures.md), for the sidebar's
    filters; the search above narrows only the list."""
    st.subheader(t("communities.duration.heading"))
    summary = cache.kpi_summary(filters.programme_id, filters.period, filters.community)
    card, _ = st.columns([1, 3])
    with card:
        render_kpi_card(
            label=t("communities.duration.completion_rate"),
            value=format_share(summary["completion_rate"], lang=lang),
            help_text=t("kpi.completion_rate.definition"),
        )
    per_year = cache.duration_per_year(
        programme_id=filters.programme_id, as_of=filters.period, filters=filters.community
    )
    if per_year.empty:
        render_empty_state(t("communities.duration.empty"))
    else:
        st.dataframe(duration_table(per_year, lang), hide_index=True, key="communities.duration")
    render_help_note(t("kpi.duration.definition"))


render_safely(render)
