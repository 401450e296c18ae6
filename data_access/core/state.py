"""The state of a programme "as of period P", derived from the import batches.

For every community (facilitator, funding quarter) the latest report at or before
P from an *active* batch counts. Undone and superseded batches never count, which
is what makes undo exact. Rejected imports never count either; with
`approved_only` only imports an officer approved count (see `counted_batches`).
Everything returns pandas frames so KPIs can be computed vectorised.

`approved_only=None` (the default) means "as the session says": the UI opens its
sessions with `session_scope(approved_only=...)`, so the choice reaches every KPI
without each of them passing it on.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Select, and_, func, or_, select
from sqlmodel import Session

from data_access.core.models import (
    Community,
    CommunityReport,
    CommunityReportPartner,
    EducationPartner,
    Facilitator,
    FacilitatorReport,
    FacilitatorReportSector,
    FieldLab,
    FundingReport,
    HostOrganisation,
    ImportBatch,
    Municipality,
    Programme,
    Sector,
)

COMMUNITY_COLUMNS = [
    "community_id", "programme_id", "programme", "code", "name", "company", "sector",
    "municipality", "municipality_code", "field_lab", "start_date", "end_date", "status",
    "facilitator_id", "facilitator", "employees", "managers", "students", "teachers",
    "question", "champion", "midterm_check", "education_partners", "partner_levels",
    "report_id", "period",
]  # fmt: skip


APPROVED_ONLY = "approved_only"  # the session.info key session_scope sets
# session.info key: with approved_only, also count this one (submitted) import: the
# state "if the officer approved it", which the approval review compares against.
PLUS_BATCH = "plus_batch"


def approved_only_of(session: Session, approved_only: bool | None) -> bool:
    """The explicit choice, else the session's (False: include submitted imports)."""
    if approved_only is not None:
        return approved_only
    return bool(session.info.get(APPROVED_ONLY, False))


def counted_batches(approved_only: bool, plus_batch: int | None = None) -> list:
    """Conditions on ImportBatch for imports whose figures count."""
    conditions = [ImportBatch.status == "active", ImportBatch.review_status != "rejected"]
    if approved_only and plus_batch is not None:
        conditions.append(
            or_(ImportBatch.review_status == "approved", ImportBatch.id == plus_batch)
        )
    elif approved_only:
        conditions.append(ImportBatch.review_status == "approved")
    return conditions


def counted_in(session: Session, approved_only: bool | None) -> list:
    """`counted_batches` as the session (or the explicit choice) says."""
    approved = approved_only_of(session, approved_only)
    return counted_batches(approved, session.info.get(PLUS_BATCH))


def _latest_reports(
    report,
    key_columns: list,
    programme_id: int | None,
    as_of: str | None,
    counted: list,
    every_report: bool = False,
) -> Select:
    """Ids of the latest counted report per key at or before `as_of` (`counted_in`);
    with `every_report`, of every counted report at or before it (core/history.py)."""
    rank = (
        func.row_number()
        .over(partition_by=key_columns, order_by=(report.period.desc(), report.batch_id.desc()))
        .label("rank")
    )
    conditions = list(counted)
    if programme_id is not None:
        conditions.append(ImportBatch.programme_id == programme_id)
    if as_of is not None:
        conditions.append(report.period <= as_of)
    if every_report:
        return (
            select(report.id)
            .join(ImportBatch, ImportBatch.id == report.batch_id)
            .where(and_(*conditions))
        )
    ranked = (
        select(report.id.label("report_id"), rank)
        .join(ImportBatch, ImportBatch.id == report.batch_id)
        .where(and_(*conditions))
        .subquery()
    )
    return select(ranked.c.report_id).where(ranked.c.rank == 1)


