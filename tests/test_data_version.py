"""The data's version (issue 14): every write moves it once, in its own transaction;
reads, refused writes and rolled-back writes leave it; a restore goes past it."""

from __future__ import annotations

import pytest

from data_access.access.approval import approve_batch, lock_period, reject_batch, unlock_period
from data_access.access.backup import backup_database, restore_backup
from data_access.access.history import undo_import
from data_access.access.permissions import PermissionDenied
from data_access.access.targets import set_target
from data_access.access.users import add_role, remove_role
from data_access.core import data_version
from data_access.core.db import session_scope
from data_access.imports.importer import apply_parsed
from tests.actors import ADMIN, LEAD, OFFICER, VIEWER, seed_actors
from tests.helpers import community, facilitator, parsed_workbook


def version() -> int:
    with session_scope() as session:
        return data_version.current(session)


def upload(period: str, *codes: str):
    parsed = parsed_workbook(period=period, communities=[community(c) for c in codes],
                             facilitators=[facilitator("Anna de Vries")])  # fmt: skip
    content = f"{period} {codes}".encode()
    return apply_parsed(parsed, content=content, file_name=f"{period}.xlsx", uploaded_by=LEAD)


def moves_once(write) -> None:
    before = version()
    write()
    assert version() == before + 1


def test_every_kind_of_write_moves_the_version_once(database):
    seed_actors()
    first = upload("2023-Q1", "GE-01")
    assert first.status == "applied" and version() >= 1
    moves_once(lambda: upload("2023-Q2", "GE-01", "GE-02"))
    moves_once(lambda: approve_batch(first.batch_id, actor=OFFICER))
    moves_once(lambda: unlock_period(1, "2023-Q1", actor=OFFICER))
    moves_once(lambda: lock_period(1, "2023-Q3", actor=OFFICER))
    third = upload("2023-Q4", "GE-01", "GE-02", "GE-03")
    assert third.status == "applied", third.errors
    moves_once(lambda: reject_batch(third.batch_id, actor=OFFICER, comment="nee"))
    moves_once(lambda: undo_import(third.batch_id, actor=OFFICER))
    moves_once(lambda: add_role(email="new@test.lc-monitor.local", role="viewer", actor=ADMIN))
    moves_once(lambda: remove_role(email="new@test.lc-monitor.local", role="viewer", actor=ADMIN))

    def target() -> None:
        with session_scope(write=True) as session:
            set_target(session, programme_id=1, year=2023, measure="communities_started",
                       value=7, actor=OFFICER)  # fmt: skip

    moves_once(target)


def test_reads_and_refused_writes_leave_the_version(database):
    seed_actors()
    upload("2023-Q1", "GE-01")
    before = version()
    with pytest.raises(PermissionDenied):
        lock_period(1, "2023-Q2", actor=VIEWER)
    with pytest.raises(RuntimeError), session_scope(write=True) as session:
        set_target(session, programme_id=1, year=2023, measure="communities_started",
                   value=9, actor=OFFICER)  # fmt: skip
        raise RuntimeError("rolled back after the audit event")
    assert version() == before


def test_a_restore_moves_past_every_version_seen_before(database, tmp_path):
    seed_actors()
    upload("2023-Q1", "GE-01")
    backup = backup_database(tmp_path / "backup.db")
    older = version()
    upload("2023-Q2", "GE-01", "GE-02")
    upload("2023-Q3", "GE-01", "GE-02")
    newest = version()
    restore_backup(backup, actor=ADMIN)
    assert older < newest < version()
