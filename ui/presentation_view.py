"""The presentation page's parts: slide chooser, one slide in large type, deck downloads.

The slide's words come from `ui.export.text` and its chart from `ui.export.figures`,
the same code the PPTX and PDF use, so the screen and the files agree.
"""

from __future__ import annotations

import streamlit as st

from data_access.kpis.slides import Deck
from ui.components import render_chart, render_help_note
from ui.export.deck import deck_file_name, export_deck
from ui.export.figures import slide_figure
from ui.export.text import slide_text
from ui.i18n import t
from ui.safe_text import escape_html, escape_markdown

SLIDE_KEY = "presentation.slide"
EXPORT_STATE = "presentation.export.{fmt}"  # (request, bytes, warning) of the last build
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
STYLE = """<style>
.lc-number {font-size: 6rem; font-weight: 700; line-height: 1.1; color: #0072B2; margin: 0}
.lc-label {font-size: 1.6rem; margin: 0 0 1rem 0}
.lc-sentence {font-size: 1.8rem; line-height: 1.35}
.lc-cover {font-size: 1.8rem; line-height: 1.5}
</style>"""


def render_slide_chooser(deck: Deck) -> int:
    """Previous / next buttons and a chooser; returns the index of the slide to show."""
    total = len(deck.slides)
    if st.session_state.get(SLIDE_KEY, 0) >= total:
        st.session_state[SLIDE_KEY] = 0
    back, choose, forward = st.columns([2, 5, 2], vertical_alignment="bottom")
    with back:
        st.button(
            t("presentation.previous"),
            key="presentation.previous",
            icon=":material/arrow_back:",
            on_click=_step,
            args=(-1, total),
            disabled=st.session_state.get(SLIDE_KEY, 0) == 0,
            width="stretch",
        )
    with forward:
        st.button(
            t("presentation.next"),
            key="presentation.next",
            icon=":material/arrow_forward:",
            on_click=_step,
            args=(1, total),
            disabled=st.session_state.get(SLIDE_KEY, 0) == total - 1,
            width="stretch",
        )
    with choose:
        return st.selectbox(
            t("presentation.slide"),
            options=list(range(total)),
            format_func=lambda i: t(
                "presentation.slide_option", number=i + 1, title=deck.slides[i].title
            ),
            key=SLIDE_KEY,
        )


def _step(delta: int, total: int) -> None:
    current = st.session_state.get(SLIDE_KEY, 0)
    st.session_state[SLIDE_KEY] = min(max(current + delta, 0), total - 1)


def render_slide(deck: Deck, index: int) -> None:
    """One message in large type: title, big number, one sentence, one chart."""
    slide = deck.slides[index]
    text = slide_text(slide, lang=deck.request.lang)
    st.markdown(STYLE, unsafe_allow_html=True)
    with st.container(border=True):
        st.header(escape_markdown(text.title), anchor=False)
        if not text.number:
            lines = [line for line in (text.sentence, text.text) if line]
            st.markdown(
                _html("lc-cover", "<br>".join(map(escape_html, lines))), unsafe_allow_html=True
            )
            return
        figure = slide_figure(slide, deck)
        words, chart = st.columns([2, 3]) if figure is not None else (st.container(), None)
        with words:
            st.markdown(_html("lc-number", escape_html(text.number)), unsafe_allow_html=True)
            st.markdown(_html("lc-label", escape_html(text.number_label)), unsafe_allow_html=True)
            st.markdown(_html("lc-sentence", escape_html(text.sentence)), unsafe_allow_html=True)
        if chart is not None:
            with chart:
                render_chart(figure, key=f"presentation.chart.{slide.key}")
        render_help_note(text.definition)
    st.caption(t("presentation.position", number=index + 1, total=len(deck.slides)))


def _html(css_class: str, body: str) -> str:
    return f'<p class="{css_class}">{body}</p>'


def render_downloads(deck: Deck) -> None:
    """Per format: a button that builds the file (with a progress bar), then its download."""
    st.subheader(t("presentation.export.heading"), anchor=False)
    for column, fmt in zip(st.columns(len(MIME)), MIME, strict=True):
        with column:
            label = fmt.upper()
            if st.button(
                t("presentation.export.prepare", format=label),
                key=f"presentation.make.{fmt}",
                icon=":material/slideshow:",
            ):
                _build(deck, fmt)
            built = st.session_state.get(EXPORT_STATE.format(fmt=fmt))
            if built is None or built[0] != deck.request:
                continue
            if built[2]:
                st.warning(built[2], icon=":material/warning:")
            st.download_button(
                t("presentation.export.download", format=label),
                data=built[1],
                file_name=deck_file_name(deck.request, fmt),
                mime=MIME[fmt],
                key=f"presentation.download.{fmt}",
                on_click="ignore",
                icon=":material/download:",
                type="primary",
            )
    render_help_note(t("presentation.export.help"))


def _build(deck: Deck, fmt: str) -> None:
    bar = st.progress(0.0, text=t("presentation.export.progress.charts"))
    result = export_deck(
        deck,
        fmt=fmt,
        on_progress=lambda done, step: bar.progress(
            done, text=t(f"presentation.export.progress.{step}")
        ),
    )
    st.session_state[EXPORT_STATE.format(fmt=fmt)] = (deck.request, result.data, result.warning)
