"""The server's way to isolate an upload: a warm zygote that forks one child per task.

A threaded server (Streamlit) must not fork itself, and a fresh interpreter per task
costs seconds of CPU importing pandas and the readers. So each server process keeps one
long-lived, single-threaded helper (`python -m data_access.workbook.worker --serve`),
started on first use, which imports the readers once and, for each request, forks a
child that sets the address-space and CPU limits and runs the task (see `bounded`). The
zygote relays the child's outcome, or `worker_failed`/`timed_out` when the child dies
(calamine aborts on a failed allocation) or overruns; a child's death never reaches the
zygote, let alone the server. The server side serialises requests with a lock (uploads
are rare), waits for it no longer than a task may take, restarts a zygote that died and
keeps a wall-clock guard on the whole exchange.

Protocol, both ways: an 8-byte big-endian length, then a pickle. A request is
`(memory_bytes, seconds, task)`, where `task` is the pickled `(name, args, kwargs)`
unpickled only in the child; a reply is the pickled outcome.
"""

from __future__ import annotations

import atexit
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from typing import NoReturn

from data_access.core.config import PROJECT_ROOT
from data_access.workbook.bounded import Outcome, limit, run_task, task_function, wall_seconds

HEADER = struct.Struct(">Q")
CHUNK = 1 << 20


def write_frame(fd: int, body: bytes) -> None:
    """Write one length-prefixed frame, all of it."""
    _write_all(fd, HEADER.pack(len(body)))
    _write_all(fd, body)


def read_frame(fd: int, deadline: float | None = None) -> bytes | None:
    """One frame, or None at end of file; `TimeoutError` once the deadline has passed."""
    header = _read_exact(fd, HEADER.size, deadline)
    return None if header is None else _read_exact(fd, HEADER.unpack(header)[0], deadline)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exact(fd: int, size: int, deadline: float | None) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        _wait_readable(fd, deadline)
        chunk = os.read(fd, min(size, CHUNK))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _wait_readable(fd: int, deadline: float | None) -> None:
    if deadline is None:
        return
    remaining = deadline - time.monotonic()
    if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
        raise TimeoutError


# The zygote: a single-threaded loop, one forked child per request.


def serve() -> None:
    """Import the readers once, then answer requests on stdin until the server is gone."""
    requests, replies = _private_protocol()
    for task in ("validate", "error_report"):
        task_function(task)  # the imports each child would otherwise repeat
    while (request := read_frame(requests)) is not None:
        write_frame(replies, _fork_task(request, (requests, replies)))


def _private_protocol() -> tuple[int, int]:
    """Move the protocol off fds 0 and 1: a reader that prints must not corrupt a reply."""
    requests, replies = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    os.close(devnull)
    return requests, replies


def _fork_task(request: bytes, protocol: tuple[int, int]) -> bytes:
    """Run one request in a bounded child; whatever happens to it, return a reply."""
    memory_bytes, seconds, task = pickle.loads(request)
    receive, send = os.pipe()
    pid = os.fork()
    if pid == 0:
        _child(send, (receive, *protocol), memory_bytes, seconds, task)
    os.close(send)
    try:
        return _reply(pid, receive, time.monotonic() + wall_seconds(seconds))
    finally:
        os.close(receive)


def _child(send: int, inherited: tuple, memory_bytes: int, seconds: float, task: bytes) -> NoReturn:
    """In the forked child: limits, the task, its outcome down the pipe; never returns."""
    code = 1
    try:
        for fd in inherited:
            os.close(fd)
        limit(memory_bytes, seconds)
        _write_all(send, run_task(lambda: pickle.loads(task)))
        code = 0
    finally:
        os._exit(code)


def _reply(pid: int, receive: int, deadline: float) -> bytes:
    """The child's outcome if it finished; otherwise why it did not."""
    try:
        data = _read_to_end(receive, deadline)
    except TimeoutError:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return pickle.dumps(("timed_out", None))
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and data:
        return data
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return pickle.dumps(("timed_out", None))
    signalled = os.WIFSIGNALED(status) and signal.Signals(os.WTERMSIG(status)).name
    return pickle.dumps(("worker_failed", f"child ended: {signalled or os.WEXITSTATUS(status)}"))


def _read_to_end(fd: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while True:
        _wait_readable(fd, deadline)
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


# The server side: one zygote per server process, one request at a time.


class _Zygote:
    """The server process's zygote, started on first use and again if it died."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None

    def running(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            command = [sys.executable, "-m", "data_access.workbook.worker", "--serve"]
            env = os.environ | {"OPENBLAS_NUM_THREADS": "1", "RUST_BACKTRACE": "0"}
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            bufsize=0, cwd=PROJECT_ROOT, env=env,
                                            start_new_session=True)  # fmt: skip
        return self.process

    def stop(self) -> None:
        """End the zygote (after a stuck or broken exchange, and at exit)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)


ZYGOTE = _Zygote()
atexit.register(ZYGOTE.stop)


def zygote_pid() -> int | None:
    """The running zygote's process id, if there is one (for tests and diagnostics)."""
    process = ZYGOTE.process
    return process.pid if process is not None and process.poll() is None else None


def run_in_zygote(request: tuple, guard: float) -> Outcome:
    """Run `(memory_bytes, seconds, task, args, kwargs)` in a child of the zygote.

    `guard` bounds, in wall-clock seconds, both the wait for an earlier upload and this
    exchange (which includes the zygote's start-up on first use).
    """
    memory_bytes, seconds, task, args, kwargs = request
    task_bytes = pickle.dumps((task, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
    frame = pickle.dumps((memory_bytes, seconds, task_bytes), protocol=pickle.HIGHEST_PROTOCOL)
    if not ZYGOTE.lock.acquire(timeout=guard):
        return "timed_out", "waited too long for an earlier upload"
    try:
        return _exchange(frame, time.monotonic() + guard)
    finally:
        ZYGOTE.lock.release()


def _exchange(frame: bytes, deadline: float) -> Outcome:
    process = ZYGOTE.running()
    try:
        write_frame(process.stdin.fileno(), frame)
        reply = read_frame(process.stdout.fileno(), deadline)
    except TimeoutError:
        ZYGOTE.stop()
        return "timed_out", "the zygote did not answer in time"
    except OSError as exc:  # it died before or while we wrote
        ZYGOTE.stop()
        return "worker_failed", f"the zygote ended: {exc!r}"
    if reply is None:
        ZYGOTE.stop()
        return "worker_failed", f"the zygote ended: {process.poll()}"
    return pickle.loads(reply)
