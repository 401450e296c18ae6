"""The users page's table and forms; writes go through data_access.access.users as the admin."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.access.permissions import PermissionDenied
from data_access.access.users import add_role, list_roles, remove_role
from data_access.core.db import session_scope
from data_access.core.models import ROLES
from ui import cache
from ui.auth import current_actor
from ui.i18n import current_language, t
from ui.safe_text import escape_markdown

OUTCOME_KEY = "users.outcome"


def roles() -> list[dict]:
    with session_scope() as session:
        return list_roles(session)


def roles_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("users.column.email"): [r["email"] for r in rows],
            t("users.column.role"): [t(f"role.{r['role']}") for r in rows],
            t("users.column.programme"): [r["programme"] or "" for r in rows],
            t("users.column.granted_by"): [r["granted_by"] for r in rows],
        }
    )


def shown_columns() -> tuple[str, ...]:
    """Who has which role, in view at 1024 px; who granted it stays in the table's
    column menu (its eye icon) and in the audit log."""
    return tuple(t(f"users.column.{c}") for c in ("email", "role", "programme"))


def render_add_form() -> None:
    st.subheader(t("users.add.heading"))
    programmes = [name for _, name in cache.programmes()]
    with st.form("users.add", clear_on_submit=True):
        email = st.text_input(t("users.column.email"), key="users.email")
        role = st.selectbox(t("users.column.role"), ROLES, format_func=lambda r: t(f"role.{r}"))
        programme = st.selectbox(t("users.add.programme"), [None, *programmes],
                                 format_func=lambda p: p or "—")  # fmt: skip
        if st.form_submit_button(t("users.add.button"), type="primary"):
            _change(add_role, email=email, role=role, programme=programme)


def render_remove(rows: list[dict]) -> None:
    labels = {i: f"{r['email']} · {t('role.' + r['role'])} {r['programme'] or ''}"
              for i, r in enumerate(rows)}  # fmt: skip
    chosen = st.selectbox(t("users.remove.choose"), list(labels), format_func=labels.get,
                          key="users.remove.choice")  # fmt: skip
    row = rows[chosen]
    if st.button(t("users.remove.button"), key="users.remove"):
        _change(remove_role, email=row["email"], role=row["role"], programme=row["programme"])
        st.rerun()


def render_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        message, kind = outcome
        getattr(st, kind)(escape_markdown(message))


def _change(function, **change) -> None:
    try:
        done = function(**change, actor=current_actor())
    except PermissionDenied as refused:
        st.session_state[OUTCOME_KEY] = (refused.message(current_language()), "error")
        return
    key = "users.done" if done else "users.nothing"
    st.session_state[OUTCOME_KEY] = (t(key, email=change["email"]), "success" if done else "info")
