"""A synthetic province-scale database for the page benchmark, by bulk inserts.

`python bench/make_province_db.py COMMUNITIES OUT.sqlite3 [PROGRAMMES]` writes one
programme (or PROGRAMMES, sharing the communities: the Portfolio and Programma's pages
at province scale) over ten years (2015–2024): each programme's communities spread
evenly over the years, 500 facilitators per 10,000 communities (at least 10), one
import batch per year (period YYYY-Q4) plus a final 2024-Q4 batch that re-reports
every community still running, funding per quarter and yearly targets. Rows go in
through the real models with executemany (no workbook round trip: the import itself is
benchmarked in `bench_import.py`), so 10,000 communities take seconds.
"""

from __future__ import annotations

import hashlib
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from data_access.core import db
from data_access.core.migrate import migrate
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
    Municipality,
    Programme,
    Sector,
    Target,
)

YEARS = tuple(range(2015, 2025))
PROGRAMME = "Provincie (synthetisch)"
FACILITATORS_AT_SCALE = 500
STATUS_CYCLE = ("completed",) * 7 + ("running", "stopped", "planned")


def build(communities: int, out: Path, programmes: int = 1) -> Path:
    """Create `out` from scratch and fill it with `programmes` sharing `communities`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{out}"  # migrate() seeds through the default
    db.reset_engine()
    migrate()
    engine = db.get_engine()
    with engine.begin() as connection:
        ids = _lookups(connection)
        for number in range(programmes):
            share = communities // programmes + (number < communities % programmes)
            name = PROGRAMME if programmes == 1 else f"{PROGRAMME} {number + 1:02d}"
            _programme(connection, name, share, ids)
    db.reset_engine()
    return out


def _programme(connection, name: str, communities: int, ids: dict) -> None:
    programme_id = connection.execute(
        insert(Programme).values(name=name).returning(Programme.id)
    ).scalar_one()
    batches = _batches(connection, programme_id)
    facilitators = max(10, FACILITATORS_AT_SCALE * communities // 10_000)
    _facilitators(connection, programme_id, batches, facilitators, ids)
    _communities(connection, programme_id, batches, communities, facilitators, ids)
    _funding_and_targets(connection, programme_id, batches, communities)


def _lookups(connection) -> dict[str, list[int]]:
    def ids(model) -> list[int]:
        return list(connection.execute(select(model.id).order_by(model.id)).scalars())

    connection.execute(
        insert(HostOrganisation), [{"name": f"Fictief Bedrijf {i} BV"} for i in range(2000)]
    )
    return {
        "sectors": ids(Sector),
        "municipalities": ids(Municipality),
        "partners": ids(EducationPartner),
        "hosts": ids(HostOrganisation),
    }


def _batches(connection, programme_id: int) -> dict[str, int]:
    """One active batch per year, period YYYY-Q4."""
    batches = {}
    for year in YEARS:
        period = f"{year}-Q4"
        content = f"synthetic {period}".encode()
        batches[period] = connection.execute(
            insert(ImportBatch)
            .values(
                programme_id=programme_id,
                period=period,
                file_name=f"{period}.xlsx",
                checksum=hashlib.sha256(content).hexdigest(),
                content=content,
                uploaded_by="bench",
            )
            .returning(ImportBatch.id)
        ).scalar_one()
    return batches


def _facilitators(connection, programme_id, batches, count, ids) -> None:
    connection.execute(
        insert(Facilitator),
        [{"programme_id": programme_id, "name": f"Facilitator {i:04d}"} for i in range(count)],
    )
    facilitator_ids = _ids(connection, Facilitator, programme_id)
    reports = [
        {"batch_id": batch_id, "facilitator_id": fid, "period": period,
         "organisation": "Fictief Opleidingsinstituut", "trained_on": date(2014, 6, 1),
         "status": "certified" if i % 10 else "in_training", "hours_per_week": 16,
         "max_concurrent": 3}
        for period, batch_id in batches.items()
        for i, fid in enumerate(facilitator_ids)
    ]  # fmt: skip
    connection.execute(insert(FacilitatorReport), reports)
    report_ids = connection.execute(
        select(FacilitatorReport.id, FacilitatorReport.facilitator_id).where(
            FacilitatorReport.batch_id.in_(batches.values())
        )
    ).all()
    sectors = ids["sectors"]
    connection.execute(
        insert(FacilitatorReportSector),
        [{"report_id": rid, "sector_id": sectors[fid % 2]} for rid, fid in report_ids]
        + [{"report_id": rid, "sector_id": sectors[2 + fid % 2]} for rid, fid in report_ids],
    )


def _community_row(i: int, per_year: int, facilitators: int, ids: dict) -> dict:
    """What is known about community i at the end: its year, dates and status."""
    year = YEARS[min(i // per_year, len(YEARS) - 1)]
    start = date(year, 1, 5) + timedelta(days=(i * 7) % 330)
    status = STATUS_CYCLE[i % len(STATUS_CYCLE)]
    return {
        "name": f"Leergemeenschap {i}",
        "host_organisation_id": ids["hosts"][i % len(ids["hosts"])],
        "sector_id": ids["sectors"][i % len(ids["sectors"])],
        "municipality_id": ids["municipalities"][i % len(ids["municipalities"])],
        "start_date": None if status == "planned" else start,
        "end_date": start + timedelta(weeks=10 + i % 11),
        "status": status, "employees": 5 + i % 6, "managers": i % 3, "students": 2,
        "teachers": 1, "question": None if i % 9 == 0 else f"Vraag {i}",
        "champion": None if i % 13 == 0 else f"Aanjager {i}",
        "midterm_check": None if i % 4 == 0 else start + timedelta(weeks=6),
        "facilitator_id": None, "year": year, "facilitator_index": i % facilitators,
    }  # fmt: skip


def _communities(connection, programme_id, batches, count, facilitators, ids) -> None:
    connection.execute(
        insert(Community),
        [{"programme_id": programme_id, "code": f"S-{i:06d}"} for i in range(count)],
    )
    community_ids = _ids(connection, Community, programme_id)
    facilitator_ids = _ids(connection, Facilitator, programme_id)
    per_year = max(1, count // len(YEARS))
    reports = []
    for i, community_id in enumerate(community_ids):
        row = _community_row(i, per_year, facilitators, ids)
        year, index = row.pop("year"), row.pop("facilitator_index")
        row.update(community_id=community_id, facilitator_id=facilitator_ids[index])
        first = {**row, "status": "running" if row["status"] != "planned" else "planned"}
        reports.append({**first, "batch_id": batches[f"{year}-Q4"], "period": f"{year}-Q4"})
        if year < YEARS[-1]:  # the final word on it: the last batch
            reports.append({**row, "batch_id": batches["2024-Q4"], "period": "2024-Q4"})
    connection.execute(insert(CommunityReport), reports)
    report_ids = (
        connection.execute(
            select(CommunityReport.id).where(CommunityReport.batch_id.in_(batches.values()))
        )
        .scalars()
        .all()
    )
    partners = ids["partners"]
    connection.execute(
        insert(CommunityReportPartner),
        [{"report_id": rid, "partner_id": partners[rid % len(partners)]} for rid in report_ids]
        + [{"report_id": rid, "partner_id": partners[(rid + 1) % len(partners)]}
           for rid in report_ids if rid % 3 == 0],
    )  # fmt: skip


def _ids(connection, model, programme_id: int) -> list[int]:
    """The ids of one programme's rows of `model`, in insertion order."""
    query = select(model.id).where(model.programme_id == programme_id).order_by(model.id)
    return list(connection.execute(query).scalars())


def _funding_and_targets(connection, programme_id, batches, communities) -> None:
    per_year = communities // len(YEARS)
    connection.execute(
        insert(FundingReport),
        [{"batch_id": batches[f"{year}-Q4"], "programme_id": programme_id,
          "period": f"{year}-Q4", "year": year, "quarter": quarter,
          "granted": 25_000 * per_year // 4, "spent": 20_000 * per_year // 4}
         for year in YEARS for quarter in range(1, 5)],
    )  # fmt: skip
    targets = {"communities_started": per_year, "communities_completed": per_year * 0.7,
               "facilitators_certified": FACILITATORS_AT_SCALE * communities // 10_000,
               "budget": 25_000 * per_year}  # fmt: skip
    connection.execute(
        insert(Target),
        [{"programme_id": programme_id, "year": year, "measure": measure, "value": value,
          "updated_by": "bench"}
         for year in (*YEARS, YEARS[-1] + 1) for measure, value in targets.items()],
    )  # fmt: skip


if __name__ == "__main__":
    print(build(int(sys.argv[1]), Path(sys.argv[2]), *map(int, sys.argv[3:4])))
