"""Fixtures for AppTests: the app, against `database` or `sample_database` (tests/conftest.py).

AppTest runs the app in this process, so a test points the process at its own
database through DATABASE_URL (the ui cache keys on that URL). Like `database`, the
seeded `sample_database` runs each test on SQLite and again on PostgreSQL when
TEST_DATABASE_URL names a server: the pages must show the same figures on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.auth_config import DEMO_ENV

APP_FILE = Path(__file__).resolve().parents[2] / "app.py"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app in demo mode (chosen explicitly, as `make run` does), not yet run: set
    query params or session state, then `.run()`."""
    monkeypatch.setenv(DEMO_ENV, "1")
    return AppTest.from_file(str(APP_FILE), default_timeout=30)
