"""Concurrency: 8 programmes uploading at once and 8 readers, for 30 s, on SQLite and
PostgreSQL. Every upload is a real `python -m data_access import` process; every one
must be applied (or clearly refused, with a sentence and no traceback), nobody may ever
see "database is locked", and the counts in the database must be exact afterwards.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import select

from data_access.access.permissions import SYSTEM_ACTOR
from data_access.access.users import add_role, ensure_system_account
from data_access.core.db import session_scope
from data_access.core.models import ImportBatch
from data_access.core.queries import get_programme
from data_access.core.state import communities_as_of
from data_access.imports.importer import apply_import
from tests.conftest import PROJECT_ROOT
from tests.reliability.conftest import write_result
from tests.reliability.series import (
    communities_at,
    period_of,
    programme_name,
    series_workbook,
    write_series,
)

pytestmark = pytest.mark.slow

IMPORTERS, READERS, SECONDS = 8, 8, 30
STEPS = range(1, 60)  # more than an importer gets through in SECONDS


def set_up_programmes() -> None:
    """Step 0 of each programme, and the system account as its lead (uploads need one)."""
    ensure_system_account()
    for number in range(1, IMPORTERS + 1):
        result = apply_import(series_workbook(number, 0), "step0.xlsx", uploaded_by=SYSTEM_ACTOR)
        assert result.status == "applied", result.errors
        add_role(email=SYSTEM_ACTOR, role="lead", programme=programme_name(number),
                 actor=SYSTEM_ACTOR)  # fmt: skip


def import_series(url: str, paths: list[Path], deadline: float, outcomes: list) -> None:
    """One programme lead uploading the next quarter as soon as the last one is done."""
    env = os.environ | {"DATABASE_URL": url}
    for path in paths:
        if time.monotonic() >= deadline:
            return
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "data_access", "import", str(path), "--json", "--lang", "en",
             "--as", SYSTEM_ACTOR],
            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=300,
        )  # fmt: skip
        outcomes.append((path.name, done.returncode, done.stdout, done.stderr,
                         time.monotonic() - started))  # fmt: skip


def start_readers(url: str) -> list[subprocess.Popen]:
    env = os.environ | {"DATABASE_URL": url}
    command = [sys.executable, "-m", "tests.reliability.read_loop", str(SECONDS)]
    return [
        subprocess.Popen(
            [*command, str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT_ROOT,
            env=env,
        )
        for seed in range(READERS)
    ]


def test_eight_importers_and_eight_readers_at_once_lose_nothing(database, tmp_path):
    set_up_programmes()
    series = {n: write_series(tmp_path, n, STEPS) for n in range(1, IMPORTERS + 1)}
    outcomes: dict[int, list] = {n: [] for n in series}
    readers = start_readers(database)
    started = time.monotonic()
    threads = [
        threading.Thread(target=import_series,
                         args=(database, series[n], started + SECONDS, outcomes[n]))
        for n in series
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    reads = [json.loads(reader.communicate(timeout=120)[0]) for reader in readers]

    everything = [o for runs in outcomes.values() for o in runs]
    for name, code, stdout, stderr, _ in everything:
        assert "locked" not in (stdout + stderr).lower(), (name, stdout, stderr)
        assert "Traceback" not in stderr, (name, stderr)
        assert (code, json.loads(stdout)["status"]) == (0, "applied"), (name, stdout, stderr)
    assert [error for r in reads for error in r["errors"]] == []
    for number, runs in outcomes.items():
        assert_exact_counts(number, applied_steps=len(runs))

    durations = sorted(o[4] for o in everything)
    read_times = sorted(t for r in reads for t in r["durations"])
    write_result(f"concurrency_{database.split(':')[0].split('+')[0]}", {
        "importers": IMPORTERS, "readers": READERS, "seconds": round(elapsed, 1),
        "imports_applied": len(everything),
        "imports_per_minute": round(len(everything) / elapsed * 60, 1),
        "import_seconds_p50": round(statistics.median(durations), 2),
        "import_seconds_max": round(durations[-1], 2),
        "reads": len(read_times), "reads_per_second": round(len(read_times) / elapsed, 1),
        "read_seconds_p50": round(statistics.median(read_times), 3),
        "read_seconds_p95": round(read_times[int(0.95 * (len(read_times) - 1))], 3),
        "errors": 0,
    })  # fmt: skip
    assert len(everything) >= IMPORTERS


def assert_exact_counts(number: int, *, applied_steps: int) -> None:
    """Step 0 plus every applied step: one active batch each, and the last step's communities."""
    with session_scope() as session:
        programme = get_programme(session, name=programme_name(number))
        batches = session.exec(select(ImportBatch).where(ImportBatch.programme_id == programme.id))
        periods = sorted((b.period, b.status) for b in batches)
        last = period_of(applied_steps)
        communities = communities_as_of(session, programme_id=programme.id, as_of=last)
    assert periods == sorted((period_of(s), "active") for s in range(applied_steps + 1))
    assert len(communities) == communities_at(applied_steps)
