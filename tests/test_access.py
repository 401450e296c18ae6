"""Every writing function refuses the wrong actor and audits each allowed write.

One table says which actor may do what; each row runs the real function against
a real database and checks either the PermissionDenied code or the audit row.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data_access.access.approval import approve_batch, lock_period, reject_batch, unlock_period
from data_access.access.history import undo_import
from data_access.access.permissions import PermissionDenied
from data_access.access.targets import set_target
from data_access.access.users import add_role, bootstrap_admin, remove_role
from data_access.core.db import session_scope
from data_access.core.models import AuditEvent, Programme
from data_access.imports.importer import apply_parsed
from tests.actors import ADMIN, LEAD, OFFICER, OTHER_LEAD, VIEWER, grant, seed_actors
from tests.helpers import community, facilitator, funding, parsed_workbook

STRANGER = "nobody@example.nl"


def workbook(programme: str = "GasErop!", period: str = "2023-Q1", code: str = "GE-01"):
    return parsed_workbook(
        programme=programme,
        period=period,
        communities=[community(code)],
        facilitators=[facilitator("Anna de Vries")],
        funding=[funding(2023, 1, 1000, 10)],
    )


def upload(actor: str, programme: str = "GasErop!", content: bytes = b"q1", code="GE-01"):
    parsed = workbook(programme, code=code)
    return apply_parsed(parsed, content=content, file_name="q1.xlsx", uploaded_by=actor)


@pytest.fixture
def world(database) -> dict:
    """GasErop! (led by LEAD) with one submitted import, and Zeta (led by OTHER_LEAD)."""
    seed_actors()
    grant(OTHER_LEAD, "lead", "Zeta")
    batch_id = upload(LEAD).batch_id
    with session_scope() as s:
        ids = dict(s.execute(select(Programme.name, Programme.id)).all())
    return {"batch": batch_id, "gaserop": ids["GasErop!"], "zeta": ids["Zeta"]}


def _target(world, actor):
    with session_scope(write=True) as s:
        set_target(s, programme_id=world["gaserop"], year=2024, measure="budget",
                   value=1.0, actor=actor)  # fmt: skip


WRITES = {
    "import": lambda w, a: upload(a, content=b"q1 corrected", code="GE-02"),
    "import_new_programme": lambda w, a: upload(a, programme="Nieuw", content=b"new"),
    "undo": lambda w, a: undo_import(w["batch"], actor=a),
    "approve": lambda w, a: approve_batch(w["batch"], actor=a),
    "reject": lambda w, a: reject_batch(w["batch"], actor=a, comment="figures of Q4"),
    "lock": lambda w, a: lock_period(w["gaserop"], "2023-Q2", actor=a),
    "unlock": lambda w, a: (lock_period(w["gaserop"], "2023-Q2", actor=OFFICER),
                            unlock_period(w["gaserop"], "2023-Q2", actor=a)),
    "target": _target,
    "role_add": lambda w, a: add_role(email="new@example.nl", role="viewer", actor=a),
    "role_remove": lambda w, a: remove_role(email=VIEWER, role="viewer", actor=a),
}  # fmt: skip
AUDITED_ACTION = {
    "import": "import", "import_new_programme": "import", "undo": "undo",
    "approve": "approve", "reject": "reject", "lock": "lock", "unlock": "unlock",
    "target": "target.set", "role_add": "role.add", "role_remove": "role.remove",
}  # fmt: skip
# write → the actors allowed; everyone else in ACTORS is refused.
ALLOWED = {
    "import": {LEAD},
    "import_new_programme": {OFFICER, ADMIN},
    "undo": {LEAD, OFFICER},
    "approve": {OFFICER},
    "reject": {OFFICER},
    "lock": {OFFICER},
    "unlock": {OFFICER},
    "target": {OFFICER},
    "role_add": {ADMIN},
    "role_remove": {ADMIN},
}
ACTORS = (LEAD, OTHER_LEAD, OFFICER, ADMIN, VIEWER, STRANGER)
CASES = [(write, actor) for write in WRITES for actor in ACTORS]


def _audit_rows(action: str) -> list[tuple[str, str]]:
    with session_scope() as s:
        query = (
            select(AuditEvent.actor, AuditEvent.action)
            .where(AuditEvent.action == action)
            .order_by(AuditEvent.id)
        )
        return list(s.execute(query).all())


@pytest.mark.parametrize(
    ("write", "actor"), CASES, ids=[f"{w}-{a.split('@')[0]}" for w, a in CASES]
)
def test_each_write_is_refused_to_the_wrong_actor_and_audited_for_the_right_one(
    world, write, actor
):
    action = AUDITED_ACTION[write]
    before = _audit_rows(action)
    if actor in ALLOWED[write]:
        WRITES[write](world, actor)
        assert _audit_rows(action) == [*before, (actor, action)]
    else:
        with pytest.raises(PermissionDenied) as denied:
            WRITES[write](world, actor)
        expected = "unknown_user" if actor == STRANGER else denied.value.code
        assert denied.value.code == expected
        assert denied.value.code != "no_actor"
        assert _audit_rows(action) == before


def test_a_lead_cannot_upload_for_another_programme_and_is_told_why(world):
    with pytest.raises(PermissionDenied) as denied:
        upload(OTHER_LEAD, content=b"other")
    assert denied.value.message("en") == (
        f"{OTHER_LEAD} may not upload a quarterly report for GasErop!: only the programme "
        "lead of GasErop! may. Ask an administrator for that role."
    )


def test_an_empty_actor_is_refused(world):
    with pytest.raises(PermissionDenied) as denied:
        undo_import(world["batch"], actor="  ")
    assert denied.value.code == "no_actor"


def test_bootstrap_admin_works_only_while_there_is_no_admin(database):
    bootstrap_admin("First@Example.nl")
    with pytest.raises(PermissionDenied) as denied:
        bootstrap_admin("second@example.nl")
    assert denied.value.code == "admin_exists"
    assert _audit_rows("role.add") == [("first@example.nl", "role.add")]


def test_the_last_admin_cannot_be_removed(world):
    with pytest.raises(PermissionDenied) as denied:
        remove_role(email=ADMIN, role="admin", actor=ADMIN)
    assert denied.value.code == "last_admin"


def test_a_removed_role_no_longer_counts_in_the_next_write(world):
    remove_role(email=LEAD, role="lead", programme="GasErop!", actor=ADMIN)
    with pytest.raises(PermissionDenied):
        upload(LEAD, content=b"after removal", code="GE-03")
