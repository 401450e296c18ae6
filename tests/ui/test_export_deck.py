"""The exported deck, opened by independent readers: python-pptx, LibreOffice, pdftotext.

Figures 13 and 10 are the sample data's communities started in 2022 and 2023.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.util import Inches

from data_access.core.db import session_scope
from data_access.core.i18n import translate
from data_access.kpis.slides import DeckRequest, build_deck
from data_access.kpis.slides_portfolio import build_portfolio_deck
from tests.conftest import PROJECT_ROOT, skip_or_fail
from ui.export.deck import deck_file_name, export_deck

CHROMIUM = Path("/usr/bin/chromium")
TITLES_NL = [
    "Symposium Overijssel",
    "Gestart in 2022",
    "Gestart in 2023",
    "Op weg naar het doel",
    "Wie doen er mee",
    "Facilitatoren",
    "Middelen in 2023",
    "Dank u wel",
]


def make_deck(lang: str = "nl", period: str = "2023-Q4"):
    request = DeckRequest(
        programme_id=1, programme_name="GasErop!", period=period, lang=lang,
        title="Symposium Overijssel", closing_remark="Tot de volgende keer!",
    )  # fmt: skip
    with session_scope() as session:
        return build_deck(session=session, request=request)


def needs(tool: str) -> None:
    if shutil.which(tool) is None:
        skip_or_fail(f"{tool} is missing")


@pytest.fixture
def chromium() -> None:
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")


@pytest.fixture
def pptx_file(sample_database, chromium, tmp_path) -> Path:
    result = export_deck(make_deck(), fmt="pptx")
    assert result.warning is None
    path = tmp_path / "deck.pptx"
    path.write_bytes(result.data)
    return path


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_pptx_is_16_9_with_a_title_per_slide_and_the_figures(pptx_file):
    deck = Presentation(str(pptx_file))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    assert [slide.shapes.title.text for slide in deck.slides] == TITLES_NL
    started_2022, started_2023 = (slide_texts(deck.slides[i]) for i in (1, 2))
    assert started_2022[1] == "13"  # the big number, after the title
    assert "In 2022 zijn 13 van de 13 geplande leergemeenschappen gestart" in started_2022[3]
    assert started_2023[1] == "10"
    assert "In 2023 zijn 10 van de 10 geplande" in started_2023[3]


def test_pptx_charts_are_native_charts_and_every_text_is_editable(pptx_file):
    deck = Presentation(str(pptx_file))
    charts = [sum(s.has_chart for s in slide.shapes) for slide in deck.slides]
    assert charts == [0, 1, 1, 1, 1, 0, 1, 0]
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.has_text_frame or shape.has_chart  # no pictures: nothing baked in
    assert slide_texts(deck.slides[-1])[1] == "Tot de volgende keer!"


def test_numbers_follow_the_chosen_language(sample_database, chromium):
    euros = {}
    for lang in ("nl", "en"):
        deck = Presentation(io.BytesIO(export_deck(make_deck(lang), fmt="pptx").data))
        euros[lang] = slide_texts(deck.slides[6])[1]
    assert euros == {"nl": "€ 151.450", "en": "€151,450"}


def libreoffice_pdf(pptx: Path, folder: Path) -> Path:
    """The PPTX as LibreOffice prints it to PDF (a fresh profile per call)."""
    needs("soffice")
    profile = folder / f"lo-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(pptx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / f"{pptx.stem}.pdf"


def test_libreoffice_opens_the_pptx_and_page_one_is_not_blank(pptx_file, tmp_path):
    needs("pdftoppm")
    pdf = libreoffice_pdf(pptx_file, tmp_path)
    assert pdf.stat().st_size > 0
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert ImageStat.Stat(page).var[0] > 100  # a blank page has variance 0


def test_pdf_export_has_every_slide_and_the_figures(sample_database, chromium, tmp_path):
    needs("pdftotext")
    path = tmp_path / "deck.pdf"
    path.write_bytes(export_deck(make_deck(), fmt="pdf").data)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")  # fmt: skip
    assert len([p for p in pages if p.strip()]) == 8
    assert "Gestart in 2022" in pages[1] and "13" in pages[1].split()
    assert "Gestart in 2023" in pages[2] and "10" in pages[2].split()
    assert "€ 151.450" in pages[6]


def test_without_chromium_the_pdf_is_text_only_with_an_install_hint(
    sample_database, monkeypatch, tmp_path
):
    needs("pdftotext")
    needs("pdfimages")
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # kaleido's documented option
    result = export_deck(make_deck(), fmt="pdf")
    assert result.warning == translate("export.chromium_missing", "nl")
    assert "apt-get install chromium" in result.warning
    assert "PowerPoint" in result.warning  # where the charts still are
    path = tmp_path / "deck.pdf"
    path.write_bytes(result.data)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")  # fmt: skip
    assert [page.split("\n")[0].strip() for page in pages[:8]] == TITLES_NL
    assert "13" in pages[1].split() and "Jaar" not in pages[1]  # the number, not the chart
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]  # fmt: skip
    assert listing == []


def test_without_chromium_the_pptx_still_has_its_native_charts(sample_database, monkeypatch):
    """The PPTX's charts are PowerPoint's own: no browser draws them."""
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    result = export_deck(make_deck(), fmt="pptx")
    assert result.warning is None
    deck = Presentation(io.BytesIO(result.data))
    assert [slide.shapes.title.text for slide in deck.slides] == TITLES_NL
    assert [sum(s.has_chart for s in slide.shapes) for slide in deck.slides] == [
        0, 1, 1, 1, 1, 0, 1, 0,
    ]  # fmt: skip
    assert slide_texts(deck.slides[1])[1] == "13"


def test_command_line_writes_the_same_deck(sample_database, chromium, tmp_path):
    out = tmp_path / "deck.pptx"
    completed = subprocess.run(
        [sys.executable, "-m", "ui.export", str(out), "--period", "2022-Q4", "--lang", "en"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert completed.stdout.strip() == f"{out}: 8 slides, GasErop! as of 2022-Q4"
    deck = Presentation(str(out))
    assert [slide_texts(deck.slides[i])[1] for i in (1, 2, 3)] == ["13", "0", "13"]
    assert deck.slides[0].shapes.title.text == "Learning communities in Overijssel"


def test_command_line_refuses_an_unknown_file_type(sample_database, tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "ui.export", str(tmp_path / "deck.key")],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert completed.returncode == 2


def test_command_line_writes_the_portfolio_deck(sample_database, chromium, tmp_path):
    out = tmp_path / "portfolio.pptx"
    completed = subprocess.run(
        [sys.executable, "-m", "ui.export", str(out), "--portfolio"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert completed.stdout.strip() == f"{out}: 5 slides, Alle programma's as of 2024-Q4"
    deck = Presentation(str(out))
    assert [slide.shapes.title.text for slide in deck.slides] == [
        "Leergemeenschappen in Overijssel", "Alle programma's samen", "GasErop!",
        "Rondje Circulair (fictief)", "Dank u wel",
    ]  # fmt: skip
    assert [slide_texts(deck.slides[i])[1] for i in (1, 2, 3)] == ["27", "23", "4"]
    assert any(shape.has_chart for shape in deck.slides[1].shapes)  # the bar chart


def test_the_portfolio_deck_written_into_a_folder_is_named_for_the_portfolio(
    sample_database, tmp_path
):
    """OUT a folder: the deck takes its own name, which says it covers every programme."""
    folder = tmp_path / "decks"
    folder.mkdir()
    completed = subprocess.run(
        [sys.executable, "-m", "ui.export", str(folder), "--portfolio", "--lang", "en"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = folder / "lc-monitor-portfolio-2024-Q4-en.pptx"
    assert completed.stdout.startswith(f"{out}: 5 slides")
    assert [path.name for path in folder.iterdir()] == [out.name]


def test_a_programme_deck_and_the_portfolio_deck_have_names_that_tell_them_apart(
    sample_database,
):
    with session_scope() as session:
        portfolio = build_portfolio_deck(session=session, lang="nl")
    assert deck_file_name(make_deck().request, "pdf") == "lc-monitor-2023-Q4-nl.pdf"
    assert deck_file_name(portfolio.request, "pdf") == "lc-monitor-portfolio-2024-Q4-nl.pdf"
