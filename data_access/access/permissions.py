"""Who may do what: roles from the database, checked by every writing function.

Roles (a person can have several rows in `UserRole`): a *viewer* reads; a *lead*
uploads and undoes for the programme their row names; an *officer* approves,
rejects, locks and unlocks periods, edits targets and may undo; an *admin*
manages roles. Checks live here, below the UI, so a page that forgets a check, a
command line call or a direct function call is refused all the same. A writing
function re-reads the actor's roles inside its own transaction (`resolve_actor`),
so a role removed a second ago no longer counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from data_access.core.i18n import translate
from data_access.core.models import ROLES, UserRole

# The seeded system account the sample loader acts as (see README, "Users and roles").
SYSTEM_ACTOR = "sample-data@lc-monitor.local"

# permission → roles that hold it everywhere; "lead" holds the programme-scoped ones
# only for the programmes its rows name.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "read": ROLES,
    "import": (),  # leads of the programme only
    "create_programme": ("officer", "admin"),
    "programmes": ("officer", "admin"),  # create and edit programmes before any upload
    "undo": ("officer",),  # and leads of the programme
    "original": ("officer",),  # download an uploaded workbook (names, e-mails); and leads
    "review": ("officer",),  # approve, reject, lock, unlock
    "targets": ("officer",),
    "audit": ("officer", "admin"),
    "users": ("admin",),
    "restore": ("admin",),  # replaces the whole database, audit log included
}
LEAD_PERMISSIONS = frozenset({"import", "undo", "original"})


class PermissionDenied(Exception):
    """The actor may not do this; `message(lang)` says so and what role it takes."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return translate(f"error.permission.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Actor:
    """A signed-in person: e-mail, roles, and the programmes they lead (ids)."""

    email: str
    roles: frozenset[str] = field(default_factory=frozenset)
    lead_programmes: frozenset[int] = field(default_factory=frozenset)

    def has(self, role: str) -> bool:
        return role in self.roles

    def can(self, permission: str, programme_id: int | None = None) -> bool:
        """Whether `require` would let this actor through (for showing pages and buttons)."""
        if self.roles & set(PERMISSIONS[permission]):
            return True
        return (
            permission in LEAD_PERMISSIONS
            and programme_id is not None
            and programme_id in self.lead_programmes
        )


def normalise_email(email: str) -> str:
    """E-mail addresses compare case-insensitively, without surrounding spaces."""
    return email.strip().lower()


def load_actor(session: Session, email: str) -> Actor:
    """The actor with their roles as the database has them now (none when unknown)."""
    email = normalise_email(email)
    rows = session.exec(select(UserRole).where(UserRole.email == email)).all()
    return Actor(
        email=email,
        roles=frozenset(row.role for row in rows),
        lead_programmes=frozenset(
            row.programme_id for row in rows if row.role == "lead" and row.programme_id
        ),
    )


def resolve_actor(session: Session, actor: str | Actor) -> Actor:
    """Re-read an actor (given by e-mail or as an Actor) in the caller's transaction."""
    email = actor.email if isinstance(actor, Actor) else str(actor or "")
    if not email.strip():
        raise PermissionDenied("no_actor")
    return load_actor(session, email)


def require(actor: Actor, permission: str, programme_id: int | None = None, **params) -> None:
    """Refuse with `PermissionDenied` unless `actor` holds `permission` (for the programme)."""
    if not actor.roles:
        raise PermissionDenied("unknown_user", email=actor.email)
    if not actor.can(permission, programme_id):
        raise PermissionDenied(permission, email=actor.email, **params)
