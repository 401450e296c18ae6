"""The deck as a 16:9 PDF, with fpdf2 (pure Python, no external service).

Same layout boxes as the PPTX. Text needs a Unicode TrueType font for `€` and `–`:
DejaVu Sans or Liberation Sans from the system; else the built-in Helvetica with
the few characters it lacks spelled out. Charts are drawn from their SVG, so they stay
sharp on a projector and their labels are text a reader (or a test) can find; without
a Unicode font they fall back to the PNG.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF

from ui.export import layout

if TYPE_CHECKING:
    from ui.export.rendered import RenderedDeck, RenderedSlide

FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)  # fmt: skip
FAMILY = "deck"
# fpdf2 says it skips plotly's clip paths; nothing is drawn outside a plot (every axis
# covers its data), so that notice is noise on the command line.
logging.getLogger("fpdf.svg").setLevel(logging.ERROR)
LATIN1_FALLBACKS = {"€": "EUR", "–": "-", "·": "-", "\u202f": " ", "\u00a0": " "}
LINE_SPACING = 1.25


def build_pdf(deck: RenderedDeck) -> bytes:
    """The rendered deck as PDF bytes, one page per slide."""
    pdf = FPDF(orientation="L", unit="in", format=(layout.SLIDE_HEIGHT, layout.SLIDE_WIDTH))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    family = _register_font(pdf)
    for rendered in deck.slides:
        pdf.add_page()
        writer = _Writer(pdf, family)
        if rendered.text.number:
            _message_page(writer, rendered)
        else:
            _cover_page(writer, rendered)
        writer.text(layout.FOOTER, deck.footer, size=layout.SIZES["note"], colour=layout.MUTED)
    return bytes(pdf.output())


def _message_page(writer: _Writer, rendered: RenderedSlide) -> None:
    text = rendered.text
    writer.text(layout.TITLE, text.title, size=layout.SIZES["title"], bold=True)
    writer.text(layout.NUMBER, text.number, size=layout.number_size(text.number), bold=True,
                colour=layout.ACCENT)  # fmt: skip
    writer.text(layout.LABEL, text.number_label, size=layout.SIZES["label"])
    if rendered.vector is not None and writer.family is not None:
        image = _pdf_svg(rendered.vector, writer.family)
    else:
        image = rendered.image
    box = layout.sentence_box(image is not None)
    writer.text(box, text.sentence, size=layout.SIZES["sentence"])
    if image is not None:
        chart = layout.CHART
        writer.pdf.image(
            io.BytesIO(image), x=chart.left, y=chart.top, w=chart.width, h=chart.height
        )
    writer.text(layout.NOTE, text.definition, size=layout.SIZES["note"], colour=layout.MUTED)


def _cover_page(writer: _Writer, rendered: RenderedSlide) -> None:
    text = rendered.text
    writer.text(layout.COVER_TITLE, text.title, size=layout.SIZES["cover"], bold=True)
    lines = [line for line in (text.sentence, text.text) if line]
    writer.text(layout.COVER_TEXT, "\n".join(lines), size=layout.SIZES["sentence"])


def _pdf_svg(svg: bytes, family: str) -> bytes:
    """Plotly's SVG as fpdf2 reads it: text in the deck's registered font (the SVG names
    web fonts fpdf2 doesn't have), dash lengths without the `px` it can't parse."""
    svg = re.sub(rb"font-family:[^;\"]+", b"font-family: " + family.encode(), svg)
    return re.sub(rb"stroke-dasharray:[^;\"]+", lambda m: m.group(0).replace(b"px", b""), svg)


def pdf_chart_formats() -> tuple[str, ...]:
    """SVG when a Unicode font can draw its text, else the PNG."""
    return ("svg",) if _font_files() else ("png",)


def _font_files() -> tuple[str, str] | None:
    return next(
        ((r, b) for r, b in FONT_CANDIDATES if Path(r).is_file() and Path(b).is_file()), None
    )


def _register_font(pdf: FPDF) -> str | None:
    """Add the first Unicode font found; None means use Helvetica (Latin-1 only)."""
    files = _font_files()
    if files is None:
        return None
    pdf.add_font(FAMILY, "", files[0])
    pdf.add_font(FAMILY, "B", files[1])
    return FAMILY


class _Writer:
    """Draws word-wrapped text into a layout box, in the deck's font."""

    def __init__(self, pdf: FPDF, family: str | None) -> None:
        self.pdf, self.family = pdf, family

    def text(
        self,
        box: layout.Box,
        text: str,
        *,
        size: int,
        bold: bool = False,
        colour: tuple[int, int, int] = layout.TEXT,
    ) -> None:
        if not text:
            return
        if self.family is None:
            text = "".join(LATIN1_FALLBACKS.get(c, c) for c in text)
        self.pdf.set_font(self.family or "helvetica", "B" if bold else "", size)
        self.pdf.set_text_color(*colour)
        self.pdf.set_xy(box.left, box.top)
        line_height = size * LINE_SPACING / 72
        self.pdf.multi_cell(box.width, line_height, text, align="L")
