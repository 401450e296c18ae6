"""The exported deck's charts, read back as a reader sees them (issue 12): every tick
label whole and inside the chart's box, no two labels on top of each other, in the PDF
(charts drawn as vector text) and in the PPTX printed by LibreOffice (native charts,
whose labels are text too), both read with `pdftotext -bbox`. The PPTX's labels are
expected as the language writes them (`ui.format`: "€ 15.000" / "€15,000"), for the
programme deck and the portfolio deck.
"""

from __future__ import annotations

import html
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import plotly.graph_objects as go
import pytest

from data_access.core.db import session_scope
from data_access.kpis.slides_portfolio import build_portfolio_deck
from tests.ui.test_export_deck import libreoffice_pdf, make_deck, needs
from ui.export import layout
from ui.export.deck import render_deck
from ui.export.pdf_deck import build_pdf
from ui.export.pptx_deck import build_pptx
from ui.format import format_count, format_euro

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
    deck = render_deck(make_deck(request.param, period="2024-Q1"), formats=("svg",))
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
        assert crowded_words(pages[index]) == [], slide.text.title


def axis_labels(figure: go.Figure, lang: str) -> list[str]:
    """What a reader should see on a native chart's axes, written independently of the
    chart's number format: the categories, and every value tick of the page's axis."""
    categories = [html.unescape(str(x)) for x in figure.data[0].x]
    axis = figure.layout.yaxis
    low, high = axis.range
    ticks = range(int(low), int(high) + 1, int(axis.dtick))
    write = format_euro if axis.tickprefix else format_count
    return categories + [write(tick, lang=lang) for tick in ticks]


def crowded_words(words: list) -> list[tuple[str, str]]:
    inside = [w for w in words if inside_chart(w)]
    return [(a[4], b[4]) for n, a in enumerate(inside) for b in inside[n + 1 :] if overlaps(a, b)]


@pytest.fixture(params=[("nl", "programme"), ("en", "programme"), ("nl", "portfolio"),
                        ("en", "portfolio")], ids="-".join)  # fmt: skip
def pptx_deck(request, sample_database):
    lang, kind = request.param
    if kind == "portfolio":
        with session_scope() as session:
            return render_deck(build_portfolio_deck(session=session, lang=lang))
    return render_deck(make_deck(lang, period="2024-Q1"))


def test_pptx_native_charts_through_libreoffice_show_every_tick_label_whole_and_apart(
    pptx_deck, tmp_path
):
    needs("pdftotext")
    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(build_pptx(pptx_deck))
    pages = page_words(libreoffice_pdf(pptx, tmp_path))
    charted = [(i, s) for i, s in enumerate(pptx_deck.slides) if s.figure is not None]
    assert len(charted) == (1 if len(pptx_deck.slides) == 5 else 5)
    for index, slide in charted:
        labels = axis_labels(slide.figure, pptx_deck.lang)
        cut = [label for label in labels if not shown_whole(label, pages[index])]
        assert cut == [], (slide.text.title, cut)
        assert crowded_words(pages[index]) == [], slide.text.title
