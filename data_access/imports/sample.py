"""Load the sample data (programmes GasErop! and Rondje Circulair, fictional) into the database.

The sample workbooks go through the real importer, in period order, exactly as a
programme lead's uploads would; targets are set only where none exists yet. Running
it again changes nothing: the importer recognises files it already holds. Each import
is dated as sent a few weeks after its quarter ended (not today), so the reporting
completeness grid shows it on time on any install date; an approved one is dated as
reviewed days later, its period lock and their audit events with it, so the history,
the locks and the audit log tell one story.

It acts as the seeded system account `sample-data@lc-monitor.local` (admin and
officer, made here; it becomes lead of each programme its first workbook creates)
and adds the demo mode's users (`users.DEMO_USERS`) through the checked role API.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from data_access.access.approval import approve_batch
from data_access.access.permissions import SYSTEM_ACTOR
from data_access.access.programmes import ProgrammeDetails, edit_programme
from data_access.access.targets import get_target, set_target
from data_access.access.users import add_role, ensure_system_account, seed_demo_users
from data_access.core.data_version import mark_changed
from data_access.core.db import session_scope
from data_access.core.models import AuditEvent, ImportBatch, PeriodLock
from data_access.core.periods import parse_period, period_end
from data_access.core.queries import get_programme
from data_access.imports.importer import apply_import, checksum_of

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
TARGETS_CSV = SAMPLE_DIR / "targets.csv"
SAMPLE_ACTOR = SYSTEM_ACTOR
# The sample tells a realistic review story: each programme's history approved, its
# newest quarter still waiting for an officer (so the approvals page and approved-only
# toggle show it). The periods of the workbooks an officer has approved:
APPROVED = {"GasErop!": ("2022-Q2", "2022-Q4", "2023-Q2"),
            "Rondje Circulair (fictief)": ("2024-Q2",)}  # fmt: skip
# A lead sends a quarter's workbook this many days after it ends (the deadline is 30).
SENT_AFTER_DAYS = 18
# An officer approves (and so locks) a sent workbook this many days later.
REVIEWED_AFTER_DAYS = 5
# What an officer would have filled in on the Programmes page (set only while unset).
SAMPLE_PROGRAMMES = {
    "GasErop!": {"description": "Leergemeenschappen voor de energietransitie (fictieve "
                 "voorbeeldgegevens).", "first_year": 2022, "last_year": 2023},
    "Rondje Circulair (fictief)": {"description": "Leergemeenschappen voor circulair "
                                   "ondernemen, vanaf 2024 (fictieve voorbeeldgegevens).",
                                   "first_year": 2024, "last_year": 2024},
}  # fmt: skip


class SampleDataError(RuntimeError):
    """A sample workbook was refused: the sample data and the contract disagree."""


def sample_workbooks() -> list[Path]:
    """The sample workbooks, oldest period first (the period is the name's last part)."""
    paths = SAMPLE_DIR.glob("*.xlsx")
    return sorted(paths, key=lambda p: parse_period(p.stem.rsplit("_", 1)[-1]) or p.stem)


def load_sample_data() -> None:
    """Import every sample workbook through the importer, then add users and missing targets."""
    ensure_system_account()
    for path in sample_workbooks():
        content = path.read_bytes()
        if _already_held(content):
            continue  # also when its period is approved (locked) by now
        result = apply_import(content, path.name, uploaded_by=SAMPLE_ACTOR, lang="en")
        if not result.ok:
            problems = "; ".join(issue.message("en") for issue in result.errors)
            raise SampleDataError(f"{path.name} was not imported ({result.status}): {problems}")
        # The first workbook created the programme (as officer); lead it for the next ones.
        add_role(email=SAMPLE_ACTOR, role="lead", programme=result.programme, actor=SAMPLE_ACTOR)
        if result.batch_id is None:
            continue
        _date_as_sent(result.batch_id, result.period)
        if result.period in APPROVED.get(result.programme, ()):
            approve_batch(result.batch_id, actor=SAMPLE_ACTOR, comment=None)
            _date_as_reviewed(result.batch_id, result.period)
    seed_demo_users(actor=SAMPLE_ACTOR)
    load_sample_targets()
    _describe_programmes()


def _date_as_sent(batch_id: int, period: str) -> None:
    """Date the import (and its audit event) as its lead would have sent it, not today:
    on time for its deadline."""
    sent = period_end(period) + timedelta(days=SENT_AFTER_DAYS)
    with session_scope(write=True) as session:
        batch = session.get(ImportBatch, batch_id)
        batch.uploaded_at = datetime.combine(sent, time(10, 0), tzinfo=UTC)
        _redate_events(session, batch.uploaded_at, action="import", entity_id=str(batch_id))
        mark_changed(session)


def _date_as_reviewed(batch_id: int, period: str) -> None:
    """Date the approval, the period lock it made and their audit events as an officer's
    review `REVIEWED_AFTER_DAYS` after the workbook was sent, not at install time."""
    reviewed = period_end(period) + timedelta(days=SENT_AFTER_DAYS + REVIEWED_AFTER_DAYS)
    at = datetime.combine(reviewed, time(14, 0), tzinfo=UTC)
    with session_scope(write=True) as session:
        batch = session.get(ImportBatch, batch_id)
        batch.reviewed_at = at
        lock = session.scalars(select(PeriodLock).where(PeriodLock.approved_batch_id == batch_id))
        for held in lock:
            held.locked_at = at
        _redate_events(session, at, action="approve", entity_id=str(batch_id))
        _redate_events(session, at, action="lock", entity_id=period,
                       programme_id=batch.programme_id)  # fmt: skip
        mark_changed(session)


def _redate_events(session, at: datetime, *, action: str, **match: object) -> None:
    """Give the sample's own audit events of one action the moment the story gives them."""
    query = select(AuditEvent).where(AuditEvent.action == action, AuditEvent.actor == SAMPLE_ACTOR)
    for column, value in match.items():
        query = query.where(getattr(AuditEvent, column) == value)
    for event in session.scalars(query):
        event.at = at


def _describe_programmes() -> None:
    """Description and years of the sample programmes, unless an officer set them already."""
    with session_scope() as session:
        found = {name: get_programme(session, name=name) for name in SAMPLE_PROGRAMMES}
    for name, programme in found.items():
        if programme is None or programme.first_year is not None:
            continue
        details = ProgrammeDetails(name=name, deadline_days=programme.deadline_days,
                                   **SAMPLE_PROGRAMMES[name])  # fmt: skip
        edit_programme(programme.id, details=details, actor=SAMPLE_ACTOR)


def _already_held(content: bytes) -> bool:
    """Whether this very file is already an active import (seed-sample runs again unchanged)."""
    checksum = checksum_of(content)
    with session_scope() as session:
        found = session.execute(
            select(ImportBatch.id).where(
                ImportBatch.checksum == checksum, ImportBatch.status == "active"
            )
        ).first()
    return found is not None


def load_sample_targets() -> None:
    """Set the targets of `targets.csv` that are not set yet; officers' edits are kept."""
    with TARGETS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with session_scope(write=True) as session:
        for row in rows:
            programme = get_programme(session, name=row["programme"])
            if programme is None:
                continue
            key = {
                "programme_id": programme.id,
                "year": int(row["year"]),
                "measure": row["measure"],
            }
            if get_target(session, **key) is None:
                set_target(session, **key, value=float(row["value"]), actor=SAMPLE_ACTOR)
