"""A lead downloads only their own programme's original workbooks (issue 11, section 5):
the file holds names and e-mail addresses, so data_access checks, like every permission."""

from __future__ import annotations

import pytest

from data_access.access.history import original_file
from data_access.access.permissions import PermissionDenied
from data_access.imports.importer import apply_parsed
from tests.actors import LEAD, OFFICER, OTHER_LEAD, VIEWER, grant, seed_actors
from tests.helpers import community, facilitator, funding, parsed_workbook


def upload(programme: str, content: bytes, *, by: str) -> int:
    parsed = parsed_workbook(
        programme=programme,
        period="2023-Q1",
        communities=[community("GE-01")],
        facilitators=[facilitator("Anna de Vries")],
        funding=[funding(2023, 1, 1000, 10)],
    )
    file_name = f"{programme}.xlsx"
    return apply_parsed(parsed, content=content, file_name=file_name, uploaded_by=by).batch_id


@pytest.fixture
def two_programmes(database) -> tuple[int, int]:
    """(GasErop!'s import by LEAD, Zwolle Werkt's import by OTHER_LEAD)."""
    seed_actors()
    grant(OTHER_LEAD, "lead", "Zwolle Werkt")
    return upload("GasErop!", b"ours", by=LEAD), upload("Zwolle Werkt", b"theirs", by=OTHER_LEAD)


def test_a_lead_downloads_their_own_programmes_original(two_programmes):
    ours, _ = two_programmes
    assert original_file(ours, actor=LEAD) == ("GasErop!.xlsx", b"ours")


def test_a_lead_may_not_download_another_programmes_original(two_programmes):
    _, theirs = two_programmes
    with pytest.raises(PermissionDenied) as denied:
        original_file(theirs, actor=LEAD)
    assert denied.value.message("en") == (
        f"{LEAD} may not download the original file of import #{theirs}: "
        "only that programme's lead or an officer may."
    )


@pytest.mark.parametrize(("actor", "allowed"), [(OFFICER, True), (VIEWER, False)])
def test_an_officer_downloads_any_original_a_viewer_none(two_programmes, actor, allowed):
    _, theirs = two_programmes
    if allowed:
        assert original_file(theirs, actor=actor) == ("Zwolle Werkt.xlsx", b"theirs")
    else:
        with pytest.raises(PermissionDenied):
            original_file(theirs, actor=actor)
