"""A small programme written straight through the models: 13 started in 2022, 10 in 2023.

Mirrors the province's figures (kpis.md) so page tests can assert them exactly.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from data_access.db import session_scope
from data_access.models import (
    Community,
    CommunityReport,
    HostOrganisation,
    ImportBatch,
    Programme,
    Sector,
    Target,
)

PROGRAMME = "GasErop!"
YEARS = {2022: (13, "energy_transition", "completed"), 2023: (10, "circularity", "running")}


def seed_two_years() -> None:
    """Targets 13 (2022) and 10 (2023), and as many communities started, in two batches."""
    with session_scope(write=True) as session:
        programme = Programme(name=PROGRAMME)
        host = HostOrganisation(name="Installatiebedrijf Voorbeeld B.V.")
        session.add_all([programme, host])
        session.flush()
        for year, (count, sector_code, status) in YEARS.items():
            session.add(
                Target(programme_id=programme.id, year=year, measure="communities_started",
                       value=count)
            )  # fmt: skip
            sector = session.exec(select(Sector).where(Sector.code == sector_code)).one()
            batch = ImportBatch(programme_id=programme.id, period=f"{year}-Q4",
                                file_name=f"{year}.xlsx", checksum=str(year), content=b"",
                                uploaded_by="seed")  # fmt: skip
            session.add(batch)
            session.flush()
            for number in range(1, count + 1):
                community = Community(
                    programme_id=programme.id, code=f"GE{year % 100}-{number:02d}"
                )
                session.add(community)
                session.flush()
                session.add(
                    CommunityReport(batch_id=batch.id, community_id=community.id,
                                    period=batch.period, name=f"LC {community.code}",
                                    host_organisation_id=host.id, sector_id=sector.id,
                                    start_date=date(year, 3, 1), end_date=date(year, 6, 30),
                                    status=status)
                )  # fmt: skip
