"""Where a machine's CPU time went during a measurement (Linux /proc): the server's share
of the busy time tells a slow app from a machine saturated by its own browsers."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def server_pid(base_url: str) -> int | None:
    """The `python -m ui.serve` process serving `base_url` (found by its port)."""
    port = str(urlparse(base_url).port).encode()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:  # the process ended while we looked
            continue
        if b"ui.serve" in words and port in words:
            return int(cmdline.parent.name)
    return None


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def machine_cpu_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of all cores since boot."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks) - idle) / TICKS_PER_SECOND, sum(ticks) / TICKS_PER_SECOND
