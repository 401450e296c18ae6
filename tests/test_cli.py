"""The command line as automation uses it: a real subprocess, exit codes and JSON shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from data_access.access.history import list_imports
from data_access.core.db import session_scope
from tests.actors import LEAD, OFFICER, grant, seed_actors
from tests.conftest import PROJECT_ROOT
from tests.helpers import filled_template

SPEC_KEYS = ["ok", "programme", "period", "counts", "errors", "warnings"]


def run(database: str, *args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"DATABASE_URL": database}
    return subprocess.run(
        [sys.executable, "-m", "data_access", *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120,
    )  # fmt: skip


def test_import_json_applies_a_valid_file_with_exit_0(database, tmp_path):
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("nl"))
    grant("lead@example.nl", "officer")  # an officer may start a new programme
    done = run(database, "import", str(path), "--json", "--as", "lead@example.nl")
    assert (done.returncode, done.stderr) == (0, "")
    output = json.loads(done.stdout)
    assert list(output)[: len(SPEC_KEYS)] == SPEC_KEYS
    assert (output["ok"], output["programme"], output["period"]) == (True, "GasErop!", "2023-Q2")
    assert output["counts"]["communities"] == {
        "new": 1, "updated": 0, "unchanged": 0, "not_reported": 0,
    }  # fmt: skip
    assert [w["code"] for w in output["warnings"]] == ["new_programme"]
    assert output["warnings"][0]["message"].startswith("Programma 'GasErop!' is nieuw")
    grant("lead@example.nl", "lead", "GasErop!")  # and then lead it
    again = run(database, "import", str(path), "--lang", "en", "--as", "Lead@Example.nl")
    assert again.returncode == 0
    assert "nothing changed" in again.stdout
    with session_scope() as session:
        [item] = list_imports(session)
    assert (item["uploaded_by"], item["file_name"]) == ("lead@example.nl", "q2.xlsx")


def test_dry_run_validates_and_writes_nothing(database, tmp_path):
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("en"))
    done = run(database, "import", str(path), "--dry-run", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:2] == [
        "GasErop! 2023-Q2: the file is valid (dry run, nothing stored).",
        "  Communities: 1 new, 0 updated, 0 unchanged, 0 not reported",
    ]
    with session_scope() as session:
        assert list_imports(session) == []


def test_validation_errors_exit_1_with_sheet_row_and_column(database, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "bad.xlsx"
    path.write_bytes(filled_template("en"))
    book = load_workbook(path)
    book["Communities"]["J2"] = "Nobody Known"
    book.save(path)
    seed_actors()
    done = run(database, "import", str(path), "--json", "--lang", "en", "--as", LEAD)
    assert done.returncode == 1
    output = json.loads(done.stdout)
    assert output["ok"] is False
    assert [[e["sheet"], e["row"], e["column"], e["code"]] for e in output["errors"]] == [
        ["Communities", 2, "Facilitator", "unknown_facilitator"]
    ]


def test_unreadable_or_missing_files_exit_2_without_traceback(database, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("just some text", encoding="utf-8")
    done = run(database, "import", str(path), "--json", "--as", LEAD)
    assert done.returncode == 2
    output = json.loads(done.stdout)
    assert (output["ok"], output["status"], len(output["errors"])) == (False, "refused", 1)
    missing = run(database, "import", str(tmp_path / "nope.xlsx"), "--lang", "en", "--as", LEAD)
    assert missing.returncode == 2
    assert missing.stderr.startswith("File not found:")
    assert "Traceback" not in missing.stderr + done.stderr


def test_template_history_and_undo_commands(database, tmp_path):
    template = tmp_path / "leeg.xlsx"
    written = run(database, "template", str(template), "--programme", "GasErop!")
    assert written.returncode == 0 and template.is_file()
    path = tmp_path / "q2.xlsx"
    path.write_bytes(filled_template("nl"))
    seed_actors()
    run(database, "import", str(path), "--as", LEAD)
    history = json.loads(run(database, "history", "--json", "--as", OFFICER).stdout)
    assert [(h["status"], h["uploaded_by"]) for h in history] == [("active", LEAD)]
    undone = run(database, "undo", str(history[0]["id"]), "--as", OFFICER, "--lang", "en")
    assert (undone.returncode, undone.stdout) == (
        0,
        f"Import #{history[0]['id']} has been undone.\n",
    )
    refused = run(database, "undo", str(history[0]["id"]), "--lang", "en", "--as", OFFICER)
    assert refused.returncode == 1
    assert "only an active import can be undone" in refused.stderr
    assert "Traceback" not in refused.stderr
