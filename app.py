"""LC Monitor: page config, schema check, the shared sidebar, and navigation. Nothing else."""

import streamlit as st

from ui import cache
from ui.i18n import t
from ui.sidebar import render_sidebar

st.set_page_config(page_title=t("app.title"), page_icon=":material/groups:", layout="wide")
cache.ensure_migrated()
# A url_path must differ from its file's name: while `pages/` exists, Streamlit's
# legacy multipage mode (used on a process's first run, and on every AppTest run)
# would otherwise run that file directly, skipping this script and its sidebar.
pages = [
    st.Page(
        "pages/overview.py",
        title=t("nav.overview"),
        icon=":material/dashboard:",
        url_path="overzicht",
        default=True,
    ),
    st.Page(
        "pages/sectors.py", title=t("nav.sectors"), icon=":material/category:", url_path="sectoren"
    ),
    st.Page(
        "pages/facilitators.py",
        title=t("nav.facilitators"),
        icon=":material/support_agent:",
        url_path="facilitatoren",
    ),
    st.Page(
        "pages/funding.py", title=t("nav.funding"), icon=":material/euro:", url_path="financiering"
    ),
    st.Page(
        "pages/compare.py",
        title=t("nav.compare"),
        icon=":material/compare_arrows:",
        url_path="vergelijken",
    ),
    st.Page(
        "pages/communities.py",
        title=t("nav.communities"),
        icon=":material/table_view:",
        url_path="leergemeenschappen",
    ),
    st.Page("pages/map.py", title=t("nav.map"), icon=":material/map:", url_path="kaart"),
    st.Page("pages/targets.py", title=t("nav.targets"), icon=":material/flag:", url_path="doelen"),
    st.Page(
        "pages/presentation.py",
        title=t("nav.presentation"),
        icon=":material/slideshow:",
        url_path="presentatie",
    ),
    st.Page(
        "pages/upload.py", title=t("nav.upload"), icon=":material/upload_file:", url_path="uploaden"
    ),
    st.Page(
        "pages/history.py",
        title=t("nav.history"),
        icon=":material/history:",
        url_path="geschiedenis",
    ),
]
page = st.navigation(pages)
render_sidebar()
page.run()
