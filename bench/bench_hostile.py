"""Hostile uploads (issue 11): size, time and peak memory of reading each one.

Each file is built by tests/security/hostile_files.py and read by `validate_workbook`
in a child process under an address-space limit (`--limit-gb`, default 2) and a
timeout, so a reader that explodes costs the child, never the machine. A child that
dies of the limit is reported as `>limit` (MemoryError) or `abort` (killed by a signal).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.security.hostile_files import HOSTILE_UPLOADS, xlsx_shared_string  # noqa: E402

CHILD = """
import resource, sys, time
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
content = open(sys.argv[1], "rb").read()
print("start", time.time(), flush=True)
try:
    parsed = validate_workbook(content, sys.argv[2])
    print("read:", len(parsed.issues), "issues")
except WorkbookRefused as refused:
    print("refused:", refused.code)
except MemoryError:
    print("memory >limit")
print("end", time.time())
print("peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def files(legit_rows: int) -> dict[str, tuple[bytes, str]]:
    """The hostile corpus; the shared string as random text, as it was found (7.6 MB).

    With `legit_rows`, also a valid workbook of that many rows: the biggest a
    programme lead may send must still read within the bounds.
    """
    built = {name: (build(), file_name) for name, (build, file_name, _) in HOSTILE_UPLOADS.items()}
    built["xlsx 10 MB shared string x100"] = (xlsx_shared_string(noise=True), "text.xlsx")
    if legit_rows:
        from bench.make_workbook import write_benchmark_workbook

        with tempfile.TemporaryDirectory() as folder:
            path = write_benchmark_workbook(legit_rows, Path(folder) / "legit.xlsx")
            built[f"valid xlsx, {legit_rows:,} rows"] = (path.read_bytes(), "legit.xlsx")
    return built


def measure(
    content: bytes, file_name: str, *, limit: int, timeout: float, code: Path
) -> tuple[str, str, str]:
    """(outcome, seconds, peak MB) of reading one file in a fresh child process."""
    with tempfile.NamedTemporaryFile(suffix=file_name) as handle:
        handle.write(content)
        handle.flush()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, handle.name, file_name, str(limit)],
            cwd=code, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        try:
            out, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return "timeout", f">{timeout:.0f}", "?"
        died_at = time.time()
        fields = dict(line.split(" ", 1) for line in out.strip().splitlines() if " " in line)
        started = float(fields.pop("start", died_at))
        seconds = float(fields.pop("end", died_at)) - started  # the read alone, not imports
        peak = fields.pop("peak", "?")
        outcome = " ".join(f"{k} {v}" for k, v in fields.items())
        outcome = outcome or ("abort" if child.returncode < 0 else "traceback")
        return outcome, f"{seconds:.2f}", peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit-gb", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose reader to run")
    parser.add_argument("--legit-rows", type=int, default=0, help="add a valid workbook")
    parser.add_argument("--smoke", action="store_true", help="two files only (test suite)")
    parser.add_argument("--out", type=Path, help="also write the table to DIR/hostile.md")
    args = parser.parse_args()
    limit = int(args.limit_gb * 1024**3)
    corpus = list(files(args.legit_rows).items())[: 2 if args.smoke else None]
    lines = [
        "| file | size | outcome | read time (s) | peak RSS (MB) |",
        "|---|---:|---|---:|---:|",
    ]
    print(*lines, sep="\n")
    for name, (content, file_name) in corpus:
        outcome, seconds, peak = measure(
            content, file_name, limit=limit, timeout=args.timeout, code=args.code
        )
        size = f"{len(content) / 1024:,.1f} KB"
        lines.append(f"| {name} | {size} | {outcome} | {seconds} | {peak} |")
        print(lines[-1], flush=True)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "hostile.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
