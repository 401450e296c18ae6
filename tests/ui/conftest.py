"""Fixtures for AppTests: the app against an empty or a seeded database.

AppTest runs the app in this process, so a test points the process at its own
database through DATABASE_URL (the ui cache keys on that URL). Like `database`, the
seeded `sample_database` runs each test on SQLite and again on PostgreSQL when
TEST_DATABASE_URL names a server: the pages must show the same figures on both.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from data_access.core import db
from data_access.core.migrate import migrate
from data_access.imports.sample import load_sample_data
from tests.conftest import DATABASES, TEMPLATE_DB, cloned_postgres, skip_or_fail
from ui.auth_config import DEMO_ENV

APP_FILE = Path(__file__).resolve().parents[2] / "app.py"


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


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app in demo mode (chosen explicitly, as `make run` does), not yet run: set
    query params or session state, then `.run()`."""
    monkeypatch.setenv(DEMO_ENV, "1")
    return AppTest.from_file(str(APP_FILE), default_timeout=30)
