"""Benchmark: command-line start-up against a bare `python -c pass` (issue 14).

Goals: `python -m data_access --help` ≤ 0.3 s and `kpis --json` on the sample
database ≤ 1.5 s. Each command runs --runs times (default 7) in a fresh process,
interleaved with the bare Python start so a busy machine weighs on all alike; the
table gives the fastest and the median wall-clock seconds.

    python bench/bench_cli.py [--runs 7] [--out bench/out]
    python bench/bench_cli.py --smoke --out DIR   # one run each (the test suite)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "--help": ["-m", "data_access", "--help"],
    "kpis --json": ["-m", "data_access", "kpis", "--json"],
}
GOALS = {"--help": 0.3, "kpis --json": 1.5}


def timed(arguments: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=ROOT, env=environment, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out")
    parser.add_argument("--smoke", action="store_true", help="one run each (the test suite)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    database = args.out / "cli_sample.sqlite3"
    database.unlink(missing_ok=True)
    environment = os.environ | {"DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([sys.executable, "-m", "data_access", "seed-sample"], cwd=ROOT,
                   env=environment, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    seconds: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(1 if args.smoke else args.runs):
        for name, arguments in COMMANDS.items():
            seconds[name].append(timed(arguments, environment))
    lines = ["| command | fastest (s) | median (s) | goal (s) | met |", "|---|---:|---:|---:|---|"]
    for name, runs in seconds.items():
        goal = GOALS.get(name)
        met = "" if goal is None else ("yes" if min(runs) <= goal else "NO")
        lines.append(f"| `{name}` | {min(runs):.3f} | {statistics.median(runs):.3f} "
                     f"| {goal or ''} | {met} |")  # fmt: skip
    table = "\n".join(lines)
    (args.out / "cli.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
