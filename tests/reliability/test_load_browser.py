"""Load: 20 people at once on the real Streamlit server for 60 s, in one Chromium.

Each is a Playwright context opening dashboard pages from links and changing the
sidebar's period, sector, language and page. No action may end in an error or a
timeout; the response times and where the CPU went go to
test-artifacts/reliability/load.json (and bench/RESULTS.md), a trace of every action
to load-trace.json. A measurement: `make load` runs it alone (it needs the whole
machine), not `make test`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, serve_app
from tests.conftest import skip_or_fail
from tests.reliability.conftest import write_result
from tests.reliability.cpu import machine_cpu_seconds, process_cpu_seconds, server_pid
from tests.reliability.load_driver import run_load, stats, summarise
from ui.run_timing import RUN_LOG_ENV, read_run_log

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.load]

SESSIONS, SECONDS = int(os.environ.get("LC_LOAD_SESSIONS", 20)), 60


@pytest.fixture
def served_app(tmp_path, monkeypatch) -> Iterator[str]:
    """The app as deployed: no file watcher (it would reload modules edited meanwhile)."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    monkeypatch.setenv("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")
    monkeypatch.setenv(RUN_LOG_ENV, str(tmp_path / "runs.jsonl"))
    with serve_app(tmp_path) as url:
        yield url


def server_side(run_log: Path, actions: int, server_cpu_seconds: float) -> dict:
    """The server's own cost: each run's time from its start to its finished page, and
    the server process's CPU per action (a browser-driven load test measures mostly the
    browsers on two cores)."""
    runs = read_run_log(run_log) if run_log.exists() else []
    return {"runs": stats(sorted(r["seconds"] for r in runs)),
            "run_cpu": stats(sorted(r["cpu_seconds"] for r in runs)),
            "cpu_seconds_per_action": round(server_cpu_seconds / max(actions, 1), 3)}  # fmt: skip


def test_twenty_people_at_once_for_a_minute_see_no_error(served_app, tmp_path):
    server = server_pid(served_app)
    assert server is not None, "the streamlit process was not found"
    server_before, machine_before = process_cpu_seconds(server), machine_cpu_seconds()
    result = run_load(served_app, sessions=SESSIONS, seconds=SECONDS, chromium=str(CHROMIUM))
    server_after, machine_after = process_cpu_seconds(server), machine_cpu_seconds()
    figures = summarise(result, sessions=SESSIONS, seconds=SECONDS)
    # Where the machine's time went: the server's share tells a slow app from busy browsers.
    figures["cpu"] = {"server_seconds": round(server_after - server_before, 1),
                      "machine_busy_seconds": round(machine_after[0] - machine_before[0], 1),
                      "machine_seconds": round(machine_after[1] - machine_before[1], 1),
                      "cores": os.cpu_count()}  # fmt: skip
    figures["server"] = server_side(tmp_path / "runs.jsonl", figures["overall"]["count"],
                                    server_after - server_before)  # fmt: skip
    write_result("load", figures)
    write_result("load-trace", {"trace": result.trace})
    assert figures["errors"] == []
    assert figures["overall"]["count"] >= SESSIONS * 2
    # A click the page never passed on is the browser's, not the server's; but more than
    # one in twenty would be a page that ignores people.
    assert figures["lost_clicks"] <= max(2, figures["overall"]["count"] // 20)
    assert figures["server"]["runs"]["count"] >= figures["overall"]["count"]  # every action ran
    assert set(figures["by_kind"]) == {"open", "period", "sector", "language", "navigate"}
