"""Shared fixtures: a fresh, migrated database per test, on SQLite and on PostgreSQL.

Database tests take the `database` fixture. It runs every test on a new SQLite
file and, when TEST_DATABASE_URL names a PostgreSQL server, again on a fresh
PostgreSQL database cloned from a migrated template. With CI=true a PostgreSQL or
browser test that would be skipped fails instead, so CI can't go green by skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from data_access.core import db
from data_access.core.migrate import migrate
from data_access.imports.sample import load_sample_data

PROJECT_ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"
# One template per test process, so parallel workers against one server never collide.
# Named by the process, not at random: pytest loads this file as `conftest` and other
# files import it as `tests.conftest`, and both must name the same template.
TEMPLATE_DB = f"lc_template_{os.getpid()}"


def skip_or_fail(reason: str) -> None:
    """Skip locally; in CI a missing PostgreSQL or browser is a failure."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def _use_database(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    db.reset_engine()


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """Migrate a template database once per run; each test clones it (fast)."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield None
        return
    admin = create_engine(_pg_url(server_url, "postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{TEMPLATE_DB}"'))
    template_url = _pg_url(server_url, TEMPLATE_DB)
    _use_database(template_url)
    migrate()
    db.reset_engine()
    yield server_url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)'))
    admin.dispose()


@contextmanager
def cloned_postgres(server_url: str, template: str) -> Iterator[str]:
    """A new database copied from `template` on the server (CREATE DATABASE … TEMPLATE,
    far faster than migrating); yields its URL and drops it afterwards."""
    name = f"lc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_url(server_url, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        yield _pg_url(server_url, name)
        db.reset_engine()  # the database is dropped next: let go of its connections
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _pg_url(server_url: str, database: str) -> str:
    from data_access.core.config import normalise_url

    return make_url(normalise_url(server_url)).set(database=database).render_as_string(False)


# Every database test runs on SQLite and again on PostgreSQL (fixtures take these params).
DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def database(request, tmp_path, monkeypatch, postgres_template) -> Iterator[str]:
    """A fresh migrated database, made the process's DATABASE_URL; yields its URL."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        _use_database(url)
        migrate()
        yield url
    else:
        if postgres_template is None:
            skip_or_fail("TEST_DATABASE_URL is not set")
        with cloned_postgres(postgres_template, TEMPLATE_DB) as url:
            _use_database(url)
            yield url
    db.reset_engine()


# The sample data (the importer's own run of sample_data/), built once per worker and
# copied per test: loading it through the importer costs seconds a test.


def _point_at(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    db.reset_engine()


@pytest.fixture(scope="session")
def sample_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file with the sample data (through the importer), built once."""
    path = tmp_path_factory.mktemp("sample") / "sample.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        _point_at(f"sqlite:///{path}", patch)
        migrate()
        load_sample_data()
        db.reset_engine()
    return path


@pytest.fixture(scope="session")
def postgres_sample_template(postgres_template: str | None) -> Iterator[str | None]:
    """A PostgreSQL database with the sample data (through the importer), built once
    per run from the migrated template; tests clone it."""
    if postgres_template is None:
        yield None
        return
    with (
        pytest.MonkeyPatch.context() as patch,
        cloned_postgres(postgres_template, TEMPLATE_DB) as url,
    ):
        _point_at(url, patch)
        load_sample_data()
        db.reset_engine()  # a template may have no open connections
        yield make_url(url).database


@pytest.fixture(params=DATABASES)
def sample_database(
    request, sample_database_file, postgres_sample_template, postgres_template, tmp_path,
    monkeypatch,
) -> Iterator[str]:  # fmt: skip
    """A private copy of the sample database, so a test may write to it."""
    if request.param == "sqlite":
        copy = tmp_path / "sample.sqlite3"
        shutil.copy(sample_database_file, copy)
        url = f"sqlite:///{copy}"
        _point_at(url, monkeypatch)
        yield url
    else:
        if postgres_sample_template is None:
            skip_or_fail("TEST_DATABASE_URL is not set")
        with cloned_postgres(postgres_template, postgres_sample_template) as url:
            _point_at(url, monkeypatch)
            yield url
    db.reset_engine()
