"""The exported deck's charts, read back as a reader sees them (issue 12): every tick
label whole and inside the chart's box, no two labels on top of each other, in the PDF
(charts drawn as vector text, read with `pdftotext -bbox`) and in the PPTX opened by
LibreOffice (charts are pictures there: no ink may touch a picture's edge, where a cut
label would end).
"""

from __future__ import annotations

import html
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from tests.ui.test_export_deck import libreoffice_pdf, make_deck, needs
from ui.export import layout
from ui.export.deck import render_deck
from ui.export.pdf_deck import build_pdf
from ui.export.pptx_deck import build_pptx

SVG = "{http://www.w3.org/2000/svg}"
POINTS = 72  # per inch
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
TOLERANCE = 1.0  # points


def tick_labels(svg: bytes) -> list[str]:
    """The text of every x and y tick in a plotly SVG."""
    root = ET.fromstring(svg)
    return [
        "".join(g.itertext()).strip()
        for g in root.iter(f"{SVG}g")
        if g.get("class") in ("xtick", "ytick")
    ]


def page_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every word with its box (points, origin top left)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    return [
        [(*map(float, m.groups()[:4]), html.unescape(m.group(5))) for m in WORD.finditer(page)]
        for page in out.split("<page ")[1:]
    ]


def inside_chart(word) -> bool:
    box = layout.CHART
    left, top = box.left * POINTS - TOLERANCE, box.top * POINTS - TOLERANCE
    right = (box.left + box.width) * POINTS + TOLERANCE
    bottom = (box.top + box.height) * POINTS + TOLERANCE
    return word[0] >= left and word[1] >= top and word[2] <= right and word[3] <= bottom


def overlaps(a, b) -> bool:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width > TOLERANCE and height > TOLERANCE


def shown_whole(label: str, words: list) -> bool:
    """The label's words appear one after another, each wholly inside the chart's box
    (a label running off the box is not among them)."""
    tokens = label.split()
    texts = [w[4] for w in words if inside_chart(w)]
    return any(
        texts[start : start + len(tokens)] == tokens
        for start in range(len(texts) - len(tokens) + 1)
    )


@pytest.fixture(params=["nl", "en"])
def rendered(request, sample_database):
    needs("pdftotext")
    deck = render_deck(make_deck(request.param, period="2024-Q1"), formats=("png", "svg"))
    assert deck.warning is None  # Chromium rendered the charts
    return deck


def test_pdf_charts_show_every_tick_label_whole_and_apart(rendered, tmp_path):
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(build_pdf(rendered))
    pages = page_words(pdf)
    charted = [(i, s) for i, s in enumerate(rendered.slides) if s.vector is not None]
    assert len(charted) == 5
    for index, slide in charted:
        labels = tick_labels(slide.vector)
        assert labels, slide.text.title
        cut = [label for label in labels if not shown_whole(label, pages[index])]
        assert cut == [], (slide.text.title, cut)
        chart_words = [w for w in pages[index] if inside_chart(w)]
        crowded = [
            (a[4], b[4]) for n, a in enumerate(chart_words) for b in chart_words[n + 1 :]
            if overlaps(a, b)
        ]  # fmt: skip
        assert crowded == [], (slide.text.title, crowded)


def test_pptx_chart_pictures_through_libreoffice_have_no_cut_edge(rendered, tmp_path):
    needs("pdfimages")
    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(build_pptx(rendered))
    pdf = str(libreoffice_pdf(pptx, tmp_path))
    listing = subprocess.run(["pdfimages", "-list", pdf], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]  # fmt: skip
    pictures = [int(row.split()[1]) for row in listing if row.split()[2] == "image"]
    assert len(pictures) == 5  # (their transparency masks are listed apart)
    subprocess.run(["pdfimages", "-png", pdf, str(tmp_path / "img")], check=True)
    for number in pictures:
        picture = Image.open(tmp_path / f"img-{number:03d}.png")
        assert inked_edges(picture) == [], number


def inked_edges(image: Image.Image, depth: int = 3) -> list[str]:
    """Which edges of a chart picture carry ink (a label or line running off the picture)."""
    grey = image.convert("L")
    width, height = grey.size
    strips = {
        "left": (0, 0, depth, height), "right": (width - depth, 0, width, height),
        "top": (0, 0, width, depth), "bottom": (0, height - depth, width, height),
    }  # fmt: skip
    return [edge for edge, box in strips.items() if min(grey.crop(box).getdata()) < 200]
