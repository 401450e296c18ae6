"""Issue 11 §1 on the server's path: a warm zygote forks each upload's bounded child.

A threaded caller (the Streamlit server) used to start a fresh interpreter per task,
about 5 s of CPU importing pandas and the readers, twice per upload; these tests
failed then because no helper outlived a task and each task cost seconds of CPU.
Each test runs the task in a second thread, so the caller is threaded as a server is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import resource
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from data_access.core.config import UploadLimits
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.worker import run_isolated, validate_isolated
from tests.security import hostile_files as hostile
from tests.security.late import late
from tests.workbook.builders import valid_workbook

LIMITS = dataclasses.replace(UploadLimits(), worker_memory_bytes=1024**3)
UNBOUNDED = dataclasses.replace(
    LIMITS, max_columns_per_sheet=10**9, max_cells_per_sheet=10**15, max_text_bytes=10**15
)


class Dies:
    """An argument whose unpickling, in the child, ends the child the way a reader can."""

    def __init__(self, how: Callable, *args: object) -> None:
        self.how, self.args = how, args

    def __reduce__(self):
        return self.how, self.args


def on_server_path(call: Callable, *args, **kwargs):
    """Call in a second thread: the caller is then threaded, as the Streamlit server is."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(call, *args, **kwargs).result()


def outcome(call: Callable, *args, **kwargs) -> str:
    try:
        on_server_path(call, *args, **kwargs)
    except WorkbookRefused as refused:
        return refused.code
    return "ok"


def helpers() -> set[int]:
    """Our live child processes (the zygote, once there is one)."""
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(FileNotFoundError):  # a thread that has just ended
            pids.update(int(pid) for pid in (task / "children").read_text().split())
    return pids


def zygotes() -> set[int]:
    """Our live zygotes among the helpers (another test may leave a child of its own, such
    as a killed import not yet reaped)."""
    found = set()
    for pid in helpers():
        with contextlib.suppress(FileNotFoundError):
            if b"--serve" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0"):
                found.add(pid)
    return found


def cpu_seconds() -> float:
    """CPU spent by this process, its reaped children and its live children with theirs."""
    spent = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))  # fmt: skip
    for pid in helpers():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        spent += sum(int(tick) for tick in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return spent


def validate_ok() -> None:
    assert outcome(validate_isolated, valid_workbook(), "q.xlsx", limits=LIMITS) == "ok"


def test_the_second_task_pays_no_interpreter_start_up():
    validate_ok()
    zygote = helpers()
    before = cpu_seconds()

    validate_ok()

    assert cpu_seconds() - before < 1.0
    assert zygote and helpers() == zygote


@pytest.mark.parametrize(
    ("args", "limits"),
    [
        ((Dies(os.abort),), LIMITS),
        ((Dies(signal.raise_signal, signal.SIGKILL),), LIMITS),
        ((Dies(bytearray, 2 * 1024**3),), LIMITS),
        ((hostile.xlsx_far_cell(row=20_000), "far.xlsx"), UNBOUNDED),  # calamine aborts
    ],
    ids=["abort", "SIGKILL", "memory bomb", "calamine allocation abort"],
)
def test_a_child_that_dies_costs_one_upload_and_the_zygote_survives(args, limits):
    validate_ok()
    zygote = helpers()

    assert outcome(run_isolated, "validate", args, {"limits": limits}, limits=limits) == (
        "worker_failed"
    )
    validate_ok()
    assert zygote and helpers() == zygote


@pytest.mark.parametrize(
    ("args", "seconds"),
    [((valid_workbook(), "q.xlsx"), 0.001), ((Dies(time.sleep, 60),), 1.0)],
    ids=["tiny timeout", "sleeping child"],
)
def test_a_task_that_overruns_is_timed_out_and_the_zygote_survives(args, seconds):
    validate_ok()
    zygote = helpers()
    limits = dataclasses.replace(LIMITS, worker_timeout_seconds=seconds)
    started = time.monotonic()

    assert outcome(run_isolated, "validate", args, {"limits": limits}, limits=limits) == (
        "timed_out"
    )
    assert time.monotonic() - started < 30
    validate_ok()
    assert zygote and helpers() == zygote


def test_a_child_slowed_by_a_busy_machine_is_not_stopped_before_its_cpu_is_spent():
    """The CPU budget stops a runaway reader; the clock allows three times that, since a
    large legitimate file on a busy server was refused as timed out at load 6-12."""
    limits = dataclasses.replace(LIMITS, worker_timeout_seconds=1.0)
    args = (Dies(late, 1.5, valid_workbook()), "q.xlsx")

    assert outcome(run_isolated, "validate", args, {"limits": limits}, limits=limits) == "ok"


def test_a_zygote_that_died_is_started_again():
    validate_ok()
    (zygote,) = zygotes()
    os.kill(zygote, signal.SIGKILL)
    os.waitpid(zygote, 0)

    validate_ok()
    assert zygotes() and zygotes() != {zygote}


def test_concurrent_uploads_wait_for_each_other_without_deadlock():
    with ThreadPoolExecutor(4) as pool:
        tasks = [pool.submit(validate_isolated, valid_workbook(), "q.xlsx", limits=LIMITS)
                 for _ in range(4)]  # fmt: skip
        assert all(task.result(timeout=120).ok for task in tasks)
