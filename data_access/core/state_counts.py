"""The as-of state of every programme at once, narrowed to what the headline counts read.

The Portfolio page needs a few counts per programme, not names, places or partners:
`state.communities_as_of` for all 10,000 communities of a province spends most of its
time on those (joins, text columns, partner lists). These readers pick the same latest
counted reports (`state._latest_reports`, so "as of" means exactly the same) and keep
only the columns the headline figures read, with each row's programme.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.core.models import (
    Community,
    CommunityReport,
    Facilitator,
    FacilitatorReport,
    ImportBatch,
)
from data_access.core.state import _latest_reports, _read, counted_in

ROLE_COLUMNS = (
    CommunityReport.employees,
    CommunityReport.managers,
    CommunityReport.students,
    CommunityReport.teachers,
)


def community_counts_as_of(session: Session, *, as_of: str | None = None) -> pd.DataFrame:
    """Per community of every programme, as last reported at or before `as_of` (None:
    newest): programme_id, status, start and end date and the participants per role."""
    r = CommunityReport
    latest = _latest_reports(r, [r.community_id], None, as_of, counted_in(session, None))
    frame = _read(
        session,
        select(Community.programme_id, r.status, r.start_date, r.end_date, *ROLE_COLUMNS)
        .join(Community, Community.id == r.community_id)
        .where(r.id.in_(latest))
        .order_by(Community.programme_id, Community.code),
    )
    for column in ("start_date", "end_date"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def facilitator_counts_as_of(session: Session, *, as_of: str | None = None) -> pd.DataFrame:
    """Per facilitator of every programme, as last reported at or before `as_of`:
    programme_id, status and max concurrent communities."""
    r = FacilitatorReport
    latest = _latest_reports(r, [r.facilitator_id], None, as_of, counted_in(session, None))
    return _read(
        session,
        select(Facilitator.programme_id, r.status, r.max_concurrent)
        .join(Facilitator, Facilitator.id == r.facilitator_id)
        .where(r.id.in_(latest))
        .order_by(Facilitator.programme_id, Facilitator.name),
    )


def counted_periods(session: Session) -> dict[int, list[str]]:
    """Per programme, the periods with a counted import, oldest first (what
    `state.reported_periods` gives for one programme; programmes without one left out)."""
    query = select(ImportBatch.programme_id, ImportBatch.period).where(*counted_in(session, None))
    periods: dict[int, set[str]] = {}
    for programme_id, period in session.execute(query.distinct()):
        periods.setdefault(programme_id, set()).add(period)
    return {programme_id: sorted(found) for programme_id, found in periods.items()}
