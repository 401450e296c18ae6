"""A killed import leaves no reader behind: the forked worker dies with its parent.

Found in the crash-safety run: an import killed while its worker was reading left the
worker blocked for ever (it held the pipe's reading end itself, so its large result
could never be written), one 180 MB process per killed import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PROJECT_ROOT


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_the_worker_of_a_killed_import_ends_with_it(tmp_path):
    from bench.make_workbook import write_benchmark_workbook

    # A result larger than a pipe's buffer: the worker must block writing it.
    workbook = write_benchmark_workbook(3_000, tmp_path / "big.xlsx")
    env = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    importer = subprocess.Popen(
        [sys.executable, "-m", "data_access", "import", str(workbook), "--dry-run"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers and importer.poll() is None and time.monotonic() < deadline:
        workers = _children(importer.pid)
        time.sleep(0.01)
    assert workers, "the import never forked its worker"
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if _alive(pid)] == []
