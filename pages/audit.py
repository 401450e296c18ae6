"""Audit log (officers, admins): every write, filterable, downloadable as Excel or CSV."""

import streamlit as st

from ui.audit_view import audit_table, render_downloads, render_filters, render_table
from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.i18n import t


def render() -> None:
    require_page("audit")
    st.title(t("audit.title"))
    st.caption(t("audit.intro"))
    events = render_filters()
    if events.empty:
        render_empty_state(t("audit.empty"))
        return
    table = audit_table(events)
    render_table(table)
    render_downloads(table)


render_safely(render)
