"""Backups round-trip through the real command line, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from data_access.access.history import list_imports, undo_import
from data_access.core.db import get_engine, session_scope
from data_access.imports.sample import SAMPLE_ACTOR, load_sample_data
from data_access.kpis.figures import kpis_report
from tests.helpers import dump_tables
from tests.test_cli import run


def figures() -> tuple[dict, list]:
    with session_scope() as session:
        imports = [(i["id"], i["status"]) for i in list_imports(session)]
        return kpis_report(session, as_of="2023-Q4"), imports


def test_restore_brings_back_exactly_the_backed_up_figures(database, tmp_path):
    load_sample_data()
    saved_tables, saved_figures = dump_tables(get_engine()), figures()
    backup = tmp_path / "lc.backup"
    done = run(database, "backup", str(backup), "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == f"Backup written to {backup}."

    with session_scope() as session:
        newest = list_imports(session)[0]["id"]
    undo_import(newest, actor=SAMPLE_ACTOR)
    assert figures() != saved_figures
    (version_before_restore,) = dump_tables(get_engine())["dataversion"]

    done = run(database, "restore", str(backup), "--as", SAMPLE_ACTOR, "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == f"Database restored from {backup}."
    assert figures() == saved_figures
    restored = dump_tables(get_engine())
    audit_after = restored.pop("auditevent")
    # Like any write, the restore moves the data's version, past every one seen before.
    (version_after,) = restored.pop("dataversion")
    assert version_after[1] > version_before_restore[1]
    moved = ("auditevent", "dataversion")
    assert restored == {k: v for k, v in saved_tables.items() if k not in moved}
    assert audit_after[:-1] == saved_tables["auditevent"]
    assert audit_after[-1][2:5] == (SAMPLE_ACTOR, "restore", "database")
    assert saved_figures[1][0] == (newest, "active")


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(database, tmp_path):
    load_sample_data()
    before = dump_tables(get_engine())
    fake = tmp_path / "notes.backup"
    fake.write_text("SQLite format 3 but not really", encoding="utf-8")
    done = run(database, "restore", str(fake), "--as", SAMPLE_ACTOR, "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"{fake} is not a backup of this kind of database (or is damaged); nothing was changed."
    )
    assert dump_tables(get_engine()) == before


def test_restore_of_a_missing_file_says_so_in_dutch(database, tmp_path):
    load_sample_data()
    done = run(database, "restore", str(tmp_path / "gone.backup"), "--as", SAMPLE_ACTOR)
    assert (done.returncode, done.stderr.strip()) == (
        2,
        f"Back-upbestand niet gevonden: {tmp_path / 'gone.backup'}",
    )


def test_restore_is_refused_to_anyone_but_an_administrator(database, tmp_path):
    load_sample_data()
    backup = tmp_path / "lc.backup"
    assert run(database, "backup", str(backup)).returncode == 0
    before = dump_tables(get_engine())
    lead = "lead@demo.lc-monitor.local"
    done = run(database, "restore", str(backup), "--as", lead, "--lang", "en")
    assert (done.returncode, done.stderr.strip()) == (
        1,
        f"{lead} may not restore a backup: only an administrator may.",
    )
    assert dump_tables(get_engine()) == before


def test_restore_backup_called_directly_refuses_a_lead_and_changes_nothing(database, tmp_path):
    from data_access.access.backup import backup_database, restore_backup
    from data_access.access.permissions import PermissionDenied

    load_sample_data()
    backup = backup_database(tmp_path / "lc.backup")
    before = dump_tables(get_engine())
    with pytest.raises(PermissionDenied) as refused:
        restore_backup(backup, actor="lead@demo.lc-monitor.local")
    assert refused.value.code == "restore"
    assert dump_tables(get_engine()) == before
