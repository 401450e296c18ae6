"""A task argument that arrives late: unpickled in the bounded child, it waits on the
clock without using CPU, as a child does on a machine too busy to give it a core. Kept
apart from the tests so that the child imports nothing else to unpickle it."""

from __future__ import annotations

import time


def late(seconds: float, content: bytes) -> bytes:
    time.sleep(seconds)
    return content
