"""Benchmark: validate and apply quarterly workbooks of 1,000 / 20,000 / 100,000 rows.

Each measurement runs in its own process on a fresh database (a new SQLite file, or
with --database-url a new database on that PostgreSQL server, dropped afterwards),
so peak RSS is that of the measured work alone. Compared in the same run against
- the floor: a bare calamine read of every sheet (pandas, engine="calamine"), and
- a naive baseline: pandas with openpyxl, then one ORM insert (and flush) per row.
Every measurement is taken --repeat times (default 3) and the fastest kept, because
the machine may be busy with other work; peak RSS is the largest of the runs.

    python bench/bench_import.py [--rows 1000,20000,100000] [--repeat 3]
        [--database-url postgresql://...] [--modes bare_read,validate,...] [--out bench/out]
    python bench/bench_import.py --smoke --out DIR   # one tiny run (the test suite)

prints a Markdown table and writes it to bench/out/import_<database>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(PROJECT_ROOT))
MODES = ("bare_read", "validate", "validate_apply", "naive")
BENCH_ACTOR = "bench@lc-monitor.local"


def measure_one(mode: str, workbook: Path, database_url: str) -> dict:
    """Run one measurement in this process; return seconds and peak RSS (MiB)."""
    os.environ["DATABASE_URL"] = database_url
    from data_access.core.migrate import migrate

    migrate()
    _grant_bench_actor()
    content = workbook.read_bytes()
    started = time.perf_counter()
    if mode == "bare_read":
        import pandas as pd

        pd.read_excel(workbook, sheet_name=None, header=None, engine="calamine")
    elif mode == "validate":
        from data_access.workbook.validate import validate_workbook

        parsed = validate_workbook(content, workbook.name)
        assert parsed.ok, parsed.errors[:3]
    elif mode == "validate_apply":
        from data_access.imports.importer import apply_import

        outcome = apply_import(content, workbook.name, uploaded_by=BENCH_ACTOR)
        assert outcome.ok, outcome.errors[:3]
    elif mode == "naive":
        from naive_import import naive_import

        naive_import(workbook)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 3), "peak_rss_mib": round(peak_mib, 1)}


def _grant_bench_actor() -> None:
    """Let the benchmark's uploader create programmes, where uploads need a role."""
    from data_access.core import models

    if not hasattr(models, "UserRole"):
        return
    from data_access.core.db import session_scope

    with session_scope(write=True) as session:
        session.add(models.UserRole(email=BENCH_ACTOR, role="officer", granted_by="bench"))


@contextmanager
def fresh_database(out_dir: Path, server_url: str | None) -> Iterator[str]:
    """A new empty database for one measurement: a SQLite file, or one on the server."""
    if server_url is None:
        path = out_dir / "bench.sqlite3"
        suffixes = ("", "-wal", "-shm")
        for suffix in suffixes:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        for suffix in suffixes:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, make_url, text

    from data_access.core.config import normalise_url

    server = make_url(normalise_url(server_url))
    name = f"lc_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_in_subprocess(mode: str, workbook: Path, database_url: str) -> dict:
    command = [sys.executable, __file__, "--one", mode, str(workbook), database_url]
    result = subprocess.run(command, capture_output=True, text=True, cwd=BENCH_DIR)
    if result.returncode != 0:
        return {"seconds": None, "peak_rss_mib": None, "error": result.stderr[-500:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def best_of(repeat: int, mode: str, workbook: Path, out_dir: Path, server: str | None) -> dict:
    """The fastest of `repeat` runs, each on a fresh database; the largest peak RSS."""
    runs = []
    for _ in range(repeat):
        with fresh_database(out_dir, server) as url:
            runs.append(run_in_subprocess(mode, workbook, url))
        if "error" in runs[-1]:
            return runs[-1]
    best = min(runs, key=lambda run: run["seconds"])
    return best | {"peak_rss_mib": max(run["peak_rss_mib"] for run in runs), "runs": len(runs)}


def ensure_workbook(rows: int, out_dir: Path) -> Path:
    from make_workbook import write_benchmark_workbook

    path = out_dir / f"workbook_{rows}.xlsx"
    if not path.exists():
        write_benchmark_workbook(rows, path)
    return path


def format_table(results: dict[int, dict[str, dict]]) -> str:
    """One row per workbook size; a mode not measured shows as n/a."""
    lines = [
        "| rows | bare read (s) | validate (s) | validate+apply (s) | naive (s) "
        "| ours ÷ bare | naive ÷ ours | peak RSS ours (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rows, by_mode in results.items():
        bare, validate, ours, naive = (
            by_mode.get(m, {}).get("seconds") for m in ("bare_read", *MODES[1:])
        )
        ratio = f"{ours / bare:.2f}×" if ours and bare else "n/a"
        speedup = f"{naive / ours:.1f}×" if ours and naive else "n/a"
        peak = by_mode.get("validate_apply", {}).get("peak_rss_mib")
        cells = [f"{rows:,}", bare, validate, ours, naive, ratio, speedup, peak]
        lines.append("| " + " | ".join("n/a" if c is None else str(c) for c in cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=3, metavar=("MODE", "WORKBOOK", "DATABASE_URL"))
    parser.add_argument("--rows", default="1000,20000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", help="a PostgreSQL server (default: SQLite files)")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--out", default=str(BENCH_DIR / "out"))
    parser.add_argument("--smoke", action="store_true", help="one tiny run: --rows 200 --repeat 1")
    args = parser.parse_args()
    if args.smoke:
        args.rows, args.repeat = "200", 1
    if args.one:
        mode, workbook, database_url = args.one
        print(json.dumps(measure_one(mode, Path(workbook), database_url)))
        return 0
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    modes = args.modes.split(",")
    results: dict[int, dict[str, dict]] = {}
    for rows in (int(r) for r in args.rows.split(",")):
        workbook = ensure_workbook(rows, out_dir)
        results[rows] = {}
        for mode in modes:
            result = best_of(args.repeat, mode, workbook, out_dir, args.database_url)
            results[rows][mode] = result
            print(f"{rows} {mode}: {result}", file=sys.stderr, flush=True)
    table = format_table(results)
    database = "postgresql" if args.database_url else "sqlite"
    (out_dir / f"import_{database}.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    failed = [r for by_mode in results.values() for r in by_mode.values() if "error" in r]
    return 1 if failed else 0  # a measurement that broke fails the run (and its smoke test)


if __name__ == "__main__":
    sys.exit(main())
