"""Programmes exist before their first upload: created, edited, listed, audited, led."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from data_access.access.permissions import PermissionDenied
from data_access.access.programmes import (
    ProgrammeDetails,
    ProgrammeRefused,
    create_programme,
    edit_programme,
    programme_rows,
)
from data_access.access.users import add_role
from data_access.cli.main import main
from data_access.core.db import session_scope
from data_access.core.models import AuditEvent
from data_access.imports.importer import apply_import
from tests.actors import ADMIN, LEAD, OFFICER, grant
from tests.helpers import filled_template
from tests.ui.test_access_pages import with_programme

NEW = ProgrammeDetails(
    name="Kringloop Oost (fictief)",
    description="Circulair, fictief",
    first_year=2024,
    last_year=2025,
    targets=((2024, "communities_started", 4.0), (2024, "budget", 50000.0)),
)


def rows() -> dict[str, dict]:
    with session_scope() as session:
        return {row["name"]: row for row in programme_rows(session)}


def test_an_officer_creates_a_programme_with_targets_and_budget(database):
    grant(OFFICER, "officer")
    programme_id = create_programme(details=NEW, actor=OFFICER)
    row = rows()["Kringloop Oost (fictief)"]
    assert row == {
        "id": programme_id,
        "name": "Kringloop Oost (fictief)",
        "description": "Circulair, fictief",
        "first_year": 2024,
        "last_year": 2025,
        "deadline_days": 30,
        "leads": [],
        "imports": 0,
        "targets": [(2024, "budget", 50000.0), (2024, "communities_started", 4.0)],
    }
    with session_scope() as session:
        actions = session.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars()
        assert list(actions) == ["programme.create", "target.set", "target.set"]


def test_edit_records_what_changed_and_refuses_bad_details(database):
    grant(OFFICER, "officer")
    programme_id = create_programme(details=NEW, actor=OFFICER)
    changed = edit_programme(
        programme_id,
        details=NEW.__class__(name=NEW.name, first_year=2024, last_year=2026, deadline_days=45),
        actor=OFFICER,
    )
    assert changed == {
        "description": ["Circulair, fictief", None],
        "last_year": [2025, 2026],
        "deadline_days": [30, 45],
    }
    with pytest.raises(ProgrammeRefused) as refused:
        create_programme(details=ProgrammeDetails(name=" kringloop oost (FICTIEF) "), actor=OFFICER)
    assert (
        refused.value.message("en")
        == "There already is a programme called 'kringloop oost (FICTIEF)'."
    )
    with pytest.raises(ProgrammeRefused) as refused:
        create_programme(
            details=ProgrammeDetails(name="Y", first_year=2026, last_year=2024), actor=OFFICER
        )
    assert refused.value.message("nl") == "Het eerste jaar (2026) ligt na het laatste jaar (2024)."


def test_a_lead_may_not_create_one_and_is_told_which_they_lead(database):
    grant(LEAD, "lead", "GasErop!")
    with pytest.raises(PermissionDenied) as denied:
        create_programme(details=ProgrammeDetails(name="Nieuw"), actor=LEAD)
    assert denied.value.code == "programmes"
    other = with_programme(filled_template(), "Zwolle Werkt")
    with pytest.raises(PermissionDenied) as denied:
        apply_import(other, "q.xlsx", uploaded_by=LEAD)
    assert denied.value.message("nl") == (
        f"{LEAD} mag geen nieuw programma (Zwolle Werkt) aanmaken: alleen een beleidsmedewerker "
        "of beheerder mag dat, op de pagina Programma's. Je bent trekker van: GasErop!."
    )


def test_the_lead_of_a_new_programme_makes_its_first_upload(database):
    grant(OFFICER, "officer")
    grant(ADMIN, "admin")
    create_programme(details=ProgrammeDetails(name="GasErop!"), actor=OFFICER)
    add_role(email=LEAD, role="lead", programme="GasErop!", actor=ADMIN)
    result = apply_import(filled_template(), "q.xlsx", uploaded_by=LEAD)
    assert result.ok and result.batch_id == 1
    assert rows()["GasErop!"]["imports"] == 1
    assert rows()["GasErop!"]["leads"] == [LEAD]


def test_cli_programmes_add_edit_list(database, capsys):
    grant(OFFICER, "officer")
    assert (
        main(
            [
                "programmes",
                "add",
                "Kringloop",
                "--first-year",
                "2024",
                "--target",
                "2024:communities_started=4",
                "--budget",
                "2024=50000",
                "--as",
                OFFICER,
            ]
        )
        == 0
    )
    assert main(["programmes", "edit", "Kringloop", "--last-year", "2025", "--as", OFFICER]) == 0
    assert main(["programmes", "add", "Z", "--as", LEAD]) == 1
    capsys.readouterr()
    assert main(["programmes", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["first_year"], r["last_year"]) for r in listed] == [
        ("Kringloop", 2024, 2025)
    ]
    assert listed[0]["targets"] == [[2024, "budget", 50000.0], [2024, "communities_started", 4.0]]
