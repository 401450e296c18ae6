"""Fixtures for AppTests: the app, against `database` or `sample_database` (tests/conftest.py).

AppTest runs the app in this process, so a test points the process at its own
database through DATABASE_URL (the ui cache keys on that URL). Like `database`, the
seeded `sample_database` runs each test on SQLite and again on PostgreSQL when
TEST_DATABASE_URL names a server; for pages that only read, the PostgreSQL run is left
to the data tests (POSTGRES_PAGE_TESTS below).
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


# Pages that write (upload, approve, undo, targets, programmes, roles) or whose own code
# differs per database (the cache's data version) run on PostgreSQL as well as SQLite.
# Pages that only read show what `data_access` computes, and every figure there is
# pinned on both databases by the data tests; their AppTests run on SQLite only, which
# keeps `make test` within CI's 20 minutes.
POSTGRES_PAGE_TESTS = {
    "test_access_pages.py",
    "test_approvals_page.py",
    "test_cache_version.py",
    "test_communities_map_targets.py",
    "test_history_page.py",
    "test_portfolio_pages.py",
    "test_upload_page.py",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the PostgreSQL run of read-only page tests (reported as deselected)."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_postgres = "postgresql" in (params.get("sample_database"), params.get("database"))
        in_ui = item.path.parent.name == "ui" and item.path.parent.parent.name == "tests"
        if in_ui and on_postgres and item.path.name not in POSTGRES_PAGE_TESTS:
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
