"""Settings read from the environment, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
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
    """Limits of the quarterly workbook contract; configurable through the environment."""

    max_file_bytes: int = 25 * 1024 * 1024
    max_rows_per_sheet: int = 250_000
    max_uncompressed_bytes: int = 250 * 1024 * 1024
    max_part_ratio: int = 100
    ratio_applies_above_bytes: int = 1024 * 1024

    @classmethod
    def from_env(cls) -> UploadLimits:
        def env_int(name: str, default: int) -> int:
            return int(os.environ.get(name, default))

        return cls(
            max_file_bytes=env_int("LC_MAX_FILE_BYTES", cls.max_file_bytes),
            max_rows_per_sheet=env_int("LC_MAX_ROWS_PER_SHEET", cls.max_rows_per_sheet),
            max_uncompressed_bytes=env_int("LC_MAX_UNCOMPRESSED_BYTES", cls.max_uncompressed_bytes),
            max_part_ratio=env_int("LC_MAX_PART_RATIO", cls.max_part_ratio),
        )
