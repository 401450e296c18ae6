"""Programmes (officers and admins): create and edit programmes before their first upload;
admins name the lead, who then makes the first upload."""

import streamlit as st

from ui.auth import require_page
from ui.components import render_empty_state, render_safely
from ui.i18n import t
from ui.programmes_view import (
    programmes,
    programmes_table,
    render_form,
    render_lead,
    render_outcome,
)


def render() -> None:
    actor = require_page("programmes")
    st.title(t("programmes.title"))
    st.caption(t("programmes.intro"))
    render_outcome()
    rows = programmes()
    if rows:
        st.dataframe(programmes_table(rows), hide_index=True, width="stretch")
    else:
        render_empty_state(t("programmes.empty"))
    st.subheader(t("programmes.form.heading"))
    render_form(rows)
    if rows and actor.has("admin"):
        st.subheader(t("programmes.lead.heading"))
        render_lead(rows)


render_safely(render)
