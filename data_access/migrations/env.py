"""Alembic environment: runs on the connection handed over by data_access.core.migrate."""

from alembic import context
from sqlmodel import SQLModel

import data_access.core.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    from sqlalchemy import create_engine

    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as fresh:
        run_migrations(fresh)
        fresh.commit()
else:
    run_migrations(connection)
