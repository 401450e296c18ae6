"""A real `streamlit run` on a fresh SQLite database with the sample data, and Chromium.

Uses the system Chromium (never `playwright install`); without it browser tests
skip locally and fail in CI.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PROJECT_ROOT, TEMPLATE_DB, cloned_postgres, skip_or_fail
from ui.auth_config import DEMO_ENV, FORCE_DEMO_ENV

CHROMIUM = Path("/usr/bin/chromium")
STARTUP_SECONDS = 60
# Without the networking flags Chromium keeps trying Google's hosts, which this closed
# network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


# `expect` waits 5 s by default. CI runs two test workers, each with its own server and
# Chromium, on two cores; an upload that is read in a worker process can take longer
# there. Every browser test waits on what it checks, so a longer wait costs nothing
# when the app is quick and spares a false failure when the machine is busy.
EXPECT_TIMEOUT_MS = 20_000
expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy within {STARTUP_SECONDS}s")


def _load_sample(env: dict[str, str]) -> None:
    """Migrate and load the sample data through the command line, as `make run` does."""
    for command in ("migrate", "seed-sample"):
        subprocess.run([sys.executable, "-m", "data_access", command], env=env, check=True,
                       cwd=PROJECT_ROOT, capture_output=True)  # fmt: skip


@functools.cache
def _sample_sqlite_file() -> Path:
    """One SQLite file per test process with the sample data loaded as `make run` loads
    it; each SQLite server gets a copy (loading it costs seconds a server)."""
    folder = Path(tempfile.mkdtemp(prefix="lc-browser-sample-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "sample.sqlite3"
    _load_sample({**os.environ, "DATABASE_URL": f"sqlite:///{path}"})
    assert not path.with_name(path.name + "-wal").exists()  # all of it is in the file
    return path


# Runs with the server's environment after the sample data is loaded, before it starts.
Prepare = Callable[[dict[str, str]], None]


@contextmanager
def serve_app(
    folder: Path,
    database_url: str | None = None,
    *,
    prepare: Prepare | None = None,
    extra_args: tuple[str, ...] = (),
    demo: bool = True,
) -> Iterator[str]:
    """Serve app.py (through `python -m ui.serve`, as `make run` does, in demo mode unless
    `demo` is False) with the sample data on `database_url` (default: a fresh SQLite file
    in `folder`), with `extra_args` for streamlit; yields the base URL."""
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{folder / 'app.sqlite3'}"}
    env.pop(FORCE_DEMO_ENV, None)
    if demo:
        env[DEMO_ENV] = "1"
    else:
        env.pop(DEMO_ENV, None)
    if database_url is None:
        shutil.copy(_sample_sqlite_file(), folder / "app.sqlite3")
    else:
        _load_sample(env)
    if prepare is not None:
        prepare(env)
    port = _free_port()
    log = (folder / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "ui.serve", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", *extra_args],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a busy machine: don't fail a passed test on it
            server.kill()
            server.wait(timeout=10)
        log.close()


@contextmanager
def serve_on(
    database: str, folder: Path, postgres_template: str | None, **options
) -> Iterator[str]:
    """The app with the sample data on a fresh `database` ("sqlite" or "postgresql");
    `options` go to `serve_app`."""
    if database == "sqlite":
        with serve_app(folder, **options) as url:
            yield url
        return
    if postgres_template is None:
        skip_or_fail("TEST_DATABASE_URL is not set")
    with (
        cloned_postgres(postgres_template, TEMPLATE_DB) as database_url,
        serve_app(folder, database_url, **options) as url,
    ):
        yield url


# The browser tier checks what a person sees and does. That every figure is the same on
# both databases is pinned below it: every data test and every page's AppTest runs on
# SQLite and again on PostgreSQL. So a browser test runs on SQLite; only the flows whose
# outcome rests on the database's own transactions and locks run on PostgreSQL too
# (approval with its period locks, two instances on one server). This keeps `make test`
# within CI's 20 minutes on two cores.
BROWSER_DATABASES = ["sqlite"]


@pytest.fixture(scope="session", params=BROWSER_DATABASES)
def app_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    postgres_template: str | None,
) -> Iterator[str]:
    """Base URL of the app, served from a fresh database loaded with the sample data."""
    with serve_on(request.param, tmp_path_factory.mktemp("browser"), postgres_template) as url:
        yield url
