from data_access.core.db import session_scope
from data_access.core.state import (
    communities_as_of,
    facilitators_as_of,
    funding_as_of,
    reported_periods,
)


def test_empty_database_has_no_communities(database):
    with session_scope() as session:
        assert communities_as_of(session, as_of="2023-Q4").empty
        assert facilitators_as_of(session).empty
        assert funding_as_of(session).empty
        assert reported_periods(session) == []
