"""Where things go on a 16:9 slide (inches), shared by the PPTX and PDF writers."""

from __future__ import annotations

from dataclasses import dataclass

SLIDE_WIDTH, SLIDE_HEIGHT = 13.333, 7.5
MARGIN = 0.6
ACCENT = (0x00, 0x72, 0xB2)  # the charts' "actual" blue (ui.theme.ACTUAL_COLOUR)
TEXT = (0x26, 0x27, 0x30)
MUTED = (0x6B, 0x6E, 0x76)
SIZES = {"title": 36, "number": 80, "label": 20, "sentence": 22, "note": 12, "cover": 44}


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float


TITLE = Box(MARGIN, 0.4, SLIDE_WIDTH - 2 * MARGIN, 1.0)
NUMBER = Box(MARGIN, 1.6, 4.6, 1.5)
LABEL = Box(MARGIN, 3.1, 4.6, 0.9)
SENTENCE_BESIDE_CHART = Box(MARGIN, 4.0, 4.6, 2.4)
SENTENCE_WIDE = Box(MARGIN, 4.0, SLIDE_WIDTH - 2 * MARGIN, 2.4)
CHART = Box(5.5, 1.6, 7.3, 3.65)  # 2:1, the images' aspect ratio
NOTE = Box(MARGIN, 6.45, SLIDE_WIDTH - 2 * MARGIN, 0.5)
FOOTER = Box(MARGIN, 6.95, SLIDE_WIDTH - 2 * MARGIN, 0.4)
COVER_TITLE = Box(MARGIN, 2.0, SLIDE_WIDTH - 2 * MARGIN, 1.5)
COVER_TEXT = Box(MARGIN, 3.6, SLIDE_WIDTH - 2 * MARGIN, 2.0)


def sentence_box(has_chart: bool) -> Box:
    return SENTENCE_BESIDE_CHART if has_chart else SENTENCE_WIDE


def number_size(number: str) -> int:
    """The big number's point size: smaller for long figures (`€ 151.450`) so it fits
    on one line; a bold digit is at most ~0.72 em wide in the fonts we use."""
    fits = NUMBER.width * 72 / (max(len(number), 1) * 0.72)
    return int(min(SIZES["number"], fits))
