"""The Approvals page's pieces: imports awaiting review, approve/reject, locked periods.

Read fresh on every run (no cache): right after a review the list must change.
Writes run as button callbacks with the signed-in actor; data_access checks it again.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.access.approval import approve_batch, reject_batch, unlock_period
from data_access.access.history import HistoryError, list_imports
from data_access.access.locks import list_locks
from data_access.access.permissions import Actor
from data_access.core.db import session_scope
from data_access.imports.review import count_pending
from ui import cache
from ui.approval_review import CHOSEN_KEY, reset_chooser_if_asked
from ui.auth import current_actor, may_see
from ui.history_view import format_moment
from ui.i18n import current_language, t, t_markdown
from ui.layout import render_fixed_table
from ui.safe_text import escape_markdown
from ui.writes import run_write

OUTCOME_KEY = "approvals.outcome"  # (translation key or message, params, kind)


def pending() -> list[dict]:
    """Active imports awaiting an officer's review, newest first."""
    with session_scope() as session:
        rows = list_imports(session)
    return [r for r in rows if r["status"] == "active" and r["review_status"] == "submitted"]


def nav_title(actor: Actor | None) -> str:
    """ "Goedkeuren (2)" for an officer while imports wait; read fresh, a cheap count."""
    title = t("nav.approvals")
    if not may_see(actor, "approvals"):
        return title
    with session_scope() as session:
        waiting = count_pending(session)
    return f"{title} ({waiting})" if waiting else title


def choose_pending(rows: list[dict]) -> dict | None:
    """The chooser starts empty, and is emptied again after every approve or reject."""
    reset_chooser_if_asked()
    by_id = {row["id"]: row for row in rows}
    if st.session_state.get(CHOSEN_KEY) not in by_id:
        st.session_state.pop(CHOSEN_KEY, None)
    chosen = st.selectbox(
        t("approvals.choose"),
        options=list(by_id),
        index=None,
        placeholder=t("approvals.choose_placeholder"),
        format_func=lambda batch_id: t("history.option", batch_id=batch_id,
                                       period=by_id[batch_id]["period"],
                                       file_name=by_id[batch_id]["file_name"]),
        key=CHOSEN_KEY,
    )  # fmt: skip
    return by_id.get(chosen)


def locks() -> list[dict]:
    with session_scope() as session:
        return list_locks(session)


# In view at 1024 px (~560 px of table) even with a long programme name or e-mail: fixed
# widths, and cells that wrap instead of pushing "Wanneer" off the edge.
PENDING_WIDTHS = {"id": 48, "programme": 150, "period": 72, "who": 150, "when": 115}


def render_pending_table(rows: list[dict]) -> None:
    render_fixed_table(pending_table(rows), headers="history.column", widths=PENDING_WIDTHS,
                       key="approvals.pending")  # fmt: skip


def pending_table(rows: list[dict]) -> pd.DataFrame:
    """Imports awaiting review, in view at 1024 px; the chooser below names each file."""
    lang = current_language()
    return pd.DataFrame(
        [
            {
                t("history.column.id"): f"#{r['id']}",
                t("history.column.programme"): r["programme"],
                t("history.column.period"): r["period"],
                t("history.column.who"): r["uploaded_by"],
                t("history.column.when"): format_moment(r["uploaded_at"], lang=lang, compact=True),
            }
            for r in rows
        ]
    )


def render_locks(rows: list[dict]) -> None:
    lang = current_language()
    for lock in rows:
        when = format_moment(lock["locked_at"], lang=lang)
        text = t_markdown("approvals.lock_line", programme=lock["programme"], period=lock["period"],
                 by=lock["locked_by"], at=when)  # fmt: skip
        left, right = st.columns([5, 2], vertical_alignment="center")  # whole label at 1024 px
        left.markdown(text)
        key = f"approvals.unlock.{lock['programme_id']}.{lock['period']}"
        right.button(t("approvals.unlock"), key=key, on_click=run_action,
                     args=("unlock", (lock["programme_id"], lock["period"]), ""))  # fmt: skip


def render_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        message, kind = outcome
        getattr(st, kind)(escape_markdown(message))


def run_action(action: str, target, comment: str) -> None:
    """Approve, reject or unlock as the signed-in actor; the outcome shows on the next run."""
    actor, lang = current_actor(), current_language()
    steps = {
        "approve": lambda: approve_batch(target, actor=actor, comment=comment or None),
        "reject": lambda: reject_batch(target, actor=actor, comment=comment),
        "unlock": lambda: unlock_period(*target, actor=actor),
    }
    written = run_write(steps[action], refusals=(HistoryError,), what="review step")
    if written.failed:
        st.session_state[OUTCOME_KEY] = (t("error.unexpected"), "error")
    elif written.refusal is not None:
        st.session_state[OUTCOME_KEY] = (written.refusal.message(lang), "error")
    else:
        params = {"batch_id": target} if action != "unlock" else {"period": target[1]}
        st.session_state[OUTCOME_KEY] = (t(f"approvals.done.{action}", **params), "success")


def portfolio_is_landing(actor: Actor | None) -> bool:
    """Officers land on the Portfolio page once there is more than one programme."""
    if actor is None or not actor.has("officer"):
        return False
    return len(cache.programmes()) > 1
