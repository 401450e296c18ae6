"""Who sees which imports in the history list: a lead those of the programmes they lead,
an officer or admin every one (on the sample data: GasErop! and Rondje Circulair)."""

from __future__ import annotations

from data_access.access.history import imports_visible_to, list_imports
from data_access.access.users import DEMO_USERS, add_role
from data_access.core.db import session_scope

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)


def visible(email: str) -> list[tuple[int, str]]:
    with session_scope() as session:
        return [(row["id"], row["programme"]) for row in imports_visible_to(session, actor=email)]


def every_import() -> list[tuple[int, str]]:
    with session_scope() as session:
        return [(row["id"], row["programme"]) for row in list_imports(session)]


def test_a_lead_sees_only_the_imports_of_the_programme_they_lead(sample_database):
    assert {name for _, name in every_import()} == {"GasErop!", "Rondje Circulair (fictief)"}
    assert visible(LEAD) == [(i, name) for i, name in every_import() if name == "GasErop!"]
    assert [i for i, _ in visible(LEAD)] == [4, 3, 2, 1]  # newest first


def test_officers_and_admins_see_every_import_and_a_viewer_none(sample_database):
    assert visible(OFFICER) == visible(ADMIN) == every_import()
    assert len(every_import()) == 6
    assert visible(VIEWER) == []


def test_a_lead_of_both_programmes_sees_both(sample_database):
    add_role(email=LEAD, role="lead", programme="Rondje Circulair (fictief)", actor=ADMIN)
    assert visible(LEAD) == every_import()
