"""Overview: where the programme stands as of the chosen period, with the change since
the previous quarter, the yearly and cumulative progress against the targets."""

import pandas as pd
import streamlit as st

from data_access.kpis.overview import programme_sentence
from data_access.kpis.summary import years_begun
from ui import cache
from ui.charts import build_communities_vs_target_figure, build_cumulative_progress_figure
from ui.components import (
    render_chart,
    render_empty_state,
    render_help_note,
    render_kpi_card,
    render_safely,
)
from ui.dashboard import format_change, format_value, page_header, render_delta_card
from ui.format import format_count
from ui.i18n import current_language, t

EURO_CARDS = ("granted", "spent")
# Euro amounts get rows of two: "€ 151.450" needs more width than a quarter of the
# page has on a laptop, where four cards in a row cut it to "€ 151.4…".
CARD_ROWS = (
    ("started_year", "started_cumulative", "completed_year", "running_now"),
    ("participants", "facilitators_certified"),
    EURO_CARDS,
)


def started_of_target(started: float, target: float, lang: str, *, filtered: bool) -> str:
    """`13 van 13`; the count alone with a filter (targets are the programme's, not a
    sector's), else `3 (geen doel)` when no target was set for that year."""
    if filtered:
        return format_count(started, lang=lang)
    if pd.isna(target):
        return t("overview.started_no_target", started=format_count(started, lang=lang))
    return t(
        "overview.started_of_target",
        started=format_count(started, lang=lang),
        target=format_count(target, lang=lang),
    )


def card_value(measure: str, value: float, target: float, lang: str) -> str:
    """`10 van 10` for counts with a target; euros alone (`€ 151.450`), their budget
    goes in the label (see `card_label`) so the amount is never cut off."""
    euros = measure in EURO_CARDS
    shown = format_value(value, euros=euros, lang=lang)
    if euros or pd.isna(target):
        return shown
    return t("overview.value_of", value=shown, target=format_count(target, lang=lang))


def card_label(measure: str, target: float, year: int, lang: str) -> str:
    """A euro card's label carries what its amount is measured against: the budget
    (`Toegekend dit jaar (2023), budget € 200.000`) or what was granted
    (`Besteed dit jaar (2023), van € 200.000 toegekend`)."""
    label = t(f"overview.card.{measure}", year=year)
    if measure not in EURO_CARDS or pd.isna(target):
        return label
    return t(f"overview.card.{measure}_of", label=label,
             target=format_value(target, euros=True, lang=lang))  # fmt: skip


def render_headline_cards(cards: pd.DataFrame, year: int, lang: str) -> None:
    rows = cards.set_index("measure")
    for measures in CARD_ROWS:
        for column, measure in zip(st.columns(len(measures)), measures, strict=True):
            row = rows.loc[measure]
            with column:
                render_delta_card(
                    label=card_label(measure, row["target"], year, lang),
                    value=card_value(measure, row["value"], row["target"], lang),
                    change=format_change(row["change"], euros=measure in EURO_CARDS, lang=lang),
                    help_text=t(f"kpi.{measure}.definition"),
                )
    st.caption(t("overview.delta_note"))


def render_year_cards(frame: pd.DataFrame, lang: str, *, filtered: bool) -> None:
    last = frame.iloc[-1]
    columns = st.columns(len(frame) + 1)
    for column, row in zip(columns, frame.itertuples(), strict=False):
        with column:
            render_kpi_card(
                label=t("overview.started_in_year", year=row.year),
                value=started_of_target(row.started, row.target_started, lang, filtered=filtered),
                help_text=t("overview.help.started"),
            )
    with columns[-1]:
        render_kpi_card(
            label=t("overview.cumulative"),
            value=started_of_target(
                last.cumulative_started, last.cumulative_target, lang, filtered=filtered
            ),
            help_text=t("overview.help.cumulative"),
        )


def render() -> None:
    lang = current_language()
    filters = page_header("overview.title")
    if filters is None:
        return
    scope = {"programme_id": filters.programme_id, "filters": filters.community}
    frame = cache.communities_vs_target(filters.programme_id, filters.period, filters.community)
    frame = years_begun(frame, filters.period)  # no card for a year not begun yet
    if frame.empty:
        render_empty_state(t("overview.empty.no_data", period=filters.period))
        return
    outcome = cache.year_outcome(as_of=filters.period, **scope)
    st.markdown(f"**{programme_sentence(outcome, lang=lang)}**")
    cards = cache.overview_cards(as_of=filters.period, **scope)
    render_headline_cards(cards, outcome["year"], lang)
    st.subheader(t("overview.started.heading"))
    render_year_cards(frame, lang, filtered=not filters.community.is_empty)
    render_chart(
        cache.figure(build_communities_vs_target_figure, frame, lang=lang), key="overview.started"
    )
    render_help_note(t("overview.help.chart"))
    st.subheader(t("overview.cumulative.heading"))
    render_chart(
        cache.figure(build_cumulative_progress_figure, frame, lang=lang), key="overview.cumulative"
    )
    render_help_note(t("kpi.started_cumulative.definition"))


render_safely(render)
