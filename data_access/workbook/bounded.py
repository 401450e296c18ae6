"""What runs inside a bounded child, however it was started: limits first, then the task.

Both ways of isolating an upload (a fork of the command line, a fork of the server's
zygote) end here, so the limits and the way an outcome is reported are the same.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import signal
from collections.abc import Callable

from data_access.workbook.report import WorkbookRefused

Outcome = tuple[str, object]

# A child may use `seconds` of CPU (RLIMIT_CPU: what stops a runaway reader) and wait
# this many times as long on the clock: on a busy server a legitimate large file gets
# only a share of a core, and was refused as timed out at load 6-12 (issue 14's runs).
WALL_PER_CPU_SECOND = 3


def wall_seconds(seconds: float) -> float:
    """How long a child with a CPU budget of `seconds` may take on the clock."""
    return WALL_PER_CPU_SECOND * seconds


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def die_with_parent() -> None:
    """Ask Linux to kill this (forked) process when its parent dies; elsewhere a no-op."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def limit(memory_bytes: int, seconds: float) -> None:
    """Cap this process's address space and the CPU time it may still use."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # never above a limit the whole program runs under
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime + seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.getrlimit(resource.RLIMIT_CPU)[1]))


def run_task(load: Callable[[], tuple[str, tuple, dict]]) -> bytes:
    """Load the task (under the limits already set), run it, and pickle what came of it.

    Loading happens inside the guard: a task arriving pickled is unpickled here, in
    the child, so even a request that cannot be unpickled costs one refused upload.
    """
    try:
        task, args, kwargs = load()
        outcome: Outcome = ("ok", task_function(task)(*args, **kwargs))
    except WorkbookRefused as refused:
        outcome = ("refused", (refused.code, refused.params))
    except MemoryError:
        outcome = ("worker_failed", "MemoryError")
    except Exception as exc:  # a reader bug: one refused upload, logged in the parent
        outcome = ("worker_failed", repr(exc))
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return pickle.dumps(("worker_failed", "MemoryError while sending the result"))


def task_function(name: str) -> Callable:
    """Import only what the task needs: importing the readers is most of a start-up."""
    if name == "validate":
        from data_access.workbook.validate import validate_workbook

        return validate_workbook
    from data_access.workbook.error_report import write_error_report

    return write_error_report
