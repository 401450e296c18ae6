"""The unfiltered as-of frames, shared by every figure computed from the same data.

A dashboard page asks for several figures (cards, chart, table), each through
`summary.load_frames`, and each would re-read the same as-of state: at 10,000
communities that is most of a cold page. A session that opts in (the dashboard's
reading sessions: `session.info[SHARE] = True`) reuses the frames read for the same
database, data version (data_access.core.data_version), counting mode, programme and
period. The version is read first, so frames kept under a version are never older
than it; pandas' copy-on-write makes the shallow copies handed out safe to change.
Write sessions never opt in, so nothing uncommitted is ever shared.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd
from sqlmodel import Session

from data_access.core import data_version
from data_access.core.state import PLUS_BATCH, approved_only_of

SHARE = "shared_frames"  # session.info key: this reading session may share frames
MAX_KEPT = 8  # (programme, period) states kept per process, most recent first
Frames = tuple[pd.DataFrame, ...]

_kept: OrderedDict[tuple, Frames] = OrderedDict()
_lock = threading.Lock()


def as_of_frames(
    session: Session, programme_id: int | None, as_of: str | None, read: Callable[[], Frames]
) -> Frames:
    """`read()`'s frames, or the ones it returned before for the same data and scope."""
    if not session.info.get(SHARE):
        return read()
    key = (
        session.get_bind().url.render_as_string(hide_password=True),
        data_version.current(session),
        approved_only_of(session, None),
        session.info.get(PLUS_BATCH),  # the approval review's "if approved" state
        programme_id,
        as_of,
    )
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
    if found is None:
        found = read()
        with _lock:
            _kept[key] = found
            while len(_kept) > MAX_KEPT:
                _kept.popitem(last=False)
    return tuple(frame.copy(deep=False) for frame in found)
