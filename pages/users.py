"""Users (admins): who has which role; add or remove roles (every change audited)."""

import streamlit as st

from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.i18n import t
from ui.users_view import (
    render_add_form,
    render_outcome,
    render_remove,
    roles,
    roles_table,
    shown_columns,
)


def render() -> None:
    require_page("users")
    st.title(t("users.title"))
    st.caption(t("users.intro"))
    render_outcome()
    rows = roles()
    if not rows:
        render_empty_state(t("users.empty"))
    else:
        st.dataframe(roles_table(rows), hide_index=True, width="stretch", key="users.table",
                     column_order=shown_columns())  # fmt: skip
        render_remove(rows)
    render_add_form()


render_safely(render)
