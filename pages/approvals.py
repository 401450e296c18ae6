"""Approvals (officers): review what a submitted import changes, approve or reject it
after a confirmation, and unlock approved periods."""

import streamlit as st

from ui.approval_review import load_review, render_actions, render_import_review
from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.i18n import t
from ui.review_view import (
    choose_pending,
    locks,
    pending,
    render_locks,
    render_outcome,
    render_pending_table,
    run_action,
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
        render_pending_table(rows)
        chosen = choose_pending(rows)
        review = load_review(chosen["id"]) if chosen else None
        if review is not None:
            render_import_review(review)
            render_actions(review.batch, run_action)
    st.subheader(t("approvals.locks.heading"))
    locked = locks()
    if not locked:
        render_empty_state(t("approvals.locks.empty"))
        return
    render_locks(locked)


render_safely(render)
