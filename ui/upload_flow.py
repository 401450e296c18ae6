"""The upload page's state across reruns: which file was checked, its plan, what was applied.

Everything lives in `st.session_state` under `upload.*`. The bytes that were
previewed are kept, and exactly those are applied (`apply_import` validates them
again inside its transaction). Apply and "upload another" run as button callbacks,
before the next script run, so the sidebar already shows the new period.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st

from data_access.access.permissions import PermissionDenied
from data_access.core.db import session_scope
from data_access.imports.importer import apply_import, checksum_of, plan_parsed
from data_access.imports.prefill import prefilled_template
from data_access.imports.result import ImportResult
from data_access.workbook.report import WorkbookRefused
from data_access.workbook.worker import validate_isolated
from ui import cache
from ui.auth import current_actor
from ui.i18n import current_language, t, t_markdown
from ui.sidebar import PERIOD_KEY, PROGRAMME_KEY

log = logging.getLogger(__name__)

CURRENT_KEY = "upload.current"
APPLIED_KEY = "upload.applied"
FAILED_KEY = "upload.failed"
ROUND_KEY = "upload.round"
DENIED_KEY = "upload.denied"
NAME_KEY = "upload.name"  # survives page switches, unlike the text input's own state
NAME_WIDGET_KEY = "upload.uploaded_by"


@dataclass
class CheckedFile:
    """An uploaded file, its bytes, and what validating and planning it said."""

    file_id: str
    file_name: str
    content: bytes
    result: ImportResult


def uploader_key() -> str:
    """A fresh key per round, so "upload another file" empties the uploader."""
    return f"upload.file.{st.session_state.get(ROUND_KEY, 0)}"


def current() -> CheckedFile | None:
    return st.session_state.get(CURRENT_KEY)


def applied() -> ImportResult | None:
    return st.session_state.get(APPLIED_KEY)


def render_name_input() -> str:
    """Who is uploading or undoing: the signed-in person (no free text); says so."""
    actor = current_actor()
    email = actor.email if actor is not None else ""
    st.session_state[NAME_KEY] = email
    if email:
        st.caption(t_markdown("upload.acting_as", email=email))
    return email


def template_bytes(programme_id: int | None, lang: str):
    """A callable for a deferred download: the pre-filled template is built on click only."""

    def build() -> bytes:
        with session_scope() as session:
            return prefilled_template(session=session, programme_id=programme_id, lang=lang)

    return build


def check_upload(uploaded) -> CheckedFile:
    """Validate and plan a newly uploaded file once; later reruns reuse the stored result."""
    checked = current()
    if checked is not None and checked.file_id == uploaded.file_id:
        return checked
    content = uploaded.getvalue()
    checked = CheckedFile(
        uploaded.file_id, uploaded.name, content, plan_with_progress(content, uploaded.name)
    )
    st.session_state[CURRENT_KEY] = checked
    st.session_state.pop(APPLIED_KEY, None)
    return checked


def plan_with_progress(content: bytes, file_name: str) -> ImportResult:
    """`plan_import` in two visible steps: read and check the file, then compare it.

    Reading runs in a bounded worker process (see data_access.workbook.worker); the
    spinner shows that the page is waiting for it.
    """
    lang = current_language()
    bar = st.progress(0, text=t("upload.progress.reading"))
    try:
        with st.spinner(t("upload.progress.reading")):
            parsed = validate_isolated(content, file_name)
    except WorkbookRefused as refused:
        bar.empty()
        return ImportResult(status="refused", issues=[refused.issue()], lang=lang)
    bar.progress(50, text=t("upload.progress.comparing"))
    result = plan_parsed(parsed, checksum=checksum_of(content), lang=lang)
    bar.progress(100, text=t("upload.progress.done"))
    bar.empty()
    return result


def forget_upload() -> None:
    """Drop the checked file when the uploader is emptied."""
    st.session_state.pop(CURRENT_KEY, None)


def apply_current() -> None:
    """Button callback: apply the previewed bytes; on success show the new period everywhere."""
    checked, actor = current(), current_actor()
    if checked is None or actor is None:
        return
    try:
        result = apply_import(
            checked.content, checked.file_name, uploaded_by=actor, lang=current_language()
        )
    except PermissionDenied as denied:
        st.session_state[DENIED_KEY] = denied.message(current_language())
        return
    except Exception:
        log.exception("applying an upload failed")
        st.session_state[FAILED_KEY] = True
        return
    if result.status != "applied":  # the database changed since the preview: show why
        checked.result = result
        return
    cache.clear_caches()
    st.session_state[APPLIED_KEY] = result
    _show_period(result)
    start_again(keep_summary=True)


def start_again(*, keep_summary: bool = False) -> None:
    """Empty the uploader (a new widget key) and forget the checked file."""
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.session_state.pop(CURRENT_KEY, None)
    if not keep_summary:
        st.session_state.pop(APPLIED_KEY, None)


def _show_period(result: ImportResult) -> None:
    """Point the sidebar at the programme and period just applied (callbacks may do this)."""
    ids = {name: programme_id for programme_id, name in cache.programmes()}
    if result.programme in ids:
        st.session_state[PROGRAMME_KEY] = ids[result.programme]
        st.session_state[PERIOD_KEY] = result.period


def take_denial() -> str | None:
    """Why the last apply was refused to this person (reported once), or None."""
    return st.session_state.pop(DENIED_KEY, None)


def take_failure() -> bool:
    """Whether the last callback failed unexpectedly (reported once)."""
    return bool(st.session_state.pop(FAILED_KEY, False))
