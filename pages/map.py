"""Map: Overijssel's 25 municipalities coloured by the communities started there."""

import streamlit as st

from data_access.core.reference import municipality_geojson
from ui import cache
from ui.charts import build_municipality_map_figure
from ui.components import render_chart, render_help_note, render_kpi_card, render_safely
from ui.dashboard import page_header
from ui.format import format_count
from ui.i18n import current_language, t


def render() -> None:
    lang = current_language()
    filters = page_header("map.title")
    if filters is None:
        return
    counts = cache.communities_per_municipality(
        programme_id=filters.programme_id,
        as_of=filters.period,
        filters=filters.community,
    )
    reached = int((counts["communities"] > 0).sum())
    left, right, _ = st.columns([1, 1, 2])
    with left:
        render_kpi_card(
            label=t("map.communities"),
            value=format_count(counts["communities"].sum(), lang=lang),
            help_text=t("kpi.map.definition"),
        )
    with right:
        render_kpi_card(
            label=t("map.reached"),
            value=t("map.reached_value", reached=reached, total=len(counts)),
            help_text=t("map.reached_help"),
        )
    figure = build_municipality_map_figure(
        counts, geojson=municipality_geojson(), labels=cache.sector_labels(lang), lang=lang
    )
    render_chart(figure, key="map.municipalities", file_name="overijssel")
    render_help_note(t("kpi.map.definition"))
    with st.expander(t("map.table")):
        table = counts[["municipality", "communities"]].rename(
            columns={
                "municipality": t("map.column.municipality"),
                "communities": t("map.communities"),
            }
        )
        st.dataframe(table, hide_index=True, key="map.table")


render_safely(render)
