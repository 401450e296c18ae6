"""What the dashboard pages share: the header with its empty states, and delta cards.

Every page starts the same way (title, "no programme" / "no period" states, the
"as of" subtitle), so a page body only draws its own figures.
"""

from __future__ import annotations

import math

import streamlit as st

from data_access.core.periods import period_end
from ui.components import render_empty_state
from ui.format import format_count, format_euro, format_long_date
from ui.i18n import current_language, t, t_markdown
from ui.sidebar import Filters, current_filters


def page_header(title_key: str) -> Filters | None:
    """Title, empty states and subtitle; the filters when there is a period to show."""
    filters = current_filters()
    st.title(t(title_key))
    if filters.programme_id is None:
        render_empty_state(t("overview.empty.no_programme"))
        return None
    if filters.period is None:
        render_empty_state(t("overview.empty.no_period", programme=filters.programme_name))
        return None
    as_of = format_long_date(period_end(filters.period), lang=current_language())
    st.caption(t_markdown("overview.subtitle", programme=filters.programme_name, as_of=as_of))
    if not filters.community.is_empty:
        st.caption(f":material/filter_alt: {t('dashboard.filtered')}")
    return filters


def format_value(value: float, *, euros: bool, lang: str) -> str:
    return format_euro(value, lang=lang) if euros else format_count(value, lang=lang)


def format_change(change: float, *, euros: bool, lang: str) -> str | None:
    """`+3`, `-€ 1.200`, or None (no delta arrow) when there is no change to show."""
    if change is None or (isinstance(change, float) and math.isnan(change)) or change == 0:
        return None
    sign = "+" if change > 0 else "-"
    return sign + format_value(abs(change), euros=euros, lang=lang)


def render_delta_card(
    *, label: str, value: str, change: str | None, help_text: str, inverse: bool = False
) -> None:
    """One headline figure with its change since the previous period and its definition."""
    st.metric(
        label=label,
        value=value,
        delta=change,
        delta_color="inverse" if inverse else "normal",
        help=help_text,
        border=True,
    )
