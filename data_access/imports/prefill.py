"""The template a programme lead downloads: their programme's known rows already filled in.

Starting from what was last reported saves retyping every community each quarter,
and keeps codes and facilitator names spelled the way the database knows them.
"""

from __future__ import annotations

import io

from sqlmodel import Session

from data_access.core.models import Programme
from data_access.core.periods import make_period, period_quarter, period_year
from data_access.core.state import communities_as_of, facilitators_as_of, reported_periods
from data_access.workbook.template import write_template


def next_period(period: str) -> str:
    """The quarter after `period`: what the next upload will most likely report."""
    year, quarter = period_year(period), period_quarter(period)
    return make_period(year + 1, 1) if quarter == 4 else make_period(year, quarter + 1)


def prefilled_template(*, session: Session, programme_id: int | None, lang: str = "nl") -> bytes:
    """The template as xlsx bytes; with a programme, its rows as of its newest period.

    The period is set to the quarter after the newest one reported; without any
    report yet it is left for the lead to fill in.
    """
    buffer = io.BytesIO()
    programme = session.get(Programme, programme_id) if programme_id is not None else None
    if programme is None:
        write_template(buffer, lang=lang)
        return buffer.getvalue()
    periods = reported_periods(session, programme_id=programme.id)
    newest = periods[-1] if periods else None
    write_template(
        buffer,
        lang=lang,
        programme=programme.name,
        period=next_period(newest) if newest else None,
        communities=communities_as_of(session, programme_id=programme.id, as_of=newest),
        facilitators=facilitators_as_of(session, programme_id=programme.id, as_of=newest),
    )
    return buffer.getvalue()
