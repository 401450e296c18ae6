"""Reading an upload in a separate process, bounded in memory and in time.

The extent checks keep every known reader within bounds; this is the defence for the
readers' bugs we don't know yet. The file is parsed and validated (and the marked-cells
report written) in a child process with an address-space limit and a timeout, so a
crash, a failed allocation that aborts the process (calamine does that), a MemoryError
or an endless loop costs one refused upload (`worker_failed`, `timed_out`), never the
server. The timeout is CPU time of the reading (RLIMIT_CPU), so a busy machine doesn't
refuse a good file. A single-threaded caller (the command line) forks, which copies the readers it
has imported; a threaded server must not fork, so it starts `python -m
data_access.workbook.worker`, which reads the task from stdin and writes the pickled
result to stdout.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import resource
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

from data_access.config import PROJECT_ROOT, UploadLimits
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused

log = logging.getLogger(__name__)
Outcome = tuple[str, object]


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
        status, payload = _forked(request, limits.worker_timeout_seconds)
    else:
        status, payload = _subprocess(request, limits.worker_timeout_seconds)
    if status == "ok":
        return payload
    if status == "refused":
        raise WorkbookRefused(payload[0], **payload[1])
    log.warning("reading an upload failed in its worker: %s", payload)
    if status == "timed_out":
        raise WorkbookRefused(status, seconds=int(limits.worker_timeout_seconds))
    raise WorkbookRefused("worker_failed")


def _forked(request: tuple, timeout: float) -> Outcome:
    _task(request[2])  # import the reader before forking, once
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, request), daemon=True)
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


def _subprocess(request: tuple, timeout: float) -> Outcome:
    """A fresh interpreter; the reading is timed by its CPU limit, so a busy machine's slow
    start-up doesn't count, and the wall clock only guards against a stuck child."""
    command = [sys.executable, "-m", "data_access.workbook.worker"]
    try:
        done = subprocess.run(command, input=pickle.dumps(request), capture_output=True,
                              timeout=4 * timeout + 60, cwd=PROJECT_ROOT)  # fmt: skip
    except subprocess.TimeoutExpired:
        return "timed_out", None
    if done.returncode == -signal.SIGXCPU:
        return "timed_out", None
    try:
        return pickle.loads(done.stdout)
    except (EOFError, pickle.UnpicklingError):
        return "worker_failed", f"exit {done.returncode}: {done.stderr[-500:]!r}"


def _child(sender, request: tuple) -> None:
    """In a forked child: run the task and send back what came of it."""
    sender.send_bytes(_run(request))
    sender.close()


def _run(request: tuple) -> bytes:
    """Limit the address space, run the task, and pickle what came of it."""
    memory_bytes, seconds, task, args, kwargs = request
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # never above a limit the whole program runs under
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime + seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    try:
        outcome: Outcome = ("ok", _task(task)(*args, **kwargs))
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


def _task(name: str) -> Callable:
    """Import only what the task needs: a fresh worker's start-up is mostly imports."""
    if name == "validate":
        from data_access.workbook.validate import validate_workbook

        return validate_workbook
    from data_access.workbook.error_report import write_error_report

    return write_error_report


def main() -> None:
    """`python -m data_access.workbook.worker`: a pickled task on stdin, its outcome on stdout."""
    sys.stdout.buffer.write(_run(pickle.load(sys.stdin.buffer)))


if __name__ == "__main__":
    main()
