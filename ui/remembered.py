"""Choices that outlive a visit to another page.

Streamlit forgets a widget's state once a run goes by without the widget, so a page's
search box or chooser would be empty again when you come back. A page that should
look as you left it calls `restore` before drawing the widget and `keep` after.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

KEPT = ".kept"


def restore(key: str, options: Collection | None = None) -> None:
    """Put back the choice kept from an earlier visit, unless the widget still has
    one; with `options`, only what is still on offer (a list keeps its valid items)."""
    if key in st.session_state or key + KEPT not in st.session_state:
        return
    value = st.session_state[key + KEPT]
    if options is not None:
        if isinstance(value, list):
            value = [item for item in value if item in options]
        elif value not in options:
            return
    st.session_state[key] = value


def keep(key: str) -> None:
    """Keep the widget's current choice for the next visit."""
    st.session_state[key + KEPT] = st.session_state.get(key)
