"""Test actors with real role rows (no mocks): a lead of GasErop!, an officer, an admin.

Writing functions check their actor in the database, so a test that writes first
grants the roles it needs here. `grant` writes the rows directly (test set-up, like
the factories), creating the lead's programme when it doesn't exist yet.
"""

from __future__ import annotations

from sqlmodel import select

from data_access.core.db import session_scope
from data_access.core.models import Programme, UserRole

PROGRAMME = "GasErop!"
LEAD = "lead@test.lc-monitor.local"
OTHER_LEAD = "other-lead@test.lc-monitor.local"
OFFICER = "officer@test.lc-monitor.local"
ADMIN = "admin@test.lc-monitor.local"
VIEWER = "viewer@test.lc-monitor.local"


def grant(email: str, role: str, programme: str | None = None) -> None:
    """Give `email` a role (a lead: of `programme`, made if missing)."""
    with session_scope(write=True) as session:
        programme_id = None
        if programme is not None:
            found = session.exec(select(Programme).where(Programme.name == programme)).first()
            if found is None:
                found = Programme(name=programme)
                session.add(found)
                session.flush()
            programme_id = found.id
        session.add(UserRole(email=email, role=role, programme_id=programme_id, granted_by="test"))


def seed_actors(programme: str = PROGRAMME) -> None:
    """LEAD leads `programme`; OFFICER, ADMIN and VIEWER hold their one role."""
    grant(LEAD, "lead", programme)
    grant(OFFICER, "officer")
    grant(ADMIN, "admin")
    grant(VIEWER, "viewer")


def grant_officer() -> None:
    """Only OFFICER: for tests that set targets or create programmes by importing."""
    grant(OFFICER, "officer")


def ensure_uploader(email: str, programme: str) -> None:
    """`email` as officer (who may start a programme) and, once it exists, its lead.

    Matches the programme's name as the importer does (case and spaces don't count).
    """
    from data_access.access.permissions import load_actor
    from data_access.workbook.schema import normalise_name

    with session_scope() as session:
        actor = load_actor(session, email)
        names = {normalise_name(p.name): p for p in session.exec(select(Programme)).all()}
    if "officer" not in actor.roles:
        grant(email, "officer")
    found = names.get(normalise_name(programme))
    if found is not None and found.id not in actor.lead_programmes:
        grant(email, "lead", found.name)
