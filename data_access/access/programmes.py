"""Programmes made and described by officers and admins, before their first upload.

Until now a programme came into being with its first workbook, so its lead could
not be named before it existed. Here an officer or admin creates and edits one
(name, description, first and last year, report deadline); yearly targets and the
budget per year are targets (`data_access.access.targets`, officers). Every change is
checked (`access.require`) and audited in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from data_access.access.audit import record
from data_access.access.permissions import Actor, require, resolve_actor
from data_access.access.targets import set_target
from data_access.core.db import session_scope
from data_access.core.i18n import translate
from data_access.core.models import DEFAULT_DEADLINE_DAYS, ImportBatch, Programme, Target, UserRole
from data_access.workbook.schema import normalise_name

FIELDS = ("name", "description", "first_year", "last_year", "deadline_days")


class ProgrammeRefused(ValueError):
    """The programme's details don't hold together; `message(lang)` says why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str = "nl") -> str:
        return translate(f"programmes.error.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class ProgrammeDetails:
    """What an officer fills in; targets as (year, measure, value) triples."""

    name: str
    description: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    deadline_days: int = DEFAULT_DEADLINE_DAYS
    targets: tuple[tuple[int, str, float], ...] = ()


def create_programme(*, details: ProgrammeDetails, actor: str | Actor) -> int:
    """A new programme (no uploads yet); returns its id."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "programmes")
        _check(session, details, programme_id=None)
        programme = Programme(**{f: _clean(details, f) for f in FIELDS})
        session.add(programme)
        session.flush()
        record(session, actor=who.email, action="programme.create", entity="programme",
               entity_id=programme.id, programme_id=programme.id,
               details={f: _clean(details, f) for f in FIELDS})  # fmt: skip
        _set_targets(session, programme.id, details, who)
        return programme.id


def edit_programme(programme_id: int, *, details: ProgrammeDetails, actor: str | Actor) -> dict:
    """Change a programme's details (and targets); returns {field: [old, new]} as audited."""
    with session_scope(write=True) as session:
        who = resolve_actor(session, actor)
        require(who, "programmes")
        programme = session.get(Programme, programme_id, with_for_update=True)
        if programme is None:
            raise ProgrammeRefused("not_found", programme=programme_id)
        _check(session, details, programme_id=programme_id)
        changed = {}
        for name in FIELDS:
            old, new = getattr(programme, name), _clean(details, name)
            if old != new:
                changed[name] = [old, new]
                setattr(programme, name, new)
        if changed:
            record(session, actor=who.email, action="programme.edit", entity="programme",
                   entity_id=programme_id, programme_id=programme_id, details=changed)  # fmt: skip
        _set_targets(session, programme_id, details, who)
        return changed


def programme_rows(session: Session) -> list[dict]:
    """Every programme with its details, leads, number of imports and targets, by name."""
    imports = dict(
        session.execute(
            select(ImportBatch.programme_id, func.count()).group_by(ImportBatch.programme_id)
        ).all()
    )
    leads: dict[int, list[str]] = {}
    for email, programme_id in session.execute(
        select(UserRole.email, UserRole.programme_id)
        .where(UserRole.role == "lead")
        .order_by(UserRole.email)
    ):
        leads.setdefault(programme_id, []).append(email)
    targets: dict[int, list[tuple]] = {}
    for t in session.execute(select(Target).order_by(Target.year, Target.measure)).scalars():
        targets.setdefault(t.programme_id, []).append((t.year, t.measure, t.value))
    programmes = session.execute(select(Programme).order_by(Programme.name)).scalars()
    return [
        {"id": p.id} | {f: getattr(p, f) for f in FIELDS}
        | {"leads": leads.get(p.id, []), "imports": imports.get(p.id, 0),
           "targets": targets.get(p.id, [])}
        for p in programmes
    ]  # fmt: skip


def _clean(details: ProgrammeDetails, name: str) -> object:
    value = getattr(details, name)
    if isinstance(value, str):
        return value.strip() or None
    return value


def _check(session: Session, details: ProgrammeDetails, *, programme_id: int | None) -> None:
    name = (details.name or "").strip()
    if not name:
        raise ProgrammeRefused("name_required")
    same = [
        pid
        for pid, existing in session.execute(select(Programme.id, Programme.name))
        if normalise_name(existing) == normalise_name(name) and pid != programme_id
    ]
    if same:
        raise ProgrammeRefused("name_taken", name=name)
    first, last = details.first_year, details.last_year
    if first is not None and last is not None and first > last:
        raise ProgrammeRefused("years", first_year=first, last_year=last)
    if not 0 <= int(details.deadline_days) <= 366:
        raise ProgrammeRefused("deadline", days=details.deadline_days)


def _set_targets(session: Session, programme_id: int, details: ProgrammeDetails, who) -> None:
    """Yearly targets and budget go through `set_target` (officers; audited there)."""
    for year, measure, value in details.targets:
        set_target(session, programme_id=programme_id, year=int(year), measure=measure,
                   value=float(value), actor=who)  # fmt: skip
