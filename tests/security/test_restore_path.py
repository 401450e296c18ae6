"""Restore checks the very file it restores (issue 11, section 5): a backup whose name holds
`#` or `?` was checked as another file, because the check built `file:{path}?mode=ro`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from data_access.access.backup import BackupError, restore_database
from data_access.core.db import get_engine
from data_access.imports.sample import SAMPLE_ACTOR, load_sample_data
from tests.helpers import dump_tables
from tests.test_cli import run


def sqlite_file(path: Path, *tables: str) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        for table in tables:
            connection.execute(f"CREATE TABLE {table} (v TEXT)")
        connection.commit()
    return path


@pytest.mark.parametrize("name", ["lc.backup#1", "lc?x=1#y.backup"])
def test_a_backup_named_with_hash_or_question_mark_restores(database, tmp_path, name):
    load_sample_data()
    saved = dump_tables(get_engine())
    backup = tmp_path / name
    assert run(database, "backup", str(backup)).returncode == 0
    done = run(database, "restore", str(backup), "--as", SAMPLE_ACTOR, "--lang", "en")
    assert (done.returncode, done.stderr) == (0, "")
    restored = dump_tables(get_engine())
    restored.pop("auditevent"), saved.pop("auditevent")
    # A restore moves the data version past every number seen before (caches stay honest).
    assert restored.pop("dataversion")[0][1] > saved.pop("dataversion")[0][1]
    assert restored == saved
    # and the check left no stray file named like the start of the backup's name
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("test.")) == [name]


def test_the_check_reads_the_restored_file_not_the_one_its_name_starts_with(tmp_path):
    target = sqlite_file(tmp_path / "app.sqlite3", "alembic_version", "current_data")
    sqlite_file(tmp_path / "evil.sqlite3", "alembic_version")  # what the check used to read
    payload = sqlite_file(tmp_path / "evil.sqlite3#x", "junk")  # not an LC Monitor database
    with pytest.raises(BackupError) as refused:
        restore_database(payload, url=f"sqlite:///{target}")
    assert refused.value.code == "not_a_backup"
    with closing(sqlite3.connect(target)) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"alembic_version", "current_data"}
