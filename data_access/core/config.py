"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"


def database_url() -> str:
    """`DATABASE_URL` if set, else the embedded SQLite file in the git-ignored data folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return normalise_url(url)
    data_dir = Path(os.environ.get("LC_MONITOR_DATA_DIR", DEFAULT_DATA_DIR))
    return f"sqlite:///{data_dir / 'lc_monitor.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept the common `postgres://` and `postgresql://` spellings; we drive psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class UploadLimits:
    """Limits of the quarterly workbook contract; configurable through the environment.

    The sheet limits bound what a reader materialises (a grid of rows x columns, and
    text), so every file within them reads in well under 1 GiB; the worker limits bound
    the separate process that reads an upload, whatever a reader does.
    """

    max_file_bytes: int = 25 * 1024 * 1024
    max_rows_per_sheet: int = 250_000
    max_uncompressed_bytes: int = 250 * 1024 * 1024
    max_part_ratio: int = 100
    ratio_applies_above_bytes: int = 100 * 1024 * 1024
    max_columns_per_sheet: int = 256
    max_cells_per_sheet: int = 6_000_000
    max_text_chars: int = 32_767  # Excel's own limit for one cell
    max_text_bytes: int = 100 * 1024 * 1024
    worker_memory_bytes: int = 2 * 1024 * 1024 * 1024
    worker_timeout_seconds: float = 60.0

    @classmethod
    def from_env(cls) -> UploadLimits:
        def env_int(name: str, default: int) -> int:
            return int(os.environ.get(name, default))

        return cls(
            max_file_bytes=env_int("LC_MAX_FILE_BYTES", cls.max_file_bytes),
            max_rows_per_sheet=env_int("LC_MAX_ROWS_PER_SHEET", cls.max_rows_per_sheet),
            max_uncompressed_bytes=env_int("LC_MAX_UNCOMPRESSED_BYTES", cls.max_uncompressed_bytes),
            max_part_ratio=env_int("LC_MAX_PART_RATIO", cls.max_part_ratio),
            ratio_applies_above_bytes=env_int(
                "LC_RATIO_APPLIES_ABOVE_BYTES", cls.ratio_applies_above_bytes
            ),
            max_columns_per_sheet=env_int("LC_MAX_COLUMNS_PER_SHEET", cls.max_columns_per_sheet),
            max_cells_per_sheet=env_int("LC_MAX_CELLS_PER_SHEET", cls.max_cells_per_sheet),
            max_text_chars=env_int("LC_MAX_TEXT_CHARS", cls.max_text_chars),
            max_text_bytes=env_int("LC_MAX_TEXT_BYTES", cls.max_text_bytes),
            worker_memory_bytes=env_int("LC_WORKER_MEMORY_BYTES", cls.worker_memory_bytes),
            worker_timeout_seconds=float(
                os.environ.get("LC_WORKER_TIMEOUT_SECONDS", cls.worker_timeout_seconds)
            ),
        )
