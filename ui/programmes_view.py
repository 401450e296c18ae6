"""The Programmes page's pieces: the list, one form to create or edit, and the lead.

Read fresh (no cache): right after a change the list must show it. Writes run as
the signed-in actor; data_access checks the role again and audits.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.access.programmes import (
    ProgrammeDetails,
    ProgrammeRefused,
    create_programme,
    edit_programme,
    programme_rows,
)
from data_access.access.users import add_role
from data_access.core.db import session_scope
from ui.auth import current_actor
from ui.i18n import current_language, t, t_markdown
from ui.safe_text import escape_markdown
from ui.writes import run_write

OUTCOME_KEY = "programmes.outcome"
NEW = 0  # the chooser's "new programme" option


def programmes() -> list[dict]:
    with session_scope() as session:
        return programme_rows(session)


def programmes_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("programmes.column.name"): r["name"],
                t("programmes.column.years"): f"{r['first_year'] or '?'}–{r['last_year'] or '?'}",
                t("programmes.column.description"): r["description"] or "",
                t("programmes.column.leads"): ", ".join(r["leads"]) or "–",
                t("programmes.column.imports"): r["imports"],
                t("programmes.column.deadline"): r["deadline_days"],
            }
            for r in rows
        ]
    )


def render_form(rows: list[dict]) -> None:
    """Create a programme, or edit the chosen one; targets for its first year."""
    by_id = {r["id"]: r for r in rows}
    names = {NEW: t("programmes.new")} | {i: r["name"] for i, r in by_id.items()}
    chosen = st.selectbox(t("programmes.choose"), options=list(names), key="programmes.chosen",
                          format_func=names.get)  # fmt: skip
    row = by_id.get(chosen, {})
    with st.form(f"programmes.form.{chosen}"):
        name = st.text_input(t("programmes.field.name"), value=row.get("name", ""))
        description = st.text_area(t("programmes.field.description"),
                                   value=row.get("description") or "")  # fmt: skip
        first, last, deadline = st.columns(3)
        first_year = first.number_input(t("programmes.field.first_year"), 2000, 2100,
                                        value=row.get("first_year"), step=1)  # fmt: skip
        last_year = last.number_input(t("programmes.field.last_year"), 2000, 2100,
                                      value=row.get("last_year"), step=1)  # fmt: skip
        days = deadline.number_input(t("programmes.field.deadline_days"), 0, 366,
                                     value=row.get("deadline_days", 30), step=1)  # fmt: skip
        started, budget = st.columns(2)
        target = started.number_input(t("programmes.field.target_started"), 0, None, None, 1)
        euros = budget.number_input(t("programmes.field.budget"), 0, None, None, 1000)
        st.caption(t("programmes.field.targets_help"))
        if st.form_submit_button(t("programmes.save"), type="primary"):
            targets = tuple(
                (int(first_year), measure, float(value))
                for measure, value in (("communities_started", target), ("budget", euros))
                if value is not None and first_year is not None
            )
            details = ProgrammeDetails(name=name, description=description or None,
                                       first_year=_int(first_year), last_year=_int(last_year),
                                       deadline_days=int(days), targets=targets)  # fmt: skip
            _save(chosen, details)


def render_lead(rows: list[dict]) -> None:
    """Admins: make someone the lead of a programme, so they can make its first upload."""
    by_id = {r["id"]: r["name"] for r in rows}
    with st.form("programmes.lead"):
        programme = st.selectbox(t("programmes.lead.programme"), options=list(by_id),
                                 format_func=by_id.get)  # fmt: skip
        email = st.text_input(t("programmes.lead.email"))
        if st.form_submit_button(t("programmes.lead.save")):
            name = by_id[programme]
            done = t_markdown("programmes.lead.done", email=email.strip(), programme=name)
            _outcome(lambda: add_role(email=email, role="lead", programme=name,
                                      actor=current_actor()), done)  # fmt: skip


def render_outcome() -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        message, kind = outcome
        getattr(st, kind)(message)


def _save(chosen: int, details: ProgrammeDetails) -> None:
    if chosen == NEW:
        action = lambda: create_programme(details=details, actor=current_actor())  # noqa: E731
        done = t_markdown("programmes.done.created", name=details.name)
    else:
        action = lambda: edit_programme(chosen, details=details, actor=current_actor())  # noqa: E731
        done = t_markdown("programmes.done.edited", name=details.name)
    _outcome(action, done)


def _outcome(action, done: str) -> None:
    written = run_write(action, refusals=(ProgrammeRefused,), what="programme change")
    if written.failed:
        st.session_state[OUTCOME_KEY] = (t("error.unexpected"), "error")
    elif written.refusal is not None:
        message = escape_markdown(written.refusal.message(current_language()))
        st.session_state[OUTCOME_KEY] = (message, "error")
    else:
        st.session_state[OUTCOME_KEY] = (done, "success")
    st.rerun()


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)
