"""Reference data every database starts with: municipalities (the CBS boundaries),
education partners, the province as funder; sectors are the vocabulary's.

Plain data and files, no database: the workbook validator reads the municipalities
too. `data_access.core.migrate` seeds a database with them after every migration.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"
MUNICIPALITIES_GEOJSON = REFERENCE_DIR / "overijssel_gemeenten_2023.geojson"

EDUCATION_PARTNERS: tuple[tuple[str, str], ...] = (
    ("Saxion", "hbo"),
    ("Windesheim", "hbo"),
    ("Universiteit Twente", "wo"),
    ("ROC van Twente", "mbo"),
)

PROVINCE_FUNDER = "Provincie Overijssel"


@cache
def municipality_geojson() -> dict:
    """The CBS 2023 boundaries of Overijssel's 25 municipalities (WGS84)."""
    return json.loads(MUNICIPALITIES_GEOJSON.read_text(encoding="utf-8"))


def municipality_codes() -> dict[str, str]:
    """CBS code -> municipality name, e.g. {"GM0153": "Enschede", ...}."""
    return {
        f["properties"]["statcode"]: f["properties"]["statnaam"]
        for f in municipality_geojson()["features"]
    }
