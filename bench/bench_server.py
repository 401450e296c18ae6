"""Benchmark: the server's own cost under many sessions, without browsers (issue 14 item 5).

The browser load test (`make load`) runs 20 Chromium renderers on the same two cores as
the server, so it measures mostly the browsers. Here each person is a small websocket
client that speaks Streamlit's own protocol, as the browser does: it opens the app with
a link (a new session whose address sets page, period, sector and language), or moves to
another page in its session, and waits for the server's "script finished" message. Both
cores are left to the server.

Reported: the server process's CPU-seconds per action (from /proc, every thread of it:
script runs, websocket, protobuf), and per action the time from the request to the
finished message as the client sees it, plus the run log's own time (`ui/run_timing.py`).
A person waits `--think` seconds (random, mean as given) between actions, as people
reading a page do; `--think 0` asks back to back, which measures throughput instead.

    python bench/bench_server.py [--sessions 20] [--seconds 60] [--think 5] [--out bench/out]
    python bench/bench_server.py --smoke --out DIR   # 2 sessions, a few seconds (the suite)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import serve_app  # noqa: E402
from tests.reliability.cpu import process_cpu_seconds, server_pid  # noqa: E402
from tests.reliability.load_driver import DASHBOARD_PAGES as PAGES  # noqa: E402
from tests.reliability.load_driver import PERIODS  # noqa: E402
from ui.run_timing import RUN_LOG_ENV, read_run_log  # noqa: E402

SECTORS = [None, "energy_transition", "circularity"]
LANGUAGES = ["nl", "en"]
GOALS = {"cpu_per_action": 0.1, "p95_seconds": 0.25}
RUN_TIMEOUT_S = 120


@dataclass
class Tally:
    """What every person did: (kind, seconds from request to finished) and failures."""

    actions: list[tuple[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def rerun_message(page: str, query: dict[str, str]) -> bytes:
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = urlencode(query)
    return message.SerializeToString()


async def run_once(socket_: websockets.ClientConnection, page: str, query: dict) -> float:
    """Ask for a run of `page` and wait for its finished message; seconds it took."""
    started = time.perf_counter()
    await socket_.send(rerun_message(page, query))
    while True:
        reply = ForwardMsg()
        reply.ParseFromString(await socket_.recv())
        if reply.WhichOneof("type") == "script_finished":
            return time.perf_counter() - started


def a_link(rng: random.Random) -> tuple[str, dict[str, str]]:
    """A page and an address such as a shared link carries."""
    query = {"period": rng.choice(PERIODS), "lang": rng.choice(LANGUAGES)}
    sector = rng.choice(SECTORS)
    if sector:
        query["sector"] = sector
    return rng.choice(PAGES), query


async def person(url: str, n: int, deadline: float, think: float, tally: Tally) -> None:
    """Open a link, then move between pages; now and then open a new link (a new session)."""
    rng = random.Random(n)
    await asyncio.sleep(rng.uniform(0, think or 0.1))  # people don't all arrive at once
    while time.monotonic() < deadline:
        page, query = a_link(rng)
        try:
            async with websockets.connect(f"ws://{url}/_stcore/stream", max_size=None,
                                          subprotocols=["streamlit"]) as socket_:  # fmt: skip
                tally.actions.append(("open", await asyncio.wait_for(
                    run_once(socket_, page, query), RUN_TIMEOUT_S)))  # fmt: skip
                for _ in range(rng.randint(2, 4)):
                    if time.monotonic() >= deadline:
                        return
                    await asyncio.sleep(rng.expovariate(1 / think) if think else 0)
                    page = rng.choice([p for p in PAGES if p != page])
                    tally.actions.append(("navigate", await asyncio.wait_for(
                        run_once(socket_, page, query), RUN_TIMEOUT_S)))  # fmt: skip
        except (OSError, TimeoutError, websockets.WebSocketException) as error:
            tally.errors.append(f"person {n}: {type(error).__name__}: {error}")
        await asyncio.sleep(rng.expovariate(1 / think) if think else 0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def measure(url: str, pid: int, sessions: int, seconds: float, think: float) -> dict:
    tally = Tally()
    before = process_cpu_seconds(pid)
    deadline = time.monotonic() + seconds

    async def everyone() -> None:
        await asyncio.gather(*(person(url, n, deadline, think, tally) for n in range(sessions)))

    asyncio.run(everyone())
    cpu = process_cpu_seconds(pid) - before
    status = Path(f"/proc/{pid}/status").read_text()
    peak_mib = int(status.split("VmHWM:")[1].split()[0]) / 1024
    times = [t for _, t in tally.actions]
    return {
        "sessions": sessions, "think": think, "actions": len(times), "errors": tally.errors,
        "opens": sum(kind == "open" for kind, _ in tally.actions),
        "cpu_per_action": cpu / max(len(times), 1),
        "p50": statistics.median(times) if times else float("nan"),
        "p95": percentile(times, 0.95), "max": max(times, default=float("nan")),
        "peak_mib": peak_mib,
    }  # fmt: skip


def run_log_figures(path: Path) -> dict:
    runs = read_run_log(path) if path.exists() else []
    seconds = [r["seconds"] for r in runs]
    cpu = [r["cpu_seconds"] for r in runs]
    return {"runs": len(runs), "run_p50": statistics.median(seconds) if seconds else 0,
            "run_p95": percentile(seconds, 0.95),
            "run_cpu_p50": statistics.median(cpu) if cpu else 0,
            "run_cpu_p95": percentile(cpu, 0.95)}  # fmt: skip


def table(rows: list[dict]) -> str:
    lines = [
        "| sessions | think (s) | actions (opens) | errors | server CPU-s per action "
        "| p50 (s) | p95 (s) | max (s) | run log p95 (s) | run CPU p50 / p95 (s) "
        "| server peak RSS (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['sessions']} | {r['think']:g} | {r['actions']} ({r['opens']}) "
            f"| {len(r['errors'])} | {r['cpu_per_action']:.3f} | {r['p50']:.3f} "
            f"| {r['p95']:.3f} | {r['max']:.3f} | {r['run_p95']:.3f} "
            f"| {r['run_cpu_p50']:.3f} / {r['run_cpu_p95']:.3f} | {r['peak_mib']:.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs="+", default=[5.0])
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out")
    parser.add_argument("--smoke", action="store_true", help="2 sessions, a few seconds")
    args = parser.parse_args()
    if args.smoke:
        args.sessions, args.seconds, args.think = 2, 3, [0.5]
    args.out.mkdir(parents=True, exist_ok=True)
    log = args.out / "server_runs.jsonl"
    # The server as deployed (no file watcher), writing each run's time to the run log.
    os.environ |= {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none", RUN_LOG_ENV: str(log)}
    rows = []
    with serve_app(Path(tempfile.mkdtemp(dir=args.out))) as base_url:
        url, pid = base_url.removeprefix("http://"), server_pid(base_url)
        asyncio.run(_warm(url))  # the first run after a start imports every page
        for think in args.think:
            log.unlink(missing_ok=True)
            row = measure(url, pid, args.sessions, args.seconds, think)
            rows.append(row | run_log_figures(log))
    text = table(rows)
    print(text)
    for row in rows:
        for error in row["errors"][:5]:
            print("error:", error, file=sys.stderr)
    (args.out / "server.md").write_text(text + "\n", encoding="utf-8")
    return 1 if any(row["errors"] or not row["actions"] for row in rows) else 0


async def _warm(url: str) -> None:
    async with websockets.connect(f"ws://{url}/_stcore/stream", max_size=None,
                                  subprotocols=["streamlit"]) as socket_:  # fmt: skip
        for page in PAGES:
            await run_once(socket_, page, {})


if __name__ == "__main__":
    raise SystemExit(main())
