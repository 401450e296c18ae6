"""`history` prints stored names escaped (issue 11, section 5): a file name with an ANSI
escape cleared the officer's terminal, a bidi override turned a name around."""

from __future__ import annotations

from data_access.imports.importer import apply_parsed
from tests.actors import LEAD, seed_actors
from tests.helpers import community, facilitator, funding, parsed_workbook
from tests.test_cli import run

HOSTILE_NAME = "\x1b[2J\x1b[Hkwartaal\u202eslx.xlsx"


def test_history_prints_control_characters_of_a_file_name_escaped(database):
    seed_actors()
    parsed = parsed_workbook(
        period="2023-Q1",
        communities=[community("GE-01")],
        facilitators=[facilitator("Anna de Vries")],
        funding=[funding(2023, 1, 1000, 10)],
    )
    apply_parsed(parsed, content=b"q1", file_name=HOSTILE_NAME, uploaded_by=LEAD)
    done = run(database, "history", "--as", LEAD)
    assert done.returncode == 0
    [line] = done.stdout.splitlines()
    assert line.endswith(r" \x1b[2J\x1b[Hkwartaal\u202eslx.xlsx")
    assert all(char.isprintable() for char in line)
