"""Small factories that write real rows (no mocks): a programme, a batch, reports.

KPI and state tests build exactly the history they are about with these, through
the same models the importer writes.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from data_access.core.models import (
    Community,
    CommunityReport,
    CommunityReportPartner,
    EducationPartner,
    Facilitator,
    FacilitatorReport,
    FacilitatorReportSector,
    FundingReport,
    HostOrganisation,
    ImportBatch,
    Programme,
    Sector,
)


def make_programme(session: Session, name: str = "GasErop!") -> Programme:
    programme = session.exec(select(Programme).where(Programme.name == name)).first()
    if programme is None:
        programme = Programme(name=name)
        session.add(programme)
        session.flush()
    return programme


def make_batch(
    session: Session, *, programme: Programme, period: str, status: str = "active"
) -> ImportBatch:
    content = f"{programme.name} {period} {status}".encode()
    batch = ImportBatch(
        programme_id=programme.id,
        period=period,
        file_name=f"{period}.xlsx",
        checksum=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by="test",
        status=status,
    )
    session.add(batch)
    session.flush()
    return batch


def make_facilitator(
    session: Session,
    *,
    batch: ImportBatch,
    name: str,
    status: str = "certified",
    max_concurrent: int | None = 2,
    sectors: tuple[str, ...] = ("energy_transition",),
) -> Facilitator:
    """A facilitator (made once per name) and what `batch` reported about it."""
    facilitator = _get_or_add(session, Facilitator, programme_id=batch.programme_id, name=name)
    report = FacilitatorReport(
        batch_id=batch.id,
        facilitator_id=facilitator.id,
        period=batch.period,
        status=status,
        max_concurrent=max_concurrent,
    )
    session.add(report)
    session.flush()
    for code in sectors:
        sector = session.exec(select(Sector).where(Sector.code == code)).one()
        session.add(FacilitatorReportSector(report_id=report.id, sector_id=sector.id))
    session.flush()
    return facilitator


def make_community(
    session: Session,
    *,
    batch: ImportBatch,
    code: str,
    status: str = "completed",
    start: date | None = date(2022, 3, 1),
    end: date | None = date(2022, 6, 1),
    sector: str = "energy_transition",
    facilitator: Facilitator | None = None,
    roles: tuple[int | None, int | None, int | None, int | None] = (7, 1, 2, 1),
    partners: tuple[str, ...] = ("Saxion",),
    question: str | None = "Hoe besparen we energie?",
    champion: str | None = "Fictieve Aanjager",
    midterm_check: date | None = date(2022, 4, 15),
    company: str = "Fictief Techniek BV",
) -> CommunityReport:
    """A community (made once per code) and what `batch` reported about it."""
    community = _get_or_add(session, Community, programme_id=batch.programme_id, code=code)
    host = _get_or_add(session, HostOrganisation, name=company)
    sector_row = session.exec(select(Sector).where(Sector.code == sector)).one()
    employees, managers, students, teachers = roles
    report = CommunityReport(
        batch_id=batch.id,
        community_id=community.id,
        period=batch.period,
        name=f"LC {code}",
        host_organisation_id=host.id,
        sector_id=sector_row.id,
        start_date=start,
        end_date=end,
        status=status,
        facilitator_id=facilitator.id if facilitator else None,
        employees=employees,
        managers=managers,
        students=students,
        teachers=teachers,
        question=question,
        champion=champion,
        midterm_check=midterm_check,
    )
    session.add(report)
    session.flush()
    for name in partners:
        partner = session.exec(select(EducationPartner).where(EducationPartner.name == name)).one()
        session.add(CommunityReportPartner(report_id=report.id, partner_id=partner.id))
    session.flush()
    return report


def make_funding(
    session: Session, *, batch: ImportBatch, year: int, quarter: int, granted: str, spent: str
) -> FundingReport:
    report = FundingReport(
        batch_id=batch.id,
        programme_id=batch.programme_id,
        period=batch.period,
        year=year,
        quarter=quarter,
        granted=Decimal(granted),
        spent=Decimal(spent),
    )
    session.add(report)
    session.flush()
    return report


def _get_or_add(session: Session, model, **fields):
    conditions = [getattr(model, key) == value for key, value in fields.items()]
    row = session.exec(select(model).where(*conditions)).first()
    if row is None:
        row = model(**fields)
        session.add(row)
        session.flush()
    return row
