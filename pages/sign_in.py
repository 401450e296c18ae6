"""Sign in: the only page for someone not signed in, or signed in without a role yet."""

import streamlit as st

from ui.auth import auth_configured, current_actor
from ui.components import render_safely
from ui.i18n import t, t_markdown


def render() -> None:
    st.title(t("auth.title"))
    actor = current_actor()
    if actor is None:
        st.info(t("auth.please_sign_in" if auth_configured() else "auth.pick_demo_user"))
        return
    st.warning(
        t_markdown("error.permission.unknown_user", email=actor.email), icon=":material/block:"
    )


render_safely(render)
