"""Presentation: the symposium deck for the dashboard's filters, one message per slide,
with the officer's title and closing remark, and the same deck as PPTX or PDF."""

import streamlit as st

from data_access.kpis.slides import DeckRequest
from ui import cache
from ui.components import render_safely
from ui.dashboard import page_header
from ui.i18n import current_language, t
from ui.presentation_view import render_downloads, render_slide, render_slide_chooser


def deck_settings() -> tuple[str, str]:
    """The deck's title and closing remark, typed by the officer (kept across pages)."""
    with st.expander(t("presentation.settings"), icon=":material/edit:"):
        title = st.text_input(
            t("presentation.deck_title"),
            placeholder=t("slides.title.default"),
            key="presentation.deck_title",
        )
        closing = st.text_area(
            t("presentation.closing_remark"),
            placeholder=t("presentation.closing_placeholder"),
            key="presentation.closing_remark",
        )
    return title, closing


def render() -> None:
    filters = page_header("presentation.title")
    if filters is None:
        return
    title, closing = deck_settings()
    lang = current_language()
    # With more than one programme the deck can cover them all (totals, then one each).
    whole = len(cache.programmes()) > 1 and st.toggle(
        t("presentation.portfolio"),
        key="presentation.portfolio",
        help=t("presentation.portfolio_help"),
    )
    request = DeckRequest(
        programme_id=filters.programme_id,
        programme_name=filters.programme_name,
        period=filters.period,
        lang=lang,
        filters=filters.community,
        title=title,
        closing_remark=closing,
    )
    deck = cache.portfolio_deck(lang=lang, title=title, closing=closing) if whole else None
    deck = deck or cache.deck(request)
    index = render_slide_chooser(deck)
    render_slide(deck, index)
    render_downloads(deck)


render_safely(render)
