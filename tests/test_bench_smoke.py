"""Every benchmark runs once at a tiny size, so none can rot unnoticed (issue 14).

No timing is asserted (the machine running the suite may be busy): a benchmark passes
when it finishes with exit status 0 and writes its table. A new `bench/bench_*.py` is
picked up here automatically; it must accept `--smoke --out DIR`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(BENCH_DIR.glob("bench_*.py"))
SMOKE_TIMEOUT_S = 900  # generous: a busy shared machine runs them 10-50x slower


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_benchmark_runs_once_at_a_tiny_size(script: Path, tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, str(script), "--smoke", "--out", str(tmp_path)],
        cwd=BENCH_DIR.parent,
        env=environment | {"LC_MONITOR_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "|---" in result.stdout  # its Markdown table
    assert list(tmp_path.glob("*.md")), "no table written"


def test_province_db_shares_its_communities_over_programmes(tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from data_access.core import db
    from data_access.core.db import session_scope
    from data_access.core.models import Community, Programme
    from data_access.kpis.portfolio import portfolio_report

    monkeypatch.syspath_prepend(str(BENCH_DIR))
    monkeypatch.setenv("DATABASE_URL", "sqlite://")  # build() points it at its file
    from make_province_db import build

    build(41, tmp_path / "province.sqlite3", programmes=20)
    try:
        with session_scope() as session:
            counts = session.execute(
                select(Programme.name, func.count(Community.id))
                .join(Community, Community.programme_id == Programme.id)
                .group_by(Programme.name)
                .order_by(Programme.name)
            ).all()
            totals = portfolio_report(session)["totals"]
    finally:
        db.reset_engine()
    assert len(counts) == 20
    assert counts[0] == ("Provincie (synthetisch) 01", 3)  # 41 = 20 × 2, one left over
    assert sum(count for _, count in counts) == 41
    assert totals["cumulative_started"] == 41  # 2-3 each: none is the tenth (planned) one
