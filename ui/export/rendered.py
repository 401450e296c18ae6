"""A deck rendered once (texts, chart figures and images): what the PPTX and PDF writers read.

Its own module so the writers and `deck.py`, which renders and then picks a writer,
import it rather than each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.export.text import SlideText

if TYPE_CHECKING:
    import plotly.graph_objects as go


@dataclass(frozen=True)
class RenderedSlide:
    text: SlideText
    image: bytes | None  # PNG of the chart (the PDF without a Unicode font), else None
    vector: bytes | None = None  # the same chart as SVG: the PDF draws it as text and lines
    figure: go.Figure | None = None  # the chart itself: the PPTX draws it as a native chart


@dataclass(frozen=True)
class RenderedDeck:
    """Everything a writer needs: slides, a footer line, and any warning to show."""

    slides: tuple[RenderedSlide, ...]
    footer: str
    warning: str | None = None
    lang: str = "nl"  # the deck's language: number formats in native charts follow it
