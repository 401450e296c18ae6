"""Benchmark: the whole symposium deck exported on the sample data (issue 5).

Goal: ≤ 8 s for the first export in a fresh process and ≤ 3 s for a warm one
(imports done, files cached). The PPTX draws native charts, with no browser; each PDF
export starts its own browser once and reuses it for every chart's SVG.

    python bench/bench_deck.py [--runs 3] [--out bench/out]
    python bench/bench_deck.py --smoke --out DIR   # one run each (the test suite)

prints a Markdown table and writes it to bench/out/deck.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
GOALS = {"cold": 8.0, "warm": 3.0}


def sample_deck(lang: str = "nl"):
    """Load the sample data into a fresh SQLite file and compute the deck's slides."""
    from data_access.core.db import reset_engine, session_scope
    from data_access.core.migrate import migrate
    from data_access.imports.sample import load_sample_data
    from data_access.kpis.slides import DeckRequest, build_deck

    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    reset_engine()
    migrate()
    load_sample_data()
    request = DeckRequest(programme_id=1, programme_name="GasErop!", period="2023-Q4", lang=lang)
    with session_scope() as session:
        return build_deck(session=session, request=request)


def timed_export(deck, fmt: str) -> float:
    from ui.export.deck import export_deck

    start = time.perf_counter()
    result = export_deck(deck, fmt=fmt)
    elapsed = time.perf_counter() - start
    if result.warning:
        raise SystemExit(f"charts not rendered: {result.warning}")
    return elapsed


def _met(seconds: float, run: str) -> str:
    return "yes" if seconds <= GOALS[run] else "NO"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out")
    parser.add_argument("--smoke", action="store_true", help="one run each (the test suite)")
    args = parser.parse_args()
    if args.smoke:
        args.runs = 1
    deck = sample_deck()
    rows = [("pptx", "cold", timed_export(deck, "pptx"))]
    for fmt in ("pptx", "pdf"):
        runs = [timed_export(deck, fmt) for _ in range(args.runs)]
        rows.append((fmt, "warm", statistics.median(runs)))
    charts = sum(slide.chart is not None for slide in deck.slides)
    lines = [
        f"Deck: {len(deck.slides)} slides, {charts} charts (sample data, 2023-Q4).",
        "",
        "| format | run | seconds | goal | met |",
        "|---|---|---:|---:|---|",
        *(
            f"| {fmt} | {run} | {secs:.2f} | ≤ {GOALS[run]:.0f} | {_met(secs, run)} |"
            for fmt, run, secs in rows
        ),
    ]
    table = "\n".join(lines)
    print(table)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "deck.md").write_text(table + "\n", encoding="utf-8")
    return 0 if args.smoke or all(secs <= GOALS[run] for _, run, secs in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
