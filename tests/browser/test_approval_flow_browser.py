"""Approval in demo mode, in Chromium: a lead uploads, an officer approves (the period is
locked), the lead's next upload for that period is refused naming the officer, the officer
unlocks, the upload goes through; the audit log then lists every step.

Runs its own server (fresh sample database), so the shared one keeps its figures.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve_on
from tests.browser.helpers import open_dropdown, screenshot, wait_for_app
from tests.browser.test_upload_flow_browser import XLSX, download_template, fill_in
from tests.conftest import DATABASES

pytestmark = pytest.mark.browser

LEAD = "lead@demo.lc-monitor.local"
OFFICER = "officer@demo.lc-monitor.local"


@pytest.fixture(params=DATABASES)
def own_app_url(request, tmp_path, postgres_template) -> Iterator[str]:
    """A server of its own: the flow locks and unlocks a period."""
    with serve_on(request.param, tmp_path, postgres_template) as url:
        yield url


def open_as(page: Page, url: str, path: str, email: str):
    """A fresh session as a demo user (demo mode reads ?demo= on a new session)."""
    page.goto(f"{url}/{path}?demo={email}")
    wait_for_app(page)
    return page.get_by_test_id("stMain")


def renamed(content: bytes, name: str) -> bytes:
    """The same workbook with the new community renamed: a correction of the quarter."""
    book = load_workbook(io.BytesIO(content))
    sheet = book["Leergemeenschappen"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "GE24-01")
    sheet.cell(row, 2, name)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(main, content: bytes, file_name: str) -> None:
    main.locator("input[type=file]").set_input_files(
        {"name": file_name, "mimeType": XLSX, "buffer": content}
    )
    wait_for_app(main.page)


def choose_and_confirm(main, option: str, button: str = "Goedkeuren en vergrendelen") -> None:
    """Choose a submitted import (nothing is preselected), then act and confirm the dialog."""
    page = main.page
    open_dropdown(page, main.get_by_test_id("stSelectbox").first)
    page.get_by_role("option", name=re.compile(re.escape(option))).click()
    wait_for_app(page)
    main.get_by_role("button", name=button).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Ja, ga door").click()
    wait_for_app(page)


def test_lead_uploads_officer_approves_locks_and_unlocks_and_the_log_shows_it(
    page: Page, own_app_url: str
):
    page.set_viewport_size({"width": 1400, "height": 1800})
    main = open_as(page, own_app_url, "uploaden", LEAD)
    content = fill_in(download_template(page))
    upload(main, content, "2024-Q1.xlsx")
    main.get_by_role("button", name="Verwerken").click()
    wait_for_app(page)
    expect(main.get_by_text("GasErop!, 2024-Q1 is ingediend als import #7")).to_be_visible()

    main = open_as(page, own_app_url, "goedkeuren", OFFICER)
    expect(main.get_by_role("heading", name="Goedkeuren")).to_be_visible()
    choose_and_confirm(main, "#7 · 2024-Q1")
    expect(main.get_by_text("Import #7 is goedgekeurd; de periode is vergrendeld.")).to_be_visible()
    screenshot(page, "approval_approved")

    main = open_as(page, own_app_url, "uploaden", LEAD)
    upload(main, renamed(content, "Waterstof Almelo-Noord"), "2024-Q1 v2.xlsx")
    refusal = f"Periode 2024-Q1 is goedgekeurd en vergrendeld door {OFFICER}"
    # The issue table draws on a canvas; its accessible cells carry the message.
    expect(main.locator('td[role="gridcell"]').filter(has_text=refusal)).to_have_count(1)
    expect(main.get_by_role("button", name="Verwerken")).to_have_count(0)
    screenshot(page, "approval_upload_refused")

    main = open_as(page, own_app_url, "goedkeuren", OFFICER)
    main.get_by_role("button", name="Ontgrendelen").first.click()  # newest lock: 2024-Q1
    wait_for_app(page)
    expect(main.get_by_text("Periode 2024-Q1 is ontgrendeld")).to_be_visible()

    main = open_as(page, own_app_url, "uploaden", LEAD)
    upload(main, renamed(content, "Waterstof Almelo-Noord"), "2024-Q1 v2.xlsx")
    main.get_by_role("button", name="Verwerken").click()
    wait_for_app(page)
    expect(main.get_by_text("GasErop!, 2024-Q1 is ingediend als import #8")).to_be_visible()

    main = open_as(page, own_app_url, "logboek", OFFICER)
    cells = main.locator('td[role="gridcell"]')
    # Newest first: the flow's five steps are the top rows (the grid renders visible rows).
    for action in ("Goedgekeurd", "Vergrendeld", "Ontgrendeld"):
        expect(cells.filter(has_text=re.compile(f"^{action}$"))).to_have_count(1)
    expect(cells.filter(has_text=re.compile(f"^{re.escape(LEAD)}$"))).to_have_count(2)
    expect(cells.filter(has_text=re.compile(f"^{re.escape(OFFICER)}$"))).to_have_count(3)
    assert cells.filter(has_text=re.compile("^Import$")).count() >= 2
    screenshot(page, "approval_audit_log")
