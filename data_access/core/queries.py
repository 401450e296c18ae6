"""Small read helpers the pages and the command line share: one `select` each."""

from __future__ import annotations

from sqlmodel import Session, select

from data_access.core.models import EducationPartner, Municipality, Programme, Sector


def list_programmes(session: Session) -> list[Programme]:
    """Every programme, by name: the choices of the programme selector."""
    return list(session.exec(select(Programme).order_by(Programme.name)).all())


def get_programme(session: Session, *, name: str) -> Programme | None:
    """The programme called `name` exactly, or None."""
    return session.exec(select(Programme).where(Programme.name == name)).first()


def list_sectors(session: Session) -> list[Sector]:
    """Sectors in their display order (the lookup can grow without a code change)."""
    return list(session.exec(select(Sector).order_by(Sector.sort_order, Sector.code)).all())


def list_municipalities(session: Session) -> list[Municipality]:
    """Overijssel's municipalities, by name."""
    return list(session.exec(select(Municipality).order_by(Municipality.name)).all())


def list_education_partners(session: Session) -> list[EducationPartner]:
    """Education partners known from any upload, by name: the partner filter's choices."""
    return list(session.exec(select(EducationPartner).order_by(EducationPartner.name)).all())


def programme_names(session: Session, ids: frozenset[int] | set[int]) -> list[str]:
    """The names of the programmes with these ids, by name (e.g. the ones a lead leads)."""
    if not ids:
        return []
    query = select(Programme.name).where(Programme.id.in_(ids)).order_by(Programme.name)
    return list(session.exec(query).all())
