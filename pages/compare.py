"""Compare: any two periods or years side by side, with the difference (B − A).

A year means as of its last quarter. The two choices live in the URL (`a`, `b`)
like the sidebar filters, so a copied link shows the same comparison.
"""

import pandas as pd
import streamlit as st

from data_access.core.periods import period_year
from ui import cache
from ui.components import render_empty_state, render_help_note, render_safely
from ui.dashboard import page_header
from ui.format import format_count, format_euro, format_share
from ui.i18n import current_language, t
from ui.remembered import keep, restore

EURO_MEASURES = {"granted", "spent", "granted_this_year", "spent_this_year",
                 "spent_per_community_this_year"}  # fmt: skip
SHARE_MEASURES = {"completion_rate"}
GAP = "capacity_gap"


def choices(periods: list[str]) -> list[str]:
    """Years (newest first) followed by the reported periods (newest first)."""
    years = sorted({str(period_year(p)) for p in periods}, reverse=True)
    return years + list(reversed(periods))


def chooser(label_key: str, key: str, options: list[str], default: str) -> str:
    """A side's choice: from a link first, else as last chosen in this session (other
    pages drop `a`/`b` from the URL once they are read)."""
    param = key.split(".")[-1]
    from_url = st.query_params.get(param)
    if key not in st.session_state and from_url in options:
        st.session_state[key] = from_url
    restore(key, options)
    if st.session_state.get(key) not in options:
        st.session_state[key] = default
    value = st.selectbox(t(label_key), options=options, key=key)
    keep(key)
    st.query_params[param] = value
    return value


def formatted(measure: str, value: float, lang: str, *, signed: bool = False) -> str:
    """A value as the measure reads; a difference of shares in percentage points, a
    negative shortage as a surplus (`overschot 14`)."""
    if measure in SHARE_MEASURES and signed:
        return signed_points(value, lang)
    if measure == GAP and not signed and pd.notna(value) and value != 0:
        side = "shortage" if value > 0 else "surplus"
        return t(f"compare.gap.{side}", value=format_count(abs(value), lang=lang))
    if measure in SHARE_MEASURES:
        text = format_share(abs(value) if signed else value, lang=lang)
    elif measure in EURO_MEASURES:
        text = format_euro(abs(value) if signed else value, lang=lang)
    else:
        text = format_count(abs(value) if signed else value, lang=lang)
    if signed and pd.notna(value) and value != 0:
        return ("+" if value > 0 else "-") + text
    return text


def signed_points(value: float, lang: str) -> str:
    """`+5 procentpunt` / `-12 pp`: the difference between two percentages."""
    if pd.isna(value):
        return format_share(value, lang=lang)
    points = round(abs(value) * 100)
    sign = "" if points == 0 else ("+" if value > 0 else "-")
    return sign + t("compare.points", value=format_count(points, lang=lang))


def comparison_table(frame: pd.DataFrame, a: str, b: str, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("compare.column.measure"): t(f"compare.measure.{row.measure}"),
            t("compare.column.a", choice=a): formatted(row.measure, row.a, lang),
            t("compare.column.b", choice=b): formatted(row.measure, row.b, lang),
            t("compare.column.difference"): formatted(
                row.measure, row.difference, lang, signed=True
            ),
        }
        for row in frame.itertuples()
    ]
    return pd.DataFrame(rows).set_index(t("compare.column.measure"))


def render() -> None:
    lang = current_language()
    filters = page_header("compare.title")
    if filters is None:
        return
    options = choices(cache.periods(filters.programme_id))
    left, right = st.columns(2)
    with left:
        oldest_year = [o for o in options if "-" not in o][-1]
        a = chooser("compare.a", "compare.a", options, oldest_year)
    with right:
        b = chooser("compare.b", "compare.b", options, filters.period)
    frame = cache.compare_periods(
        programme_id=filters.programme_id,
        a=a,
        b=b,
        filters=filters.community,
    )
    if frame.empty:
        render_empty_state(t("compare.empty"))
        return
    st.table(comparison_table(frame, a, b, lang))
    render_help_note(t("compare.help"))


render_safely(render)
