"""Words a person reads: one form of address in Dutch, plural forms, no raw codes or
"None" in the audit log, dates written day-month-year."""

from __future__ import annotations

import re

from data_access.access.targets import set_target
from data_access.access.users import DEMO_USERS, add_role
from data_access.core.db import session_scope
from data_access.core.i18n import catalog
from tests.ui.test_access_pages import as_user

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)


def test_dutch_addresses_the_user_one_way():
    """ "je", never "u" next to it; the deck's slides speak to an audience, not the user."""
    formal = [key for key, text in catalog("nl").items()
              if not key.startswith("slides.") and re.search(r"\b[Uu]w?\b", text)]  # fmt: skip
    assert formal == []


def test_the_audit_log_says_what_a_write_was_about_in_words(sample_database, app):
    with session_scope(write=True) as session:
        set_target(session, programme_id=1, year=2023, measure="facilitators_certified",
                   value=8, actor=OFFICER)  # fmt: skip
    add_role(email="nieuw@example.org", role="viewer", actor=ADMIN)
    at = as_user(app, OFFICER)
    at.switch_page("pages/audit.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    about = table["Betreft"].tolist()
    assert about[:2] == ["Rol van nieuw@example.org", "Doel 2023: Gecertificeerde facilitatoren"]
    assert "Upload #4" in about
    assert not table.isin(["None"]).any().any()
    assert not table.isna().any().any()
    assert at.date_input(key="audit.dates").proto.format == "DD-MM-YYYY"


def test_the_uploader_says_its_button_and_limit_in_the_users_language(sample_database, app):
    at = as_user(app, LEAD)
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    limit = "maximaal 25 MB per bestand (.xlsx, .xlsm, .xls of .ods)."
    assert at.get("file_uploader")[0].help.endswith(limit)
    styles = "".join(element.proto.body for element in at.get("html"))
    assert '"Kies een bestand"' in styles and '"Maximaal 25 MB per bestand"' in styles


def test_without_next_years_target_an_officer_gets_a_link_to_set_it(sample_database, app):
    at = as_user(app, OFFICER)
    at.switch_page("pages/facilitators.py").run()
    assert not at.exception
    links = at.get("page_link")
    assert [(link.proto.label, link.proto.page) for link in links] == [
        ("Leg het doel voor 2024 vast op Doelen", "doelen")
    ]


def test_without_next_years_target_a_viewer_is_told_who_sets_it(sample_database, app):
    at = as_user(app, VIEWER)
    at.switch_page("pages/facilitators.py").run()
    assert not at.get("page_link")
    assert "Een beleidsmedewerker legt het doel voor 2024 vast op de pagina Doelen." in [
        c.value for c in at.caption
    ]


def test_a_link_to_a_period_or_programme_that_does_not_exist_says_it_was_replaced(
    sample_database, app
):
    app.query_params.update({"period": "2030-Q9", "programme": "99"})
    at = as_user(app, VIEWER)
    assert [w.value for w in at.sidebar.warning] == [
        "De link vroeg om programma '99', maar dat is er niet. Je ziet nu GasErop!.",
        "De link vroeg om periode '2030-Q9', maar die is er niet. Je ziet nu 2023-Q4.",
    ]
    assert at.query_params["period"] in ("2023-Q4", ["2023-Q4"])
