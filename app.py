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
# Every page: (name, icon, url_path). Its file is pages/<name>.py, its title the
# `nav.<name>` text. A url_path must differ from its file's name: while `pages/` exists,
# Streamlit's legacy multipage mode (used on a process's first run, and on every AppTest
# run) would otherwise run that file directly, skipping this script and its sidebar.
DASHBOARDS = (
    ("overview", ":material/dashboard:", "overzicht"),
    ("sectors", ":material/category:", "sectoren"),
    ("facilitators", ":material/support_agent:", "facilitatoren"),
    ("funding", ":material/euro:", "financiering"),
    ("compare", ":material/compare_arrows:", "vergelijken"),
    ("communities", ":material/table_view:", "leergemeenschappen"),
    ("map", ":material/map:", "kaart"),
    ("presentation", ":material/slideshow:", "presentatie"),
    ("help", ":material/help:", "hulp"),
)
# Protected pages, named as in ui.auth.PAGE_ROLES: registered only for the roles that
# may see them (not merely hidden), and each checks again itself.
PROTECTED = (
    ("upload", ":material/upload_file:", "uploaden"),
    ("history", ":material/history:", "geschiedenis"),
    ("approvals", ":material/fact_check:", "goedkeuren"),
    ("targets", ":material/flag:", "doelen"),
    ("audit", ":material/receipt_long:", "logboek"),
    ("users", ":material/group:", "gebruikers"),
    ("programmes", ":material/folder_open:", "programmas"),
    ("portfolio", ":material/view_list:", "portefeuille"),
)
SIGN_IN = ("sign_in", ":material/login:", "aanmelden")
landing = "portfolio" if review_view.portfolio_is_landing(actor) else "overview"
titles = {"approvals": review_view.nav_title(actor)}  # with the number waiting


def make_page(name: str, icon: str, url_path: str) -> st.Page:
    """One row of the tables above as a Streamlit page."""
    title = titles.get(name) or t(f"nav.{name}")
    default = name == landing
    return st.Page(f"pages/{name}.py", title=title, icon=icon, url_path=url_path, default=default)


pages = [make_page(*row) for row in DASHBOARDS]
protected = {row[0]: make_page(*row) for row in PROTECTED}
signed_in = auth.may_see(actor, "dashboards")
if signed_in:
    # Pages not for this actor answer their address with "no access" (hidden in the menu).
    pages += [
        page if auth.may_see(actor, name) else auth.refusal_page(page, name)
        for name, page in protected.items()
    ]
else:  # not signed in, or no role yet: only the page that says how to get in
    pages = [make_page(*SIGN_IN)]
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