def communities_as_of(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    approved_only: bool | None = None,
) -> pd.DataFrame:
    """One row per community as last reported at or before `as_of` (None: newest)."""
    r = CommunityReport
    counted = counted_in(session, approved_only)
    latest = _latest_reports(r, [r.community_id], programme_id, as_of, counted)
    query = (
        select(
            Community.id.label("community_id"),
            Community.programme_id,
            Programme.name.label("programme"),
            Community.code,
            r.name,
            HostOrganisation.name.label("company"),
            Sector.code.label("sector"),
            func.coalesce(Municipality.name, r.municipality_text).label("municipality"),
            Municipality.cbs_code.label("municipality_code"),
            FieldLab.name.label("field_lab"),
            r.start_date,
            r.end_date,
            r.status,
            r.facilitator_id,
            Facilitator.name.label("facilitator"),
            r.employees,
            r.managers,
            r.students,
            r.teachers,
            r.question,
            r.champion,
            r.midterm_check,
            r.id.label("report_id"),
            r.period,
        )
        .join(Community, Community.id == r.community_id)
        .join(Programme, Programme.id == Community.programme_id)
        .join(HostOrganisation, HostOrganisation.id == r.host_organisation_id)
        .join(Sector, Sector.id == r.sector_id)
        .outerjoin(Municipality, Municipality.id == r.municipality_id)
        .outerjoin(FieldLab, FieldLab.id == r.field_lab_id)
        .outerjoin(Facilitator, Facilitator.id == r.facilitator_id)
        .where(r.id.in_(latest))
        .order_by(Programme.name, Community.code)
    )
    frame = _read(session, query)
    for column in ("start_date", "end_date", "midterm_check"):
        frame[column] = pd.to_datetime(frame[column])
    partners = _read(
        session,
        select(CommunityReportPartner.report_id, EducationPartner.name, EducationPartner.level)
        .join(EducationPartner, EducationPartner.id == CommunityReportPartner.partner_id)
        .where(CommunityReportPartner.report_id.in_(latest))
        .order_by(EducationPartner.name),
    )
    frame["education_partners"] = _lists_per_report(frame, partners, "name")
    frame["partner_levels"] = _lists_per_report(frame, partners, "level")
    return frame[COMMUNITY_COLUMNS]


def facilitators_as_of(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    approved_only: bool | None = None,
) -> pd.DataFrame:
    """One row per facilitator as last reported at or before `as_of`, sectors as codes."""
    r = FacilitatorReport
    counted = counted_in(session, approved_only)
    latest = _latest_reports(r, [r.facilitator_id], programme_id, as_of, counted)
    frame = _read(
        session,
        select(
            Facilitator.id.label("facilitator_id"),
            Facilitator.programme_id,
            Facilitator.name,
            r.organisation,
            r.trained_on,
            r.status,
            r.hours_per_week,
            r.max_concurrent,
            r.id.label("report_id"),
            r.period,
        )
        .join(Facilitator, Facilitator.id == r.facilitator_id)
        .where(r.id.in_(latest))
        .order_by(Facilitator.name),
    )
    frame["trained_on"] = pd.to_datetime(frame["trained_on"])
    sectors = _read(
        session,
        select(FacilitatorReportSector.report_id, Sector.code)
        .join(Sector, Sector.id == FacilitatorReportSector.sector_id)
        .where(FacilitatorReportSector.report_id.in_(latest))
        .order_by(Sector.sort_order),
    )
    frame["sectors"] = _lists_per_report(frame, sectors, "code")
    return frame


def funding_as_of(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str | None = None,
    approved_only: bool | None = None,
) -> pd.DataFrame:
    """Granted and spent per programme and quarter, as last reported at or before `as_of`."""
    r = FundingReport
    keys = [r.programme_id, r.year, r.quarter]
    latest = _latest_reports(r, keys, programme_id, as_of, counted_in(session, approved_only))
    frame = _read(
        session,
        select(r.programme_id, r.year, r.quarter, r.granted, r.spent, r.note, r.period)
        .where(r.id.in_(latest))
        .order_by(r.programme_id, r.year, r.quarter),
    )
    for column in ("granted", "spent"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def reported_periods(
    session: Session, *, programme_id: int | None = None, approved_only: bool | None = None
) -> list[str]:
    """Periods with a counted import, oldest first: the choices of the period selector."""
    conditions = counted_in(session, approved_only)
    query = select(ImportBatch.period).where(*conditions).distinct()
    if programme_id is not None:
        query = query.where(ImportBatch.programme_id == programme_id)
    return sorted(session.execute(query).scalars().all())


def _lists_per_report(frame: pd.DataFrame, items: pd.DataFrame, column: str) -> list[list]:
    """Per row of `frame`, the `column` values of `items` with its report_id, in the
    order of `items` (empty list: none). A plain loop: pandas' groupby(...).agg(list)
    slices once per group, seconds at 10,000 communities."""
    by_report: dict[int, list] = {}
    for report_id, value in zip(items["report_id"].tolist(), items[column].tolist(), strict=True):
        by_report.setdefault(report_id, []).append(value)
    return [list(by_report.get(report_id, ())) for report_id in frame["report_id"].tolist()]


def _read(session: Session, query: Select) -> pd.DataFrame:
    result = session.execute(query)
    # Plain tuples: pandas probes every Row object for namedtuple fields, ~0.3 s per
    # 10,000 rows; the frame built (and its dtypes) is the same.
    return pd.DataFrame([tuple(row) for row in result], columns=list(result.keys()))
