"""History: every import, its original file, and undo (issue 3)."""

import streamlit as st

from data_access.access.permissions import Actor
from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.history_view import (
    choose_import,
    history_table,
    imports,
    original_bytes,
    render_outcome,
    render_undo,
)
from ui.i18n import t
from ui.upload_flow import render_name_input


def render_selected(rows: list[dict], actor: Actor) -> None:
    row = choose_import(rows, key="history.chosen")
    if actor.can("original", row["programme_id"]):
        st.download_button(
            t("history.download"),
            data=original_bytes(row["id"], actor),
            file_name=row["file_name"],
            icon=":material/download:",
            key="history.download",
            on_click="ignore",
        )
    else:  # another programme's workbook: its names and e-mail addresses are not theirs
        st.caption(t("history.download_not_allowed"))
    render_undo(row, render_name_input())


def render() -> None:
    actor = require_page("history")
    st.title(t("history.title"))
    st.caption(t("history.intro"))
    render_outcome()
    rows = imports(actor)
    if not rows:
        render_empty_state(t("history.empty"))
        return
    st.dataframe(history_table(rows), hide_index=True, width="stretch")
    render_selected(rows, actor)


render_safely(render)
