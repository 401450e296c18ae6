"""The template: the contract's sheets and drop-downs, and a filled-in copy imports."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from data_access.core.db import session_scope
from data_access.core.state import communities_as_of, facilitators_as_of
from data_access.imports.importer import apply_import, plan_import
from data_access.workbook.template import write_template
from data_access.workbook.validate import validate_workbook
from tests.actors import LEAD, seed_actors
from tests.helpers import filled_template


def test_template_has_the_contracts_sheets_headers_and_drop_downs():
    buffer = io.BytesIO()
    write_template(buffer, lang="en")
    book = load_workbook(buffer)
    assert book.sheetnames == ["Report", "Communities", "Facilitators", "Funding", "Instructions"]
    assert [c.value for c in book["Report"]["A"]] == [
        "Programme",
        "Period",
        "Submitted by",
        "E-mail",
    ]
    assert [c.value for c in book["Funding"][1]] == ["Year", "Quarter", "Granted", "Spent", "Note"]
    drop_downs = {
        str(v.sqref): v.formula1 for v in book["Communities"].data_validations.dataValidation
    }
    assert drop_downs == {
        "D2:D2001": '"Energy transition,Circularity,Logistics,Other"',
        "I2:I2001": '"Planned,Running,Completed,Stopped"',
    }
    facilitator_lists = [str(v.sqref) for v in book["Facilitators"].data_validations.dataValidation]
    assert facilitator_lists == ["D2:D2001", "G2:G2001"]
    assert book["Communities"]["G2"].number_format == "DD-MM-YYYY"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_filled_in_template_passes_validation_and_imports(database, lang):
    seed_actors()
    content = filled_template(lang)
    parsed = validate_workbook(content, "template.xlsx")
    assert [i.flat() for i in parsed.errors] == []
    result = apply_import(content, "template.xlsx", uploaded_by=LEAD)
    assert (result.status, result.programme, result.period) == ("applied", "GasErop!", "2023-Q2")
    assert result.counts["communities"]["new"] == 1
    with session_scope() as session:
        row = communities_as_of(session).iloc[0]
    assert (row["sector"], row["status"], row["municipality_code"]) == (
        "circularity", "running", "GM0193",
    )  # fmt: skip


def test_next_quarters_template_prefilled_with_the_state_imports_as_unchanged(database):
    seed_actors()
    apply_import(filled_template("nl"), "q2.xlsx", uploaded_by=LEAD)
    with session_scope() as session:
        communities = communities_as_of(session)
        facilitators = facilitators_as_of(session)
    buffer = io.BytesIO()
    write_template(buffer, programme="GasErop!", period="2023-Q3",
                   communities=communities, facilitators=facilitators)  # fmt: skip
    result = plan_import(buffer.getvalue(), "again.xlsx")
    assert [i.flat() for i in result.errors] == []
    assert result.status == "unchanged"
    assert result.counts["communities"] == {
        "new": 0, "updated": 0, "unchanged": 1, "not_reported": 0,
    }  # fmt: skip
