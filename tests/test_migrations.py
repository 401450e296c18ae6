"""The Alembic migrations are the schema: they match the models and run both ways."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, select

import data_access.core.models  # noqa: F401  (registers the tables)
from data_access.core.db import get_engine, session_scope
from data_access.core.migrate import downgrade, migrate
from data_access.core.models import EducationPartner, Municipality, Sector


def test_migrated_schema_matches_the_models(database):
    with get_engine().connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_downgrade_to_base_and_upgrade_again_restores_every_table(database):
    tables_before = set(inspect(get_engine()).get_table_names())
    downgrade("base")
    assert set(inspect(get_engine()).get_table_names()) <= {"alembic_version"}
    migrate()
    assert set(inspect(get_engine()).get_table_names()) == tables_before


def test_migrate_twice_seeds_reference_data_once(database):
    migrate()
    with session_scope() as session:
        assert len(session.exec(select(Municipality)).all()) == 25
        assert len(session.exec(select(Sector)).all()) == 4
        partners = {p.name: p.level for p in session.exec(select(EducationPartner)).all()}
    assert partners == {
        "Saxion": "hbo",
        "Windesheim": "hbo",
        "Universiteit Twente": "wo",
        "ROC van Twente": "mbo",
    }


def test_migrate_with_an_explicit_engine_seeds_that_database(database, tmp_path):
    from data_access.core.db import make_engine

    other = make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    migrate(other)
    with Session(other) as session:
        assert len(session.exec(select(Municipality)).all()) == 25
    other.dispose()
