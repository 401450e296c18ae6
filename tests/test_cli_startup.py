"""A quick command line (issue 14): each command imports only what it needs.

Timing is measured in bench/RESULTS.md (the suite's machine may be busy); these tests
pin the cause instead: which heavy modules a command loads before it is done.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "sqlalchemy", "sqlmodel", "openpyxl", "alembic", "python_calamine")
PROBE = (
    "import json, runpy, sys\n"
    "sys.argv = ['data_access', *{argv!r}]\n"
    "try:\n"
    "    runpy.run_module('data_access', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)\n"
)


def heavy_modules_loaded(*argv: str, url: str | None = None) -> list[str]:
    environment = os.environ | ({"DATABASE_URL": url} if url else {})
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=list(argv), heavy=HEAVY)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_loads_no_heavy_module():
    assert heavy_modules_loaded("--help") == []
    assert heavy_modules_loaded("users", "add", "--help") == []


def test_kpis_on_a_migrated_database_skips_alembic_and_the_workbook_readers(database):
    assert heavy_modules_loaded("kpis", "--json", url=database) == [
        "pandas", "sqlalchemy", "sqlmodel",
    ]  # fmt: skip
