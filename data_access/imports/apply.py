"""Writing a planned import: one batch, its lookups and every reported row, in bulk.

Everything runs in the caller's transaction. Rows go in as one executemany per
table (multi-row INSERTs where the driver supports them), never one ORM round
trip per row; new ids are read back by their unique keys, so 100,000 communities
apply in seconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal

from sqlalchemy import Table, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
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
from data_access.imports.bulk_insert import bulk_insert, bulk_insert_columns
from data_access.imports.plan import ImportPlan
from data_access.workbook.schema import normalise_name

COMMUNITY_FIELDS = ("name", "start_date", "end_date", "status", "employees", "managers",
                    "students", "teachers", "question", "champion", "midterm_check")  # fmt: skip
NAMED_FIELDS = ("company", "municipality", "field_lab", "facilitator")
FACILITATOR_FIELDS = ("organisation", "trained_on", "status", "hours_per_week", "max_concurrent")


def write_batch(
    session: Session, plan: ImportPlan, *, content: bytes, file_name: str, uploaded_by: str
) -> ImportBatch:
    """Store the file as a new active batch with all its rows; supersede a replaced batch."""
    parsed, context = plan.parsed, plan.context
    programme_id = context.programme_id or _create_programme(session, context.programme_name)
    replaced = context.replaced_batch
    batch = ImportBatch(
        programme_id=programme_id,
        period=context.period,
        file_name=file_name,
        checksum=plan.checksum,
        content=content,
        uploaded_by=uploaded_by,
        submitted_by=parsed.submitted_by,
        submitter_email=parsed.email,
        replaces_batch_id=replaced.id if replaced else None,
        counts_json=json.dumps({e: d.counts for e, d in plan.diffs.items()}),
        changes_json=json.dumps([c for d in plan.diffs.values() for c in d.changes]),
    )
    session.add(batch)
    session.flush()
    if replaced is not None:
        session.execute(
            update(ImportBatch).where(ImportBatch.id == replaced.id).values(status="superseded")
        )
    facilitator_ids = _write_facilitators(session, plan, batch, programme_id)
    _write_communities(session, plan, batch, programme_id, facilitator_ids)
    _write_funding(session, plan, batch, programme_id)
    return batch


def _create_programme(session: Session, name: str) -> int:
    programme = Programme(name=name)
    session.add(programme)
    session.flush()
    return programme.id


def get_or_create(
    session: Session,
    table: Table,
    column: str,
    values: Iterable[str],
    *,
    fixed: dict | None = None,
    key: Callable[[str], str] = normalise_name,
) -> dict[str, int]:
    """{key(value): id} for `values`, inserting the missing ones in one statement."""
    fixed = fixed or {}
    query = select(table.c.id, table.c[column])
    for name, value in fixed.items():
        query = query.where(table.c[name] == value)
    ids = {key(value): row_id for row_id, value in session.execute(query)}
    missing: dict[str, str] = {}
    for value in dict.fromkeys(values):  # the same name on many rows: key it once
        if value is not None and (value_key := key(value)) not in ids:
            missing.setdefault(value_key, value)
    if missing:
        # Read the new ids back by their unique names: RETURNING in parameter order
        # would fall back to one statement per row on SQLite.
        new_rows = [{column: missing[k], **fixed} for k in sorted(missing)]
        _insert_lookups(session, table, new_rows)
        ids = {key(value): row_id for row_id, value in session.execute(query)}
    return ids


def _insert_lookups(session: Session, table: Table, rows: list[dict]) -> None:
    """Add new names to a lookup or identity table.

    On PostgreSQL another import may add the same name between our select and this
    insert: ON CONFLICT DO NOTHING waits for it and skips the name, and the caller
    reads its id back. Rows go in sorted, so two imports take the keys in the same
    order and can't deadlock. SQLite's writers are serialised (BEGIN IMMEDIATE).
    """
    if session.connection().dialect.name == "postgresql":
        session.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    else:
        _insert(session, table, rows)


def _report_ids(session: Session, table: Table, owner: str, batch_id: int) -> dict[int, int]:
    """{owner id: report id} of one batch, which reports each owner once."""
    query = select(table.c[owner], table.c.id).where(table.c.batch_id == batch_id)
    return dict(session.execute(query).all())


def _insert(session: Session, table: Table, rows: list[dict]) -> None:
    bulk_insert(session, table, rows)


def _write_facilitators(
    session: Session, plan: ImportPlan, batch: ImportBatch, programme_id: int
) -> dict[str, int]:
    rows = plan.diffs["facilitators"].rows
    names = [r["name"] for r in rows] + [
        r["facilitator"] for r in plan.diffs["communities"].rows if r["facilitator"]
    ]
    ids = get_or_create(
        session, Facilitator.__table__, "name", names, fixed={"programme_id": programme_id}
    )
    batch_id, period = batch.id, batch.period
    reports = [
        {"batch_id": batch_id, "period": period, "facilitator_id": ids[normalise_name(r["name"])]}
        | {name: r[name] for name in FACILITATOR_FIELDS}
        for r in rows
    ]
    _insert(session, FacilitatorReport.__table__, reports)
    report_ids = _report_ids(session, FacilitatorReport.__table__, "facilitator_id", batch.id)
    sectors = _sector_ids(session)
    links = [
        {"report_id": report_ids[report["facilitator_id"]], "sector_id": sectors[code]}
        for report, r in zip(reports, rows, strict=True)
        for code in r["sectors"] or []
    ]
    _insert(session, FacilitatorReportSector.__table__, links)
    return ids


def _write_communities(
    session: Session, plan: ImportPlan, batch: ImportBatch, programme_id: int, facilitators: dict
) -> None:
    rows = plan.diffs["communities"].rows
    if not rows:
        return
    fixed = {"programme_id": programme_id}
    codes = get_or_create(
        session, Community.__table__, "code", [r["code"] for r in rows], fixed=fixed, key=str
    )
    hosts = get_or_create(session, HostOrganisation.__table__, "name", [r["company"] for r in rows])
    labs = get_or_create(session, FieldLab.__table__, "name", [r["field_lab"] for r in rows])
    partner_names = [p for r in rows for p in r["education_partners"] or []]
    partners = get_or_create(session, EducationPartner.__table__, "name", partner_names)
    municipalities = {
        normalise_name(name): row_id
        for row_id, name in session.execute(select(Municipality.id, Municipality.name))
    }
    ids = {"hosts": hosts, "labs": labs, "facilitators": facilitators,
           "municipalities": municipalities, "sectors": _sector_ids(session)}  # fmt: skip
    community_ids = [codes[r["code"]] for r in rows]
    reports = _community_report_columns(rows, batch, community_ids, ids)
    bulk_insert_columns(session, CommunityReport.__table__, reports)
    report_ids = _report_ids(session, CommunityReport.__table__, "community_id", batch.id)
    links = [
        {"report_id": report_ids[community_id], "partner_id": partner_id}
        for community_id, r in zip(community_ids, rows, strict=True)
        for partner_id in {partners[normalise_name(p)] for p in r["education_partners"] or []}
    ]
    _insert(session, CommunityReportPartner.__table__, links)


def _community_report_columns(
    rows: list[dict], batch: ImportBatch, community_ids: list[int], ids: dict[str, dict]
) -> dict[str, list]:
    """The community reports a column at a time, lookups resolved to their ids."""
    named = {key: [r[key] for r in rows] for key in NAMED_FIELDS}
    municipality_ids = _by_name([m or "" for m in named["municipality"]], ids["municipalities"].get)
    return {name: [r[name] for r in rows] for name in COMMUNITY_FIELDS} | {
        "batch_id": [batch.id] * len(rows),
        "period": [batch.period] * len(rows),
        "community_id": community_ids,
        "host_organisation_id": _by_name(named["company"], ids["hosts"].__getitem__),
        "sector_id": [ids["sectors"][r["sector"]] for r in rows],
        "municipality_id": municipality_ids,
        "municipality_text": [
            None if known else name
            for known, name in zip(municipality_ids, named["municipality"], strict=True)
        ],
        "field_lab_id": _by_name(named["field_lab"], ids["labs"].__getitem__, none_if_blank=True),
        "facilitator_id": _by_name(
            named["facilitator"], ids["facilitators"].__getitem__, none_if_blank=True
        ),
    }


def _by_name(names: list, lookup: Callable, *, none_if_blank: bool = False) -> list:
    """`lookup(normalise_name(name))` per row (None for a blank name if `none_if_blank`),
    each distinct name normalised and looked up once, not once per row."""
    ids = {
        name: None if none_if_blank and not name else lookup(normalise_name(name))
        for name in set(names)
    }
    return [ids[name] for name in names]


def _write_funding(session: Session, plan: ImportPlan, batch: ImportBatch, programme_id) -> None:
    reports = [
        {
            "batch_id": batch.id,
            "programme_id": programme_id,
            "period": batch.period,
            "year": r["year"],
            "quarter": r["quarter"],
            "granted": _euros(r["granted"]),
            "spent": _euros(r["spent"]),
            "note": r["note"],
        }
        for r in plan.diffs["funding"].rows
    ]
    _insert(session, FundingReport.__table__, reports)


def _euros(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.2f}")


def _sector_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Sector.code, Sector.id)).all())
