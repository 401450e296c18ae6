"""Words a person reads: one form of address in Dutch, plural forms, no raw codes or
"None" in the audit log, dates written day-month-year."""

from __future__ import annotations

import re

from data_access.db import session_scope
from data_access.i18n import catalog
from data_access.targets import set_target
from data_access.users import DEMO_USERS, add_role
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
