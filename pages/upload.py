"""Upload: template, file, check, preview, apply, summary (issue 3; spec: docs/workbook.md)."""

import streamlit as st

from ui import upload_flow as flow
from ui.auth import require_page
from ui.components import render_safely
from ui.i18n import current_language, t, t_markdown
from ui.layout import render_uploader_words
from ui.safe_text import escape_markdown
from ui.sidebar import current_filters
from ui.upload_view import (
    render_issue_report,
    render_preview,
    render_refusal,
    render_summary,
)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_template_step() -> None:
    filters = current_filters()
    st.subheader(t("upload.step.template"))
    if filters.programme_id is None:
        st.caption(t("upload.template.help_empty"))
    else:
        st.caption(t_markdown("upload.template.help", programme=filters.programme_name))
    st.download_button(
        t("upload.template.button"),
        data=flow.template_bytes(filters.programme_id, current_language()),
        file_name=t("upload.template.file_name"),
        mime=XLSX_MIME,
        icon=":material/download:",
        key="upload.template",
        on_click="ignore",
    )


def render_checked(checked: flow.CheckedFile, name: str) -> None:
    result = checked.result
    if result.status == "refused":
        render_refusal(result)
        return
    render_issue_report(result, content=checked.content, file_name=checked.file_name)
    if result.status == "unchanged":
        key = "upload.unchanged" if result.batch_id else "upload.unchanged_no_batch"
        st.info(t(key, batch_id=result.batch_id), icon=":material/done_all:")
    if result.status != "ready":
        return
    render_preview(result)
    if not name:
        st.caption(t("upload.apply.need_name"))
    st.button(
        t("upload.apply.button"),
        type="primary",
        disabled=not name,
        on_click=flow.apply_current,
        key="upload.apply",
        icon=":material/upload:",
    )


def render() -> None:
    require_page("upload")
    st.title(t("upload.title"))
    st.caption(t("upload.intro"))
    st.page_link("pages/help.py", label=t("upload.guide"), icon=":material/help:",
                 query_params={"doc": "guide"})  # fmt: skip
    denied = flow.take_denial()
    if denied:
        st.error(escape_markdown(denied), icon=":material/block:")
    if flow.take_failure():
        st.error(t("error.unexpected"), icon=":material/error:")
    render_template_step()
    st.subheader(t("upload.step.file"))
    name = flow.render_name_input()
    megabytes = st.get_option("server.maxUploadSize")
    render_uploader_words(
        button=t("upload.file.button"), limit=t("upload.file.dropzone", megabytes=megabytes)
    )
    uploaded = st.file_uploader(
        t("upload.file.label"),
        type=["xlsx", "xlsm", "xls", "ods"],
        key=flow.uploader_key(),
        help=t("upload.file.limit", megabytes=megabytes),
    )
    if uploaded is None:
        flow.forget_upload()
        summary = flow.applied()
        if summary is not None:
            render_summary(summary)
            st.button(t("upload.summary.again"), on_click=flow.start_again, key="upload.again")
        return
    render_checked(flow.check_upload(uploaded), name)


render_safely(render)
