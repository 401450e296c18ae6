"""A programme lead's quarter in Chromium: template, fill, upload, preview, apply, undo."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.browser.helpers import expect_year_cards, screenshot, wait_for_app
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BEFORE = {"Gestart in 2022": "13 van 13", "Gestart in 2023": "10 van 10",
          "Totaal (cumulatief)": "23 van 23"}  # fmt: skip
LEAD = "lead@demo.lc-monitor.local"


def fill_in(template: bytes) -> bytes:
    """One new community for the template's (next) quarter, as a lead would type it."""
    book = load_workbook(io.BytesIO(template))
    sheet = book["Leergemeenschappen"]
    facilitator = book["Facilitatoren"]["A2"].value
    row = next(r for r in range(2, sheet.max_row + 2) if sheet.cell(r, 1).value is None)
    values = {1: "GE24-01", 2: "Waterstof Almelo", 3: "Almelo Staal BV", 4: "Energietransitie",
              7: date(2024, 1, 8), 9: "Lopend", 10: facilitator, 11: 5}  # fmt: skip
    for column, value in values.items():
        sheet.cell(row, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def go_to(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_for_app(page)


def download_template(page: Page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Sjabloon downloaden").click()
    return Path(download.value.path()).read_bytes()


def test_upload_apply_and_undo_change_the_overview_and_back(page: Page, app_url: str):
    page.set_viewport_size({"width": 1400, "height": 1800})  # whole page on screenshots
    page.goto(f"{app_url}/?demo={LEAD}")  # demo mode: the lead of GasErop!
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect_year_cards(main, BEFORE)

    go_to(page, "Uploaden")
    content = fill_in(download_template(page))
    # An address is shown with an invisible word joiner inside (no link is made of it).
    joinable = f"{WORD_JOINER}?".join(re.escape(ch) for ch in f"Je werkt als {LEAD}.")
    expect(main.get_by_text(re.compile(f"^{joinable}$"))).to_be_visible()
    main.locator("input[type=file]").set_input_files(
        {"name": "2024-Q1.xlsx", "mimeType": XLSX, "buffer": content}
    )
    wait_for_app(page)
    expect(main.get_by_text("Geen fouten gevonden.")).to_be_visible()
    expect(main.get_by_role("heading", name="4. Voorbeeld")).to_be_visible()
    expect(main.get_by_text("GasErop!, 2024-Q1: dit verandert er")).to_be_visible()
    first_row = main.get_by_test_id("stTable").locator("tbody tr").first
    expect(first_row).to_have_text(re.compile(r"Leergemeenschappen\s*1\s*0\s*23\s*0"))
    screenshot(page, "upload_preview")

    main.get_by_role("button", name="Verwerken").click()
    wait_for_app(page)
    expect(main.get_by_text("GasErop!, 2024-Q1 is ingediend als import")).to_be_visible()
    screenshot(page, "upload_applied")

    main.get_by_role("link", name="Naar het overzicht").click()
    wait_for_app(page)
    expect_year_cards(
        main, {**BEFORE, "Gestart in 2024": "1 (geen doel)", "Totaal (cumulatief)": "24 van 23"}
    )
    screenshot(page, "overview_after_upload")

    go_to(page, "Geschiedenis")
    expect(main.get_by_role("heading", name="Geschiedenis van imports")).to_be_visible()
    # The grid draws on a canvas; its accessible cells carry the text.
    cells = main.locator('td[role="gridcell"]')
    expect(cells.filter(has_text=re.compile(r"^2024-Q1$"))).to_have_count(1)
    expect(cells.filter(has_text=re.compile(f"^{re.escape(LEAD)}$"))).to_have_count(1)
    main.get_by_role("button", name="Ongedaan maken…").click()
    wait_for_app(page)
    main.get_by_role("button", name="Ja, ongedaan maken").click()
    wait_for_app(page)
    expect(main.get_by_text("is ongedaan gemaakt.")).to_be_visible()
    screenshot(page, "history_undone")

    go_to(page, "Overzicht")
    expect_year_cards(main, BEFORE)
    expect(main.get_by_text("Gestart in 2024", exact=True)).to_have_count(0)
    screenshot(page, "overview_after_undo")
