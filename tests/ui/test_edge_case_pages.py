"""Every page on a programme whose rows use what the contract leaves optional.

The sample data fills every column of every row, so a page can pass all its tests and
still fail on a real upload (it did: a community without education partners broke
the Communities page). This programme has a planned community with no dates, no
facilitator, no partners and no municipality; one running with no participants; one
stopped; one of 22 weeks; a facilitator in training without sectors or hours; and a
funding row without a granted amount. No target is set for its year.
"""

from __future__ import annotations

from datetime import date

import pytest

from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.imports.importer import apply_import
from data_access.workbook.schema import COMMUNITIES, FACILITATORS, FUNDING, REPORT
from tests.actors import OFFICER, grant_officer
from tests.workbook.builders import (
    community,
    facilitator,
    funding,
    report_rows,
    table_rows,
    workbook_bytes,
)

PROGRAMME = "Randgevallen"
DEMO_OFFICER = "officer@demo.lc-monitor.local"  # the demo selector's officer: every page
PAGES = ["overview", "sectors", "facilitators", "funding", "compare", "communities", "map",
         "targets", "presentation", "history", "approvals", "audit"]  # fmt: skip
BARE = {"municipality": None, "field_lab": None, "facilitator": None, "employees": None,
        "managers": None, "students": None, "teachers": None, "education_partners": None,
        "question": None, "champion": None, "midterm_check": None}  # fmt: skip


def sparse_workbook() -> bytes:
    communities = [
        community(code="RG-01", name="Gepland", status="planned", start_date=None,
                  end_date=None, **BARE),
        community(code="RG-02", name="Lopend", status="running", start_date=date(2024, 1, 8),
                  end_date=None, **(BARE | {"facilitator": "Anna de Vries"})),
        community(code="RG-03", name="Gestopt", status="stopped", sector="circularity",
                  start_date=date(2023, 10, 2), end_date=date(2023, 11, 13)),
        community(code="RG-04", name="Lang", start_date=date(2023, 9, 4),
                  end_date=date(2024, 2, 5), education_partners="Windesheim"),
    ]  # fmt: skip
    facilitators = [
        facilitator(),
        facilitator(name="Bo Nieuw", status="in_training", trained_on=None,
                    hours_per_week=None, max_concurrent=None, sectors=None),
    ]  # fmt: skip
    fundings = [funding(year=2024, quarter=1, granted=None, spent=0, note=None)]
    return workbook_bytes({
        REPORT.names[0]: report_rows(programme=PROGRAMME, period="2024-Q1"),
        COMMUNITIES.names[0]: table_rows(COMMUNITIES, communities),
        FACILITATORS.names[0]: table_rows(FACILITATORS, facilitators),
        FUNDING.names[0]: table_rows(FUNDING, fundings),
    })  # fmt: skip


@pytest.fixture
def sparse_programme(database) -> int:
    grant_officer()
    result = apply_import(sparse_workbook(), "randgevallen.xlsx", uploaded_by=OFFICER)
    assert result.status == "applied", [issue.flat() for issue in result.errors]
    with session_scope() as session:
        return get_programme(session, name=PROGRAMME).id


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("view", [{"lang": "nl"}, {"lang": "en", "approved": "1"}],
                         ids=["nl", "en-approved-only"])  # fmt: skip
def test_every_page_shows_a_programme_of_optional_blanks(page_name, view, sparse_programme, app):
    """In English with 'approved figures only' nothing of it counts yet (the import is
    submitted, not approved): every page must say so, not fail."""
    app.session_state["auth.demo_user"] = DEMO_OFFICER
    app.query_params.update({"programme": str(sparse_programme), "period": "2024-Q1", **view})
    at = app.run()
    at = at.switch_page(f"pages/{page_name}.py").run()
    assert not at.exception
    assert [error.value for error in at.error] == []
    assert at.title or at.header, "the page drew nothing"


def test_overview_without_targets_shows_counts_not_of_zero(sparse_programme, app):
    # Started: RG-03 and RG-04 in 2023, RG-02 in 2024 (RG-01 is planned). Completed in
    # 2024: RG-04. No target was ever set, so no count card says "van 0".
    app.query_params.update({"programme": str(sparse_programme), "period": "2024-Q1"})
    at = app.run()
    assert not at.exception
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Gestart dit jaar (2024)"] == "1"
    assert values["Gestart, cumulatief"] == "3"
    assert values["Afgerond dit jaar (2024)"] == "1"
    assert values["Totaal (cumulatief)"] == "3 (geen doel)"
    # No budget either; spending is measured against the (blank, so €0) granted amount.
    assert values["Toegekend dit jaar (2024)"] == "€ 0"
    assert values["Besteed dit jaar (2024), van € 0 toegekend"] == "€ 0"
