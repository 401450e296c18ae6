"""LC Monitor: page config, schema check, the shared sidebar, and navigation. Nothing else."""

from pathlib import Path

import streamlit as st

from ui import auth, cache, review_view
from ui.i18n import t
from ui.layout import render_layout_style
from ui.run_timing import record_run, run_started
from ui.sidebar import drop_other_pages_params, render_language_only, render_sidebar

# A file, not a material icon: Streamlit fetches a material favicon from Google's font
# servers, a request from every officer's browser that a closed network refuses.
FAVICON = Path(__file__).parent / "ui" / "assets" / "favicon.png"
started = run_started()  # the server's own time for this run (LC_MONITOR_RUN_LOG)
st.set_page_config(page_title=t("app.title"), page_icon=str(FAVICON), layout="wide")
render_layout_style()
cache.ensure_migrated()
cache.begin_run()  # the data's version, read once: every cached figure this run keys on it
actor = auth.sign_in()  # draws the sign-in or demo user selector; roles from the database
# A url_path must differ from its file's name: while `pages/` exists, Streamlit's
# legacy multipage mode (used on a process's first run, and on every AppTest run)
# would otherwise run that file directly, skipping this script and its sidebar.
pages = [
    st.Page(
        "pages/overview.py",
        title=t("nav.overview"),
        icon=":material/dashboard:",
        url_path="overzicht",
        default=not review_view.portfolio_is_landing(actor),
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
    st.Page(
        "pages/presentation.py",
        title=t("nav.presentation"),
        icon=":material/slideshow:",
        url_path="presentatie",
    ),
    st.Page("pages/help.py", title=t("nav.help"), icon=":material/help:", url_path="hulp"),
    # Protected pages, keyed by their name in ui.auth.PAGE_ROLES: registered only for
    # the roles that may see them (not merely hidden), and each checks again itself.
]
protected = {
    "upload": st.Page(
        "pages/upload.py", title=t("nav.upload"), icon=":material/upload_file:", url_path="uploaden"
    ),
    "history": st.Page(
        "pages/history.py",
        title=t("nav.history"),
        icon=":material/history:",
        url_path="geschiedenis",
    ),
    "approvals": st.Page(
        "pages/approvals.py",
        title=review_view.nav_title(actor),
        icon=":material/fact_check:",
        url_path="goedkeuren",
    ),
    "targets": st.Page(
        "pages/targets.py", title=t("nav.targets"), icon=":material/flag:", url_path="doelen"
    ),
    "audit": st.Page(
        "pages/audit.py", title=t("nav.audit"), icon=":material/receipt_long:", url_path="logboek"
    ),
    "users": st.Page(
        "pages/users.py", title=t("nav.users"), icon=":material/group:", url_path="gebruikers"
    ),
    "programmes": st.Page(
        "pages/programmes.py",
        title=t("nav.programmes"),
        icon=":material/folder_open:",
        url_path="programmas",
    ),
    "portfolio": st.Page(
        "pages/portfolio.py",
        title=t("nav.portfolio"),
        icon=":material/view_list:",
        url_path="portefeuille",
        default=review_view.portfolio_is_landing(actor),
    ),
}
signed_in = auth.may_see(actor, "dashboards")
if signed_in:
    # Pages not for this actor answer their address with "no access" (hidden in the menu).
    pages += [
        page if auth.may_see(actor, name) else auth.refusal_page(page, name)
        for name, page in protected.items()
    ]
else:  # not signed in, or no role yet: only the page that says how to get in
    pages = [
        st.Page(
            "pages/sign_in.py",
            title=t("nav.sign_in"),
            icon=":material/login:",
            url_path="aanmelden",
        )
    ]
st.session_state["nav.registered"] = [p.url_path for p in pages if p.visibility == "visible"]
page = st.navigation(pages, expanded=True)  # every page in sight, none behind "View more"
drop_other_pages_params(page.url_path)
if signed_in:
    render_sidebar()
else:  # no programme, period or partner names before sign-in
    render_language_only()
auth.render_banner()
try:
    page.run()
finally:  # also when the page stops or reruns early
    record_run(started, page.url_path)
