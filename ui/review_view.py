"""The Approvals page's pieces: imports awaiting review, approve/reject, locked periods.

Read fresh on every run (no cache): right after a review the list must change.
Writes run as button callbacks with the signed-in actor; data_access checks it again.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from data_access.access import PermissionDenied
from data_access.approval import approve_batch, reject_batch, unlock_period
from data_access.db import session_scope
from data_access.history import HistoryError, list_imports
from data_access.locks import list_locks
from ui import cache
from ui.auth import current_actor
from ui.history_view import format_moment
from ui.i18n import current_language, t, t_markdown
from ui.safe_text import escape_markdown

log = logging.getLogger(__name__)
OUTCOME_KEY = "approvals.outcome"  # (translation key or message, params, kind)


def pending() -> list[dict]:
    """Active imports awaiting an officer's review, newest first."""
    with session_scope() as session:
        rows = list_imports(session)
    return [r for r in rows if r["status"] == "active" and r["review_status"] == "submitted"]


def locks() -> list[dict]:
    with session_scope() as session:
        return list_locks(session)


def pending_table(rows: list[dict]) -> pd.DataFrame:
    lang = current_language()
    return pd.DataFrame(
        [
            {
                t("history.column.id"): f"#{r['id']}",
                t("history.column.programme"): r["programme"],
                t("history.column.period"): r["period"],
                t("history.column.who"): r["uploaded_by"],
                t("history.column.when"): format_moment(r["uploaded_at"], lang=lang),
                t("history.column.file"): r["file_name"],
            }
            for r in rows
        ]
    )


def render_review(row: dict) -> None:
    """Approve (locks the period) or reject with a comment, for one chosen import."""
    comment = st.text_area(t("approvals.comment"), key="approvals.comment")
    approve, reject = st.columns(2)
    approve.button(t("approvals.approve"), type="primary", key="approvals.approve",
                   on_click=_run, args=("approve", row["id"], comment))  # fmt: skip
    reject.button(t("approvals.reject"), key="approvals.reject",
                  on_click=_run, args=("reject", row["id"], comment))  # fmt: skip


def render_locks(rows: list[dict]) -> None:
    lang = current_language()
    for lock in rows:
        when = format_moment(lock["locked_at"], lang=lang)
        text = t_markdown("approvals.lock_line", programme=lock["programme"], period=lock["period"],
                 by=lock["locked_by"], at=when)  # fmt: skip
        left, right = st.columns([4, 1])
        left.markdown(text)
        key = f"approvals.unlock.{lock['programme_id']}.{lock['period']}"
        right.button(t("approvals.unlock"), key=key, on_click=_run,
                     args=("unlock", (lock["programme_id"], lock["period"]), ""))  # fmt: skip


def render_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        message, kind = outcome
        getattr(st, kind)(escape_markdown(message))


def _run(action: str, target, comment: str) -> None:
    actor, lang = current_actor(), current_language()
    try:
        if action == "approve":
            approve_batch(target, actor=actor, comment=comment or None)
        elif action == "reject":
            reject_batch(target, actor=actor, comment=comment)
        else:
            unlock_period(*target, actor=actor)
    except (HistoryError, PermissionDenied) as refused:
        st.session_state[OUTCOME_KEY] = (refused.message(lang), "error")
        return
    except Exception:
        log.exception("review step failed")
        st.session_state[OUTCOME_KEY] = (t("error.unexpected"), "error")
        return
    cache.clear_caches()
    st.session_state.pop("approvals.comment", None)
    params = {"batch_id": target} if action != "unlock" else {"period": target[1]}
    st.session_state[OUTCOME_KEY] = (t(f"approvals.done.{action}", **params), "success")
