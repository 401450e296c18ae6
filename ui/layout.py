"""Page-wide CSS so that cards and labels fit a laptop screen (1024 or 1280 px wide).

Streamlit cuts a card's label and value with "…" when its column is narrow, and its
columns never wrap. Here a row of cards wraps to fewer per row once a card would be
narrower than CARD_MIN_WIDTH, and a card's label wraps onto a second line instead of
being cut. Only Streamlit's stable `data-testid` attributes are used as selectors.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from ui.i18n import t

if TYPE_CHECKING:
    import pandas as pd

CARD_MIN_WIDTH = "12rem"
# A table row this tall wraps its cells' text (Streamlit wraps in rows taller than 4 rem):
# a long e-mail or programme name takes two lines instead of pushing columns out of view.
WRAPPING_ROW_HEIGHT = 68
CARD_ROW = (
    '[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > '
    '[data-testid="stVerticalBlock"] > [data-testid="stElementContainer"] > '
    '[data-testid="stMetric"])'
)
STYLE = f"""<style>
{CARD_ROW} {{ flex-wrap: wrap; }}
{CARD_ROW} > [data-testid="stColumn"] {{ min-width: {CARD_MIN_WIDTH}; }}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {{
  white-space: normal; overflow: visible; text-overflow: clip;
}}
</style>"""


def render_fixed_table(
    table: pd.DataFrame,
    *,
    headers: str,
    widths: dict[str, int],
    key: str,
    only_these: bool = False,
    with_help: bool = False,
    special: dict | None = None,
) -> None:
    """A table in view at 1024 px: text columns of fixed widths (px; the header of column
    `c` is the translation `{headers}.{c}`, its help `{headers}.{c}_help` if `with_help`)
    in rows tall enough to wrap a long e-mail or name. `only_these`: the other columns
    stay in the table's column menu only. `special`: other column configurations (a
    link, say) by column name, replacing the text column of that name."""
    columns = {
        t(f"{headers}.{c}"): st.column_config.TextColumn(
            width=w, help=t(f"{headers}.{c}_help") if with_help else None
        )
        for c, w in widths.items()
    } | (special or {})
    order = {"column_order": tuple(columns)} if only_these else {}
    st.dataframe(table, hide_index=True, width="stretch", key=key, column_config=columns,
                 row_height=WRAPPING_ROW_HEIGHT, **order)  # fmt: skip


def render_layout_style() -> None:
    """Add the CSS to this run's page (a <style> alone takes no room on the page)."""
    st.html(STYLE)


DROPZONE = '[data-testid="stFileUploaderDropzone"]'


def render_uploader_words(*, button: str, limit: str) -> None:
    """Streamlit's file uploader has no setting for its own words ("Upload", "25MB per
    file"): write them over in the user's language, keeping the real limit."""
    st.html(f"""<style>
{DROPZONE} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
{DROPZONE} button [data-testid="stMarkdownContainer"] p::after {{
  content: {json.dumps(button)}; font-size: 1rem; }}
{DROPZONE} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{DROPZONE} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {json.dumps(limit)}; font-size: 0.875rem; }}
</style>""")
