"""Cold and warm AppTest run time of every dashboard page at 100 and 10,000 communities.

Cold: the page's first run with Streamlit's caches empty (the sidebar's lookups
included). Warm: the median of further `at.run()` calls on the same AppTest, caches
populated — what a person waits for when changing a widget. The pages are read from
app.py's navigation, so a new page is benchmarked without touching this file. The
session acts as a demo person holding every role (granted in the benchmark database
only), so the protected pages are registered too.
Goals (issue 4): warm ≤ 250 ms at 10,000, and warm growth 100 → 10,000 at most 2×;
(issue 14) cold ≤ 1 s at 10,000. `--programmes 20` spreads the communities over 20
programmes (issue 13: the Portfolio and Programma's pages at province scale; the
dashboard pages then show one programme's share).

    python bench/bench_pages.py [--sizes 100,10000] [--programmes 20] [--warm-runs 5] [--out DIR]
    python bench/bench_pages.py --smoke --out DIR   # one tiny run, no goals (the test suite)
"""

from __future__ import annotations

import argparse
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

from data_access.access.users import DEMO_USERS  # noqa: E402
from data_access.core import db  # noqa: E402
from data_access.core.models import Programme, UserRole  # noqa: E402

OUT = ROOT / "bench" / "out"
SIZES = (100, 10_000)
WARM_RUNS = 5
GOAL_WARM_MS, GOAL_GROWTH, GOAL_COLD_MS = 250, 2.0, 1000
BENCH_PERSON = DEMO_USERS[-1][0]  # a demo e-mail, so the demo selector accepts it
ROLES = ("viewer", "lead", "officer", "admin")
PAGE_ROW = re.compile(r'\(\s*"([a-z_]+)",\s*":material/')  # app.py: (name, icon, url_path)


def registered_pages() -> list[str]:
    """Every page file named in app.py's navigation, in menu order (sign-in: none there
    for a person with roles)."""
    names = PAGE_ROW.findall((ROOT / "app.py").read_text(encoding="utf-8"))
    pages = [f"pages/{name}.py" for name in names]
    pages = [p for p in pages if p != "pages/sign_in.py"]
    only = os.environ.get("BENCH_PAGES")  # e.g. "communities,map" while tuning one page
    return [p for p in pages if not only or Path(p).stem in only.split(",")]


def grant_every_role() -> None:
    """Give the benchmark's demo person every role, so every page is registered."""
    from sqlalchemy import insert, select

    with db.get_engine().begin() as connection:
        programme_id = connection.execute(select(Programme.id)).scalars().first()
        connection.execute(
            insert(UserRole),
            [
                {"email": BENCH_PERSON, "role": role, "granted_by": "bench",
                 "programme_id": programme_id if role == "lead" else None}
                for role in ROLES
            ],
        )  # fmt: skip


def time_page(page: str, warm_runs: int = WARM_RUNS) -> tuple[float, float]:
    """(cold, warm) seconds of one page, starting from empty caches."""
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.session_state["auth.demo_user"] = BENCH_PERSON
    at.run()
    st.cache_data.clear()
    started = time.perf_counter()
    at.switch_page(page).run()
    cold = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    warm = []
    for _ in range(warm_runs):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    return cold, statistics.median(warm)


def measure(
    size: int, out: Path, warm_runs: int, programmes: int = 1
) -> dict[str, tuple[float, float]]:
    path = out / f"province_{size}_{programmes}.sqlite3"
    build(size, path, programmes)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["LC_MONITOR_DEMO"] = "1"  # demo mode, chosen explicitly (as `make run` does)
    db.reset_engine()
    grant_every_role()
    time_page(registered_pages()[0], 1)  # the process's first AppTest pays for imports
    return {page: time_page(page, warm_runs) for page in registered_pages()}


def table(results: dict[int, dict[str, tuple[float, float]]]) -> str:
    """Cold and warm per page and size; growth and goals between the smallest and largest."""
    sizes = sorted(results)
    small, large = results[sizes[0]], results[sizes[-1]]
    head = " | ".join(f"cold {size:,} | warm {size:,}" for size in sizes)
    lines = [
        f"| page | {head} | cold growth | warm growth | goals |",
        "|---|" + "---:|" * (2 * len(sizes) + 2) + "---|",
    ]
    for page in large:
        cold_growth = large[page][0] / small[page][0]
        growth = large[page][1] / small[page][1]
        ok = (
            large[page][1] * 1000 <= GOAL_WARM_MS
            and large[page][0] * 1000 <= GOAL_COLD_MS
            and growth <= GOAL_GROWTH
        )
        cells = [f"{s * 1000:.0f} ms" for size in sizes for s in results[size][page]]
        lines.append(
            f"| {Path(page).stem} | {' | '.join(cells)} | {cold_growth:.2f}× | {growth:.2f}× "
            f"| {'met' if ok else 'MISSED'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--warm-runs", type=int, default=WARM_RUNS)
    parser.add_argument("--programmes", type=int, default=1, help="share the communities")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--smoke", action="store_true", help="one tiny run: 20 over 2 programmes")
    args = parser.parse_args(argv)
    sizes = [20] if args.smoke else [int(size) for size in args.sizes.split(",")]
    warm_runs = 1 if args.smoke else args.warm_runs
    programmes = 2 if args.smoke else args.programmes
    results = {size: measure(size, args.out, warm_runs, programmes) for size in sizes}
    report = table(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pages.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
