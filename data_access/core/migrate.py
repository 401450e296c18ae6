"""Schema migrations (Alembic), applied at start and by `python -m data_access migrate`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from data_access.core.db import WRITE_OPTION, get_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
REVISION_LINE = re.compile(r"^(down_)?revision: str(?: \| None)? = '([^']+)'", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def migrate(engine: Engine | None = None) -> None:
    """Bring the schema to the newest revision and add missing reference data."""
    from alembic import command

    engine = engine or get_engine()
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    _seed(engine)


def head_revisions() -> set[str]:
    """The newest revision id(s), read from the migration files' headers: no Alembic
    import (~0.3 s), which the command line would otherwise pay on every run."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, revision in REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(revision)
    return revisions - parents


def migrate_if_behind(engine: Engine | None = None) -> None:
    """`migrate()` unless the database is already at the newest revision (then its
    reference data was seeded when it got there): the command line's fast start."""
    engine = engine or get_engine()
    try:
        with engine.connect() as connection:
            query = text("SELECT version_num FROM alembic_version")
            current = set(connection.execute(query).scalars())
    except SQLAlchemyError:  # a new database: no version table yet
        current = set()
    if current != head_revisions():
        migrate(engine)


def _seed(engine: Engine) -> None:
    """Seed reference data on `engine` itself (not the process default).

    Another instance starting at the same moment may seed first; its rows are
    what we wanted, so a unique-key clash means there is nothing left to add.
    """
    writer = engine.execution_options(**{WRITE_OPTION: True})
    with Session(writer) as session:
        seed_reference_data(session)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()


def seed_reference_data(session: Session) -> None:
    """Add the lookups a new database needs (data_access.core.reference, the
    vocabulary's sectors); leave existing rows alone."""
    from data_access import vocabulary
    from data_access.core import reference
    from data_access.core.models import EducationPartner, Funder, Municipality, Sector

    known_sectors = set(session.exec(select(Sector.code)).all())
    for order, (code, (name_nl, name_en)) in enumerate(vocabulary.SECTORS.items()):
        if code not in known_sectors:
            session.add(Sector(code=code, name_nl=name_nl, name_en=name_en, sort_order=order))
    known_codes = set(session.exec(select(Municipality.cbs_code)).all())
    for cbs_code, name in reference.municipality_codes().items():
        if cbs_code not in known_codes:
            session.add(Municipality(cbs_code=cbs_code, name=name))
    known_partners = set(session.exec(select(EducationPartner.name)).all())
    for name, level in reference.EDUCATION_PARTNERS:
        if name not in known_partners:
            session.add(EducationPartner(name=name, level=level))
    funder = Funder.name == reference.PROVINCE_FUNDER
    if session.exec(select(Funder).where(funder)).first() is None:
        session.add(Funder(name=reference.PROVINCE_FUNDER))


def downgrade(revision: str, engine: Engine | None = None) -> None:
    """Step the schema back; used by the migration round-trip tests."""
    from alembic import command

    engine = engine or get_engine()
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
