"""Reference data every database starts with: sectors, municipalities, education partners.

Seeding is idempotent (it only adds what is missing), so it runs after every migration.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from sqlmodel import Session, select

from data_access.core.models import EducationPartner, Funder, Municipality, Sector

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"
MUNICIPALITIES_GEOJSON = REFERENCE_DIR / "overijssel_gemeenten_2023.geojson"

# code, Dutch label, English label
SECTORS: tuple[tuple[str, str, str], ...] = (
    ("energy_transition", "Energietransitie", "Energy transition"),
    ("circularity", "Circulariteit", "Circularity"),
    ("logistics", "Logistiek", "Logistics"),
    ("other", "Overig", "Other"),
)

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


def seed_reference_data(session: Session) -> None:
    """Add the lookups a new database needs; leave existing rows alone."""
    known_sectors = set(session.exec(select(Sector.code)).all())
    for order, (code, name_nl, name_en) in enumerate(SECTORS):
        if code not in known_sectors:
            session.add(Sector(code=code, name_nl=name_nl, name_en=name_en, sort_order=order))
    known_codes = set(session.exec(select(Municipality.cbs_code)).all())
    for cbs_code, name in municipality_codes().items():
        if cbs_code not in known_codes:
            session.add(Municipality(cbs_code=cbs_code, name=name))
    known_partners = set(session.exec(select(EducationPartner.name)).all())
    for name, level in EDUCATION_PARTNERS:
        if name not in known_partners:
            session.add(EducationPartner(name=name, level=level))
    if session.exec(select(Funder).where(Funder.name == PROVINCE_FUNDER)).first() is None:
        session.add(Funder(name=PROVINCE_FUNDER))
