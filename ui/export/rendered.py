"""A deck rendered once (texts and chart images): what the PPTX and PDF writers read.

Its own module so the writers and `deck.py`, which renders and then picks a writer,
import it rather than each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.export.text import SlideText


@dataclass(frozen=True)
class RenderedSlide:
    text: SlideText
    image: bytes | None  # PNG of the chart, None for text-only slides
    vector: bytes | None = None  # the same chart as SVG: the PDF draws it as text and lines


@dataclass(frozen=True)
class RenderedDeck:
    """Everything a writer needs: slides, a footer line, and any warning to show."""

    slides: tuple[RenderedSlide, ...]
    footer: str
    warning: str | None = None
