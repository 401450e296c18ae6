"""Render helpers the pages share: KPI cards, charts with downloads, help notes, empty
states, error guard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import plotly.graph_objects as go
import streamlit as st

from ui.export.images import chromium_available, figure_image
from ui.i18n import t

log = logging.getLogger(__name__)


def render_kpi_card(*, label: str, value: str, help_text: str | None = None) -> None:
    """One headline figure with its "how is this counted" tooltip."""
    st.metric(label=label, value=value, help=help_text, border=True)


IMAGE_MIME = {"png": "image/png", "svg": "image/svg+xml"}


def render_chart(figure: go.Figure, *, key: str, file_name: str | None = None) -> None:
    """A chart with PNG and SVG download buttons under it.

    The image is rendered only when a button is clicked (a callable `data`, run by
    Streamlit on its own thread), so drawing a page never starts a browser.
    """
    st.plotly_chart(figure, width="stretch", key=key)
    if not chromium_available():
        st.caption(f":material/warning: {t('chart.download.no_chromium')}")
        return
    columns = st.columns([1, 1, 6])
    for column, fmt in zip(columns, IMAGE_MIME, strict=False):
        with column:
            st.download_button(
                t(f"chart.download.{fmt}"),
                data=partial(figure_image, figure, fmt=fmt),
                file_name=f"{file_name or key.replace('.', '-')}.{fmt}",
                mime=IMAGE_MIME[fmt],
                key=f"{key}.{fmt}",
                on_click="ignore",
                icon=":material/download:",
                type="tertiary",
            )


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
