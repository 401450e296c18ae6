"""Reading an upload in a separate process, bounded in memory and in time.

The extent checks keep every known reader within bounds; this is the defence for the
readers' bugs we don't know yet. The file is parsed and validated (and the marked-cells
report written) in a child process with an address-space limit and a timeout, so a
crash, a failed allocation that aborts the process (calamine does that), a MemoryError
or an endless loop costs one refused upload (`worker_failed`, `timed_out`), never the
server. The timeout bounds the child's CPU time (RLIMIT_CPU) and, three times over, its
wall clock (`bounded.wall_seconds`: a busy machine gives a large file only a share of a core);
the child starts warm (a fork), so no start-up counts against it. A single-threaded
caller (the command line) forks itself, which copies the readers it has imported; a
threaded server must not fork, so it hands the task to its zygote (`zygote.py`), a warm
single-threaded helper that forks the child instead: no interpreter start-up per upload.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import signal
import sys
import threading

from data_access.core.config import UploadLimits
from data_access.workbook.bounded import (
    Outcome,
    die_with_parent,
    limit,
    run_task,
    task_function,
    wall_seconds,
)
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused
from data_access.workbook.zygote import run_in_zygote, serve

log = logging.getLogger(__name__)


def validate_isolated(
    content: bytes, file_name: str, *, limits: UploadLimits | None = None
) -> ParsedWorkbook:
    """`validate_workbook` in a bounded child process; raises `WorkbookRefused` as it does."""
    limits = limits or UploadLimits.from_env()
    return run_isolated("validate", (content, file_name), {"limits": limits}, limits=limits)


def error_report_isolated(content: bytes, issues: list, *, lang: str = "nl") -> bytes:
    """`write_error_report` in a bounded child process; if that fails, the problems alone."""
    limits = UploadLimits.from_env()
    try:
        return run_isolated("error_report", (content, issues), {"lang": lang}, limits=limits)
    except WorkbookRefused:
        from data_access.workbook.error_report import write_error_report

        return write_error_report(b"", issues, lang=lang)


def run_isolated(task: str, args: tuple, kwargs: dict, *, limits: UploadLimits):
    """Run a task in a child; its refusal, crash or timeout becomes `WorkbookRefused`."""
    request = (limits.worker_memory_bytes, limits.worker_timeout_seconds, task, args, kwargs)
    if threading.active_count() == 1:
        status, payload = _forked(request, wall_seconds(limits.worker_timeout_seconds))
    else:
        guard = 2 * wall_seconds(limits.worker_timeout_seconds) + 60  # an earlier upload's too
        status, payload = run_in_zygote(request, guard)
    if status == "ok":
        return payload
    if status == "refused":
        raise WorkbookRefused(payload[0], **payload[1])
    log.warning("reading an upload failed in its worker: %s", payload)
    if status == "timed_out":
        raise WorkbookRefused(status, seconds=int(limits.worker_timeout_seconds))
    raise WorkbookRefused("worker_failed")


def _forked(request: tuple, timeout: float) -> Outcome:
    task_function(request[2])  # import the reader before forking, once
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(receiver, sender, request), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            return "timed_out", None
        return pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError) as exc:
        child.join(5)
        if child.exitcode == -signal.SIGXCPU:
            return "timed_out", None
        return "worker_failed", f"exit {child.exitcode}: {exc!r}"
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()


def _child(receiver, sender, request: tuple) -> None:
    """In a forked child: limits, the task, and back what came of it.

    The child closes its copy of the reading end: were it open, a child whose parent
    was killed would block forever writing a large result into a pipe nobody reads.
    It also dies with its parent, so a killed import leaves no reader behind."""
    receiver.close()
    die_with_parent()
    memory_bytes, seconds, task, args, kwargs = request
    limit(memory_bytes, seconds)
    sender.send_bytes(run_task(lambda: (task, args, kwargs)))
    sender.close()


def main() -> None:
    """`python -m data_access.workbook.worker --serve`: the server's zygote (see `zygote`)."""
    if sys.argv[1:] != ["--serve"]:
        sys.exit("usage: python -m data_access.workbook.worker --serve")
    serve()


if __name__ == "__main__":
    main()
