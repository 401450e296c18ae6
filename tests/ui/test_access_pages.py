"""Roles in the app (demo mode): which pages each demo user gets, forbidden pages fail,
a lead can't upload for another programme, and the approval flow's pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_access.access.users import DEMO_USERS
from tests.ui.test_upload_page import XLSX, next_quarter_workbook
from ui.safe_text import shown_text

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)
DASHBOARDS = ["", "sectoren", "facilitatoren", "financiering", "vergelijken",
              "leergemeenschappen", "kaart", "presentatie", "hulp"]  # fmt: skip
EXPECTED = {
    VIEWER: [*DASHBOARDS, "portefeuille"],
    LEAD: [*DASHBOARDS, "uploaden", "geschiedenis", "portefeuille"],
    OFFICER: [  # two sample programmes: officers land on Portfolio, so it takes ""
        "overzicht",
        *DASHBOARDS[1:],
        "geschiedenis",
        "goedkeuren",
        "doelen",
        "logboek",
        "programmas",
        "",
    ],
    ADMIN: [*DASHBOARDS, "logboek", "gebruikers", "programmas", "portefeuille"],
}


def with_programme(content: bytes, name: str) -> bytes:
    """The workbook with another programme named on its report sheet."""
    book = load_workbook(io.BytesIO(content))
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if cell.value == "GasErop!":
                cell.value = name
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


PAGES = Path(__file__).resolve().parents[2] / "pages"
NOT_ALLOWED = "Je mag deze pagina niet openen met je huidige rol."


def as_user(app: AppTest, email: str) -> AppTest:
    app.session_state["auth.demo_user"] = email
    at = app.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("email", list(EXPECTED), ids=lambda e: e.split("@")[0])
def test_each_role_gets_its_pages_and_the_demo_banner(sample_database, app, email):
    at = as_user(app, email)
    assert at.session_state["nav.registered"] == EXPECTED[email]
    assert at.sidebar.markdown[0].value.startswith(":orange-badge[:material/science: DEMO]")


def test_switching_to_a_page_not_registered_for_the_role_fails(sample_database, app):
    at = as_user(app, VIEWER)
    for page in ("upload", "history", "approvals", "targets", "audit", "users", "programmes"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"pages/{page}.py")


@pytest.mark.parametrize(
    "page",
    ["upload", "approvals", "audit", "users", "targets", "history", "programmes", "portfolio"],
)
def test_a_protected_page_run_without_the_app_says_not_allowed(sample_database, page):
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [NOT_ALLOWED]
    assert not at.title


def test_a_lead_cannot_upload_for_another_programme(sample_database, app):
    at = as_user(app, LEAD)
    at.switch_page("pages/upload.py").run()
    content = with_programme(next_quarter_workbook(), "Zwolle Werkt")
    at.file_uploader[0].set_value(("x.xlsx", content, XLSX)).run()
    at.button(key="upload.apply").click().run()
    assert not at.exception
    assert shown_text(at.error[0].value).startswith(
        f"{LEAD} mag geen nieuw programma (Zwolle Werkt) aanmaken"
    )


def test_the_officer_approves_and_the_audit_log_shows_it(sample_database, app):
    at = as_user(app, OFFICER)
    at.switch_page("pages/approvals.py").run()
    assert len(at.dataframe[0].value) == 2  # the sample's 2023-Q4 and 2024-Q4 await review
    at.selectbox(key="approvals.chosen").select(4).run()
    at.button(key="approvals.approve").click().run()
    at.button(key="approvals.confirm_yes").click().run()
    assert at.success[0].value == "Import #4 is goedgekeurd; de periode is vergrendeld."
    locks = [m.value for m in at.main.markdown if m.value.startswith("**GasErop! 2023-Q4**")]
    assert shown_text(locks[0]).startswith(f"**GasErop! 2023-Q4**: vergrendeld door {OFFICER} op ")
    at.switch_page("pages/audit.py").run()
    assert not at.exception
    actions = at.dataframe[0].value["Actie"].tolist()
    assert actions[:2] == ["Goedgekeurd", "Vergrendeld"]


def test_approved_only_toggle_changes_the_figures_and_says_which(sample_database, app):
    at = as_user(app, VIEWER)
    assert "Cijfers: goedgekeurde en ingediende rapportages." in [c.value for c in at.caption]
    at.toggle(key="sidebar.approved_only").set_value(True).run()
    assert not at.exception
    assert "Cijfers: alleen goedgekeurde rapportages." in [c.value for c in at.caption]
    assert at.query_params["approved"] in ("1", ["1"])
    # The sample is approved up to 2023-Q2; its 2023-Q4 is still submitted.
    assert at.selectbox(key="sidebar.period").options == ["2023-Q2", "2022-Q4", "2022-Q2"]


def test_the_demo_user_is_kept_in_the_address_so_a_new_session_comes_back_as_them(
    sample_database, app
):
    at = as_user(app, OFFICER)
    assert at.query_params["demo"] in (OFFICER, [OFFICER])
    at.selectbox(key="auth.demo_user").select(LEAD).run()
    assert at.query_params["demo"] in (LEAD, [LEAD])
