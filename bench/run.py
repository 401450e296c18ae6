"""Run every benchmark in this folder (`bench/bench_*.py`), one process each: `make bench`.

Each benchmark prints its own Markdown table and writes it under bench/out/;
RESULTS.md records the numbers worth keeping, with the machine they came from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks in name order; the exit status is the first failure's."""
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks yet (bench/bench_*.py)")
        return 0
    for script in scripts:
        print(f"## {script.stem}", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=BENCH_DIR.parent)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
