"""Help: the guides, the workbook contract and the figures' definitions from docs/."""

import streamlit as st

from ui.components import render_safely
from ui.help_view import DOCUMENTS, ENGLISH_ONLY, document_text
from ui.i18n import current_language, t

KEY = "help.document"


def render() -> None:
    st.title(t("help.title"))
    # Labels as options (no translating format_func); the URL's `doc` keeps the choice
    # when the language, and so every label, changes.
    names = list(DOCUMENTS)
    labels = [t(f"help.doc.{name}") for name in names]
    wanted = st.query_params.get("doc")
    index = names.index(wanted) if wanted in names else 0
    label = st.selectbox(t("help.choose"), options=labels, index=index, key=KEY)
    name = names[labels.index(label)] if label in labels else names[index]
    if st.query_params.get("doc") != name:  # writing it unchanged would run the page again
        st.query_params["doc"] = name
    lang = current_language()
    if lang != "en" and name in ENGLISH_ONLY:
        st.caption(t("help.english_only"))
    st.markdown(document_text(name, lang))


render_safely(render)
