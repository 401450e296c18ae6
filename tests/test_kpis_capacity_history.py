"""Capacity per period, read once for all periods (data_access.core.history), equals
what each period's own as-of state says, with and without the dashboard's filters."""

from __future__ import annotations

import pytest

from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.core.state import communities_as_of, facilitators_as_of, reported_periods
from data_access.kpis import facilitators as kf
from data_access.kpis.filters import CommunityFilter, filter_communities, filter_facilitators
from data_access.kpis.staffing import capacity_per_period


def _as_of_each_period(session, programme_id: int, filters: CommunityFilter) -> list[list]:
    """(period, capacity, load, demand) from one as-of read per period: the definition."""
    rows = []
    for period in reported_periods(session, programme_id=programme_id):
        scope = {"programme_id": programme_id, "as_of": period}
        communities = filter_communities(communities_as_of(session, **scope), filters)
        facilitators = filter_facilitators(facilitators_as_of(session, **scope), filters)
        status = communities["status"]
        rows.append([period, kf.facilitator_capacity(facilitators),
                     int((status == "running").sum()),
                     int(status.isin(kf.ACTIVE_STATUSES).sum())])  # fmt: skip
    return rows


def _filter_on(session, programme_id: int, dimension: str) -> CommunityFilter:
    """A filter on `dimension` keeping the value of the first community running in the
    first period (so the filtered load is not all zeros)."""
    period = reported_periods(session, programme_id=programme_id)[0]
    frame = communities_as_of(session, programme_id=programme_id, as_of=period)
    first = frame[frame["status"] == "running"].iloc[0]
    value = {"sectors": first["sector"], "municipalities": first["municipality_code"],
             "education_partners": (first["education_partners"] or ["-"])[0]}  # fmt: skip
    return CommunityFilter(**({dimension: (value[dimension],)} if dimension else {}))


@pytest.mark.parametrize("dimension", ["", "sectors", "municipalities", "education_partners"])
def test_capacity_per_period_equals_each_periods_as_of_state(sample_database, dimension):
    with session_scope() as s:
        programme_id = get_programme(s, name="GasErop!").id
        filters = _filter_on(s, programme_id, dimension)
        frame = capacity_per_period(s, programme_id=programme_id, filters=filters)
        expected = _as_of_each_period(s, programme_id, filters)
    assert frame[["period", "capacity", "load", "demand"]].values.tolist() == expected
    assert len(expected) == 4 and any(row[2] for row in expected)  # the sample's periods
