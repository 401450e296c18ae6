"""The server's own time for each script run, for the load test and benchmarks.

A browser-driven load test on two cores measures mostly the browsers. With
LC_MONITOR_RUN_LOG naming a file, every page run the server finishes appends one JSON
line: the page, its wall-clock seconds and the CPU seconds of the thread that ran it
(Streamlit runs each session's script on a thread of its own). Unset, it costs one
environment lookup per run.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass

RUN_LOG_ENV = "LC_MONITOR_RUN_LOG"
_WRITING = threading.Lock()


@dataclass(frozen=True)
class RunStart:
    wall: float
    cpu: float


def run_started() -> RunStart:
    """Call first thing in a run."""
    return RunStart(wall=time.perf_counter(), cpu=time.thread_time())


def record_run(started: RunStart, page: str) -> None:
    """Append the run's server-side time to the run log, when one is configured."""
    path = os.environ.get(RUN_LOG_ENV)
    if not path:
        return
    line = json.dumps({"page": page, "seconds": round(time.perf_counter() - started.wall, 4),
                       "cpu_seconds": round(time.thread_time() - started.cpu, 4)})  # fmt: skip
    with _WRITING, open(path, "a", encoding="utf-8") as log:
        log.write(line + "\n")


def read_run_log(path: str | os.PathLike[str]) -> list[dict]:
    """Every run recorded in `path`, oldest first."""
    with open(path, encoding="utf-8") as log:
        return [json.loads(line) for line in log if line.strip()]
