"""Load: 20 people at once on the real Streamlit server for 60 s, in one Chromium.

Each is a Playwright context opening dashboard pages from links and changing the
sidebar's period, sector and language. No action may end in an error or a timeout;
the response times go to test-artifacts/reliability/load.json (and bench/RESULTS.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.browser.conftest import CHROMIUM, serve_app
from tests.conftest import skip_or_fail
from tests.reliability.conftest import write_result
from tests.reliability.load_driver import run_load, summarise

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.load]

SESSIONS, SECONDS = int(os.environ.get("LC_LOAD_SESSIONS", 20)), 60


@pytest.fixture
def served_app(tmp_path, monkeypatch) -> Iterator[str]:
    """The app as deployed: no file watcher (it would reload modules edited meanwhile)."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    monkeypatch.setenv("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")
    with serve_app(tmp_path) as url:
        yield url


def test_twenty_people_at_once_for_a_minute_see_no_error(served_app):
    result = run_load(served_app, sessions=SESSIONS, seconds=SECONDS, chromium=str(CHROMIUM))
    figures = summarise(result, sessions=SESSIONS, seconds=SECONDS)
    write_result("load", figures)
    assert figures["errors"] == []
    assert figures["overall"]["count"] >= SESSIONS * 2
    assert set(figures["by_kind"]) == {"open", "period", "sector", "language", "navigate"}
