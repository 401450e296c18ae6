"""Managing who has which role: by an admin, audited; plus the two bootstrap paths.

A fresh database has no admin, so `bootstrap_admin` makes the first one and then
refuses for ever after. The sample loader acts as the seeded system account
`SYSTEM_ACTOR` (admin, officer, and lead of the sample programme); its demo users
(`DEMO_USERS`) are added through the same checked `add_role` as any other.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlmodel import Session

from data_access.access.audit import record
from data_access.access.permissions import (
    SYSTEM_ACTOR,
    Actor,
    PermissionDenied,
    normalise_email,
    require,
    resolve_actor,
)
from data_access.core.db import session_scope
from data_access.core.models import ROLES, Programme, UserRole

SAMPLE_PROGRAMME = "GasErop!"
DEMO_USERS: tuple[tuple[str, str, str | None], ...] = (
    ("viewer@demo.lc-monitor.local", "viewer", None),
    ("lead@demo.lc-monitor.local", "lead", SAMPLE_PROGRAMME),
    ("officer@demo.lc-monitor.local", "officer", None),
    ("admin@demo.lc-monitor.local", "admin", None),
)


def add_role(*, email: str, role: str, programme: str | None = None, actor: str | Actor) -> bool:
    """Give `email` a role (a lead: for `programme`, by name); False if they had it already."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "users")
        programme_id = _programme_for(session, role, programme)
        return _grant(session, normalise_email(email), role, programme_id, who.email)


def remove_role(*, email: str, role: str, programme: str | None = None, actor: str | Actor) -> bool:
    """Take a role away; the last admin can't be removed (nobody could manage roles)."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "users")
        email, programme_id = normalise_email(email), _programme_for(session, role, programme)
        if role == "admin" and _admins(session) == [email]:
            raise PermissionDenied("last_admin", email=email)
        removed = session.execute(
            delete(UserRole).where(
                UserRole.email == email,
                UserRole.role == role,
                _programme_is(programme_id),
            )
        ).rowcount
        if removed:
            record(session, actor=who.email, action="role.remove", entity="userrole",
                   entity_id=email, programme_id=programme_id, details={"role": role})  # fmt: skip
        return bool(removed)


def bootstrap_admin(email: str) -> None:
    """Make the first admin of a fresh database; refused once any admin exists."""
    with session_scope(write=True) as session:
        if _admins(session):
            raise PermissionDenied("admin_exists")
        email = normalise_email(email)
        _grant(session, email, "admin", None, email)


def ensure_system_account() -> None:
    """The sample loader's account: admin and officer (bootstrap, audited as itself)."""
    with session_scope(write=True) as session:
        for role in ("admin", "officer"):
            _grant(session, SYSTEM_ACTOR, role, None, SYSTEM_ACTOR)


def seed_demo_users(*, actor: str | Actor = SYSTEM_ACTOR) -> None:
    """The demo mode's four users (see DEMO_USERS); needs the sample programme to exist."""
    for email, role, programme in DEMO_USERS:
        add_role(email=email, role=role, programme=programme, actor=actor)


def list_roles(session: Session) -> list[dict]:
    """Every role row, by e-mail: the users page and `users list`."""
    query = (
        select(UserRole, Programme.name)
        .outerjoin(Programme, Programme.id == UserRole.programme_id)
        .order_by(UserRole.email, UserRole.role, Programme.name)
    )
    return [
        {
            "email": row.email,
            "role": row.role,
            "programme": name,
            "granted_by": row.granted_by,
            "granted_at": row.granted_at,
        }
        for row, name in session.execute(query)
    ]


def _grant(session: Session, email: str, role: str, programme_id, granted_by: str) -> bool:
    if role not in ROLES:
        raise PermissionDenied("unknown_role", role=role, roles=", ".join(ROLES))
    exists = session.execute(
        select(UserRole.id).where(
            UserRole.email == email, UserRole.role == role, _programme_is(programme_id)
        )
    ).first()
    if exists:
        return False
    session.add(UserRole(email=email, role=role, programme_id=programme_id, granted_by=granted_by))
    record(session, actor=granted_by, action="role.add", entity="userrole", entity_id=email,
           programme_id=programme_id, details={"role": role})  # fmt: skip
    return True


def _programme_for(session: Session, role: str, programme: str | None) -> int | None:
    """A lead's programme id by name; other roles name none."""
    if role != "lead":
        if programme:
            raise PermissionDenied("programme_not_for_role", role=role)
        return None
    if not programme:
        raise PermissionDenied("lead_needs_programme")
    programme_id = session.execute(
        select(Programme.id).where(Programme.name == programme.strip())
    ).scalar_one_or_none()
    if programme_id is None:
        raise PermissionDenied("unknown_programme", programme=programme)
    return programme_id


def _programme_is(programme_id: int | None):
    if programme_id is None:
        return UserRole.programme_id.is_(None)
    return UserRole.programme_id == programme_id


def _admins(session: Session) -> list[str]:
    query = select(UserRole.email).where(UserRole.role == "admin").distinct()
    return list(session.execute(query).scalars())
