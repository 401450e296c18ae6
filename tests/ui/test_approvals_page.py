"""The Approvals page in AppTest: the review against the approved state, the confirmation
dialog naming the import, and an empty chooser after every action."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from data_access.access.history import list_imports
from data_access.access.users import DEMO_USERS
from data_access.core.db import session_scope
from data_access.imports.importer import apply_import
from tests.ui.test_upload_page import next_quarter_workbook

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)


def review_status(batch_id: int) -> str:
    with session_scope() as session:
        return next(r for r in list_imports(session) if r["id"] == batch_id)["review_status"]


def open_approvals(app: AppTest, lang: str | None = None) -> AppTest:
    """Sample data (GasErop!'s 2023-Q4, Rondje Circulair's 2024-Q4) plus the lead's 2024-Q1
    (import #7): three imports wait."""
    assert apply_import(next_quarter_workbook(), "2024-Q1.xlsx", uploaded_by=LEAD).ok
    app.session_state["auth.demo_user"] = OFFICER
    if lang:
        app.query_params["lang"] = lang
    at = app.run()
    at.switch_page("pages/approvals.py").run()
    assert not at.exception
    return at


def table(at: AppTest, index: int) -> list[list]:
    return at.table[index].value.values.tolist()


def test_review_shows_the_diff_and_effect_then_confirm_leaves_nothing_chosen(sample_database, app):
    at = open_approvals(app)
    assert len(at.dataframe[0].value) == 3
    assert at.selectbox(key="approvals.chosen").value is None
    assert not [b for b in at.button if b.key == "approvals.approve"]
    at.selectbox(key="approvals.chosen").select(7).run()
    assert at.subheader[0].value == "Import #7 · GasErop! · 2024-Q1"
    # Against the approved 2023-Q2, not the submitted 2023-Q4: Q4's changes count too.
    assert table(at, 0)[0] == ["Leergemeenschappen", 1, 7, 16, 0]
    effect = {row[0]: row[1:] for row in table(at, 1)}
    assert effect["Gestart 2024"] == ["0", "1"]
    assert effect["Gestart t/m 2024"] == ["20", "24"]
    assert "Niet gerapporteerd: eerder gemeld" in " ".join(c.value for c in at.caption)
    at.button(key="approvals.approve").click().run()
    assert review_status(7) == "submitted"  # only asked, not yet done
    dialog_text = [m.value for m in at.markdown if "goedkeuren?" in m.value]
    assert dialog_text == ["Import **#7** (GasErop!, 2024-Q1) goedkeuren? De periode wordt dan "
                           "vergrendeld."]  # fmt: skip
    at.button(key="approvals.confirm_yes").click().run()
    assert not at.exception
    assert at.success[0].value == "Import #7 is goedgekeurd; de periode is vergrendeld."
    assert review_status(7) == "approved"
    assert at.selectbox(key="approvals.chosen").value is None  # #4 is not preselected
    assert not [b for b in at.button if b.key == "approvals.approve"]
    assert review_status(4) == "submitted"


def test_cancel_changes_nothing_and_reject_needs_its_comment(sample_database, app):
    at = open_approvals(app)
    at.selectbox(key="approvals.chosen").select(4).run()
    at.button(key="approvals.reject").click().run()
    at.button(key="approvals.confirm_cancel").click().run()
    assert review_status(4) == "submitted"
    at.text_area(key="approvals.comment").input("Aantallen kloppen niet").run()
    at.button(key="approvals.reject").click().run()
    at.button(key="approvals.confirm_yes").click().run()
    assert at.success[0].value == "Import #4 is afgewezen."
    assert review_status(4) == "rejected"
    assert at.selectbox(key="approvals.chosen").value is None


def test_english_review(sample_database, app):
    at = open_approvals(app, lang="en")
    at.selectbox(key="approvals.chosen").select(4).run()
    effect = {row[0]: row[1:] for row in table(at, 1)}
    assert effect["Started 2023"] == ["7", "10"]
    assert effect["Spent 2023"] == ["€60,500", "€151,450"]
