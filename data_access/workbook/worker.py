"""Reading an upload in a separate process, bounded in memory and in time.

The extent checks keep every known reader within bounds; this is the defence for the
readers' bugs we don't know yet. The file is parsed and validated (and the marked-cells
report written) in a child process with an address-space limit and a timeout, so a
crash, a failed allocation that aborts the process (calamine does that), a MemoryError
or an endless loop costs one refused upload (`worker_failed`, `timed_out`), never the
server. Children fork from a forkserver that has the readers imported already, so a
task starts in milliseconds; the result comes back pickled through a pipe.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import pickle
import resource
import sys
import threading
from collections.abc import Callable

from data_access.config import UploadLimits
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused

log = logging.getLogger(__name__)
READERS = ["data_access.workbook.validate", "data_access.workbook.error_report"]
_context_lock = threading.Lock()


def _context():
    """Fork a single-threaded program (the command line); else use a forkserver.

    Forking copies the readers the parent already imported, at no cost, but is unsafe
    in a threaded server. There the forkserver preloads the readers and the program's
    main module, which a child re-runs as `__mp_main__` (`ui.serve` imports Streamlit).
    Main modules must be guarded by `if __name__ == "__main__"`, as
    `python -m data_access` and `ui.serve` are.
    """
    if threading.active_count() == 1:
        _tasks()  # import the readers before forking, once
        return multiprocessing.get_context("fork")
    with _context_lock:
        context = multiprocessing.get_context("forkserver")
        main = getattr(sys.modules["__main__"].__spec__, "name", None)
        named = [main] if main and not main.endswith("__main__") else []
        context.set_forkserver_preload(["__main__", *named, *READERS])
        return context


def start_worker() -> None:
    """Start the forkserver now (it imports the readers), so the first upload needn't wait."""
    _context()
    multiprocessing.forkserver.ensure_running()


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
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, limits.worker_memory_bytes, task, args, kwargs), daemon=True
    )
    child.start()
    sender.close()
    try:
        status, payload = _receive(receiver, limits.worker_timeout_seconds)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    if status == "ok":
        return payload
    if status == "refused":
        raise WorkbookRefused(payload[0], **payload[1])
    log.warning("reading an upload failed in its worker (exit %s): %s", child.exitcode, payload)
    raise WorkbookRefused(status, **({"seconds": int(limits.worker_timeout_seconds)}
                                     if status == "timed_out" else {}))  # fmt: skip


def _receive(receiver, timeout: float) -> tuple[str, object]:
    """The child's (status, payload); `timed_out` or `worker_failed` when none comes."""
    if not receiver.poll(timeout):
        return "timed_out", None
    try:
        return pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError) as exc:
        return "worker_failed", repr(exc)


def _child(sender, memory_bytes: int, task: str, args: tuple, kwargs: dict) -> None:
    """In the child: limit the address space, run the task, send back what came of it."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:  # never above a limit the whole program runs under
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        outcome: tuple[str, object] = ("ok", _tasks()[task](*args, **kwargs))
    except WorkbookRefused as refused:
        outcome = ("refused", (refused.code, refused.params))
    except MemoryError:
        outcome = ("worker_failed", "MemoryError")
    except Exception as exc:  # a reader bug: one refused upload, logged in the parent
        outcome = ("worker_failed", repr(exc))
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("worker_failed", "MemoryError while sending the result"))
    sender.send_bytes(data)
    sender.close()


def _tasks() -> dict[str, Callable]:
    from data_access.workbook.error_report import write_error_report
    from data_access.workbook.validate import validate_workbook

    return {"validate": validate_workbook, "error_report": write_error_report}
