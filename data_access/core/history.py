"""Every counted report up to a period, slim, and which report is each thing's as-of
state at each earlier period: for figures over many periods (capacity per period).

Reading every report with every column and the partner lists (20,000 reports at 10,000
communities) and sorting all of it once per period to pick that period's state was most
of a cold Facilitators page. Here the read holds only what such a figure uses (status,
capacity and the columns the dashboard's filters look at; partner and sector lists only
when a filter needs them), and `states_per_period` decides for all periods in one
vectorised pass which report counts, with the same rule as the as-of SQL: per thing,
the latest (period, batch) at or before the period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Select, select
from sqlmodel import Session

from data_access.core.models import (
    CommunityReport,
    CommunityReportPartner,
    EducationPartner,
    FacilitatorReport,
    FacilitatorReportSector,
    Municipality,
    Sector,
)
from data_access.core.state import _latest_reports, _lists_per_report, _read, counted_in


def community_history(
    session: Session, *, programme_id: int | None, as_of: str | None, partners: bool = False
) -> pd.DataFrame:
    """Per counted community report at or before `as_of`: community_id, period,
    batch_id, status, sector, municipality_code (and education_partners if asked),
    the columns `filters.filter_communities` reads."""
    r = CommunityReport
    latest = _every_report(session, r, r.community_id, programme_id, as_of)
    frame = _read(
        session,
        select(r.community_id, r.period, r.batch_id, r.status, Sector.code.label("sector"),
               Municipality.cbs_code.label("municipality_code"), r.id.label("report_id"))
        .join(Sector, Sector.id == r.sector_id)
        .outerjoin(Municipality, Municipality.id == r.municipality_id)
        .where(r.id.in_(latest))
        .order_by(r.id),
    )  # fmt: skip
    if partners:
        link, partner = CommunityReportPartner, EducationPartner
        frame["education_partners"] = _lists(session, frame, select(link.report_id, partner.name)
            .join(partner, partner.id == link.partner_id)
            .where(link.report_id.in_(latest)))  # fmt: skip
    return frame


def facilitator_history(
    session: Session, *, programme_id: int | None, as_of: str | None, sectors: bool = False
) -> pd.DataFrame:
    """Per counted facilitator report at or before `as_of`: facilitator_id, period,
    batch_id, status, max_concurrent (and the sector codes if asked)."""
    r = FacilitatorReport
    latest = _every_report(session, r, r.facilitator_id, programme_id, as_of)
    frame = _read(
        session,
        select(r.facilitator_id, r.period, r.batch_id, r.status, r.max_concurrent,
               r.id.label("report_id"))
        .where(r.id.in_(latest))
        .order_by(r.id),
    )  # fmt: skip
    if sectors:
        link = FacilitatorReportSector
        frame["sectors"] = _lists(session, frame, select(link.report_id, Sector.code)
            .join(Sector, Sector.id == link.sector_id)
            .where(link.report_id.in_(latest)))  # fmt: skip
    return frame


def _every_report(session: Session, report, key, programme_id: int | None, as_of: str | None):
    """The ids of every counted report at or before `as_of` (a subquery)."""
    counted = counted_in(session, None)
    return _latest_reports(report, [key], programme_id, as_of, counted, every_report=True)


def _lists(session: Session, frame: pd.DataFrame, items: Select) -> list[list]:
    """Per report of `frame`, the values of `items` (report_id, value) as a list."""
    values = _read(session, items)
    return _lists_per_report(frame, values, values.columns[1])


def states_per_period(history: pd.DataFrame, key: str, periods: list[str]) -> np.ndarray:
    """A (period × report) boolean matrix: True where the report (a row of `history`)
    is its `key`'s as-of state at that period, i.e. it has the latest (period, batch)
    at or before it. Each report holds from its period until the next period its thing
    was reported in; of several reports in one period the latest batch holds."""
    ordered = history[[key, "period", "batch_id"]].reset_index(drop=True)
    ordered = ordered.sort_values([key, "period", "batch_id"], kind="stable")
    ordered = ordered[~ordered.duplicated([key, "period"], keep="last")]
    rank = {period: n for n, period in enumerate(sorted({*periods, *ordered["period"]}))}
    start = ordered["period"].map(rank).to_numpy("int64")
    until = ordered.groupby(key)["period"].shift(-1).map(rank)
    end = until.fillna(len(rank)).to_numpy("int64")
    wanted = np.array([rank[period] for period in periods], dtype="int64")[:, None]
    states = np.zeros((len(periods), len(history)), dtype=bool)
    states[:, ordered.index.to_numpy()] = (start <= wanted) & (wanted < end)
    return states
