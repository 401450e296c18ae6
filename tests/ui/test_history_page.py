"""The history page in AppTest: every import listed, undo with confirmation, refused undo."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from data_access.access.approval import unlock_period
from data_access.access.history import list_imports
from data_access.access.permissions import SYSTEM_ACTOR
from data_access.core.db import get_engine, session_scope
from data_access.imports.importer import apply_import
from tests.helpers import dump_tables
from tests.ui.test_upload_page import LEAD, community_codes, next_quarter_workbook

OFFICER = "officer@demo.lc-monitor.local"


def imports() -> list[dict]:
    with session_scope() as session:
        return list_imports(session)


def open_history(app: AppTest, user: str = LEAD) -> AppTest:
    app.session_state["auth.demo_user"] = user
    at = app.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception
    return at


def table(at: AppTest) -> list[dict]:
    return at.dataframe[0].value.to_dict("records")


def undo(at: AppTest, batch_id: int) -> AppTest:
    at.selectbox(key="history.chosen").set_value(batch_id).run()
    at.button(key="history.undo").click().run()
    at.button(key="history.undo_yes").click().run()
    assert not at.exception
    return at


def test_history_lists_every_import_newest_first_for_an_officer(sample_database, app):
    at = open_history(app, OFFICER)
    rows = table(at)
    batches = imports()
    assert [row["Import"] for row in rows] == [f"#{b['id']}" for b in batches]
    newest = rows[0]  # the second sample programme's last quarter
    assert newest["Periode"] == "2024-Q4"
    assert newest["Programma"] == "Rondje Circulair (fictief)"
    assert newest["Status"] == "Actief"
    assert newest["Controlegetal"] == batches[0]["checksum"][:12]
    assert newest["Bestand"] == batches[0]["file_name"]
    # Status right after the number: on a laptop the last columns are off-screen
    assert list(newest) == ["Import", "Status", "Wanneer", "Wie", "Bestand", "Controlegetal",
                            "Programma", "Periode", "Leergemeenschappen", "Facilitatoren",
                            "Financiën"]  # fmt: skip


def test_a_lead_sees_only_the_imports_of_the_programme_they_lead(sample_database, app):
    """GasErop!'s lead: Rondje Circulair's imports are neither listed nor offered to undo."""
    at = open_history(app)
    gaserop = [f"#{b['id']}" for b in imports() if b["programme"] == "GasErop!"]
    assert [row["Import"] for row in table(at)] == gaserop == ["#4", "#3", "#2", "#1"]
    assert {row["Programma"] for row in table(at)} == {"GasErop!"}
    assert at.selectbox(key="history.chosen").options == [
        "#4 · 2023-Q4 · GasErop_2023-Q4.xlsx", "#3 · 2023-Q2 · GasErop_2023-Q2.xlsx",
        "#2 · 2022-Q4 · GasErop_2022-Q4.xlsx", "#1 · 2022-Q2 · GasErop_2022-Q2.xlsx",
    ]  # fmt: skip


def test_undo_after_confirmation_restores_the_state_before_the_import(sample_database, app):
    before = community_codes()
    result = apply_import(next_quarter_workbook(), "2024-Q1.xlsx", uploaded_by=LEAD)
    assert community_codes() == sorted([*before, "GE24-01"])
    at = open_history(app)
    assert table(at)[0]["Leergemeenschappen"] == "1 nieuw, 0 bijgewerkt, 23 ongewijzigd"

    at.selectbox(key="history.chosen").set_value(result.batch_id).run()
    at.button(key="history.undo").click().run()
    assert community_codes() == sorted([*before, "GE24-01"])  # asking is not doing
    assert at.warning[0].value.startswith(f"Import #{result.batch_id} (GasErop!, 2024-Q1)")
    at.button(key="history.undo_yes").click().run()

    assert not at.exception
    assert [s.value for s in at.success] == [f"Import #{result.batch_id} is ongedaan gemaakt."]
    assert community_codes() == before
    assert table(at)[0]["Status"] == "Ongedaan gemaakt"
    assert imports()[0]["undone_by"] == LEAD


def test_cancel_leaves_the_import_in_place(sample_database, app):
    newest = next(b["id"] for b in imports() if b["programme"] == "GasErop!")  # the lead's
    at = open_history(app)
    at.selectbox(key="history.chosen").set_value(newest).run()
    at.button(key="history.undo").click().run()
    at.button(key="history.undo_cancel").click().run()
    assert not at.warning
    assert next(b for b in imports() if b["id"] == newest)["status"] == "active"


def test_undoing_an_import_later_ones_build_on_is_refused_with_the_reason(sample_database, app):
    batches = imports()
    oldest = batches[-1]
    # The sample's history is approved (locked); open the oldest period so the refusal
    # is about the later imports, not the lock.
    unlock_period(oldest["programme_id"], oldest["period"], actor=SYSTEM_ACTOR)
    before = dump_tables(get_engine())
    at = undo(open_history(app), oldest["id"])
    assert len(at.error) == 1
    assert at.error[0].value.startswith(
        f"Import #{oldest['id']} kan niet ongedaan worden gemaakt: latere imports"
    )
    assert dump_tables(get_engine()) == before


def test_the_officer_may_undo_too(sample_database, app):
    undo(open_history(app, "officer@demo.lc-monitor.local"), imports()[0]["id"])
    assert imports()[0]["undone_by"] == "officer@demo.lc-monitor.local"


def test_english_history(sample_database, app):
    app.query_params["lang"] = "en"
    at = open_history(app)
    assert at.title[0].value == "Import history"
    row = table(at)[0]
    assert row["Status"] == "Active"
    assert row["When"].split()[1] in {"January", "February", "March", "April", "May", "June",
                                      "July", "August", "September", "October", "November",
                                      "December"}  # fmt: skip
    at.selectbox(key="history.chosen").set_value(4).run()  # GasErop!'s: this lead's programme
    assert at.download_button(key="history.download").label == "Download the original file"


def test_empty_history_says_so(database, app):
    at = open_history(app)
    assert [i.value for i in at.info] == [
        "Er is nog niets ingelezen. Upload een kwartaalrapportage om te beginnen."
    ]
