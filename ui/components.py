"""Render helpers the pages share: KPI cards, charts with downloads, help notes, empty
states, error guard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import plotly.graph_objects as go
import streamlit as st

from ui.export.chart_data import chart_workbook
from ui.export.images import chromium_available, figure_image
from ui.i18n import t

log = logging.getLogger(__name__)


def render_kpi_card(*, label: str, value: str, help_text: str | None = None) -> None:
    """One headline figure with its "how is this counted" tooltip."""
    st.metric(label=label, value=value, help=help_text, border=True)


IMAGE_MIME = {"png": "image/png", "svg": "image/svg+xml"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_chart(figure: go.Figure, *, key: str, file_name: str | None = None) -> None:
    """A chart with PNG, SVG and Excel (its data) download buttons under it.

    Files are made only when a button is clicked (a callable `data`, run by Streamlit
    on its own thread), so drawing a page never starts a browser. The buttons sit in a
    row that wraps and keeps each label whole, even in a half-width column at 1024 px.
    """
    st.plotly_chart(figure, width="stretch", key=key)
    name = file_name or key.replace(".", "-")
    files = {
        "xlsx": (partial(chart_workbook, figure, category=t("chart.data.category")), XLSX_MIME)
    }
    if chromium_available():
        images = {fmt: (partial(figure_image, figure, fmt=fmt), m) for fmt, m in IMAGE_MIME.items()}
        files = images | files
    with st.container(horizontal=True, gap="small"):
        for fmt, (data, mime) in files.items():
            st.download_button(
                t(f"chart.download.{fmt}"), data=data, file_name=f"{name}.{fmt}", mime=mime,
                key=f"{key}.{fmt}", on_click="ignore", icon=":material/download:",
                type="tertiary", width="content",
            )  # fmt: skip
    if not chromium_available():
        st.caption(f":material/warning: {t('chart.download.no_chromium')}")


def render_help_note(text: str) -> None:
    """A short "how is this counted" note placed right under a figure."""
    st.caption(f":material/info: {text}")


def render_empty_state(message: str) -> None:
    """Say plainly that there is nothing to show yet, and what would change that."""
    st.info(message, icon=":material/inbox:")


def render_safely(body: Callable[[], None]) -> None:
    """Run a page body; an unexpected error shows a friendly message, not a traceback.

    Only `Exception` is caught: Streamlit's own rerun/stop signals derive from
    BaseException and pass through untouched.
    """
    try:
        body()
    except Exception:
        log.exception("page failed")
        st.error(t("error.unexpected"), icon=":material/error:")
