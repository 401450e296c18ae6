"""Reliability tests write their figures as JSON under test-artifacts/reliability/, which
`bench/record_reliability.py` turns into the sections of bench/RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import PROJECT_ROOT

RESULTS_DIR = PROJECT_ROOT / "test-artifacts" / "reliability"


def write_result(name: str, figures: dict) -> Path:
    """Save one test's measured figures with when, where and on which commit."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    record = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown",
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        **figures,
    }
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
