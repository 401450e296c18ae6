"""Benchmark: validate and apply quarterly workbooks of 1,000 / 20,000 / 100,000 rows.

Each measurement runs in its own process on a fresh SQLite file, so peak RSS is that
of the measured work alone. Compared in the same run against
- the floor: a bare calamine read of every sheet (pandas, engine="calamine"), and
- a naive baseline: pandas with openpyxl, then one ORM insert (and flush) per row.

    python bench/bench_import.py [--rows 1000,20000,100000] [--out bench/out]

prints a Markdown table and writes it to bench/out/import.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(PROJECT_ROOT))
MODES = ("bare_read", "validate", "validate_apply", "naive")


def measure_one(mode: str, workbook: Path, database: Path) -> dict:
    """Run one measurement in this process; return seconds and peak RSS (MiB)."""
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    from data_access.migrate import migrate

    migrate()
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
        from data_access.importer import apply_import

        outcome = apply_import(content, workbook.name, uploaded_by="bench")
        assert outcome.ok, outcome.errors[:3]
    elif mode == "naive":
        from naive_import import naive_import

        naive_import(workbook)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 3), "peak_rss_mib": round(peak_mib, 1)}


def run_in_subprocess(mode: str, workbook: Path, database: Path) -> dict:
    database.unlink(missing_ok=True)
    command = [sys.executable, __file__, "--one", mode, str(workbook), str(database)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=BENCH_DIR)
    if result.returncode != 0:
        return {"seconds": None, "peak_rss_mib": None, "error": result.stderr[-500:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_workbook(rows: int, out_dir: Path) -> Path:
    from make_workbook import write_benchmark_workbook

    path = out_dir / f"workbook_{rows}.xlsx"
    if not path.exists():
        write_benchmark_workbook(rows, path)
    return path


def format_table(results: dict[int, dict[str, dict]]) -> str:
    lines = [
        "| rows | bare read (s) | validate (s) | validate+apply (s) | naive (s) "
        "| ours ÷ bare | naive ÷ ours | peak RSS ours (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rows, by_mode in results.items():
        bare, ours, naive = (
            by_mode[m]["seconds"] for m in ("bare_read", "validate_apply", "naive")
        )
        ratio = f"{ours / bare:.2f}×" if ours and bare else "n/a"
        speedup = f"{naive / ours:.1f}×" if ours and naive else "n/a"
        lines.append(
            f"| {rows:,} | {bare} | {by_mode['validate']['seconds']} | {ours} | {naive} "
            f"| {ratio} | {speedup} | {by_mode['validate_apply']['peak_rss_mib']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=3, metavar=("MODE", "WORKBOOK", "DB"))
    parser.add_argument("--rows", default="1000,20000,100000")
    parser.add_argument("--out", default=str(BENCH_DIR / "out"))
    args = parser.parse_args()
    if args.one:
        mode, workbook, database = args.one
        print(json.dumps(measure_one(mode, Path(workbook), Path(database))))
        return
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, dict]] = {}
    for rows in (int(r) for r in args.rows.split(",")):
        workbook = ensure_workbook(rows, out_dir)
        results[rows] = {
            mode: run_in_subprocess(mode, workbook, out_dir / f"bench_{mode}.sqlite3")
            for mode in MODES
        }
        for mode, result in results[rows].items():
            if "error" in result:
                print(f"{rows} {mode} failed: {result['error']}", file=sys.stderr)
    table = format_table(results)
    (out_dir / "import.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
