"""The deck as a 16:9 PowerPoint file: real, editable text boxes and native charts.

Each slide uses the "Title Only" layout, so its title is the slide's title
placeholder (outline view, screen readers); the big number, its label, the
sentence and the definition are text boxes; the definition is also the speaker note.
Charts are PowerPoint charts built from the page's figure (`pptx_charts`), so a
presenter can restyle them and read their numbers, and no browser is needed.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from ui.export import layout
from ui.export.pptx_charts import add_native_chart

if TYPE_CHECKING:
    from pptx.slide import Slide as PptxSlide

    from ui.export.rendered import RenderedDeck, RenderedSlide

TITLE_ONLY_LAYOUT = 5


def build_pptx(deck: RenderedDeck) -> bytes:
    """The rendered deck as .pptx bytes."""
    presentation = Presentation()
    presentation.slide_width = Inches(layout.SLIDE_WIDTH)
    presentation.slide_height = Inches(layout.SLIDE_HEIGHT)
    for rendered in deck.slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY_LAYOUT])
        if rendered.text.number:
            _message_slide(slide, rendered, lang=deck.lang)
        else:
            _cover_slide(slide, rendered)
        _add_text(slide, layout.FOOTER, deck.footer, size=layout.SIZES["note"], colour=layout.MUTED)
        if rendered.text.definition:
            slide.notes_slide.notes_text_frame.text = rendered.text.definition
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _message_slide(slide: PptxSlide, rendered: RenderedSlide, *, lang: str) -> None:
    text = rendered.text
    _set_title(slide, text.title, layout.TITLE, layout.SIZES["title"])
    _add_text(slide, layout.NUMBER, text.number, size=layout.number_size(text.number), bold=True,
              colour=layout.ACCENT)  # fmt: skip
    _add_text(slide, layout.LABEL, text.number_label, size=layout.SIZES["label"])
    box = layout.sentence_box(rendered.figure is not None)
    _add_text(slide, box, text.sentence, size=layout.SIZES["sentence"])
    if rendered.figure is not None:
        add_native_chart(slide, rendered.figure, lang=lang)
    _add_text(slide, layout.NOTE, text.definition, size=layout.SIZES["note"], colour=layout.MUTED)


def _cover_slide(slide: PptxSlide, rendered: RenderedSlide) -> None:
    text = rendered.text
    _set_title(slide, text.title, layout.COVER_TITLE, layout.SIZES["cover"])
    lines = [line for line in (text.sentence, text.text) if line]
    if lines:
        _add_text(slide, layout.COVER_TEXT, "\n".join(lines), size=layout.SIZES["sentence"])


def _set_title(slide: PptxSlide, text: str, box: layout.Box, size: int) -> None:
    title = slide.shapes.title
    title.left, title.top = Inches(box.left), Inches(box.top)
    title.width, title.height = Inches(box.width), Inches(box.height)
    title.text_frame.text = text
    paragraph = title.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    paragraph.runs[0].font.size = Pt(size)
    paragraph.runs[0].font.bold = True
    paragraph.runs[0].font.color.rgb = RGBColor(*layout.TEXT)


def _add_text(
    slide: PptxSlide,
    box: layout.Box,
    text: str,
    *,
    size: int,
    bold: bool = False,
    colour: tuple[int, int, int] = layout.TEXT,
) -> None:
    """A word-wrapped text box, one paragraph per line of `text`."""
    if not text:
        return
    shape = slide.shapes.add_textbox(
        Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height)
    )
    frame = shape.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = RGBColor(*colour)
