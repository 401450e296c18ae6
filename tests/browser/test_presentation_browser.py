"""Present in Chromium: step through the slides, then download the PPTX and the PDF."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect
from pptx import Presentation

from tests.browser.helpers import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def download(page, fmt: str, tmp_path):
    """Build the deck with its button, then click the download and keep the file."""
    main = page.get_by_test_id("stMain")
    main.get_by_role("button", name=f"{fmt} maken").click()
    wait_for_app(page)
    button = main.get_by_role("button", name=f"{fmt} downloaden")
    expect(button).to_be_visible(timeout=60_000)
    with page.expect_download() as event:
        button.click()
    path = tmp_path / event.value.suggested_filename
    event.value.save_as(path)
    return path


def test_presentation_steps_through_slides_and_downloads_pptx_and_pdf(page, app_url, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url)  # a deep link on a fresh server hits Streamlit's "page not found"
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Presentatie").click()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Presentatie voor het symposium")).to_be_visible()
    main.get_by_role("button", name="Volgende").click()
    wait_for_app(page)
    expect(main.locator(".lc-number")).to_have_text("13")
    expect(main.locator(".js-plotly-plot")).to_be_visible()
    screenshot(page, "presentation_nl")

    pptx = download(page, "PPTX", tmp_path)
    assert pptx.name == "lc-monitor-2023-Q4-nl.pptx"
    deck = Presentation(str(pptx))
    assert len(deck.slides) == 8
    assert deck.slides[2].shapes.title.text == "Gestart in 2023"

    pdf = download(page, "PDF", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Gestart in 2022" in text and "13" in text.split()


def test_the_deck_for_every_programme_downloads_under_a_name_that_says_so(page, app_url, tmp_path):
    """Next to a programme's decks in a downloads folder, the portfolio's reads as such."""
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Presentatie").click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_text("Alle programma's samen").click()
    wait_for_app(page)
    pptx = download(page, "PPTX", tmp_path)
    assert pptx.name == "lc-monitor-portfolio-2024-Q4-nl.pptx"
    assert Presentation(str(pptx)).slides[1].shapes.title.text == "Alle programma's samen"
