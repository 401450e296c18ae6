"""The current language of this browser session, and `t()` to translate with it.

Dutch is the default. The choice lives in session state (so it survives page
switches) and in the URL as `?lang=en` (so a copied link opens in the same language).
"""

from __future__ import annotations

import streamlit as st

from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate, translate_count
from ui.safe_text import markdown_params

LANGUAGE_KEY = "sidebar.lang"
LANGUAGE_PARAM = "lang"


def current_language() -> str:
    """The language picked in the sidebar, else the one in the URL, else Dutch."""
    chosen = st.session_state.get(LANGUAGE_KEY) or st.query_params.get(LANGUAGE_PARAM)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the current language, placeholders filled in."""
    return translate(key, current_language(), **params)


def tn(key: str, count: float, /, **params: object) -> str:
    """`t` of the plural form of `key` (`key.one` / `key.other`) that fits `count`."""
    return translate_count(key, count, current_language(), **params)


def t_markdown(key: str, /, **params: object) -> str:
    """`t` for a place that reads Markdown: every text parameter (a name from a file,
    a comment) is escaped, so it shows as written and never becomes markup."""
    return t(key, **markdown_params(params))
