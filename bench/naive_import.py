"""The naive import the benchmark compares against: what a first version would do.

pandas with openpyxl to read, then one ORM object added and flushed per row. It
skips validation entirely, so it flatters the baseline rather than our importer.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlmodel import select

from data_access.core.db import session_scope
from data_access.core.models import (
    Community,
    CommunityReport,
    HostOrganisation,
    ImportBatch,
    Programme,
    Sector,
)


def naive_import(workbook: Path) -> None:
    frame = pd.read_excel(workbook, sheet_name="Leergemeenschappen", engine="openpyxl")
    with session_scope(write=True) as session:
        programme = Programme(name="Naive")
        session.add(programme)
        session.flush()
        batch = ImportBatch(
            programme_id=programme.id, period="2024-Q4", file_name=workbook.name,
            checksum="naive", content=b"", uploaded_by="bench",
        )  # fmt: skip
        session.add(batch)
        sector = session.exec(select(Sector).where(Sector.code == "other")).one()
        session.flush()
        for row in frame.itertuples(index=False):
            host = session.exec(
                select(HostOrganisation).where(HostOrganisation.name == row.Bedrijf)
            ).first() or HostOrganisation(name=row.Bedrijf)
            session.add(host)
            community = Community(programme_id=programme.id, code=row.Code)
            session.add(community)
            session.flush()
            report = CommunityReport(
                batch_id=batch.id, community_id=community.id, period="2024-Q4",
                name=row.Naam, host_organisation_id=host.id, sector_id=sector.id,
                status="completed", employees=int(row.Medewerkers),
            )  # fmt: skip
            session.add(report)
            session.flush()
