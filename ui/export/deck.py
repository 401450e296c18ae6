"""Render a deck once (texts, chart figures and images), then write it as PPTX or PDF.

The PPTX draws native charts from the figures and needs no browser. The PDF's charts
become SVG (PNG without a Unicode font) in one browser session; without Chromium the PDF
is still made, with text-only slides and a message saying how to install the browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from data_access.core.i18n import translate
from data_access.core.periods import period_end
from data_access.kpis.slides import Deck, DeckRequest
from ui.export.figures import slide_figure
from ui.export.images import ChromiumMissing, render_formats
from ui.export.layout import CHART
from ui.export.pdf_deck import build_pdf, pdf_chart_formats
from ui.export.pptx_deck import build_pptx
from ui.export.rendered import RenderedDeck, RenderedSlide
from ui.export.text import slide_text
from ui.format import format_long_date

log = logging.getLogger(__name__)
# Smaller than a page's chart, so its 22 px type is ~16 pt on the slide (readable from the
# back of a room); the chart box's aspect ratio: laid out for the slide, not a screen.
SLIDE_IMAGE_WIDTH = 720
SLIDE_IMAGE_HEIGHT = round(SLIDE_IMAGE_WIDTH * CHART.height / CHART.width)
Progress = Callable[[float, str], None]  # fraction done (0–1), what is happening


def render_deck(
    deck: Deck, *, formats: tuple[str, ...] = (), on_progress: Progress | None = None
) -> RenderedDeck:
    """Texts and chart figures of every slide, and their charts as images in `formats`
    (all in one browser start; none started when no format is asked for)."""
    lang = deck.request.lang
    report = on_progress or (lambda fraction, step: None)
    figures = {i: slide_figure(s, deck) for i, s in enumerate(deck.slides)}
    charted = [i for i, figure in figures.items() if figure is not None]
    report(0.05, "charts")
    drawn, warning = _images([figures[i] for i in charted], formats, lang, report)
    images = dict(zip(charted, drawn, strict=False))  # none drawn: no images
    slides = tuple(
        RenderedSlide(slide_text(s, lang=lang), *_chart(images.get(i)), figure=figures[i])
        for i, s in enumerate(deck.slides)
    )
    as_of = format_long_date(period_end(deck.request.period), lang=lang)
    footer = translate(
        "slides.page_footer", lang, programme=deck.request.programme_name, as_of=as_of
    )
    return RenderedDeck(slides=slides, footer=footer, warning=warning, lang=lang)


def _images(
    figures: list, formats: tuple[str, ...], lang: str, report: Progress
) -> tuple[list[dict[str, bytes]], str | None]:
    """The charts in `formats`, or none (with the install hint) when Chromium is missing."""
    if not formats:
        return [], None
    try:
        rendered = render_formats(
            figures,
            formats=formats,
            width=SLIDE_IMAGE_WIDTH,
            height=SLIDE_IMAGE_HEIGHT,
            on_image=lambda n: report(0.05 + 0.8 * (n + 1) / len(figures), "charts"),
        )
    except ChromiumMissing:
        log.warning("Chromium missing: exporting text-only slides", exc_info=True)
        return [], translate("export.chromium_missing", lang)
    return rendered, None


def _chart(images: dict[str, bytes] | None) -> tuple[bytes | None, bytes | None]:
    return (None, None) if images is None else (images.get("png"), images.get("svg"))


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    warning: str | None


def export_deck(deck: Deck, *, fmt: str, on_progress: Progress | None = None) -> ExportResult:
    """The deck as `pptx` or `pdf` bytes, with the warning (if any) to show the user."""
    # Each writer's charts: native charts in the PPTX (no images), vector drawings in the PDF.
    writers = {"pptx": (build_pptx, ()), "pdf": (build_pdf, pdf_chart_formats())}
    if fmt not in writers:
        raise ValueError(f"unsupported deck format: {fmt}")
    writer, formats = writers[fmt]
    rendered = render_deck(deck, formats=formats, on_progress=on_progress)
    if on_progress is not None:
        on_progress(0.9, fmt)
    data = writer(rendered)
    if on_progress is not None:
        on_progress(1.0, "done")
    return ExportResult(data=data, warning=rendered.warning)


def deck_file_name(request: DeckRequest, fmt: str) -> str:
    """The name a deck is saved under, saying what it covers: `lc-monitor-2023-Q4-nl.pptx`
    for a programme, `lc-monitor-portfolio-2024-Q4-nl.pptx` for every programme together."""
    scope = "portfolio-" if request.programme_id is None else ""
    return f"lc-monitor-{scope}{request.period}-{request.lang}.{fmt}"
