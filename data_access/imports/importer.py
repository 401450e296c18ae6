"""Importing a quarterly workbook: preview it (`plan_import`) or apply it (`apply_import`).

Both validate the file, check it against the database and compare it with the
state as of its period. Applying does all of that again inside one writing
transaction, so either the whole workbook is stored as a new batch or nothing is.
See docs/workbook.md, "What an import does".
"""

from __future__ import annotations

import hashlib

from sqlmodel import Session

from data_access.access.audit import record
from data_access.access.locks import locked_issue
from data_access.access.permissions import Actor, require, resolve_actor
from data_access.core.config import UploadLimits
from data_access.core.db import session_scope
from data_access.core.queries import programme_names
from data_access.imports.apply import write_batch
from data_access.imports.plan import ImportPlan, build_plan
from data_access.imports.result import ImportResult
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused


def plan_import(
    content: bytes, file_name: str, *, lang: str = "nl", limits: UploadLimits | None = None
) -> ImportResult:
    """What importing this file would do: status `ready`, `unchanged` or an error; no writes."""
    parsed = _validate(content, file_name, limits)
    if isinstance(parsed, ImportResult):
        return _with_lang(parsed, lang)
    return plan_parsed(parsed, checksum=checksum_of(content), lang=lang)


def plan_parsed(parsed: ParsedWorkbook, *, checksum: str, lang: str = "nl") -> ImportResult:
    """The plan of an already validated workbook (for callers that validated it themselves)."""
    with session_scope() as session:
        plan = build_plan(session, parsed, checksum=checksum)
        return _refuse_if_locked(session, plan, plan.result(lang))


def apply_import(
    content: bytes,
    file_name: str,
    *,
    uploaded_by: str | Actor,
    lang: str = "nl",
    limits: UploadLimits | None = None,
) -> ImportResult:
    """Validate and apply the file atomically; status `applied`, `unchanged` or an error.

    `uploaded_by` must lead the workbook's programme (a new programme: be an officer
    or admin), else `access.PermissionDenied`; a locked period is an `invalid` result.
    """
    parsed = _validate(content, file_name, limits)
    if isinstance(parsed, ImportResult):
        return _with_lang(parsed, lang)
    return apply_parsed(
        parsed, content=content, file_name=file_name, uploaded_by=uploaded_by, lang=lang
    )


def apply_parsed(
    parsed: ParsedWorkbook,
    *,
    content: bytes,
    file_name: str,
    uploaded_by: str | Actor,
    lang: str = "nl",
) -> ImportResult:
    """Apply an already validated workbook in one transaction; on any error nothing is written."""
    with session_scope(write=True) as session:
        actor = resolve_actor(session, uploaded_by)
        require(actor, "read")  # an unknown e-mail is refused before anything else
        plan = build_plan(session, parsed, checksum=checksum_of(content), lock=True)
        _require_upload(session, actor, plan)
        result = _refuse_if_locked(session, plan, plan.result(lang))
        if result.status != "ready":
            return result
        batch = write_batch(
            session, plan, content=content, file_name=file_name, uploaded_by=actor.email
        )
        record(session, actor=actor.email, action="import", entity="importbatch",
               entity_id=batch.id, programme_id=batch.programme_id, period=batch.period,
               details={"file": file_name, "new_programme": plan.context.programme_id is None,
                        "replaces": batch.replaces_batch_id,
                        "counts": {e: d.counts for e, d in plan.diffs.items()}})  # fmt: skip
    result.status = "applied"
    result.batch_id = batch.id
    return result


def _require_upload(session: Session, actor: Actor, plan: ImportPlan) -> None:
    """A lead uploads for their programme; only an officer or admin may start a new one.

    A lead naming an unknown programme is told which programmes they lead.
    """
    context = plan.context
    if context is None:  # the workbook didn't name a usable programme: nothing to write
        return
    if context.programme_id is None:
        led = ", ".join(programme_names(session, actor.lead_programmes)) or "-"
        require(actor, "create_programme", programme=context.programme_name, led=led)
    else:
        require(actor, "import", context.programme_id, programme=context.programme_name)


def _refuse_if_locked(session: Session, plan: ImportPlan, result: ImportResult) -> ImportResult:
    """An approved (locked) period takes no upload: say who approved it and how to reopen it."""
    context = plan.context
    if context is None or result.status not in ("ready", "unchanged"):
        return result
    issue = locked_issue(session, programme_id=context.programme_id, period=context.period)
    if issue is not None:
        result.status = "invalid"
        result.issues.append(issue)
    return result


def checksum_of(content: bytes) -> str:
    """The sha256 of a file's bytes: how the same file uploaded twice is recognised."""
    return hashlib.sha256(content).hexdigest()


def _validate(
    content: bytes, file_name: str, limits: UploadLimits | None
) -> ParsedWorkbook | ImportResult:
    """Validate in a bounded worker process: no file can take this process down."""
    from data_access.workbook.worker import validate_isolated

    try:
        return validate_isolated(content, file_name, limits=limits)
    except WorkbookRefused as refused:
        return ImportResult(status="refused", issues=[refused.issue()])


def _with_lang(result: ImportResult, lang: str) -> ImportResult:
    result.lang = lang
    return result
