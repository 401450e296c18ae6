"""The officer's review of one submitted import: what it changes against the last approved
state, its effect on the headline figures, the original file, and a confirmation dialog.

Read fresh (no cache): the approved state changes with every review. The dialog
names the import it acts on; after any action the chooser is emptied, so a second
click can never approve an import nobody looked at.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.core.db import session_scope
from data_access.imports.result import COUNT_KINDS, ENTITIES
from data_access.imports.review import ImportReview, review_import
from ui.auth import current_actor
from ui.format import format_count, format_euro
from ui.history_view import original_bytes
from ui.i18n import current_language, t, t_markdown
from ui.upload_view import changes_table

CHOSEN_KEY = "approvals.chosen"
RESET_KEY = "approvals.reset_chosen"  # set by an action; the next run empties the chooser
COMMENT_KEY = "approvals.comment"
CONFIRM_KEY = "approvals.confirming"  # (action, batch id) whose dialog is open


def reset_chooser_if_asked() -> None:
    """Before the chooser is drawn: forget the choice after an approve or reject."""
    if st.session_state.pop(RESET_KEY, False):
        for key in (CHOSEN_KEY, COMMENT_KEY, CONFIRM_KEY):
            st.session_state.pop(key, None)


def load_review(batch_id: int) -> ImportReview | None:
    with session_scope() as session:
        return review_import(session, batch_id=batch_id)


def render_import_review(review: ImportReview) -> None:
    """Counts per sheet, the headline figures before → after, field changes, the file."""
    batch = review.batch
    st.subheader(t_markdown("approvals.review.heading", batch_id=batch["id"],
                   programme=batch["programme"], period=batch["period"]))  # fmt: skip
    st.caption(t("approvals.review.against_approved"))
    st.table(review_counts_table(review), hide_index=True)
    st.caption(t("upload.preview.not_reported_help"))
    st.markdown(f"**{t('approvals.review.effect')}**")
    st.table(effect_table(review), hide_index=True)
    st.caption(t("approvals.review.effect_help"))
    if review.changes:
        st.markdown(f"**{t('upload.preview.changes')}**")
        st.dataframe(changes_table(review.changes), hide_index=True, width="stretch")
    actor = current_actor()  # the page is an officer's, who may download any original
    if actor is None:
        return
    st.download_button(t("approvals.review.original"), data=original_bytes(batch["id"], actor),
                       file_name=batch["file_name"], icon=":material/download:",
                       key=f"approvals.original.{batch['id']}", on_click="ignore")  # fmt: skip


def review_counts_table(review: ImportReview) -> pd.DataFrame:
    """One row per sheet: new / updated / unchanged / no longer reported."""
    return pd.DataFrame(
        [
            {t("upload.preview.entity"): t(f"cli.entity.{entity}")}
            | {t(f"upload.preview.{kind}"): review.counts[entity][kind] for kind in COUNT_KINDS}
            for entity in ENTITIES
        ]
    )


def effect_table(review: ImportReview) -> pd.DataFrame:
    """ "Gestart 2024 | 0 | 2": each headline figure now (approved) and after approving."""
    lang = current_language()
    write = {"count": format_count, "euro": format_euro}
    return pd.DataFrame(
        [
            {
                t("approvals.review.figure"): t(
                    f"approvals.effect.{row['measure']}", year=row["year"]
                ),
                t("upload.preview.old"): write[row["kind"]](row["before"], lang=lang),
                t("upload.preview.new_value"): write[row["kind"]](row["after"], lang=lang),
            }
            for row in review.effect
        ]
    )


def render_actions(batch: dict, run) -> None:
    """Approve and reject buttons, each opening a dialog that names the import.

    Which dialog is open lives in the session (not in the button's one-run value),
    so the dialog's own buttons work on the full rerun they cause.
    """
    st.text_area(t("approvals.comment"), key=COMMENT_KEY)
    approve, reject = st.columns(2)
    approve.button(t("approvals.approve"), type="primary", key="approvals.approve",
                   on_click=_ask, args=("approve", batch["id"]))  # fmt: skip
    reject.button(t("approvals.reject"), key="approvals.reject",
                  on_click=_ask, args=("reject", batch["id"]))  # fmt: skip
    asked = st.session_state.get(CONFIRM_KEY)
    if asked is not None and asked[1] == batch["id"]:
        # Made per run, so the dialog's title is in the current language.
        dialog = st.dialog(t("approvals.confirm.title"), on_dismiss=_forget)(_confirm)
        dialog(asked[0], batch, run)


def _ask(action: str, batch_id: int) -> None:
    st.session_state[CONFIRM_KEY] = (action, batch_id)


def _forget() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def _confirm(action: str, batch: dict, run) -> None:
    st.markdown(t(f"approvals.confirm.{action}", batch_id=batch["id"],
                  programme=batch["programme"], period=batch["period"]))  # fmt: skip
    comment = st.session_state.get(COMMENT_KEY) or ""
    if comment.strip():
        st.caption(t_markdown("approvals.confirm.comment", comment=comment.strip()))
    yes, cancel = st.columns(2)
    if yes.button(t("approvals.confirm.yes"), type="primary", key="approvals.confirm_yes"):
        _forget()
        run(action, batch["id"], comment)
        st.session_state[RESET_KEY] = True
        st.rerun()
    if cancel.button(t("approvals.confirm.cancel"), key="approvals.confirm_cancel"):
        _forget()
        st.rerun()
