"""Write the reliability figures the slow tests measured into bench/RESULTS.md.

The tests (tests/reliability/) save JSON under test-artifacts/reliability/; run them
(`.venv/bin/python -m pytest -m slow tests/reliability`), then this script, which
replaces the "Load", "Concurrency" and "Crash safety" sections with what they found.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "reliability"
RESULTS = ROOT / "bench" / "RESULTS.md"


def load_section(data: dict) -> str:
    rows = [[kind, s["count"], s["p50"], s["p95"], s["max"]]
            for kind, s in [("all", data["overall"]), *data["by_kind"].items()]]  # fmt: skip
    cpu = data["cpu"]
    return "\n".join([
        f"{_where(data)}; `tests/reliability/test_load_browser.py`: {data['sessions']} Playwright "
        f"contexts in one Chromium against one `python -m ui.serve` on SQLite with the sample "
        f"data, {data['seconds']} s of opening pages from links and changing period, sector, "
        f"language and page. Errors: {len(data['errors'])}. Lost clicks (the page sent the "
        f"server nothing; the person reloaded and did it again): {data['lost_clicks']}; "
        f"dropdowns clicked twice: {data['dropdown_retries']}.",
        "",
        "Seconds from the action until the page shows its effect (the address it leads to) "
        "with the run finished (`data-test-script-state=notRunning`) and the page's heading "
        f"drawn. Of the {cpu['machine_busy_seconds']} CPU-seconds the machine was busy "
        f"({cpu['cores']} cores, {cpu['machine_seconds']} CPU-seconds in all), the Streamlit "
        f"server used {cpu['server_seconds']}; the rest went to Chromium's {data['sessions']} "
        "renderers. These are the times of a machine saturated by its own browsers, not of "
        "the app: "
        "warm page runs take 9–37 ms (\"Dashboard pages\" above).",
        "",
        *_table(["action", "count", "p50", "p95", "max"], rows),
        *_server_lines(data),
    ])  # fmt: skip


def _server_lines(data: dict) -> list[str]:
    """The server's own cost (issue goal: ≤ 0.1 CPU-s per action, p95 run ≤ 250 ms)."""
    server = data.get("server")
    if not server or not server["runs"].get("count"):
        return []
    runs, cpu = server["runs"], server["run_cpu"]
    return ["", (
        f"The server's own cost, from its run log (`LC_MONITOR_RUN_LOG`, `ui/run_timing.py`): "
        f"{runs['count']} script runs, seconds from a run's start to its finished page p50 "
        f"{runs['p50']}, p95 {runs['p95']}, max {runs['max']}; CPU-seconds per run p50 "
        f"{cpu['p50']}, p95 {cpu['p95']}; server process CPU per action "
        f"{server['cpu_seconds_per_action']} s.")]  # fmt: skip


def concurrency_section(runs: dict[str, dict]) -> str:
    rows = [[db, d["imports_applied"], d["imports_per_minute"], d["import_seconds_p50"],
             d["reads"], d["read_seconds_p50"], d["read_seconds_p95"], d["errors"]]
            for db, d in runs.items()]  # fmt: skip
    first = next(iter(runs.values()))
    return "\n".join([
        f"{_where(first)}; `tests/reliability/test_concurrency.py`: {first['importers']} "
        f"programmes uploading their next quarter through `python -m data_access import` "
        f"(one process per upload, ~2 s of it Python start-up) and {first['readers']} reader "
        f"processes (KPI report or communities as of a quarter, 0.2 s pause between reads) "
        f"for 30 s. Every import applied; no \"database is locked\" reached anyone.",
        "",
        *_table(["database", "imports applied", "per minute", "s per import (p50)", "reads",
                 "read s p50", "read s p95", "errors"], rows),
    ])  # fmt: skip


def crash_section(runs: dict[str, dict]) -> str:
    rows = [[db, d["trials"], d["rows_in_workbook"], d["full_import_seconds"],
             d["ended_before"], d["ended_after"], d["integrity_failures"]]
            for db, d in runs.items()]  # fmt: skip
    first = next(iter(runs.values()))
    return "\n".join([
        f"{_where(first)}; `tests/reliability/test_crash_safety.py`: `kill -9` of a "
        "`python -m data_access import` process after a random delay (0.1 s up to 1.1× a "
        "full run). Afterwards every table count equals the state before or after the "
        "import, no foreign key points at a missing row, and on SQLite `PRAGMA "
        "integrity_check` is `ok` and `foreign_key_check` is empty.",
        "",
        *_table(["database", "kills", "rows", "full import s", "state before", "state after",
                 "integrity failures"], rows),
    ])  # fmt: skip


def _table(headings: list[str], rows: list[list[object]]) -> list[str]:
    """A Markdown table's lines: the first column (a name) left, the figures right."""
    return ["| " + " | ".join(headings) + " |",
            "|---|" + "---:|" * (len(headings) - 1),
            *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)]  # fmt: skip


def _where(data: dict) -> str:
    return f"{data['measured_at']}, commit {data['commit']}, {data['machine']}"


def _runs(prefix: str) -> dict[str, dict]:
    return {p.stem.removeprefix(prefix): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(ARTIFACTS.glob(f"{prefix}*.json"))}  # fmt: skip


def replace_section(text: str, title: str, body: str) -> str:
    """Replace `## title` up to the next `## ` heading, or append it."""
    section = f"## {title}\n\n{body}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        return pattern.sub(lambda _: section + "\n", text, count=1).rstrip("\n") + "\n"
    return text.rstrip("\n") + "\n\n" + section


def main() -> int:
    text = RESULTS.read_text(encoding="utf-8")
    load = ARTIFACTS / "load.json"
    concurrency, crash = _runs("concurrency_"), _runs("crash_")
    sections = {
        "Load": load_section(json.loads(load.read_text())) if load.exists() else None,
        "Concurrency": concurrency_section(concurrency) if concurrency else None,
        "Crash safety": crash_section(crash) if crash else None,
    }
    for title, body in sections.items():
        if body is None:
            print(f"no figures for {title} under {ARTIFACTS}", file=sys.stderr)
            continue
        text = replace_section(text, title, body)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
