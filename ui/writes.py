"""One write from a page, the same steps everywhere: run the data_access function (which
checks the actor and audits), keep its refusal for the page's message, log what nobody
expected, and clear the caches after a success so the next run shows the change.

The history (undo), programmes and approvals pages each wrote these steps themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from data_access.access.permissions import PermissionDenied
from ui import cache

log = logging.getLogger(__name__)
Result = TypeVar("Result")


@dataclass(frozen=True)
class Written(Generic[Result]):
    """What a write came to: its result, the refusal data_access raised, or `failed`."""

    result: Result | None = None
    refusal: Exception | None = None  # with `code`, `params` and `message(lang)`
    failed: bool = False  # an unexpected error, logged; the page says "error.unexpected"


def run_write(
    action: Callable[[], Result], *, refusals: tuple[type[Exception], ...], what: str
) -> Written[Result]:
    """Run `action`; a refusal of `refusals` or a `PermissionDenied` is returned, not raised."""
    try:
        result = action()
    except (*refusals, PermissionDenied) as refused:
        return Written(refusal=refused)
    except Exception:
        log.exception("%s failed", what)
        return Written(failed=True)
    cache.clear_caches()
    return Written(result=result)
