"""`python -m data_access history --as EMAIL` lists only the imports that person may see
(access.history.imports_visible_to), as the History page does: the list names files,
uploaders and programmes, so one programme's lead doesn't see another's."""

from __future__ import annotations

import json

from data_access.access.users import DEMO_USERS
from tests.test_cli import run

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)  # roles of the sample data
BOTH = {"GasErop!", "Rondje Circulair (fictief)"}


def programmes_seen(database: str, email: str) -> list[str]:
    done = run(database, "history", "--json", "--as", email)
    assert (done.returncode, done.stderr) == (0, "")
    return [item["programme"] for item in json.loads(done.stdout)]


def test_a_lead_does_not_see_another_programmes_imports(sample_database):
    assert programmes_seen(sample_database, LEAD) == ["GasErop!"] * 4
    listed = run(sample_database, "history", "--as", LEAD, "--lang", "en").stdout
    assert "Rondje Circulair" not in listed and len(listed.splitlines()) == 4


def test_officers_and_admins_see_every_import_a_viewer_none(sample_database):
    assert set(programmes_seen(sample_database, OFFICER)) == BOTH
    assert programmes_seen(sample_database, ADMIN) == programmes_seen(sample_database, OFFICER)
    assert len(programmes_seen(sample_database, OFFICER)) == 6
    assert programmes_seen(sample_database, VIEWER) == []
    none = run(sample_database, "history", "--as", VIEWER, "--lang", "en")
    assert (none.returncode, none.stdout) == (0, f"No imports {VIEWER} may see: a programme "
        "lead sees the imports of the programmes they lead, officers and administrators every "
        "import.\n")  # fmt: skip


def test_history_says_who_looks(sample_database):
    missing = run(sample_database, "history", "--json")
    assert missing.returncode == 2 and "--as" in missing.stderr
    stranger = run(sample_database, "history", "--as", "nobody@example.nl", "--lang", "en")
    assert (stranger.returncode, stranger.stdout, stranger.stderr) == (
        1, "",
        "nobody@example.nl has no role in LC Monitor. Ask an administrator to give you a role.\n",
    )  # fmt: skip
