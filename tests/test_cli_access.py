"""The command line checks `--as`: missing exits 2, a person without the role exits 1."""

from __future__ import annotations

import json

from data_access.access.history import list_imports
from data_access.core.db import session_scope
from tests.actors import LEAD, OFFICER, VIEWER, seed_actors
from tests.helpers import filled_template
from tests.test_cli import run


def test_a_write_without_as_exits_2_and_stores_nothing(database, tmp_path):
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("en"))
    done = run(database, "import", str(path), "--lang", "en")
    assert (done.returncode, done.stderr) == (
        2, "Say who does this with --as EMAIL; without it nothing is stored.\n",
    )  # fmt: skip
    undo = run(database, "undo", "1")
    assert undo.returncode == 2 and "--as" in undo.stderr  # argparse: a required option
    with session_scope() as session:
        assert list_imports(session) == []


def test_a_person_without_the_role_exits_1_with_the_reason(database, tmp_path):
    seed_actors()
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("en"))
    done = run(database, "import", str(path), "--lang", "en", "--as", VIEWER)
    assert (done.returncode, done.stderr) == (
        1, f"{VIEWER} may not upload a quarterly report for GasErop!: only the programme lead "
        "of GasErop! may. Ask an administrator for that role.\n",
    )  # fmt: skip
    stranger = run(database, "users", "add", "x@example.nl", "--role", "admin",
                   "--as", "nobody@example.nl", "--lang", "en")  # fmt: skip
    assert (stranger.returncode, stranger.stderr) == (
        1,
        "nobody@example.nl has no role in LC Monitor. Ask an administrator to give you a role.\n",
    )  # fmt: skip


def test_approve_lock_and_unlock_from_the_command_line(database, tmp_path):
    seed_actors()
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("nl"))
    assert run(database, "import", str(path), "--as", LEAD).returncode == 0
    [item] = json.loads(run(database, "history", "--json", "--as", OFFICER).stdout)
    refused = run(database, "approve", str(item["id"]), "--as", LEAD)
    assert refused.returncode == 1
    approved = run(database, "approve", str(item["id"]), "--as", OFFICER, "--lang", "en")
    assert approved.stdout == f"Import #{item['id']} is approved; its period is locked.\n"
    again = run(database, "import", str(path), "--as", LEAD, "--lang", "en")
    assert again.returncode == 1 and f"locked by {OFFICER}" in again.stdout
    unlocked = run(database, "unlock", "--programme", "GasErop!", "--period", "2023-Q2",
                   "--as", OFFICER, "--lang", "en")  # fmt: skip
    assert unlocked.stdout == "GasErop! 2023-Q2 is unlocked; uploads are possible again.\n"
    users = run(database, "users", "list")
    assert f"{LEAD:<40} lead     GasErop!" in users.stdout.splitlines()
