"""Crash safety: `kill -9` an import process at random moments, at least 20 times, on
SQLite and PostgreSQL. Afterwards the database holds exactly the state before the
import or exactly the state after it, and passes an integrity check: SQLite's own
checks, and on both databases no row pointing at a row that isn't there.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from data_access.access.backup import backup_database, restore_database
from data_access.access.permissions import SYSTEM_ACTOR
from data_access.access.users import add_role, ensure_system_account
from data_access.core.db import get_engine, reset_engine
from data_access.core.models import SQLModel
from data_access.imports.importer import apply_import
from tests.conftest import PROJECT_ROOT
from tests.reliability.conftest import write_result
from tests.reliability.series import programme_name, series_workbook, write_series

pytestmark = pytest.mark.slow

TRIALS = 10  # kill points drawn over the whole import: before, during and after it writes
COMMUNITIES_PER_STEP = 15_000  # a large quarter: validating and applying take seconds


def table_counts() -> dict[str, int]:
    with get_engine().connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def orphan_rows() -> list[str]:
    """Every foreign key whose value names no row (on both databases, by query)."""
    found = []
    with get_engine().connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for key in table.foreign_keys:
                target = key.column.table.alias("referenced_row")  # a table may point at itself
                child, parent = key.parent, target.c[key.column.name]
                query = (select(func.count()).select_from(table)
                         .outerjoin(target, child == parent)
                         .where(child.is_not(None), parent.is_(None)))  # fmt: skip
                if count := connection.execute(query).scalar_one():
                    found.append(f"{table.name}.{child.name}: {count}")
    return found


def sqlite_checks(url: str) -> tuple[str, list]:
    with closing(sqlite3.connect(make_url(url).database)) as connection:
        (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
        return verdict, connection.execute("PRAGMA foreign_key_check").fetchall()


def import_command(url: str, path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "data_access", "import", str(path), "--as", SYSTEM_ACTOR],
        cwd=PROJECT_ROOT, env=os.environ | {"DATABASE_URL": url},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def test_an_import_killed_at_any_moment_leaves_the_state_before_or_after(database, tmp_path):
    ensure_system_account()
    apply_import(series_workbook(1, 0), "step0.xlsx", uploaded_by=SYSTEM_ACTOR)
    add_role(email=SYSTEM_ACTOR, role="lead", programme=programme_name(1), actor=SYSTEM_ACTOR)
    [big] = write_series(tmp_path, 1, range(1, 2), per_step=COMMUNITIES_PER_STEP)
    pristine = backup_database(tmp_path / "before.backup")
    before = table_counts()

    started = time.monotonic()
    assert import_command(database, big).wait(timeout=600) == 0
    full_seconds = time.monotonic() - started
    after = table_counts()
    assert after["communityreport"] == before["communityreport"] + COMMUNITIES_PER_STEP + 1

    rng, outcomes = random.Random(7), []
    for _ in range(TRIALS):
        if table_counts() != before:
            restore_database(pristine)
            reset_engine()
        process = import_command(database, big)
        delay = rng.uniform(0.1, full_seconds * 1.1)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts = table_counts()
        assert counts in (before, after), {k: (before[k], counts[k], after[k]) for k in counts}
        assert orphan_rows() == []
        if database.startswith("sqlite"):
            assert sqlite_checks(database) == ("ok", [])
        outcomes.append(("after" if counts == after else "before", round(delay, 2)))

    kind = database.split(":")[0].split("+")[0]
    write_result(f"crash_{kind}", {
        "trials": TRIALS, "rows_in_workbook": COMMUNITIES_PER_STEP + 1,
        "full_import_seconds": round(full_seconds, 1),
        "ended_before": sum(o == "before" for o, _ in outcomes),
        "ended_after": sum(o == "after" for o, _ in outcomes),
        "kill_delays_seconds": sorted(d for _, d in outcomes),
        "integrity_failures": 0,
    })  # fmt: skip
    assert len(outcomes) == TRIALS
