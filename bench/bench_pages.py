"""Cold and warm AppTest run time of every dashboard page at 100 and 10,000 communities.

Cold: the page's first run with Streamlit's caches empty (the sidebar's lookups
included). Warm: the median of further `at.run()` calls on the same AppTest, caches
populated — what a person waits for when changing a widget. The pages are read from
app.py's navigation, so a new page is benchmarked without touching this file.
Goals (issue 4): warm ≤ 250 ms at 10,000, and warm growth 100 → 10,000 at most 2×.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from make_province_db import build  # noqa: E402

from data_access import db  # noqa: E402

OUT = ROOT / "bench" / "out"
SIZES = (100, 10_000)
WARM_RUNS = 5
GOAL_WARM_MS, GOAL_GROWTH = 250, 2.0
PAGE_PATTERN = re.compile(r'"(pages/[a-z_]+\.py)"')


def registered_pages() -> list[str]:
    """Every page file named in app.py's navigation, in menu order."""
    pages = PAGE_PATTERN.findall((ROOT / "app.py").read_text(encoding="utf-8"))
    only = os.environ.get("BENCH_PAGES")  # e.g. "communities,map" while tuning one page
    return [p for p in pages if not only or Path(p).stem in only.split(",")]


def time_page(page: str) -> tuple[float, float]:
    """(cold, warm) seconds of one page, starting from empty caches."""
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    st.cache_data.clear()
    started = time.perf_counter()
    at.switch_page(page).run()
    cold = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    warm = []
    for _ in range(WARM_RUNS):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    return cold, statistics.median(warm)


def measure(size: int) -> dict[str, tuple[float, float]]:
    path = OUT / f"province_{size}.sqlite3"
    build(size, path)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["LC_MONITOR_DEMO"] = "1"  # demo mode, chosen explicitly (as `make run` does)
    db.reset_engine()
    time_page(registered_pages()[0])  # the process's first AppTest pays for imports
    return {page: time_page(page) for page in registered_pages()}


def table(results: dict[int, dict[str, tuple[float, float]]]) -> str:
    small, large = (results[size] for size in SIZES)
    lines = [
        "| page | cold 100 | warm 100 | cold 10,000 | warm 10,000 | warm growth | goals |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for page in large:
        growth = large[page][1] / small[page][1]
        ok = large[page][1] * 1000 <= GOAL_WARM_MS and growth <= GOAL_GROWTH
        cells = [f"{seconds * 1000:.0f} ms" for seconds in (*small[page], *large[page])]
        name = Path(page).stem
        lines.append(
            f"| {name} | {' | '.join(cells)} | {growth:.2f}× | {'met' if ok else 'MISSED'} |"
        )
    return "\n".join(lines)


def main() -> int:
    results = {size: measure(size) for size in SIZES}
    report = table(results)
    OUT.mkdir(exist_ok=True)
    (OUT / "pages.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
