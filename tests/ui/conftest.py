"""Fixtures for AppTests: the app against an empty or a seeded SQLite database.

AppTest runs the app in this process, so a test points the process at its own
database file through DATABASE_URL (the ui cache keys on that URL).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access import db
from data_access.migrate import migrate
from data_access.sample import load_sample_data

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


@pytest.fixture
def sample_database(sample_database_file, tmp_path, monkeypatch) -> Iterator[str]:
    """A private copy of the sample database, so a test may write to it."""
    copy = tmp_path / "sample.sqlite3"
    shutil.copy(sample_database_file, copy)
    url = f"sqlite:///{copy}"
    _point_at(url, monkeypatch)
    yield url
    db.reset_engine()


@pytest.fixture
def app() -> AppTest:
    """The app, not yet run: set query params or session state, then `.run()`."""
    return AppTest.from_file(str(APP_FILE), default_timeout=30)
