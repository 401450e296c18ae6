"""The history page's table, download and undo (with a confirmation step).

The list is read fresh on every run (no cache): right after an import or an undo
it must show the new status. Undo runs as a button callback, so the sidebar of
the next run already reflects the restored periods.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from data_access.access.history import (
    UndoRefused,
    imports_visible_to,
    original_file,
    undo_import,
)
from data_access.access.permissions import Actor, PermissionDenied
from data_access.core.db import session_scope
from data_access.core.i18n import translate
from data_access.imports.result import ENTITIES
from ui.format import format_long_date
from ui.i18n import current_language, t, t_markdown
from ui.safe_text import markdown_params
from ui.writes import run_write

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
CHECKSUM_SHOWN = 12
CONFIRM_KEY = "history.confirm"
OUTCOME_KEY = "history.outcome"  # (translation key, params, is_error) of the last undo


def imports(actor: Actor) -> list[dict]:
    """The imports this person may see (every one for an officer), newest first."""
    with session_scope() as session:
        return imports_visible_to(session, actor=actor)


def format_moment(moment: datetime, *, lang: str, compact: bool = False) -> str:
    """`31 december 2023 14:05` in Dutch time (the database stores UTC); `compact`:
    `31-12-2023 14:05`, for table columns that must fit beside others at 1024 px."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = aware.astimezone(LOCAL_TIME)
    if compact:
        return f"{local:%d-%m-%Y %H:%M}"
    return f"{format_long_date(local.date(), lang=lang)} {local:%H:%M}"


def history_table(rows: list[dict]) -> pd.DataFrame:
    """Who, when, which file (and its checksum), programme, period, status and counts."""
    lang = current_language()
    records = []
    for row in rows:
        record = {
            t("history.column.id"): f"#{row['id']}",
            # Status first after the number: on a laptop the last columns are off-screen.
            t("history.column.status"): t(f"history.status.{row['status']}"),
            t("history.column.when"): format_moment(row["uploaded_at"], lang=lang),
            t("history.column.who"): row["uploaded_by"],
            t("history.column.file"): row["file_name"],
            t("history.column.checksum"): row["checksum"][:CHECKSUM_SHOWN],
            t("history.column.programme"): row["programme"],
            t("history.column.period"): row["period"],
        }
        for entity in ENTITIES:
            counts = row["counts"].get(entity, {})
            record[t(f"cli.entity.{entity}")] = t(
                "history.counts", **{k: counts.get(k, 0) for k in ("new", "updated", "unchanged")}
            )
        records.append(record)
    return pd.DataFrame(records)


def original_bytes(batch_id: int, actor: Actor):
    """A callable for a deferred download: the file is read (and the actor checked) on click."""
    return lambda: original_file(batch_id, actor=actor)[1]


def render_outcome() -> None:
    """The result of the last undo, in the current language."""
    outcome = st.session_state.get(OUTCOME_KEY)
    if outcome is None:
        return
    key, params, is_error = outcome
    text = translate(key, current_language(), **markdown_params(params))
    if is_error:
        st.error(text, icon=":material/block:")
    else:
        st.success(text, icon=":material/undo:")


def render_undo(row: dict, name: str) -> None:
    """Undo in two steps: ask, then confirm; only active imports can be undone."""
    if row["status"] != "active":
        st.caption(t("history.undo.only_active"))
        return
    if st.session_state.get(CONFIRM_KEY) != row["id"]:
        st.button(t("history.undo.button"), key="history.undo", icon=":material/undo:",
                  disabled=not name, on_click=_ask, args=(row["id"],))  # fmt: skip
        if not name:
            st.caption(t("upload.apply.need_name"))
        return
    st.warning(t_markdown("history.undo.confirm", batch_id=row["id"], programme=row["programme"],
                 period=row["period"]))  # fmt: skip
    yes, cancel = st.columns(2)
    yes.button(t("history.undo.yes"), key="history.undo_yes", type="primary",
               on_click=_undo, args=(row["id"], name))  # fmt: skip
    cancel.button(t("history.undo.cancel"), key="history.undo_cancel", on_click=_ask, args=(None,))


def _ask(batch_id: int | None) -> None:
    st.session_state[CONFIRM_KEY] = batch_id
    st.session_state.pop(OUTCOME_KEY, None)


def _undo(batch_id: int, actor: str) -> None:
    st.session_state.pop(CONFIRM_KEY, None)
    written = run_write(lambda: undo_import(batch_id, actor=actor), refusals=(UndoRefused,),
                        what="undo")  # fmt: skip
    refused, result = written.refusal, written.result
    if written.failed:
        st.session_state[OUTCOME_KEY] = ("error.unexpected", {}, True)
    elif refused is not None:
        prefix = "error.permission" if isinstance(refused, PermissionDenied) else "history"
        st.session_state[OUTCOME_KEY] = (f"{prefix}.{refused.code}", refused.params, True)
    elif result.reactivated_batch_id is None:
        st.session_state[OUTCOME_KEY] = ("history.undo.done", {"batch_id": batch_id}, False)
    else:
        params = {"batch_id": batch_id, "reactivated": result.reactivated_batch_id}
        st.session_state[OUTCOME_KEY] = ("history.undo.reactivated", params, False)


def choose_import(rows: list[dict], *, key: str) -> dict:
    """A select box of imports ("#3 · 2023-Q4 · file.xlsx"); returns the chosen row."""
    by_id = {row["id"]: row for row in rows}
    chosen = st.selectbox(
        t("history.choose"),
        options=list(by_id),
        format_func=lambda batch_id: t(
            "history.option",
            batch_id=batch_id,
            period=by_id[batch_id]["period"],
            file_name=by_id[batch_id]["file_name"],
        ),
        key=key,
    )
    return by_id[chosen]
