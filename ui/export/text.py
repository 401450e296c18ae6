"""A slide's words as shown: numbers written the chosen language's way (ui.format).

The presentation page, the PPTX and the PDF all take their text from here, so the
three always show the same numbers for the same filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from data_access.core.i18n import translate, translate_count
from data_access.kpis.slides import EUROS, SHARE, Counted, Number, Sentence, Slide
from ui.format import format_count, format_euro, format_long_date, format_share


@dataclass(frozen=True)
class SlideText:
    """Every string of one slide, ready to draw."""

    key: str
    title: str
    number: str  # "" when the slide has no big number
    number_label: str
    sentence: str
    text: str
    definition: str


def format_number(number: Number, *, lang: str) -> str:
    """A `Number` as the language writes it: `1.234`, `46%`, `€ 1.234`."""
    if number.kind == EUROS:
        return format_euro(number.value, lang=lang)
    if number.kind == SHARE:
        return format_share(number.value, lang=lang)
    return format_count(number.value, lang=lang)


def format_sentence(sentence: Sentence | None, *, lang: str) -> str:
    """Fill a sentence template: numbers and dates formatted, text as is."""
    if sentence is None:
        return ""
    params = {name: _param(value, lang) for name, value in sentence.params.items()}
    return translate(sentence.key, lang, **params)


def slide_text(slide: Slide, *, lang: str) -> SlideText:
    """The strings of `slide` in `lang`."""
    definition = (
        translate("slides.definition", lang, definition=slide.definition)
        if slide.definition
        else ""
    )
    return SlideText(
        key=slide.key,
        title=slide.title,
        number="" if slide.number is None else format_number(slide.number, lang=lang),
        number_label=slide.number_label,
        sentence=format_sentence(slide.sentence, lang=lang),
        text=slide.text,
        definition=definition,
    )


def _param(value: object, lang: str) -> str:
    if isinstance(value, Number):
        return format_number(value, lang=lang)
    if isinstance(value, Counted):
        count = format_count(value.value, lang=lang)
        return translate_count(value.key, value.value, lang, count=count)
    if isinstance(value, date):
        return format_long_date(value, lang=lang)
    return str(value)
