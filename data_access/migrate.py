"""Schema migrations (Alembic), applied at start and by `python -m data_access migrate`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from data_access.db import WRITE_OPTION, get_engine
from data_access.reference import seed_reference_data

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def migrate(engine: Engine | None = None) -> None:
    """Bring the schema to the newest revision and add missing reference data."""
    engine = engine or get_engine()
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    _seed(engine)


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


def downgrade(revision: str, engine: Engine | None = None) -> None:
    """Step the schema back; used by the migration round-trip tests."""
    engine = engine or get_engine()
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
