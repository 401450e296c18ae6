"""Render helpers the pages share: KPI cards, help notes, empty states, error guard."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from ui.i18n import t

log = logging.getLogger(__name__)


def render_kpi_card(*, label: str, value: str, help_text: str | None = None) -> None:
    """One headline figure with its "how is this counted" tooltip."""
    st.metric(label=label, value=value, help=help_text, border=True)


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
