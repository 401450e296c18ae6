"""Approvals (officers): approve or reject submitted imports; unlock approved periods."""

import streamlit as st

from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.history_view import choose_import
from ui.i18n import t
from ui.review_view import (
    locks,
    pending,
    pending_table,
    render_locks,
    render_outcome,
    render_review,
)


def render() -> None:
    require_page("approvals")
    st.title(t("approvals.title"))
    st.caption(t("approvals.intro"))
    render_outcome()
    rows = pending()
    if not rows:
        render_empty_state(t("approvals.empty"))
    else:
        st.dataframe(pending_table(rows), hide_index=True, width="stretch")
        render_review(choose_import(rows, key="approvals.chosen"))
    st.subheader(t("approvals.locks.heading"))
    locked = locks()
    if not locked:
        render_empty_state(t("approvals.locks.empty"))
        return
    render_locks(locked)


render_safely(render)
